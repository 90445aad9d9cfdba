package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CountryNormalizerTest {

  private static final CountryNormalizer COUNTRIES = CountryNormalizer.builder().build();

  static Stream<Arguments> countries() {
    return Tables.load("cases-countries.txt", 3);
  }

  static Stream<Arguments> regions() {
    return Tables.load("cases-regions.txt", 4);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("countries")
  void normalizesCountryNamesAliasesAndCodes(String input, String code, String codes) {
    NormalizedCountry c = COUNTRIES.normalize(input);
    assertThat(c.code()).isEqualTo(Tables.orNull(code));
    assertThat(c.isKnown()).isEqualTo(!code.isEmpty());
    Tables.assertCodes(c.findings(), codes, input);
  }

  @ParameterizedTest(name = "[{index}] {0} in {1}")
  @MethodSource("regions")
  void normalizesStatesAndProvinces(String input, String country, String code, String codes) {
    NormalizedRegion r = COUNTRIES.normalizeRegion(input, Tables.orNull(country));
    assertThat(r.code()).isEqualTo(Tables.orNull(code));
    Tables.assertCodes(r.findings(), codes, input + " in " + country);
    if (r.code() != null) {
      assertThat(r.countryCode()).isEqualTo(r.code().substring(0, 2));
      assertThat(COUNTRIES.normalizeRegion(r.code(), r.countryCode()).code()).isEqualTo(r.code());
    }
  }

  @Test
  void everyIsoCodeAndItsEnglishNameMapToItself() {
    assertThat(COUNTRIES.knownCodes()).hasSizeGreaterThan(240);
    for (String code : COUNTRIES.knownCodes()) {
      assertThat(COUNTRIES.normalize(code).code()).as(code).isEqualTo(code);
      assertThat(COUNTRIES.normalize(code.toLowerCase(Locale.ROOT)).code()).isEqualTo(code);
      String english = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
      if (!english.equals(code)) {
        assertThat(COUNTRIES.normalize(english).code()).as(english).isEqualTo(code);
      }
    }
  }

  @Test
  void aliasesCanBeAddedAndWin(@TempDir Path dir) throws IOException {
    CountryNormalizer custom = CountryNormalizer.builder()
        .aliases(Map.of("Hellas Republic", "GR", "Georgia", "?")).build();
    assertThat(custom.normalize("hellas republic").code()).isEqualTo("GR");
    assertThat(custom.normalize("Georgia").findings().get(0).code())
        .isEqualTo("COUNTRY_AMBIGUOUS");
    assertThat(COUNTRIES.normalize("Georgia").code()).isEqualTo("GE");

    Path file = dir.resolve("aliases.txt");
    Files.writeString(file, "Blighty | GB\nAtlantis | QQ\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> CountryNormalizer.builder().aliases(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("aliases.txt:2:1")
        .hasMessageContaining("QQ");
  }

  @Test
  void nullAndOverlongValues() {
    assertThat(COUNTRIES.normalize(null).findings()).isEmpty();
    assertThat(COUNTRIES.normalize("x".repeat(CountryNormalizer.MAX_INPUT_LENGTH + 1)).code())
        .isNull();
    assertThat(COUNTRIES.normalizeRegion(null, null).findings()).isEmpty();
  }
}
