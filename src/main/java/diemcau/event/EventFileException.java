package diemcau.event;

import java.util.List;
import java.util.stream.Collectors;

/** An event file that cannot be used, with every problem found in it. */
public class EventFileException extends RuntimeException {

  private final String source;
  private final List<Problem> problems;

  public EventFileException(String source, List<Problem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file or resource name the problems are in. */
  public String source() {
    return source;
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    return problems.stream().map(p -> source + ": " + p).collect(Collectors.joining("\n"));
  }
}
