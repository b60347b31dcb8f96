package diemcau.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** What one bench run does; see {@link BenchCommand} for each option's meaning. */
record RunOptions(List<URI> urls, String commandsTo, String mcToken, String adminToken, int viewers, int rounds, int priority, int priorityNice, int slow,
    int idleSeconds, Path json, List<String> sourceAddresses, boolean bare, int connectWindow, long roundTimeoutMs,
    int warmupRounds, String transport, String door) {

  /** {@code --door both}: the series by operation on either door, in turn; every other phase by the MC socket. */
  static final String BOTH = "both";

  /** The doors the series by operation go by. */
  List<String> doors() {
    return BOTH.equals(door) ? List.of(ServerUnderTest.SOCKET, ServerUnderTest.REST) : List.of(door);
  }

  /** The first {@code --url}: the server, when there is one. */
  URI url() {
    return urls.get(0);
  }

  /** The door of every other phase: the MC socket with {@code both}. */
  String mainDoor() {
    return doors().get(0);
  }
}
