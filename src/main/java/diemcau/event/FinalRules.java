package diemcau.event;

/**
 * How the final's scores are aggregated: with {@code dropHighestAndLowest} a finalist's highest
 * and lowest judge totals are left out before averaging. The final's date, start, venue and
 * programme are its {@link Day}.
 */
public record FinalRules(boolean dropHighestAndLowest) {
}
