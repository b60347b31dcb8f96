package diemcau.command;

/**
 * Who a caller is to the command door. Wire names are the lower-case constant names. HALL is the
 * hall's projector, opened with the hall link's key: a screen in the priority tier that sends no
 * commands.
 */
public enum Role {
  VIEWER, BRIDGE, HALL, MC, ADMIN, JUDGE;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role fromWire(String wire) {
    return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
  }
}
