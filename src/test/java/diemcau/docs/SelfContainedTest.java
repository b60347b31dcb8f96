package diemcau.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A clone of the repository is all a reader has: no file may send them to one beside it. */
@DisplayName("No file of the repository refers to a file outside it")
class SelfContainedTest {

  /** Written in two parts so that this file does not name them itself. */
  private static final List<String> OUTSIDE = List.of(".." + "/shared", "shared" + "/DESIGN");
  /** Git's own folder and what a build or a local run writes: not part of the repository. */
  private static final Set<String> NOT_THE_REPOSITORY = Set.of(".git", "target", "data", "node_modules");

  @Test
  @DisplayName("no file mentions the shared folder or its design notes")
  void noOutsideReference() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("."))) {
      for (Path file : files.filter(Files::isRegularFile).filter(SelfContainedTest::inRepository).toList()) {
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        OUTSIDE.stream().filter(text::contains).forEach(name -> found.add(file + ": " + name));
      }
    }
    assertThat(found).isEmpty();
  }

  private static boolean inRepository(Path file) {
    for (Path part : file.normalize()) {
      if (NOT_THE_REPOSITORY.contains(part.toString())) {
        return false;
      }
    }
    return true;
  }
}
