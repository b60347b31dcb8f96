package diemcau.event;

/** One criterion of the final's rubric: a judge gives a score from min to max (min &lt; max). */
public record Criterion(String id, String name, double min, double max) {
}
