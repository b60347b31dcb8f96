package diemcau.event;

/** What kind of unit takes part: the three commune-level kinds, or a city department. */
public enum UnitKind {
  XA("Xã"),
  PHUONG("Phường"),
  DAC_KHU("Đặc khu"),
  DEPARTMENT("Sở, ban, ngành");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  /** True for xã, phường and đặc khu: the bridge sites and the communes' leaderboard. */
  public boolean communeLevel() {
    return this != DEPARTMENT;
  }

  /** The Vietnamese word for the kind, as shown on screen ("Xã", "Phường", "Đặc khu", "Sở, ban, ngành"). */
  public String label() {
    return label;
  }
}
