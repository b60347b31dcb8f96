package diemcau.participation;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV column mapping: which header names mean which field. Headers are compared without
 * case, Vietnamese diacritics, spaces or punctuation, so "Mã đơn vị", "ma_don_vi" and "MADONVI"
 * are the same column. Columns no alias names are ignored (and listed in the import's reply).
 *
 * <p>{@link #PERSONS} (participation exports; the JSON field names are always accepted):
 * <pre>
 * unit            unit, unitCode, Mã đơn vị, Mã ĐV, Mã điểm cầu
 * person          person, personId, Mã người học, Mã học viên, Mã cán bộ, Mã CBCCVC, Mã người dùng, Tài khoản, Tên đăng nhập
 * name            name, Họ và tên, Họ tên, Tên người học
 * enrolledAt      enrolledAt, Ngày đăng ký, Thời gian đăng ký, Ngày ghi danh, Ngày tham gia
 * completedAt     completedAt, Ngày hoàn thành, Thời gian hoàn thành
 * score           score, Điểm, Điểm số, Điểm cao nhất, Điểm tốt nhất
 * lastActivityAt  lastActivityAt, Hoạt động gần nhất, Lần hoạt động cuối, Truy cập gần nhất, Lần truy cập cuối
 * </pre>
 * Columns {@code unit} and {@code person} are required. {@link #HEADCOUNTS}: {@code unit} as above; {@code headcount}, Biên chế, Số biên chế, Số cán bộ,
 * Tổng số cán bộ, Số CBCCVC (both required).
 */
public final class CsvColumns {

  public static final CsvColumns PERSONS = new CsvColumns(List.of("unit", "person"), aliases(
      "unit", List.of("unitCode", "Mã đơn vị", "Mã ĐV", "Mã điểm cầu"),
      "person", List.of("personId", "Mã người học", "Mã học viên", "Mã cán bộ", "Mã CBCCVC", "Mã người dùng", "Tài khoản",
          "Tên đăng nhập"),
      "name", List.of("Họ và tên", "Họ tên", "Tên người học"),
      "enrolledAt", List.of("Ngày đăng ký", "Thời gian đăng ký", "Ngày ghi danh", "Ngày tham gia"),
      "completedAt", List.of("Ngày hoàn thành", "Thời gian hoàn thành"),
      "score", List.of("Điểm", "Điểm số", "Điểm cao nhất", "Điểm tốt nhất"),
      "lastActivityAt", List.of("Hoạt động gần nhất", "Lần hoạt động cuối", "Truy cập gần nhất", "Lần truy cập cuối")));

  public static final CsvColumns HEADCOUNTS = new CsvColumns(List.of("unit", "headcount"), aliases(
      "unit", List.of("unitCode", "Mã đơn vị", "Mã ĐV", "Mã điểm cầu"),
      "headcount", List.of("Biên chế", "Số biên chế", "Số cán bộ", "Tổng số cán bộ", "Số CBCCVC")));

  private final List<String> required;
  private final Map<String, List<String>> aliases;
  private final Map<String, String> byNormalName = new LinkedHashMap<>();

  private CsvColumns(List<String> required, Map<String, List<String>> aliases) {
    this.required = required;
    this.aliases = aliases;
    aliases.forEach((field, names) -> {
      byNormalName.put(normalize(field), field);
      names.forEach(name -> byNormalName.put(normalize(name), field));
    });
  }

  private static Map<String, List<String>> aliases(Object... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> names = (List<String>) pairs[i + 1];
      map.put((String) pairs[i], names);
    }
    return map;
  }

  /** The field a header names, if any. */
  public Optional<String> field(String header) {
    return Optional.ofNullable(byNormalName.get(normalize(header)));
  }

  /** The fields a file must have a column for. */
  public List<String> required() {
    return required;
  }

  /** "unit (or unitCode, Mã đơn vị, …)": what a missing column may be called. */
  public String describe(String field) {
    return field + " (or " + String.join(", ", aliases.get(field)) + ")";
  }

  static String normalize(String header) {
    String bare = Normalizer.normalize(header.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return bare.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
