package diemcau.event;

/**
 * A prize of {@code count} awards of {@code amountVnd} each, given to units of one pool:
 * {@link #FINALISTS} (by final rank, places counted through the finalist prizes in file order) or
 * {@link #STAGE2_NOT_FINALIST} (stage-2 units that did not reach the final).
 */
public record Prize(String id, String name, int count, long amountVnd, String pool) {

  public static final String FINALISTS = "finalists";
  public static final String STAGE2_NOT_FINALIST = "stage2-not-finalist";

  public boolean forFinalists() {
    return FINALISTS.equals(pool);
  }
}
