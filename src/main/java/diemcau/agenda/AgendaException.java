package diemcau.agenda;

/** A transition the agenda refuses, with a stable code and, when an argument is at fault, its name. */
public final class AgendaException extends RuntimeException {

  private final String code;
  private final String field;

  public AgendaException(String code, String field, String message) {
    super(message, null, false, false);
    this.code = code;
    this.field = field;
  }

  public String code() {
    return code;
  }

  public String field() {
    return field;
  }
}
