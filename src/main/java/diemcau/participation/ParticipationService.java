package diemcau.participation;

import diemcau.command.Addresses;
import diemcau.command.Args;
import diemcau.command.Change;
import diemcau.command.CommandDispatcher;
import diemcau.command.CommandException;
import diemcau.command.CommandResult;
import diemcau.command.LiveCore;
import diemcau.command.Role;
import diemcau.event.Event;
import diemcau.event.Unit;
import diemcau.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage 1, live: every person's participation (the {@link PersonRecords}), the headcounts, and the
 * {@code leaderboard} topic ranked from them.
 *
 * <p>Its commands ({@code participation.import}, {@code units.headcount},
 * {@code units.headcounts}, admin only) change the person records and headcounts, revisioned and
 * audited under {@value #RECORDS} (a name no screen can subscribe to) and committed like every
 * command, but the leaderboard is not published per command. It is
 * recomputed after a change and published at most once per {@link #COALESCE_MS}, and only when
 * the board differs from the one last published, so an import that changes nothing makes no
 * new leaderboard revision.
 *
 * <p>After a restart the person records are rebuilt from the participation tables (nothing is kept in
 * {@code core_state}); until then the topic says {@code "ready": false} and the commands are
 * refused with 503.
 */
public final class ParticipationService implements LiveCore, Qualifiers {

  /** At most one leaderboard frame per this many milliseconds. */
  public static final long COALESCE_MS = 1_000;
  /** What the person records and headcounts are revisioned and audited under. */
  static final String RECORDS = "participation";
  private static final Logger LOG = LoggerFactory.getLogger(ParticipationService.class);
  private static final Set<Role> ADMIN = Set.of(Role.ADMIN);

  /** What is read back from the store at start. */
  private record Stored(List<PersonRecords.Row> rows, Map<String, Integer> headcounts) {}

  private final Event event;
  private final Store store;
  private final Clock clock;
  private final PersonRecords records = new PersonRecords();
  private final Map<String, Integer> setHeadcounts = new HashMap<>();
  private Board board;
  private JsonObject data;
  private boolean loaded;
  private long publishedAt;
  private long timer = -1;
  private Vertx vertx;
  private Runnable republish;

  public ParticipationService(Event event, Store store, Clock clock) {
    this.event = event;
    this.store = store;
    this.clock = clock;
    this.data = Board.of(event, headcounts(), List.of()).toJson(event.ranking().description(), Map.of()).put("ready", false);
  }

  @Override
  public String topic() {
    return "leaderboard";
  }

  @Override
  public JsonObject topicData(long now) {
    return data;
  }

  /** Nothing to restore from {@code core_state}: the board is rebuilt from the participation tables in {@link #start}. */
  @Override
  public void restore(JsonObject stored) {
  }

  @Override
  public void register(CommandDispatcher dispatcher) {
    dispatcher.register("participation.import", ADMIN, (caller, args, now) -> importUpload(args));
    dispatcher.register("units.headcount", ADMIN, (caller, args, now) -> {
      String unit = knownUnit(args.requireString("unit"), "unit");
      return setHeadcounts(Map.of(unit, inRange(args.requireInt("headcount"), "headcount")));
    });
    dispatcher.register("units.headcounts", ADMIN, (caller, args, now) -> {
      JsonObject given = args.requireObject("headcounts");
      if (given.isEmpty()) {
        throw CommandException.badArgument("headcounts", "headcounts is empty: give {\"UNIT\": N, ...}");
      }
      Map<String, Integer> headcounts = new LinkedHashMap<>();
      given.forEach(entry -> {
        String field = "headcounts." + entry.getKey();
        if (!(entry.getValue() instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
          throw CommandException.badArgument(field, field + " must be a whole number, got " + entry.getValue());
        }
        headcounts.put(knownUnit(entry.getKey(), field), inRange(number.intValue(), field));
      });
      return setHeadcounts(headcounts);
    });
  }

  @Override
  public Future<Void> start(Vertx vertx, Runnable republish) {
    this.vertx = vertx;
    this.republish = republish;
    MessageConsumer<Void> leaderboard = vertx.eventBus().localConsumer(Addresses.LEADERBOARD,
        message -> message.reply(CommandResult.answer(data)));
    store.tx(connection -> new Stored(ParticipationTables.rows(connection), ParticipationTables.headcounts(connection)))
        .onSuccess(stored -> {
          records.load(stored.rows());
          setHeadcounts.putAll(stored.headcounts());
          loaded = true;
          LOG.info("participation: {} people, {} headcounts set, loaded from the store", records.size(), setHeadcounts.size());
          boardMayHaveChanged();
        })
        .onFailure(failure -> LOG.error("participation: cannot load the people from the store; imports are refused", failure));
    return leaderboard.completion();
  }

  @Override
  public Optional<Stage1Ranking.Qualified> qualified(String unit) {
    if (board == null) {
      return Optional.empty();
    }
    return board.groups().stream().flatMap(group -> group.rows().stream())
        .filter(row -> row.unit().code().equals(unit)).map(Stage1Ranking.Row::qualified).findFirst()
        .or(() -> Optional.of(Stage1Ranking.Qualified.NO));
  }

  /** Takes no arguments: its rows come with the command, from an upload's door. */
  private Change importUpload(Args args) {
    args.requireNoOthers();
    Upload upload = args.attachment(Upload.class).orElseThrow(() -> new CommandException(400, "upload_required", null,
        "participation.import takes its rows from an upload: send them to POST /api/participation (a JSON array) "
            + "or /api/participation/import (a CSV file)"));
    requireLoaded();
    long began = System.nanoTime();
    PersonRecords.Diff diff = records.diff(upload.rows());
    long diffMs = (System.nanoTime() - began) / 1_000_000;
    JsonObject counts = new JsonObject()
        .put("persons", diff.persons())
        .put("created", diff.created().size())
        .put("updated", diff.updated().size())
        .put("unchanged", diff.unchanged());
    JsonObject summary = new JsonObject()
        .put("source", upload.source())
        .put("sha256", upload.sha256())
        .put("rows", upload.rows().size())
        .mergeIn(counts)
        .put("units", upload.rows().stream().map(Person::unit).distinct().count());
    return Change.unpublished(RECORDS,
        (connection, rev, now) -> {
          long writing = System.nanoTime();
          ParticipationTables.write(connection, diff, now);
          LOG.info("participation: {} import of {} rows ({} created, {} updated): diff {} ms, written in {} ms", upload.source(),
              upload.rows().size(), diff.created().size(), diff.updated().size(), diffMs, (System.nanoTime() - writing) / 1_000_000);
        },
        () -> {
          records.apply(diff);
          if (!diff.empty()) {
            boardMayHaveChanged();
          }
        }).withAuditArgs(summary).withReply(counts);
  }

  /**
   * Back to before a rehearsal: no person, and the event file's headcounts (those set from the
   * console or by a simulation are gone); the leaderboard follows.
   */
  public Change reset() {
    requireLoaded();
    return Change.unpublished(RECORDS, (connection, rev, now) -> ParticipationTables.clear(connection), () -> {
      records.clear();
      setHeadcounts.clear();
      boardMayHaveChanged();
    });
  }

  private Change setHeadcounts(Map<String, Integer> headcounts) {
    requireLoaded();
    Map<String, Integer> values = Map.copyOf(headcounts);
    return Change.unpublished(RECORDS,
        (connection, rev, now) -> ParticipationTables.saveHeadcounts(connection, values, now),
        () -> {
          setHeadcounts.putAll(values);
          boardMayHaveChanged();
        });
  }

  private String knownUnit(String code, String field) {
    if (event.unit(code).isEmpty()) {
      throw CommandException.badArgument(field, "unknown unit code: " + code);
    }
    return code;
  }

  private static int inRange(int headcount, String field) {
    if (headcount < 1 || headcount > Uploads.MAX_HEADCOUNT) {
      throw CommandException.badArgument(field, field + " must be from 1 to " + Uploads.MAX_HEADCOUNT + ", got " + headcount);
    }
    return headcount;
  }

  private void requireLoaded() {
    if (!loaded) {
      throw new CommandException(503, "loading", null, "participation data is still loading from the store: try again shortly");
    }
  }

  /** The effective headcounts: those set by organisers, else the event file's. */
  private Map<String, Integer> headcounts() {
    Map<String, Integer> headcounts = new HashMap<>();
    for (Unit unit : event.units()) {
      Integer headcount = setHeadcounts.getOrDefault(unit.code(), unit.headcount());
      if (headcount != null) {
        headcounts.put(unit.code(), headcount);
      }
    }
    return headcounts;
  }

  /** Schedules a recompute, no sooner than {@link #COALESCE_MS} after the last frame. */
  private void boardMayHaveChanged() {
    if (timer != -1) {
      return;
    }
    long wait = Math.max(1, publishedAt + COALESCE_MS - clock.millis());
    timer = vertx.setTimer(wait, ignored -> {
      timer = -1;
      publishIfChanged();
    });
  }

  private void publishIfChanged() {
    long began = System.nanoTime();
    Board next = Board.of(event, headcounts(), records.persons());
    if (next.equals(board)) {
      return;
    }
    data = next.toJson(event.ranking().description(), board == null ? Map.of() : board.ranks());
    LOG.info("participation: leaderboard of {} people recomputed in {} ms", records.size(), (System.nanoTime() - began) / 1_000_000);
    board = next;
    publishedAt = clock.millis();
    republish.run();
  }
}
