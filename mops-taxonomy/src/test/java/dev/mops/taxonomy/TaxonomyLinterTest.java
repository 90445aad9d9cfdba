package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaxonomyLinterTest {

  static final Taxonomy TAXONOMY = Taxonomy.load(Path.of("../examples/taxonomy/taxonomy.yaml"));
  final TaxonomyLinter linter = TaxonomyLinter.of(TAXONOMY);

  @Test
  void loadsTheExample() {
    assertThat(TAXONOMY.version()).isEqualTo("2025.06");
    assertThat(TAXONOMY.name()).isEqualTo("acme-utm");
    assertThat(TAXONOMY.contentHash()).startsWith("sha256:");
    assertThat(TAXONOMY.allowedValues(UtmParameter.MEDIUM)).startsWith("cpc", "paid_social");
    assertThat(TAXONOMY.isRequired(UtmParameter.CAMPAIGN)).isTrue();
    assertThat(TAXONOMY.isRequired(UtmParameter.TERM)).isFalse();
  }

  @Test
  void validUrlHasNoIssuesAndNoFix() {
    LintResult r = linter.lint("https://acme.example/?utm_source=google&utm_medium=cpc&utm_campaign=2025q3_spring_sale&utm_term=shoes");
    assertThat(r.valid()).isTrue();
    assertThat(r.issues()).isEmpty();
    assertThat(r.fixedUrl()).isNull();
    assertThat(r.taxonomyVersion()).isEqualTo("2025.06");
    assertThat(linter.fix(r.url())).contains(r.url());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # url | issues | fixed url
      https://a.example/?utm_source=Facebook&utm_medium=paid_social&utm_campaign=2025q3_x | WRONG_CASE:utm_source | https://a.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_x
      https://a.example/?utm_source=fb&utm_medium=paid-social&utm_campaign=2025q3_x | ALIAS:utm_source;ALIAS:utm_medium | https://a.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_x
      https://a.example/?utm_source=FB&utm_medium=paid_social&utm_campaign=2025Q3 Big Sale | RAW_SPACE:utm_campaign;ALIAS:utm_source;WRONG_CASE:utm_campaign;SPACE_IN_VALUE:utm_campaign | https://a.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_big_sale
      https://a.example/?UTM_Source=linkedin&utm_medium=paid_social&utm_campaign=2025q3_x&utm_campaign=y | PARAMETER_NAME_CASE:utm_source;DUPLICATE_PARAMETER:utm_campaign | https://a.example/?utm_source=linkedin&utm_medium=paid_social&utm_campaign=2025q3_x
      https://a.example/p#utm_source=tiktok&utm_medium=paid_social&utm_campaign=2025q3_x | PARAMETER_IN_FRAGMENT:utm_source;PARAMETER_IN_FRAGMENT:utm_medium;PARAMETER_IN_FRAGMENT:utm_campaign | https://a.example/p?utm_source=tiktok&utm_medium=paid_social&utm_campaign=2025q3_x
      https://a.example/?ref=nav?utm_source=bing&utm_medium=cpc&utm_campaign=2025q3_x&utm_term=a | SECOND_QUESTION_MARK:utm_source;MISSING_PARAMETER:utm_source | https://a.example/?ref=nav&utm_source=bing&utm_medium=cpc&utm_campaign=2025q3_x&utm_term=a
      https://a.example/?utm_source=hubspot&utm_medium=email&utm_campaign=2025q3%2520webinar&utm_content=cta | DOUBLE_ENCODED:utm_campaign;SPACE_IN_VALUE:utm_campaign | https://a.example/?utm_source=hubspot&utm_medium=email&utm_campaign=2025q3_webinar&utm_content=cta
      https://a.example/?utm_source=google&utm_medium=&utm_medium=cpc&utm_campaign=2025q3_x&utm_term=k | EMPTY_VALUE:utm_medium;DUPLICATE_PARAMETER:utm_medium;MISSING_PARAMETER:utm_medium |
      """)
  void fixesWhatCanBeFixed(String url, String issues, String fixed) {
    LintResult r = linter.lint(url);
    assertThat(r.valid()).isFalse();
    assertThat(r.issueSummary()).isEqualTo(issues);
    assertThat(r.fixedUrl()).isEqualTo(fixed);
    if (fixed != null) {
      assertThat(linter.lint(fixed).valid()).as("the fix is clean").isTrue();
    }
  }

  @Test
  void nearMissesGetASuggestionButNoAutomaticFix() {
    LintResult r = linter.lint("https://a.example/?utm_source=newsletter&utm_medium=emial&utm_campaign=2025q3_x");
    LintIssue i = r.issues().get(0);
    assertThat(i.shortForm()).isEqualTo("VALUE_NOT_ALLOWED:utm_medium");
    assertThat(i.suggestion()).isEqualTo("email");
    assertThat(i.finding().message()).contains("did you mean 'email'");
    assertThat(i.fixable()).isFalse();
    assertThat(r.fixedUrl()).isNull();
    assertThat(linter.fix(r.url())).isEmpty();
  }

  @Test
  void mediumRules() {
    LintResult r = linter.lint("https://a.example/?utm_source=facebook&utm_medium=cpc&utm_campaign=2025q3_x");
    assertThat(r.issueSummary()).isEqualTo("MISSING_FOR_MEDIUM:utm_term;SOURCE_NOT_ALLOWED_FOR_MEDIUM:utm_source");
    LintResult email = linter.lint("https://a.example/?utm_source=newsletter&utm_medium=email&utm_campaign=2025q3_x");
    assertThat(email.issueSummary()).isEqualTo("MISSING_FOR_MEDIUM:utm_content");
  }

  @Test
  void macrosPatternsAndUndeclared() {
    LintResult r = linter.lint("https://a.example/?utm_source={source}&utm_medium=cpc&utm_campaign=spring&utm_term=k&utm_adgroup=x");
    assertThat(r.issueSummary()).isEqualTo(
        "UNFILLED_MACRO:utm_source;VALUE_NOT_ALLOWED:utm_source;PATTERN_MISMATCH:utm_campaign;UNDECLARED_PARAMETER:utm_adgroup");
    assertThat(r.fixedUrl()).isNull();
  }

  @Test
  void secondQuestionMarkFixKeepsOtherQuestionMarks() {
    assertThat(TaxonomyLinter.unhideParameters("next=/a?b=c?utm_source=x&y=1")).isEqualTo("next=/a?b=c&utm_source=x&y=1");
    assertThat(TaxonomyLinter.unhideParameters("?utm_medium=cpc")).isEqualTo("&utm_medium=cpc");
  }

  @Test
  void aliasesWithoutAValueListStillApplyCaseAndSpaces() {
    Taxonomy t = Taxonomy.parse("t.yaml", """
        parameters:
          utm_campaign:
            aliases: {bf: Black Friday}
            case: lower
            space_replacement: "$"
        """);
    TaxonomyLinter l = TaxonomyLinter.of(t);
    assertThat(l.lint("https://a.example/?utm_campaign=BF").issueSummary()).isEqualTo("ALIAS:utm_campaign;WRONG_CASE:utm_campaign;SPACE_IN_VALUE:utm_campaign");
    assertThat(l.fix("https://a.example/?utm_campaign=BF")).contains("https://a.example/?utm_campaign=black%24friday");
    assertThat(l.lint("https://a.example/?utm_campaign=Cyber Monday").fixedUrl()).isEqualTo("https://a.example/?utm_campaign=cyber%24monday");
  }

  @Test
  void missingEverything() {
    LintResult r = linter.lint("https://a.example/landing");
    assertThat(r.issueSummary()).isEqualTo(
        "MISSING_PARAMETER:utm_source;MISSING_PARAMETER:utm_medium;MISSING_PARAMETER:utm_campaign");
  }

  @Test
  void untouchedPairsKeepTheirText() {
    LintResult r = linter.lint("https://a.example/?q=a+b%2Cc&utm_source=Google&utm_medium=cpc&utm_campaign=2025q3_x&utm_term=red+shoes");
    assertThat(r.fixedUrl()).isEqualTo("https://a.example/?q=a+b%2Cc&utm_source=google&utm_medium=cpc&utm_campaign=2025q3_x&utm_term=red+shoes");
  }

  @Test
  void badConfigFailsWithPosition() {
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters:\n  utm_sorce:\n    values: [a]\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml:2:3")
        .hasMessageContaining("did you mean 'utm_source'");
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters:\n  utm_source:\n    values: [a]\n    aliases: {b: c}\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml:4:")
        .hasMessageContaining("not in values");
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters:\n  utm_campaign:\n    pattern: '(a'\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("t.yaml:3:")
        .hasMessageContaining("parameters.utm_campaign.pattern");
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters:\n  utm_source:\n    case: title\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("expected lower, upper or any");
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters: {}\nmediums:\n  cpc:\n    require: [utm_trem]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("t.yaml:4:").hasMessageContaining("utm_term");
    assertThatThrownBy(() -> Taxonomy.parse("t.yaml", "parameters: {}\nextra: 1\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'extra'");
  }
}
