package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DomainNormalizerTest {

  private static final DomainNormalizer DOMAINS = DomainNormalizer.builder().build();

  static Stream<Arguments> table() {
    return Tables.load("cases-domains.txt", 4);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void normalizesWebsitesEmailsAndHosts(String input, String host, String registrable,
      String codes) {
    NormalizedDomain d = DOMAINS.normalize(input);
    assertThat(d.host()).as("host").isEqualTo(Tables.orNull(host));
    assertThat(d.registrableDomain()).as("registrable").isEqualTo(Tables.orNull(registrable));
    assertThat(d.hasRegistrableDomain()).isEqualTo(!registrable.isEmpty());
    Tables.assertCodes(d.findings(), codes, input);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void hostAndRegistrableDomainAreFixedPoints(String input, String host, String registrable) {
    if (host.isEmpty()) {
      return;
    }
    NormalizedDomain again = DOMAINS.normalize(host);
    assertThat(again.host()).isEqualTo(host);
    assertThat(again.registrableDomain()).isEqualTo(Tables.orNull(registrable));
    if (!registrable.isEmpty()) {
      assertThat(DOMAINS.normalize(registrable).registrableDomain()).isEqualTo(registrable);
    }
  }

  @Test
  void registryOnlyModeIgnoresPrivateSuffixes() {
    DomainNormalizer icann = DomainNormalizer.builder().privateSuffixes(false).build();
    assertThat(icann.normalize("acme.github.io").registrableDomain()).isEqualTo("github.io");
    assertThat(icann.normalize("github.io").registrableDomain()).isEqualTo("github.io");
    assertThat(icann.normalize("acme.github.io").findings()).isEmpty();
    assertThat(icann.normalize("www.eu.acme.co.uk").registrableDomain()).isEqualTo("acme.co.uk");
    assertThat(icann.normalize("co.uk").findings().get(0).code())
        .isEqualTo("DOMAIN_IS_PUBLIC_SUFFIX");
  }

  @Test
  void missingAndOverlongValues() {
    assertThat(DOMAINS.normalize(null).findings()).isEmpty();
    assertThat(DOMAINS.normalize("  ").host()).isNull();
    NormalizedDomain big = DOMAINS.normalize("a".repeat(DomainNormalizer.MAX_INPUT_LENGTH + 1));
    assertThat(big.findings().get(0).code()).isEqualTo("DOMAIN_INVALID");
    assertThat(big.findings().get(0).severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void fieldNameIsUsedInFindings() {
    DomainNormalizer d = DomainNormalizer.builder().field("company_website").build();
    assertThat(d.normalize("localhost").findings().get(0).shortForm())
        .isEqualTo("DOMAIN_NOT_QUALIFIED:company_website");
    assertThatThrownBy(() -> DomainNormalizer.builder().privateSuffixes(true).privateSuffixes(false))
        .isInstanceOf(IllegalStateException.class);
  }
}
