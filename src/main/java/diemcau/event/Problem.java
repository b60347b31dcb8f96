package diemcau.event;

/** One thing wrong in an event file, at a JSON path such as {@code $.agenda[6].start}. */
public record Problem(String path, String message) {

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
