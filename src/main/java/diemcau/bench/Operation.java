package diemcau.bench;

import io.vertx.core.json.JsonObject;
import java.util.function.IntFunction;

/** What a series of rounds times: the MC command each round sends and the topic whose new state ends the round. */
final class Operation {

  /** One MC command: its name and arguments. */
  record Command(String name, JsonObject args) {}

  static final long ADJUST_MS = 1000;
  static final int MESSAGE_CHARS = 150;

  private final String name;
  private final int topic;
  private final IntFunction<Command> commands;

  private Operation(String name, int topic, IntFunction<Command> commands) {
    this.name = name;
    this.topic = topic;
    this.commands = commands;
  }

  /** The name the report gives the series. */
  String name() {
    return name;
  }

  /** The topic (index in {@link FrameScan#TOPICS}) whose next revision every viewer must receive. */
  int topic() {
    return topic;
  }

  /** Round {@code round}'s command; unmeasured (warm-up) rounds are negative. */
  Command command(int round) {
    return commands.apply(round);
  }

  /**
   * {@code screen.message} with a text of {@value #MESSAGE_CHARS} characters (a state frame of about
   * 300 bytes), a new text every time: two series of one round (one per door) change it alike.
   */
  static Operation screenMessage() {
    long[] sent = {0};
    return new Operation("screen.message", FrameScan.SCREEN,
        round -> new Command("screen.message", new JsonObject().put("text", message(round + "." + ++sent[0]))));
  }

  /**
   * The MC's step through the programme: {@code agenda.next} and {@code agenda.previous} in turn,
   * so the agenda stays on two neighbouring items however many rounds run (the first must have a
   * next item: see {@link AgendaPreparation}). Each call alternates, warm-up rounds included.
   */
  static Operation agendaSteps() {
    return alternating("agenda.next/previous", new Command("agenda.next", new JsonObject()),
        new Command("agenda.previous", new JsonObject()));
  }

  /** {@code agenda.adjust}, a second more and a second less in turn: the current item's time changes, nothing else. */
  static Operation agendaAdjust() {
    return alternating("agenda.adjust", new Command("agenda.adjust", new JsonObject().put("ms", ADJUST_MS)),
        new Command("agenda.adjust", new JsonObject().put("ms", -ADJUST_MS)));
  }

  /** Two commands of the agenda in turn, one per call. */
  private static Operation alternating(String name, Command there, Command back) {
    long[] calls = {0};
    return new Operation(name, FrameScan.AGENDA, round -> calls[0]++ % 2 == 0 ? there : back);
  }

  /** A screen message of {@value #MESSAGE_CHARS} characters that names its round. */
  static String message(Object round) {
    String text = "diemcau bench, round " + round + ": kiem tra do tre phat song toi moi man hinh. ";
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < MESSAGE_CHARS) {
      padded.append("x");
    }
    return padded.toString();
  }
}
