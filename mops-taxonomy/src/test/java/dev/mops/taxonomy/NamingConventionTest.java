package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamingConventionTest {

  static final NamingConvention CONVENTION = NamingConvention.load(Path.of("../examples/taxonomy/naming.yaml"));

  @Test
  void readsAValidName() {
    ParsedName n = CONVENTION.parse("FY25Q3_EMEA_paid-search_acq_spring-promo");
    assertThat(n.valid()).isTrue();
    assertThat(n.conventionVersion()).isEqualTo("v2");
    assertThat(n.tokens()).containsExactly(Map.entry("fy_quarter", "FY25Q3"), Map.entry("region", "EMEA"),
        Map.entry("channel", "paid-search"), Map.entry("type", "acq"), Map.entry("slug", "spring-promo"));
    assertThat(n.issues()).isEmpty();
    assertThat(n.suggestion()).isNull();
  }

  @Test
  void optionalTokenMayBeLeftOut() {
    ParsedName n = CONVENTION.parse("FY25Q3_EMEA_paid-search_spring-promo");
    assertThat(n.valid()).isTrue();
    assertThat(n.token("type")).isNull();
    assertThat(n.token("slug")).isEqualTo("spring-promo");
  }

  @Test
  void lastTokenMayContainTheDelimiter() {
    ParsedName n = CONVENTION.parse("FY25Q3_EMEA_email_acq_spring_promo");
    assertThat(n.token("slug")).isEqualTo("spring_promo");
    assertThat(n.issueSummary()).isEqualTo("INVALID_CHARACTERS:slug@22");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      fy25q3_EU_ppc_acq_spring-promo | WRONG_CASE:fy_quarter@0;ALIAS:region@7;ALIAS:channel@10 | FY25Q3_EMEA_paid-search_acq_spring-promo
      FY25Q3_EMEA_emial_nurture_spring-promo | VALUE_NOT_ALLOWED:channel@12 | FY25Q3_EMEA_email_nurture_spring-promo
      FY25Q3_APAC_webinar_acq_Spring Promo | WRONG_CASE:slug@24;SPACE_IN_VALUE:slug@24 | FY25Q3_APAC_webinar_acq_spring-promo
      FY25Q3_EMEA_paid-search | MISSING_TOKEN:slug@23 |
      FY25Q5_NA_email_acq_x | PATTERN_MISMATCH:fy_quarter@0;VALUE_TOO_SHORT:slug@20 |
      """)
  void reportsProblemsWithPositionsAndSuggests(String name, String issues, String suggestion) {
    ParsedName n = CONVENTION.parse(name);
    assertThat(n.valid()).isFalse();
    assertThat(n.issueSummary()).isEqualTo(issues);
    assertThat(n.suggestion()).isEqualTo(suggestion);
    if (suggestion != null) {
      assertThat(CONVENTION.parse(suggestion).valid()).isTrue();
    }
  }

  @Test
  void olderVersionsAreRecognised() {
    ParsedName n = CONVENTION.parse("NA_email_holiday-digest");
    assertThat(n.valid()).isTrue();
    assertThat(n.conventionVersion()).isEqualTo("v1");
    assertThat(n.issueSummary()).isEqualTo("OLDER_VERSION@0");
    ParsedName strict = CONVENTION.parse("NA_email_holiday-digest", LocalDate.of(2025, 1, 1));
    assertThat(strict.valid()).isFalse();
    assertThat(strict.conventionVersion()).isEqualTo("v2");
    assertThat(CONVENTION.parse("NA_email_holiday-digest", LocalDate.of(2023, 5, 1)).valid()).isTrue();
    assertThat(CONVENTION.parse("NA_email_x", LocalDate.of(2022, 5, 1)).issueSummary())
        .isEqualTo("NO_VERSION_IN_EFFECT@0");
  }

  @Test
  void buildsNamesAndCorrectsAliases() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("fy_quarter", "FY26Q1");
    v.put("region", "EU");
    v.put("channel", "webinar");
    v.put("slug", "Launch Day");
    assertThat(CONVENTION.build(v)).isEqualTo("FY26Q1_EMEA_webinar_launch-day");
    v.put("type", "acq");
    assertThat(CONVENTION.build(v)).isEqualTo("FY26Q1_EMEA_webinar_acq_launch-day");
    assertThat(CONVENTION.build(Map.of("region", "NA", "channel", "email", "slug", "digest"), LocalDate.of(2024, 1, 1)))
        .isEqualTo("NA_email_digest");
    v.put("channel", "radio");
    assertThatThrownBy(() -> CONVENTION.build(v)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("channel").hasMessageContaining("radio");
    v.remove("channel");
    assertThatThrownBy(() -> CONVENTION.build(v)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'channel' is required");
  }

  @Test
  void dateTokens() {
    NamingConvention c = NamingConvention.parse("n.yaml", """
        tokens:
          date: {date_format: yyyyMMdd}
          slug: {}
        template: "{date}-{slug}"
        """);
    assertThat(c.parse("20240229-x").valid()).isTrue();
    assertThat(c.parse("20230229-x").issueSummary()).isEqualTo("INVALID_DATE:date@0");
    assertThat(c.parse("2024-x").issueSummary()).isEqualTo("INVALID_DATE:date@0");
    assertThat(c.parse("").issueSummary()).isEqualTo("EMPTY_NAME@0");
    assertThat(c.parse("-x").issueSummary()).isEqualTo("EMPTY_TOKEN:date@0");
  }

  @Test
  void badConfigFailsWithPosition() {
    assertThatThrownBy(() -> NamingConvention.parse("n.yaml", "tokens:\n  region: {}\ntemplate: \"{regoin}_x\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("n.yaml:3:")
        .hasMessageContaining("did you mean 'region'");
    assertThatThrownBy(() -> NamingConvention.parse("n.yaml", "tokens:\n  a: {}\n  b: {}\ntemplate: \"{a}{b}\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("need a delimiter");
    assertThatThrownBy(() -> NamingConvention.parse("n.yaml", "tokens:\n  d:\n    date_format: yyyyMMbb\ntemplate: \"{d}\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("n.yaml:3:").hasMessageContaining("invalid date format");
    assertThatThrownBy(() -> NamingConvention.parse("n.yaml",
        "tokens:\n  a: {}\nversions:\n  - version: v1\n    effective_from: 2024-13-01\n    template: \"{a}\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("n.yaml:5:").hasMessageContaining("YYYY-MM-DD");
    assertThatThrownBy(() -> NamingConvention.parse("n.yaml", "tokens:\n  a:\n    valuse: [x]\ntemplate: \"{a}\"\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("n.yaml:3:5").hasMessageContaining("did you mean 'values'");
  }
}
