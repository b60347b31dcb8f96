package diemcau.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** What one bench run does; see {@link BenchCommand} for each option's meaning. */
record RunOptions(URI url, String mcToken, String adminToken, int viewers, int rounds, int priority, int priorityNice, int slow,
    int idleSeconds, Path json, List<String> sourceAddresses, boolean bare, int connectWindow, long roundTimeoutMs,
    int warmupRounds, String transport, String door) {}
