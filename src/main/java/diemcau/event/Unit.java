package diemcau.event;

/**
 * One participating unit. {@code name} is the bare name as in the event file: for a commune-level
 * unit without its kind word ("Hải Dương"), for a department the full name ("Sở Y tế"). Use
 * {@link #displayName()} for the name people say. {@code headcount} (staff expected to take part)
 * is null when unknown, never 0.
 */
public record Unit(String code, String name, UnitKind kind, Integer headcount) {

  /** "Phường Hải Dương", "Xã Tân Minh", "Đặc khu Cát Hải"; a department's name as it is. */
  public String displayName() {
    return kind.communeLevel() ? kind.label() + " " + name : name;
  }

  public Unit withHeadcount(Integer headcount) {
    return new Unit(code, name, kind, headcount);
  }
}
