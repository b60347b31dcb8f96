package diemcau.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way this server writes a CSV file for people to open in a spreadsheet: UTF-8 with a
 * byte-order mark (so the Vietnamese diacritics open right), CRLF lines, and cells that a
 * spreadsheet can never run as a formula.
 *
 * <p>A cell is either a number ({@link Number}: written as it is, so a negative figure stays a
 * number) or text ({@link String}: anything a person may have typed — names, titles, reasons,
 * judge names — and everything else the code formats). Text that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is written with a leading apostrophe, the OWASP
 * rule against CSV injection, so the spreadsheet shows it as text. Any other type is refused: a
 * new export has to decide whether a value is a number or text.
 */
public final class CsvSheet {

  private static final String BOM = "\uFEFF";

  private final StringBuilder out = new StringBuilder(BOM);
  private final CSVPrinter printer;

  private CsvSheet(List<?> header) {
    try {
      printer = new CSVPrinter(out, CSVFormat.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    row(header);
  }

  /** A sheet whose first row is {@code header}. */
  public static CsvSheet withHeader(List<?> header) {
    return new CsvSheet(header);
  }

  public CsvSheet row(Object... cells) {
    return row(Arrays.asList(cells));
  }

  public CsvSheet row(List<?> cells) {
    try {
      printer.printRecord(cells.stream().map(CsvSheet::cell).toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The file's text, byte-order mark first. */
  public String text() {
    return out.toString();
  }

  /** A cell as written: numbers as they are, text made safe; null is an empty cell. */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Number number) {
      return number.toString();
    }
    if (value instanceof String text) {
      return text(text);
    }
    throw new IllegalArgumentException("a CSV cell is a Number or a String, got " + value.getClass().getSimpleName());
  }

  /** OWASP's rule: text a spreadsheet would read as a formula gets a leading apostrophe. */
  static String text(String text) {
    if (text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
