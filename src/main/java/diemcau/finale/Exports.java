package diemcau.finale;

import diemcau.event.Criterion;
import diemcau.event.Event;
import diemcau.event.Prize;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The organisers' CSV files, in Vietnamese, each starting with a byte-order mark so that a
 * spreadsheet opens the diacritics right: the official results, every judge's sheet, the list
 * for the certificates of merit, and the score ledger. A prize is written as the letters write
 * it: its name, its amount in figures and in words, and the certificate that comes with it.
 */
final class Exports {

  private static final String BOM = "\uFEFF";

  private Exports() {}

  /** Finalists by rank with every judge's total (dropped ones marked), the mean and the prize; then the other stage-2 units. */
  static String results(FinalState state, Event event) {
    Outcome outcome = Outcome.of(state, event);
    List<Judge> judges = state.judging().judges();
    List<String> header = new ArrayList<>(List.of("Vòng", "Hạng", "Mã đơn vị", "Đơn vị", "Bài dự thi"));
    judges.forEach(judge -> header.add("GK " + judge.name()));
    header.addAll(List.of("Điểm trung bình", "Giải", "Tiền thưởng (VNĐ)", "Bằng chữ", "Khen thưởng"));
    return csv(header, printer -> {
      for (Standings.Place<Outcome.FinalistResult> place : outcome.finalists()) {
        Outcome.FinalistResult result = place.item();
        List<Object> row = new ArrayList<>(List.of("Chung kết", rank(place), place.unit(), Outcome.name(event, place.unit()),
            title(state, place.unit())));
        for (Judge judge : judges) {
          int index = result.judges().indexOf(judge.id());
          row.add(index < 0 ? "" : plain(result.aggregate().totals().get(index))
              + (result.aggregate().dropped().contains(index) ? " (loại)" : ""));
        }
        row.add(plain(result.aggregate().mean()));
        addPrize(row, outcome, place.unit(), event);
        printer.printRecord(row);
      }
      for (Standings.Place<Outcome.CouncilResult> place : outcome.others()) {
        List<Object> row = new ArrayList<>(List.of("Chặng 2", "", place.unit(), Outcome.name(event, place.unit()),
            title(state, place.unit())));
        judges.forEach(judge -> row.add(""));
        row.add("");
        addPrize(row, outcome, place.unit(), event);
        printer.printRecord(row);
      }
    });
  }

  /** One row per judge and finalist: each criterion, the total, when it was locked, how often corrected. */
  static String scores(FinalState state, Event event) {
    List<String> header = new ArrayList<>(List.of("Mã GK", "Giám khảo", "Mã đơn vị", "Đơn vị"));
    event.rubric().criteria().forEach(criterion -> header.add(criterion.name() + " (" + plain(criterion.max()) + ")"));
    header.addAll(List.of("Tổng", "Khóa lúc", "Số lần sửa", "Người nhập"));
    return csv(header, printer -> {
      for (Judge judge : state.judging().judges()) {
        for (String unit : FinalViews.presentationOrder(state)) {
          Optional<Sheet> sheet = state.judging().sheet(judge.id(), unit);
          if (sheet.isEmpty()) {
            continue;
          }
          List<Object> row = new ArrayList<>(List.of(judge.id(), judge.name(), unit, Outcome.name(event, unit)));
          for (Criterion criterion : event.rubric().criteria()) {
            row.add(plain(sheet.get().scores().score(criterion.id())));
          }
          row.addAll(List.of(plain(sheet.get().scores().total()), time(event, sheet.get().lockedAt()),
              sheet.get().version(), sheet.get().by()));
          printer.printRecord(row);
        }
      }
    });
  }

  /** The certificates of merit: every award from the highest prize down. */
  static String certificates(FinalState state, Event event) {
    List<Award> awards = new ArrayList<>(state.reveal().script());
    Collections.reverse(awards);
    return csv(List.of("STT", "Đơn vị", "Mã đơn vị", "Giải", "Hạng", "Tiền thưởng (VNĐ)", "Bằng chữ", "Khen thưởng",
        "Bài dự thi", "Người đại diện"),
        printer -> {
          int number = 1;
          for (Award award : awards) {
            Entry entry = state.stage2().entries().get(award.unit());
            printer.printRecord(number++, Outcome.name(event, award.unit()), award.unit(), award.prizeName(),
                award.rank() == null ? "" : award.rank(), award.amountVnd(), AmountInWords.of(award.amountVnd()),
                certificate(event, award), entry == null ? "" : entry.title(), entry == null ? "" : entry.representative());
          }
        });
  }

  /** The ledger of submissions and corrections, with the sheet before each correction. */
  static String scoreLog(List<ScoreLog.Row> rows, Event event) {
    return csv(List.of("Mã GK", "Mã đơn vị", "Đơn vị", "Lần", "Lúc", "Người nhập", "Tổng trước", "Tổng sau",
        "Điểm trước", "Điểm sau", "Lý do"), printer -> {
          for (ScoreLog.Row row : rows) {
            printer.printRecord(row.judge(), row.unit(), Outcome.name(event, row.unit()), row.seq(), time(event, row.at()),
                row.actor(), row.before() == null ? "" : plain(row.before().total()), plain(row.scores().total()),
                row.before() == null ? "" : row.before().toJson().encode(), row.scores().toJson().encode(),
                row.reason() == null ? "" : row.reason());
          }
        });
  }

  @FunctionalInterface
  private interface Rows {
    void print(CSVPrinter printer) throws IOException;
  }

  private static String csv(List<String> header, Rows rows) {
    StringBuilder out = new StringBuilder(BOM);
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
      rows.print(printer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The prize's name, amount in figures and in words, and certificate; empty cells without a prize. */
  private static void addPrize(List<Object> row, Outcome outcome, String unit, Event event) {
    Optional<Award> award = outcome.awards().stream().filter(a -> a.unit().equals(unit)).findFirst();
    row.add(award.map(Award::prizeName).orElse(""));
    row.add(award.map(a -> (Object) a.amountVnd()).orElse(""));
    row.add(award.map(a -> AmountInWords.of(a.amountVnd())).orElse(""));
    row.add(award.map(a -> certificate(event, a)).orElse(""));
  }

  private static String certificate(Event event, Award award) {
    return event.prize(award.prize()).map(Prize::certificate).orElse("");
  }

  private static String rank(Standings.Place<?> place) {
    return place.rank() + (place.tied() ? " (đồng hạng)" : "");
  }

  private static String title(FinalState state, String unit) {
    Entry entry = state.stage2().entries().get(unit);
    return entry == null ? "" : entry.title();
  }

  private static String plain(BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }

  private static String plain(double value) {
    return plain(BigDecimal.valueOf(value));
  }

  private static String time(Event event, long at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.ofEpochMilli(at).atZone(event.zone()));
  }
}
