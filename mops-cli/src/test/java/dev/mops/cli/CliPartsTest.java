package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The parts behind the CLI habits: the CSV injection guard, column suggestions, the progress line. */
class CliPartsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "=1+1|'=1+1",
      "+1 415 555 0101|'+1 415 555 0101",
      "-2+3|'-2+3",
      "@SUM(A1)|'@SUM(A1)",
      "-1,234|'-1,234",
      "-|'-",
      "-5|-5",
      "+14155550101|+14155550101",
      "-0.25|-0.25",
      "+.5|+.5",
      "-1e-3|-1e-3",
      "hello|hello",
      "a=b|a=b",
      "'quoted|'quoted",
  })
  void neutralisesFormulasButNotPlainNumbers(String value, String written) {
    assertThat(CsvInjectionGuard.neutralise(value)).isEqualTo(written);
  }

  @Test
  void neutralisesLeadingTabAndCarriageReturn() {
    assertThat(CsvInjectionGuard.neutralise("\t=cmd")).isEqualTo("'\t=cmd");
    assertThat(CsvInjectionGuard.neutralise("\rx")).isEqualTo("'\rx");
    assertThat(CsvInjectionGuard.neutralise("")).isEmpty();
  }

  @Test
  void columnsMatchFixedNamesLooselyAndSuggestNearOnes() {
    List<String> header = List.of("Contact ID", "E-mail Address", "First Name", "Phone ");
    assertThat(Columns.find(header, "first_name")).isEqualTo("First Name");
    assertThat(Columns.find(header, "phone")).isEqualTo("Phone ");
    assertThat(Columns.find(header, "email")).isNull();
    assertThat(Columns.suggest("email", header)).isEqualTo("E-mail Address");
    assertThat(Columns.suggest("id", List.of("ID", "email"))).isEqualTo("ID");
    assertThat(Columns.suggest("emial", List.of("email", "name"))).isEqualTo("email");
    assertThat(Columns.suggest("country", List.of("id", "email"))).isNull();
    assertThat(Columns.didYouMean("Email", List.of("email"))).isEqualTo(" (did you mean 'email'?)");
  }

  @Test
  void theProgressLineShowsCountRateShareAndTimeLeft() {
    StringWriter sw = new StringWriter();
    Progress sized = new Progress(new PrintWriter(sw), "filter", true, () -> 0, 1000, 0, 0);
    assertThat(sized.line(50_000, 250, 2_000_000_000L)).isEqualTo("50,000 records, 25,000/s, 25%, ETA 0:06");
    Progress unsized = new Progress(new PrintWriter(sw), "filter", true, () -> 0, -1, 0, 0);
    assertThat(unsized.line(1_000, 0, 1_000_000_000L)).isEqualTo("1,000 records, 1,000/s");
    assertThat(Progress.clock(3_725_000_000_000L)).isEqualTo("1:02:05");
    assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Terminal.isTerminalDevice("/tmp/out.log")).isFalse();
    assertThat(Terminal.isTerminalDevice("pipe:[1234]")).isFalse();
  }

  @Test
  void errorsThatSayWhatToChangeArePrintedWithoutTheirClassName() {
    assertThat(Main.oneLine(new dev.mops.identity.dedupe.DedupeLimitException("1,000,000 records need a heap of"
        + " about 8 GB, this JVM has 4 GB: run with -Xmx8g")))
        .isEqualTo("1,000,000 records need a heap of about 8 GB, this JVM has 4 GB: run with -Xmx8g");
    assertThat(Main.oneLine(new IllegalStateException("boom")))
        .isEqualTo("IllegalStateException: boom (run with --debug for the stack trace)");
  }
}
