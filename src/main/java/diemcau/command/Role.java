package diemcau.command;

/** Who a caller is to the command door. Wire names are the lower-case constant names. */
public enum Role {
  VIEWER, BRIDGE, MC, ADMIN, JUDGE;

  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Role fromWire(String wire) {
    return valueOf(wire.toUpperCase(java.util.Locale.ROOT));
  }
}
