package diemcau.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("CSV sheets: figures stay figures, text never runs as a formula")
class CsvSheetTest {

  @Test
  @DisplayName("text starting with = + - @ tab or CR gets a leading apostrophe (OWASP), other text is unchanged")
  void textIsEscaped() {
    assertThat(CsvSheet.cell("=HYPERLINK(\"http://evil\",\"x\")")).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
    assertThat(CsvSheet.cell("+84 912")).isEqualTo("'+84 912");
    assertThat(CsvSheet.cell("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvSheet.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvSheet.cell("\t=1")).isEqualTo("'\t=1");
    assertThat(CsvSheet.cell("\r=1")).isEqualTo("'\r=1");
    assertThat(CsvSheet.cell("Phường Thủy Nguyên")).isEqualTo("Phường Thủy Nguyên");
    assertThat(CsvSheet.cell("a=b")).isEqualTo("a=b");
    assertThat(CsvSheet.cell("")).isEmpty();
    assertThat(CsvSheet.cell(null)).isEmpty();
  }

  @Test
  @DisplayName("numbers, negative ones too, are written as numbers; any other type is refused")
  void numbersAreNumbers() {
    assertThat(CsvSheet.cell(-5)).isEqualTo("-5");
    assertThat(CsvSheet.cell(new BigDecimal("-0.25"))).isEqualTo("-0.25");
    assertThat(CsvSheet.cell(new BigDecimal("8E+1"))).isEqualTo("80");
    assertThat(CsvSheet.cell(10_000_000L)).isEqualTo("10000000");
    assertThatThrownBy(() -> CsvSheet.cell(true)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a sheet starts with a byte-order mark and quotes what needs quoting")
  void sheet() {
    String text = CsvSheet.withHeader(List.of("Tên", "Điểm")).row("=1+1, \"x\"", new BigDecimal("-1.5")).text();
    assertThat(text).isEqualTo("\uFEFFTên,Điểm\r\n\"'=1+1, \"\"x\"\"\",-1.5\r\n");
  }

  @Test
  @DisplayName("no export writes CSV except through CsvSheet")
  void everyExportGoesThroughTheSheet() throws IOException {
    Path main = Path.of("src", "main", "java");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> printers = files.filter(path -> path.toString().endsWith(".java"))
          .filter(path -> !path.endsWith(Path.of("diemcau", "csv", "CsvSheet.java")))
          .filter(path -> read(path).contains("CSVPrinter"))
          .toList();
      assertThat(printers).as("classes printing CSV without CsvSheet").isEmpty();
    }
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
