package diemcau.event;

/**
 * A prize of {@code count} awards of {@code amountVnd} each, given to units of one pool:
 * {@link #FINALISTS} (by final rank, places counted through the finalist prizes in file order) or
 * {@link #STAGE2_NOT_FINALIST} (stage-2 units that did not reach the final). {@code certificate}
 * is what comes with it besides the money ("Giấy khen của Giám đốc Sở …"), empty when nothing.
 */
public record Prize(String id, String name, int count, long amountVnd, String pool, String certificate) {

  /** A prize with nothing besides the money. */
  public Prize(String id, String name, int count, long amountVnd, String pool) {
    this(id, name, count, amountVnd, pool, "");
  }

  public static final String FINALISTS = "finalists";
  public static final String STAGE2_NOT_FINALIST = "stage2-not-finalist";

  public boolean forFinalists() {
    return FINALISTS.equals(pool);
  }
}
