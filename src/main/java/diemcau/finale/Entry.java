package diemcau.finale;

import diemcau.command.CommandException;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.Locale;

/**
 * A qualified unit's one stage-2 entry. {@code representative} and {@code contact} are personal
 * data: they stay with the organisers and never reach a topic.
 */
public record Entry(String unit, String title, String representative, String contact, Channel channel,
    long receivedAt, Status status) {

  /** How an entry reached the organisers. */
  public enum Channel {
    PLATFORM("Nền tảng đào tạo phát triển kỹ năng số"), ZALO("Zalo"), EMAIL("E-mail");

    private final String label;

    Channel(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String field, String wire) {
      return Arrays.stream(values()).filter(c -> c.wire().equals(wire)).findFirst().orElseThrow(() ->
          CommandException.badArgument(field, field + " must be platform, zalo or email, got " + wire));
    }
  }

  /** Where the council is with an entry. */
  public enum Status {
    RECEIVED("received", "Đã nhận"), UNDER_REVIEW("under-review", "Đang chấm"), SCORED("scored", "Đã chấm");

    private final String wire;
    private final String label;

    Status(String wire, String label) {
      this.wire = wire;
      this.label = label;
    }

    public String wire() {
      return wire;
    }

    public String label() {
      return label;
    }

    public static Status parse(String field, String wire) {
      return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst().orElseThrow(() ->
          CommandException.badArgument(field, field + " must be received, under-review or scored, got " + wire));
    }
  }

  public Entry withStatus(Status next) {
    return new Entry(unit, title, representative, contact, channel, receivedAt, next);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("unit", unit)
        .put("title", title)
        .put("representative", representative)
        .put("contact", contact)
        .put("channel", channel.wire())
        .put("receivedAt", receivedAt)
        .put("status", status.wire());
  }

  public static Entry fromJson(JsonObject json) {
    return new Entry(json.getString("unit"), json.getString("title"), json.getString("representative"),
        json.getString("contact"), Channel.parse("channel", json.getString("channel")), json.getLong("receivedAt"),
        Status.parse("status", json.getString("status")));
  }
}
