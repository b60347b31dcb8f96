package diemcau.bench;

import io.vertx.core.json.JsonObject;

/** What a series of rounds times: the MC command each round sends and the topic whose new state ends the round. */
interface Operation {

  /** One MC command: its name and arguments. */
  record Command(String name, JsonObject args) {}

  /** The name the report gives the series. */
  String name();

  /** The topic (index in {@link FrameScan#TOPICS}) whose next revision every viewer must receive. */
  int topic();

  /** Round {@code round}'s command; unmeasured (warm-up) rounds are negative. */
  Command command(int round);

  /** {@code screen.message} with a text of {@value #MESSAGE_CHARS} characters: a state frame of about 300 bytes. */
  static Operation screenMessage() {
    return new Operation() {
      @Override
      public String name() {
        return "screen.message";
      }

      @Override
      public int topic() {
        return FrameScan.SCREEN;
      }

      @Override
      public Command command(int round) {
        return new Command("screen.message", new JsonObject().put("text", message(round)));
      }
    };
  }

  int MESSAGE_CHARS = 150;

  /** A screen message of {@value #MESSAGE_CHARS} characters that names its round. */
  static String message(int round) {
    String text = "diemcau bench, round " + round + ": kiem tra do tre phat song toi moi man hinh. ";
    StringBuilder padded = new StringBuilder(text);
    while (padded.length() < MESSAGE_CHARS) {
      padded.append("x");
    }
    return padded.toString();
  }
}
