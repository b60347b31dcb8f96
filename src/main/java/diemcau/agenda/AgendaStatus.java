package diemcau.agenda;

import java.util.Locale;

/** Where the agenda is; the wire names are lower case. */
public enum AgendaStatus {
  IDLE, RUNNING, PAUSED, ENDED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static AgendaStatus fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
