package diemcau.finale;

import diemcau.command.CommandException;
import diemcau.event.Criterion;
import diemcau.event.Rubric;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One score per rubric criterion, as a judge or the council gave them. Scores are exact
 * decimals with at most two places (7.5, 12.25), so totals and means compare exactly.
 */
public record ScoreSheet(Map<String, BigDecimal> scores) {

  /** Most decimal places a score may have. */
  public static final int SCALE = 2;

  public ScoreSheet {
    scores = Collections.unmodifiableMap(new LinkedHashMap<>(scores));
  }

  /** The sum of the scores. */
  public BigDecimal total() {
    return scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal score(String criterion) {
    return scores.get(criterion);
  }

  /**
   * Reads {@code json} (criterion id → number) against the rubric: every criterion is required,
   * within its range, and nothing else is accepted. Errors name the field, e.g. {@code scores.sang-tao}.
   */
  public static ScoreSheet parse(Rubric rubric, JsonObject json, String field) {
    for (String id : json.fieldNames()) {
      if (rubric.criterion(id).isEmpty()) {
        throw CommandException.badArgument(field + "." + id, "no criterion " + id + " in the rubric");
      }
    }
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    for (Criterion criterion : rubric.criteria()) {
      String name = field + "." + criterion.id();
      Object value = json.getValue(criterion.id());
      if (value == null) {
        throw CommandException.badArgument(name, "a score for \"" + criterion.name() + "\" is required");
      }
      if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
        throw CommandException.badArgument(name, name + " must be a number, got " + value);
      }
      BigDecimal score = new BigDecimal(number.toString()).stripTrailingZeros();
      if (score.scale() > SCALE) {
        throw CommandException.badArgument(name, name + " may have at most " + SCALE + " decimal places, got " + number);
      }
      if (score.compareTo(BigDecimal.valueOf(criterion.min())) < 0 || score.compareTo(BigDecimal.valueOf(criterion.max())) > 0) {
        throw CommandException.badArgument(name, name + " must be between " + plain(criterion.min()) + " and "
            + plain(criterion.max()) + ", got " + score.toPlainString());
      }
      scores.put(criterion.id(), score.setScale(SCALE));
    }
    return new ScoreSheet(scores);
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject();
    scores.forEach((id, score) -> json.put(id, score.doubleValue()));
    return json;
  }

  /** Reads a sheet this class wrote (trusted: no rubric check). */
  public static ScoreSheet fromJson(JsonObject json) {
    Map<String, BigDecimal> scores = new LinkedHashMap<>();
    json.forEach(entry -> scores.put(entry.getKey(),
        new BigDecimal(entry.getValue().toString()).setScale(SCALE, RoundingMode.UNNECESSARY)));
    return new ScoreSheet(scores);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
