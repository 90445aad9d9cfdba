package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Excel number formats rendered as Excel shows them (checked by hand against Excel 365, en-US). */
class ExcelTextTest {

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    // General: full value to 15 significant digits
    "250|General|250",
    "0.30000000000000004|General|0.3",
    "4915112345678|General|4915112345678",
    "-1.5|General|-1.5",
    "1E+25|General|1E+25",
    // fixed decimals, thousands, scaling
    "1234.5|0.00|1234.50",
    "1234.5|#,##0|1,235",
    "-1234.567|#,##0.00|-1,234.57",
    "1234567|#,##0,|1,235",
    "0.5|#.00|.50",
    "0|0.00|0.00",
    // percentages
    "0.2375|0.0%|23.8%",
    "1|0%|100%",
    // codes with leading zeros and digit layouts
    "2134|00000|02134",
    "6502530000|(###) ###-####|(650) 253-0000",
    "2530000|[<=9999999]###-####;(###) ###-####|253-0000",
    "6502530000|[<=9999999]###-####;(###) ###-####|(650) 253-0000",
    "123456789|000-00-0000|123-45-6789",
    // currencies, negative sections, literals
    "-42|$#,##0.00_);($#,##0.00)|($42.00)",
    "42|$#,##0.00_);($#,##0.00)|'$42.00 '",
    "15000|[$€-407] #,##0|€ 15,000",
    "3|0 \"units\"|3 units",
    "12|\"ID-\"0000|ID-0012",
    // scientific
    "12345|0.00E+00|1.23E+04",
    "0.000123|0.00E+00|1.23E-04",
    // text and fractions fall back to General
    "42|@|42",
    "1.25|# ?/?|1.25",
  })
  void numbers(String raw, String format, String shown) {
    assertThat(ExcelText.format(raw, format, false)).isEqualTo(shown);
  }

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
    "46037|yyyy-mm-dd|2026-01-15",
    "46037|m/d/yyyy|1/15/2026",
    "46037|d-mmm-yy|15-Jan-26",
    "46037|dddd, mmmm d, yyyy|Thursday, January 15, 2026",
    "46037|dd.mm.yyyy|15.01.2026",
    "46037|mmm-yy|Jan-26",
    "46056.6041666667|m/d/yyyy h:mm AM/PM|2/3/2026 2:30 PM",
    "46056.6041666667|yyyy-mm-dd hh:mm:ss|2026-02-03 14:30:00",
    "0.5|h:mm|12:00",
    "0.0006944444|mm:ss|01:00",
    "1.25|[h]:mm:ss|30:00:00",
    "60|yyyy-mm-dd|1900-02-29",
    "61|yyyy-mm-dd|1900-03-01",
    "1|yyyy-mm-dd|1900-01-01",
    "46037|[$-409]mmmm d;@|January 15",
  })
  void dates(String raw, String format, String shown) {
    assertThat(ExcelText.format(raw, format, false)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"0|yyyy-mm-dd|1904-01-01", "44575|yyyy-mm-dd|2026-01-15"})
  void dates1904(String raw, String format, String shown) {
    assertThat(ExcelText.format(raw, format, true)).isEqualTo(shown);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"14|m/d/yyyy", "3|#,##0", "49|@", "100|"})
  void builtInFormats(int id, String format) {
    assertThat(ExcelText.builtIn(id)).isEqualTo(format);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"not a number|0.00|not a number", "-3|yyyy-mm-dd|-3"})
  void textAndNegativeDatesStayAsTheyAre(String raw, String format, String shown) {
    assertThat(ExcelText.format(raw, format, false)).isEqualTo(shown);
  }
}
