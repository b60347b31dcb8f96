package diemcau.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the docs tests read: the main sources without their comments (a name in a comment is not
 * code), and the docs' code spans. Read at test time, so a class renamed or moved is still read.
 */
final class Sources {

  static final Path MAIN = Path.of("src", "main", "java");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  private Sources() {}

  /**
   * Every main source file of the server, comments taken out. The tools built into the jar
   * ({@code bench}, {@code simulate}, in a package named {@code bench} or {@code tools}) are
   * clients of the server: what they send and read is not the server's contract.
   */
  static List<String> mainCode() {
    try (Stream<Path> files = Files.walk(MAIN)) {
      List<String> code = new ArrayList<>();
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).filter(Sources::server).sorted().toList()) {
        code.add(withoutComments(Files.readString(file)));
      }
      return code;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean server(Path file) {
    for (Path part : MAIN.relativize(file)) {
      if (part.toString().equals("bench") || part.toString().equals("tools")) {
        return false;
      }
    }
    return true;
  }

  static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contents of every {@code `code span`} of a Markdown text. */
  static Set<String> codeSpans(String markdown) {
    Set<String> spans = new LinkedHashSet<>();
    Matcher m = CODE_SPAN.matcher(markdown);
    while (m.find()) {
      spans.add(m.group(1));
    }
    return spans;
  }

  /** Every string literal of the main sources whose whole text matches {@code shape}. */
  static Set<String> literals(Pattern shape) {
    Set<String> found = new LinkedHashSet<>();
    for (String code : mainCode()) {
      Matcher m = LITERAL.matcher(code);
      while (m.find()) {
        if (shape.matcher(m.group(1)).matches()) {
          found.add(m.group(1));
        }
      }
    }
    return found;
  }

  /** Group 1 of every match of {@code pattern} in the main sources. */
  static Set<String> matches(Pattern pattern) {
    Set<String> found = new LinkedHashSet<>();
    for (String code : mainCode()) {
      Matcher m = pattern.matcher(code);
      while (m.find()) {
        found.add(m.group(1));
      }
    }
    return found;
  }

  /** Java source with its comments replaced by a space; string, char and text-block literals kept whole. */
  static String withoutComments(String java) {
    StringBuilder out = new StringBuilder(java.length());
    int i = 0;
    int n = java.length();
    while (i < n) {
      char c = java.charAt(i);
      if (java.startsWith("//", i)) {
        while (i < n && java.charAt(i) != '\n') {
          i++;
        }
        out.append(' ');
      } else if (java.startsWith("/*", i)) {
        int end = java.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
        out.append(' ');
      } else if (java.startsWith("\"\"\"", i)) {
        int end = java.indexOf("\"\"\"", i + 3);
        int stop = end < 0 ? n : end + 3;
        out.append(java, i, stop);
        i = stop;
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
          j += java.charAt(j) == '\\' ? 2 : 1;
        }
        int stop = Math.min(n, j + 1);
        out.append(java, i, stop);
        i = stop;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }
}
