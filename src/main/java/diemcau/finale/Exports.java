package diemcau.finale;

import diemcau.csv.CsvSheet;
import diemcau.event.Criterion;
import diemcau.event.Event;
import diemcau.event.Prize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The organisers' CSV files, in Vietnamese, written through {@link CsvSheet} (figures as numbers,
 * every text cell safe from formula injection): the official results, every judge's sheet, the
 * list for the certificates of merit, and the score ledger. A prize is written as the letters
 * write it: its name, its amount in figures and in words, and the certificate that comes with it.
 */
final class Exports {

  private Exports() {}

  /** Finalists by rank with every judge's total (dropped ones marked), the mean and the prize; then the other stage-2 units. */
  static String results(FinalState state, Event event) {
    FinalResults outcome = FinalResults.of(state, event);
    List<Judge> judges = state.jury().judges();
    List<String> header = new ArrayList<>(List.of("Vòng", "Hạng", "Mã đơn vị", "Đơn vị", "Bài dự thi"));
    judges.forEach(judge -> header.add("GK " + judge.name()));
    header.addAll(List.of("Điểm trung bình", "Giải", "Tiền thưởng (VNĐ)", "Bằng chữ", "Khen thưởng"));
    CsvSheet sheet = CsvSheet.withHeader(header);
    for (UnitRanking.Place<FinalResults.FinalistResult> place : outcome.finalists()) {
      FinalResults.FinalistResult result = place.item();
      List<Object> row = new ArrayList<>(List.of("Chung kết", rank(place), place.unit(), FinalResults.name(event, place.unit()),
          title(state, place.unit())));
      for (Judge judge : judges) {
        int index = result.judges().indexOf(judge.id());
        BigDecimal total = index < 0 ? null : plain(result.aggregate().totals().get(index));
        row.add(total != null && result.aggregate().dropped().contains(index) ? total.toPlainString() + " (loại)" : total);
      }
      row.add(plain(result.aggregate().mean()));
      addPrize(row, outcome, place.unit(), event);
      sheet.row(row);
    }
    for (UnitRanking.Place<FinalResults.CouncilResult> place : outcome.others()) {
      List<Object> row = new ArrayList<>(List.of("Chặng 2", "", place.unit(), FinalResults.name(event, place.unit()),
          title(state, place.unit())));
      judges.forEach(judge -> row.add(""));
      row.add("");
      addPrize(row, outcome, place.unit(), event);
      sheet.row(row);
    }
    return sheet.text();
  }

  /** One row per judge and finalist: each criterion, the total, when it was locked, how often corrected. */
  static String scores(FinalState state, Event event) {
    List<String> header = new ArrayList<>(List.of("Mã GK", "Giám khảo", "Mã đơn vị", "Đơn vị"));
    event.rubric().criteria().forEach(criterion -> header.add(criterion.name() + " (" + plain(criterion.max()).toPlainString() + ")"));
    header.addAll(List.of("Tổng", "Khóa lúc", "Số lần sửa", "Người nhập"));
    CsvSheet csv = CsvSheet.withHeader(header);
    for (Judge judge : state.jury().judges()) {
      for (String unit : FinalViews.presentationOrder(state)) {
        Optional<JudgeSheet> sheet = state.jury().sheet(judge.id(), unit);
        if (sheet.isEmpty()) {
          continue;
        }
        List<Object> row = new ArrayList<>(List.of(judge.id(), judge.name(), unit, FinalResults.name(event, unit)));
        for (Criterion criterion : event.rubric().criteria()) {
          row.add(plain(sheet.get().scores().score(criterion.id())));
        }
        row.addAll(List.of(plain(sheet.get().scores().total()), time(event, sheet.get().lockedAt()),
            sheet.get().version(), sheet.get().by()));
        csv.row(row);
      }
    }
    return csv.text();
  }

  /** The certificates of merit: every award from the highest prize down. */
  static String certificates(FinalState state, Event event) {
    List<Award> awards = new ArrayList<>(state.reveal().script());
    Collections.reverse(awards);
    CsvSheet sheet = CsvSheet.withHeader(List.of("STT", "Đơn vị", "Mã đơn vị", "Giải", "Hạng", "Tiền thưởng (VNĐ)",
        "Bằng chữ", "Khen thưởng", "Bài dự thi", "Người đại diện"));
    int number = 1;
    for (Award award : awards) {
      Entry entry = state.stage2().entries().get(award.unit());
      sheet.row(number++, FinalResults.name(event, award.unit()), award.unit(), award.prizeName(), award.rank(),
          award.amountVnd(), AmountInWords.of(award.amountVnd()), certificate(event, award),
          entry == null ? null : entry.title(), entry == null ? null : entry.representative());
    }
    return sheet.text();
  }

  /** The ledger of submissions and corrections, with the sheet before each correction. */
  static String scoreLog(List<ScoreLog.Row> rows, Event event) {
    CsvSheet sheet = CsvSheet.withHeader(List.of("Mã GK", "Mã đơn vị", "Đơn vị", "Lần", "Lúc", "Người nhập",
        "Tổng trước", "Tổng sau", "Điểm trước", "Điểm sau", "Lý do"));
    for (ScoreLog.Row row : rows) {
      sheet.row(row.judge(), row.unit(), FinalResults.name(event, row.unit()), row.seq(), time(event, row.at()), row.actor(),
          row.before() == null ? null : plain(row.before().total()), plain(row.scores().total()),
          row.before() == null ? null : row.before().toJson().encode(), row.scores().toJson().encode(), row.reason());
    }
    return sheet.text();
  }

  /** The prize's name, amount in figures and in words, and certificate; empty cells without a prize. */
  private static void addPrize(List<Object> row, FinalResults outcome, String unit, Event event) {
    Optional<Award> award = outcome.awards().stream().filter(a -> a.unit().equals(unit)).findFirst();
    row.add(award.map(Award::prizeName).orElse(null));
    row.add(award.map(Award::amountVnd).orElse(null));
    row.add(award.map(a -> AmountInWords.of(a.amountVnd())).orElse(null));
    row.add(award.map(a -> certificate(event, a)).orElse(null));
  }

  private static String certificate(Event event, Award award) {
    return event.prize(award.prize()).map(Prize::certificate).orElse(null);
  }

  private static String rank(UnitRanking.Place<?> place) {
    return place.rank() + (place.tied() ? " (đồng hạng)" : "");
  }

  private static String title(FinalState state, String unit) {
    Entry entry = state.stage2().entries().get(unit);
    return entry == null ? "" : entry.title();
  }

  private static BigDecimal plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros();
  }

  private static BigDecimal plain(double value) {
    return plain(BigDecimal.valueOf(value));
  }

  private static String time(Event event, long at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(Instant.ofEpochMilli(at).atZone(event.zone()));
  }
}
