package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the parsers that take outside text: email addresses, person names and websites. Whatever
 * the input, they return a result (never throw), and what they return normalizes to itself.
 * Normal test runs replay the committed corpus in {@code NormalizerFuzzTestInputs}; run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class NormalizerFuzzTest {

  private static final EmailNormalizer EMAILS = EmailNormalizer.builder().build();
  private static final PersonNameNormalizer NAMES = PersonNameNormalizer.builder().build();
  private static final DomainNormalizer DOMAINS = DomainNormalizer.builder().build();

  @FuzzTest(maxDuration = "30s")
  void emailParser(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    NormalizedEmail e = EMAILS.normalize(text);
    assertThat(e.original()).isEqualTo(text);
    if (!e.isValid()) {
      assertThat(e.canonical()).isNull();
      assertThat(e.flags()).isEmpty();
      return;
    }
    assertThat(e.hasErrors()).isFalse();
    assertThat(e.normalized().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(EmailNormalizer.MAX_LENGTH);
    NormalizedEmail again = EMAILS.normalize(e.normalized());
    assertThat(again.normalized()).isEqualTo(e.normalized());
    assertThat(again.canonical()).isEqualTo(e.canonical());
    assertThat(EMAILS.normalize(e.canonical()).canonical()).isEqualTo(e.canonical());
  }

  @FuzzTest(maxDuration = "30s")
  void personNameParser(FuzzedDataProvider data) {
    String first = data.consumeString(200);
    String full = data.consumeRemainingAsString();
    PersonName n = NAMES.parse(full);
    assertThat(PersonNameNormalizer.key(n.firstKey())).isEqualTo(n.firstKey());
    assertThat(PersonNameNormalizer.key(n.lastKey())).isEqualTo(n.lastKey());
    assertThat(n.firstNameKeys().isEmpty()).isEqualTo(n.firstKey().isEmpty());
    if (!n.isEmpty()) {
      PersonName again = NAMES.normalize(n.first(), n.last());
      assertThat(again.lastKey()).isEqualTo(n.lastKey());
    }
    PersonName fields = NAMES.normalize(first, full);
    assertThat(PersonNameNormalizer.key(fields.lastKey())).isEqualTo(fields.lastKey());
  }

  @FuzzTest(maxDuration = "30s")
  void websiteParser(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    NormalizedDomain d = DOMAINS.normalize(text);
    if (d.host() != null) {
      NormalizedDomain again = DOMAINS.normalize(d.host());
      assertThat(again.host()).isEqualTo(d.host());
      assertThat(again.registrableDomain()).isEqualTo(d.registrableDomain());
    }
  }
}
