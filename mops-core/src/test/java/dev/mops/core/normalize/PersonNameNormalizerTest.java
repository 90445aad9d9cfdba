package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PersonNameNormalizerTest {

  private static final PersonNameNormalizer NAMES = PersonNameNormalizer.builder().build();

  static Stream<Arguments> fullNames() {
    return Tables.load("cases-names.txt", 10);
  }

  static Stream<Arguments> nameFields() {
    return Tables.load("cases-name-fields.txt", 10);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("fullNames")
  void parsesFullNames(String input, String honorific, String first, String middle, String last,
      String suffix, String firstKey, String lastKey, String initials, String codes) {
    PersonName n = NAMES.parse(input);
    assertThat(n.honorific()).as("honorific").isEqualTo(Tables.orNull(honorific));
    assertThat(n.first()).as("first").isEqualTo(first);
    assertThat(n.middle()).as("middle").isEqualTo(middle);
    assertThat(n.last()).as("last").isEqualTo(last);
    assertThat(n.suffix()).as("suffix").isEqualTo(Tables.orNull(suffix));
    assertThat(n.firstKey()).as("first key").isEqualTo(firstKey);
    assertThat(n.lastKey()).as("last key").isEqualTo(lastKey);
    assertThat(n.initials()).as("initials").isEqualTo(initials);
    Tables.assertCodes(n.findings(), codes, input);
  }

  @ParameterizedTest(name = "[{index}] {0} {1}")
  @MethodSource("nameFields")
  void cleansSeparateFirstAndLastNames(String firstIn, String lastIn, String honorific,
      String first, String middle, String last, String suffix, String firstKey, String lastKey,
      String findings) {
    PersonName n = NAMES.normalize(firstIn, lastIn);
    assertThat(n.honorific()).as("honorific").isEqualTo(Tables.orNull(honorific));
    assertThat(n.first()).as("first").isEqualTo(first);
    assertThat(n.middle()).as("middle").isEqualTo(middle);
    assertThat(n.last()).as("last").isEqualTo(last);
    assertThat(n.suffix()).as("suffix").isEqualTo(Tables.orNull(suffix));
    assertThat(n.firstKey()).as("first key").isEqualTo(firstKey);
    assertThat(n.lastKey()).as("last key").isEqualTo(lastKey);
    assertThat(n.findings().stream().map(Finding::shortForm).collect(Collectors.joining(",")))
        .isEqualTo(findings);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("fullNames")
  void displayFormReparsesToTheSameKeys(String input) {
    PersonName n = NAMES.parse(input);
    if (n.isEmpty() || !n.findings().isEmpty()) {
      return;
    }
    PersonName again = NAMES.normalize(n.first(), n.last());
    assertThat(again.firstKey()).isEqualTo(n.firstKey());
    assertThat(again.lastKey()).isEqualTo(n.lastKey());
    assertThat(PersonNameNormalizer.key(n.lastKey())).isEqualTo(n.lastKey());
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "Bob Smith, Robert Smith, true",
      "Rob Smith, Bob Smith, true",
      "Liz Warren, Elizabeth Warren, true",
      "Beth Harmon, Elizabeth Harmon, true",
      "Bill Gates, William Gates, true",
      "Dick Roe, Richard Roe, true",
      "Peggy Olson, Margaret Olson, true",
      "Al Smith, Alan Smith, true",
      "Al Smith, Albert Smith, true",
      "Alex Smith, Alexander Smith, true",
      "Alex Smith, Al Smith, true",
      "J. Smith, John Smith, true",
      "JOSÉ Ruiz, jose ruiz, true",
      "Robert Smith, Richard Smith, false",
      "Bob Smith, Bill Smith, false",
      "Jon Snow, Jonathan Snow, true",
      "Jack Ryan, John Ryan, true",
      "Kate Smith, Katherine Smith, true",
      "Kate Smith, Catherine Smith, true",
      "Liz Smith, Bob Smith, false",
      "Mike Ross, Michael Ross, true",
      "Mike Ross, Mitchell Ross, false",
  })
  void firstNamesMatchThroughNicknames(String a, String b, boolean same) {
    assertThat(NAMES.parse(a).sameFirstName(NAMES.parse(b))).isEqualTo(same);
    assertThat(NAMES.parse(b).sameFirstName(NAMES.parse(a))).isEqualTo(same);
  }

  @Test
  void formalNamesOfANickname() {
    assertThat(NAMES.formalNames("Bob")).containsExactly("robert");
    assertThat(NAMES.formalNames("AL")).contains("albert", "alan", "alfred", "alexander");
    assertThat(NAMES.formalNames("Robert")).isEmpty();
    assertThat(PersonNameNormalizer.defaultNicknames()).containsKey("elizabeth");
  }

  @Test
  void nicknameTableCanBeReplaced(@TempDir Path dir) throws IOException {
    PersonNameNormalizer custom = PersonNameNormalizer.builder()
        .nicknames(Map.of("Giuseppe", List.of("Beppe", "Pino"))).build();
    assertThat(custom.parse("Pino Rossi").sameFirstName(custom.parse("Giuseppe Rossi"))).isTrue();
    assertThat(custom.parse("Bob Rossi").sameFirstName(custom.parse("Robert Rossi"))).isFalse();

    Path file = dir.resolve("nicks.txt");
    Files.writeString(file, "# ours\njohannes: hans, jo\n", StandardCharsets.UTF_8);
    PersonNameNormalizer fromFile = PersonNameNormalizer.builder().nicknames(file).build();
    assertThat(fromFile.formalNames("Hans")).containsExactly("johannes");

    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "johannes hans\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PersonNameNormalizer.builder().nicknames(bad))
        .isInstanceOf(ConfigException.class).hasMessageContaining("bad.txt:1:1");
  }

  @Test
  void overLongAndMissingValues() {
    PersonName big = NAMES.parse("a".repeat(PersonNameNormalizer.MAX_LENGTH + 1));
    Tables.assertCodes(big.findings(), "NAME_TOO_LONG", "long");
    assertThat(big.isEmpty()).isTrue();
    assertThat(NAMES.parse(null).isEmpty()).isTrue();
    assertThat(NAMES.normalize(null, null).isEmpty()).isTrue();
    assertThat(NAMES.normalize(null, null).findings()).isEmpty();
  }

  @Test
  void customFieldNamesAppearInFindings() {
    PersonNameNormalizer n = PersonNameNormalizer.builder()
        .fields("full_name", "given", "family").build();
    assertThat(n.parse("12345").findings().get(0).shortForm()).isEqualTo("NAME_NOT_A_NAME:full_name");
    assertThat(n.normalize("x1", "y").findings().get(0).shortForm())
        .isEqualTo("NAME_NOT_A_NAME:given");
    assertThat(NAMES.parse("Dr. Jane Q. Public, PhD").displayName()).isEqualTo("Jane Q Public");
  }
}
