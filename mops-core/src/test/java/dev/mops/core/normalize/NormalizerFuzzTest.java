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
    String context = "first=" + escape(first) + " full=" + escape(full);
    PersonName n = NAMES.parse(full);
    assertThat(PersonNameNormalizer.key(n.firstKey())).as(context).isEqualTo(n.firstKey());
    assertThat(PersonNameNormalizer.key(n.lastKey())).as(context).isEqualTo(n.lastKey());
    assertThat(n.firstNameKeys().isEmpty()).as(context).isEqualTo(n.firstKey().isEmpty());
    if (!n.isEmpty()) {
      PersonName again = NAMES.normalize(n.first(), n.last());
      assertThat(again.lastKey()).as(context + " -> " + n).isEqualTo(n.lastKey());
    }
    PersonName fields = NAMES.normalize(first, full);
    assertThat(PersonNameNormalizer.key(fields.lastKey())).as(context)
        .isEqualTo(fields.lastKey());
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

  /** Shows control and non-ASCII characters as escapes, so that a failure can be replayed. */
  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> {
      if (c < 32 || c > 126) {
        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
