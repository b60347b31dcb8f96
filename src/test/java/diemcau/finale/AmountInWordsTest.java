package diemcau.finale;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A prize's amount in Vietnamese words")
class AmountInWordsTest {

  @Test
  @DisplayName("reads the letters' four amounts as the letters write them")
  void theLettersAmounts() {
    assertThat(AmountInWords.of(10_000_000)).isEqualTo("Mười triệu đồng");
    assertThat(AmountInWords.of(5_000_000)).isEqualTo("Năm triệu đồng");
    assertThat(AmountInWords.of(3_000_000)).isEqualTo("Ba triệu đồng");
    assertThat(AmountInWords.of(2_000_000)).isEqualTo("Hai triệu đồng");
  }

  @Test
  @DisplayName("reads any other amount of another year's event")
  void otherAmounts() {
    assertThat(AmountInWords.of(2_500_000)).isEqualTo("Hai triệu năm trăm nghìn đồng");
    assertThat(AmountInWords.of(21_000_000)).isEqualTo("Hai mươi mốt triệu đồng");
    assertThat(AmountInWords.of(15_000_000)).isEqualTo("Mười lăm triệu đồng");
  }
}
