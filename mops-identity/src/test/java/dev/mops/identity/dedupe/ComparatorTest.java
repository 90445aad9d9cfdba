package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.record.Records;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparatorTest {

  @Test
  void jaroWinklerKnownValues() {
    assertThat(Similarity.jaroWinkler("martha", "marhta")).isCloseTo(0.9611, within(1e-4));
    assertThat(Similarity.jaroWinkler("dwayne", "duane")).isCloseTo(0.84, within(1e-4));
    assertThat(Similarity.jaroWinkler("dixon", "dicksonx")).isCloseTo(0.8133, within(1e-4));
    assertThat(Similarity.jaroWinkler("", "abc")).isZero();
    assertThat(Similarity.jaroWinkler("abc", "abc")).isEqualTo(1.0);
  }

  @Test
  void editDistances() {
    assertThat(Similarity.levenshtein("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(Similarity.levenshtein("kitten", "sitting", 1)).isEqualTo(2);
    assertThat(Similarity.damerauLevenshtein("ca", "ac", 5)).isEqualTo(1);
    assertThat(Similarity.levenshtein("ca", "ac", 5)).isEqualTo(2);
    assertThat(Similarity.damerauLevenshtein("8368391", "8638391", 2)).isEqualTo(1);
  }

  @Test
  void tokenSetIgnoresOrderAndQgramsSeeTypos() {
    assertThat(Similarity.tokenSet("acme widgets", "widgets acme")).isEqualTo(1.0);
    assertThat(Similarity.qgramDice("vaughan garden", "vaughan g arden")).isGreaterThan(0.8);
  }

  @Test
  void phoneticKeys() {
    assertThat(Phonetic.primary("smith", 4)).isEqualTo(Phonetic.primary("smyth", 4));
    assertThat(Phonetic.primary("catherine", 4)).isEqualTo(Phonetic.primary("kathryn", 4));
    assertThat(Phonetic.primary("philips", 4)).startsWith("F");
    assertThat(Phonetic.primary("", 4)).isEmpty();
  }

  @Test
  void normalizers() {
    assertThat(Normalization.normalize(FieldKind.EMAIL, " John.Doe+news@GoogleMail.com ")).isEqualTo("johndoe@gmail.com");
    assertThat(Normalization.normalize(FieldKind.PHONE, "+44 (20) 7946-0958", "GB"))
        .isEqualTo(Normalization.normalize(FieldKind.PHONE, "020 7946 0958", "GB"))
        .isEqualTo("+442079460958");
    assertThat(Normalization.normalize(FieldKind.DATE, "24/06/1971")).isEqualTo("19710624");
    assertThat(Normalization.normalize(FieldKind.DATE, "1971-06-24")).isEqualTo("19710624");
    assertThat(Normalization.normalize(FieldKind.COMPANY, "Acme, Inc.")).isEqualTo("acme");
    assertThat(Normalization.normalize(FieldKind.DOMAIN, "https://www.acme.co.uk/about")).isEqualTo("acme.co.uk");
    assertThat(Normalization.normalize(FieldKind.ADDRESS, "12 Main Street")).isEqualTo("12 main st");
    assertThat(Normalization.normalize(FieldKind.TEXT, "  Zoë  O'Neil ")).isEqualTo("zoe oneil");
    assertThat(Normalization.normalize(FieldKind.TEXT, "N/A")).isNull();
    assertThat(Normalization.knownJunk(FieldKind.EMAIL, "test@test.com")).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.PHONE, "0000000")).isTrue();
  }

  @Test
  void agreementLevels() {
    DedupeConfig config = DedupeConfig.builder()
        .field(FieldRule.of("first", FieldKind.FIRST_NAME, ComparatorType.NAME, 0.92, 0.8))
        .field(FieldRule.of("dob", FieldKind.DATE, ComparatorType.DATE, 365))
        .field(FieldRule.of("n", FieldKind.NUMBER, ComparatorType.NUMBER, 1, 10))
        .blockingKey("dob")
        .build();
    FieldComparer c = new FieldComparer(config);
    PreparedRecord a = c.prepare(RecordRef.of("a"), Records.of(Map.of("first", "Bob", "dob", "1980-03-04", "n", "5")), null);
    PreparedRecord b = c.prepare(RecordRef.of("b"), Records.of(Map.of("first", "Robert", "dob", "1980-04-03", "n", "9")), null);
    PreparedRecord d = c.prepare(RecordRef.of("d"), Records.of(Map.of("first", "Roberta")), null);
    assertThat(config.fields().get(0).levelNames().get(c.level(0, a, b))).isEqualTo("nickname");
    assertThat(config.fields().get(1).levelNames().get(c.level(1, a, b))).isEqualTo("one typo");
    assertThat(config.fields().get(2).levelNames().get(c.level(2, a, b))).isEqualTo("diff<=10");
    assertThat(config.fields().get(0).levelNames().get(c.level(0, b, d))).isEqualTo("jw>=0.92");
    assertThat(c.level(1, b, d)).isEqualTo(FieldComparer.MISSING);
  }
}
