package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CompanyNameNormalizerTest {

  private static final CompanyNameNormalizer COMPANIES = CompanyNameNormalizer.builder().build();

  static Stream<Arguments> table() {
    return Tables.load("cases-companies.txt", 4);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void normalizesCompanyNames(String input, String key, String forms, String codes) {
    NormalizedCompanyName c = COMPANIES.normalize(input);
    assertThat(c.key()).as("key").isEqualTo(key);
    assertThat(String.join(" ", c.legalForms())).as("legal forms").isEqualTo(forms);
    Tables.assertCodes(c.findings(), codes, input);
    assertThat(c.original()).isEqualTo(input);
    assertThat(c.display()).isEqualTo(TextFolding.clean(input));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void keyIsAFixedPoint(String input, String key) {
    assertThat(COMPANIES.normalize(key).key()).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "The Acme Co., Inc.   | ACME COMPANY",
      "Acme GmbH            | acme",
      "Acme Pty. Ltd.       | ACME PTY LTD",
      "Johnson & Johnson    | Johnson and Johnson",
      "Procter & Gamble Co. | The Procter and Gamble Company",
      "I.B.M.               | IBM",
      "Nestlé S.A.          | NESTLE SA",
      "Müller & Söhne GmbH  | MÜLLER UND SÖHNE",
      "Walt Disney Co       | The Walt Disney Company",
      "Acme S. A.           | Acme S.A.",
      "Acme AB (publ)       | Acme AB",
  })
  void equivalentNamesShareAKey(String a, String b) {
    assertThat(COMPANIES.normalize(a).key()).isEqualTo(COMPANIES.normalize(b).key());
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource(delimiter = '|', value = {
      "Acme Inc         | Acme Widgets Inc",
      "The Company Store | Store",
      "General Motors    | General Mills",
      "Ford Motor Co     | Ford Foundation",
  })
  void differentCompaniesKeepDifferentKeys(String a, String b) {
    assertThat(COMPANIES.normalize(a).key()).isNotEqualTo(COMPANIES.normalize(b).key());
  }

  @Test
  void legalFormsCanBeReplaced(@TempDir Path dir) throws IOException {
    CompanyNameNormalizer onlyInc = CompanyNameNormalizer.builder()
        .legalForms(List.of("Inc.", "prefix PT")).build();
    assertThat(onlyInc.normalize("Acme Inc").key()).isEqualTo("acme");
    assertThat(onlyInc.normalize("Acme GmbH").key()).isEqualTo("acme gmbh");
    assertThat(onlyInc.normalize("PT Acme").key()).isEqualTo("acme");

    Path file = dir.resolve("forms.txt");
    Files.writeString(file, "# ours\nholdings | our convention\n", StandardCharsets.UTF_8);
    CompanyNameNormalizer fromFile = CompanyNameNormalizer.builder().legalForms(file).build();
    assertThat(fromFile.normalize("Acme Holdings").key()).isEqualTo("acme");
    assertThatThrownBy(() -> CompanyNameNormalizer.builder().legalForms(List.of("---")))
        .isInstanceOf(dev.mops.core.config.ConfigException.class);
  }

  @Test
  void missingAndOverlongValues() {
    assertThat(COMPANIES.normalize(null).isEmpty()).isTrue();
    assertThat(COMPANIES.normalize(" ").findings()).isEmpty();
    NormalizedCompanyName big = COMPANIES.normalize("x".repeat(CompanyNameNormalizer.MAX_LENGTH + 1));
    Tables.assertCodes(big.findings(), "COMPANY_TOO_LONG", "long");
  }
}
