package diemcau.participation;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * An uploaded CSV file read into rows of field values through a {@link CsvColumns} mapping: UTF-8
 * with or without a byte-order mark, comma or semicolon (whichever the header line uses more),
 * the first line a header. Empty cells read as absent.
 */
final class CsvFile {

  /** One data row: its line (the header is line 1) and its values by field. */
  record Line(int line, Map<String, Object> values) {}

  /** The rows, and the header names no field claimed. */
  record Table(List<Line> lines, List<String> ignoredColumns) {}

  private CsvFile() {}

  /** The file's rows; file-level problems (encoding, header) go to {@code errors} and give no rows. */
  static Table read(byte[] bytes, CsvColumns columns, List<RowError> errors) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      errors.add(RowError.ofFile("not_utf8", "the file is not UTF-8 text: save it as \"CSV UTF-8\""));
      return new Table(List.of(), List.of());
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      errors.add(RowError.ofFile("empty_file", "the file is empty"));
      return new Table(List.of(), List.of());
    }
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter(text))
        .setHeader()
        .setSkipHeaderRecord(true)
        .setIgnoreEmptyLines(true)
        .setAllowMissingColumnNames(true)
        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
        .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      List<String> headers = parser.getHeaderNames();
      Map<Integer, String> fieldAt = new LinkedHashMap<>();
      List<String> ignored = new ArrayList<>();
      Map<String, String> claimed = new HashMap<>();
      for (int i = 0; i < headers.size(); i++) {
        String header = headers.get(i);
        String field = columns.field(header).orElse(null);
        if (field == null) {
          if (!header.isBlank()) {
            ignored.add(header);
          }
        } else if (claimed.containsKey(field)) {
          errors.add(new RowError(1, field, "duplicate_column", "columns \"" + claimed.get(field) + "\" and \"" + header + "\" both mean " + field));
        } else {
          claimed.put(field, header);
          fieldAt.put(i, field);
        }
      }
      for (String required : columns.required()) {
        if (!claimed.containsKey(required)) {
          errors.add(new RowError(1, required, "missing_column", "no column for " + columns.describe(required)));
        }
      }
      if (!errors.isEmpty()) {
        return new Table(List.of(), ignored);
      }
      List<Line> lines = new ArrayList<>();
      for (CSVRecord record : parser) {
        int line = (int) record.getRecordNumber() + 1;
        if (record.size() != headers.size()) {
          errors.add(new RowError(line, null, "field_count", "has " + record.size() + " fields, the header has " + headers.size()));
          continue;
        }
        Map<String, Object> values = new HashMap<>();
        fieldAt.forEach((index, field) -> {
          String value = record.get(index).strip();
          if (!value.isEmpty()) {
            values.put(field, value);
          }
        });
        lines.add(new Line(line, values));
      }
      return new Table(lines, ignored);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      // read from a string, the parser's only I/O failures are malformed CSV (an unclosed quote, …)
      errors.add(RowError.ofFile("bad_csv", "the file is not valid CSV: " + e.getMessage()));
      return new Table(List.of(), List.of());
    }
  }

  /** ';' when the header line has more semicolons than commas outside quotes, else ','. */
  static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ',') {
        commas++;
      } else if (!quoted && c == ';') {
        semicolons++;
      }
    }
    return semicolons > commas ? ';' : ',';
  }
}
