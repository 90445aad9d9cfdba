package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EmailNormalizerTest {

  private static final EmailNormalizer EMAILS = EmailNormalizer.builder().build();

  static Stream<Arguments> table() {
    return Tables.load("cases-emails.txt", 5);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void normalizesRealWorldAddresses(
      String input, String normalized, String canonical, String flags, String codes) {
    NormalizedEmail e = EMAILS.normalize(input);
    assertThat(e.original()).isEqualTo(input);
    assertThat(e.normalized()).as("normalized").isEqualTo(Tables.orNull(normalized));
    assertThat(e.canonical()).as("canonical").isEqualTo(Tables.orNull(canonical));
    assertThat(e.flagsLabel()).as("flags").isEqualTo(flags);
    Tables.assertCodes(e.findings(), codes, input);
    assertThat(e.isValid()).isEqualTo(!normalized.isEmpty());
    assertThat(e.hasErrors()).isEqualTo(normalized.isEmpty());
    if (e.isValid()) {
      assertThat(e.normalized()).isEqualTo(e.localPart() + "@" + e.domain());
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void normalizedFormIsStable(String input, String normalized) {
    if (normalized.isEmpty()) {
      return;
    }
    NormalizedEmail again = EMAILS.normalize(normalized);
    assertThat(again.normalized()).isEqualTo(normalized);
    assertThat(EMAILS.normalize(again.canonical()).canonical()).isEqualTo(again.canonical());
  }

  @Test
  void missingValuesGiveNoAddressAndNoFinding() {
    for (String blank : new String[] {"", "   ", "\t"}) {
      NormalizedEmail e = EMAILS.normalize(blank);
      assertThat(e.isValid()).isFalse();
      assertThat(e.findings()).isEmpty();
    }
    NormalizedEmail none = EMAILS.normalize(null);
    assertThat(none.original()).isEmpty();
    assertThat(none.findings()).isEmpty();
  }

  @Test
  void errorFindingsNameTheFieldAndTheRawValue() {
    NormalizedEmail e = EmailNormalizer.builder().field("work_email").build()
        .normalize("john@@acme.com");
    Finding f = e.findings().get(0);
    assertThat(f.severity()).isEqualTo(Severity.ERROR);
    assertThat(f.shortForm()).isEqualTo("EMAIL_MULTIPLE_AT:work_email");
    assertThat(f.rawValue()).isEqualTo("john@@acme.com");
  }

  @Test
  void lengthLimitsFollowRfc5321() {
    String local64 = "a".repeat(64);
    assertThat(EMAILS.normalize(local64 + "@acme.com").isValid()).isTrue();
    Tables.assertCodes(EMAILS.normalize(local64 + "a@acme.com").findings(),
        "EMAIL_LOCAL_PART_TOO_LONG", "65");
    String label = "b".repeat(63);
    String domain = label + "." + label + "." + label + "." + "c".repeat(57) + ".com"; // 253
    assertThat(domain).hasSize(253);
    assertThat(EMAILS.normalize("a@" + domain).isValid()).isFalse(); // 255 > 254 overall
    Tables.assertCodes(EMAILS.normalize("a@" + domain).findings(), "EMAIL_TOO_LONG", "255");
    Tables.assertCodes(EMAILS.normalize("a@x" + domain).findings(), "EMAIL_DOMAIN_TOO_LONG",
        "254 domain");
    assertThat(EMAILS.normalize("a@" + "d".repeat(64) + ".com").findings().get(0).code())
        .isEqualTo("EMAIL_INVALID_DOMAIN");
  }

  @Test
  void localPartCaseCanBeKept() {
    EmailNormalizer keep = EmailNormalizer.builder().lowerCaseLocalPart(false).build();
    NormalizedEmail e = keep.normalize("John.Doe@Example.COM");
    assertThat(e.normalized()).isEqualTo("John.Doe@example.com");
    assertThat(e.canonical()).isEqualTo("john.doe@example.com");
  }

  @Test
  void providerListsCanBeReplacedFromCollectionsAndFiles(@TempDir Path dir) throws IOException {
    Path roles = dir.resolve("roles.txt");
    Files.writeString(roles, "# our roles\nteam-growth\n", StandardCharsets.UTF_8);
    EmailNormalizer custom = EmailNormalizer.builder()
        .freeMailDomains(List.of("Example.NET"))
        .disposableDomains(Set.of("burner.test"))
        .roleAccounts(roles)
        .mailProviders(List.of("acme.com plus-tags", "acme-mail.com same-as=acme.com ignore-dots"))
        .build();
    assertThat(custom.normalize("a@example.net").flags()).containsExactly(EmailFlag.FREE_MAIL);
    assertThat(custom.normalize("a@gmail.com").flags()).isEmpty();
    assertThat(custom.normalize("a@x.burner.test").has(EmailFlag.DISPOSABLE)).isTrue();
    assertThat(custom.normalize("team-growth+q3@acme.com").has(EmailFlag.ROLE_ACCOUNT)).isTrue();
    assertThat(custom.normalize("info@acme.com").has(EmailFlag.ROLE_ACCOUNT)).isFalse();
    assertThat(custom.normalize("jo.ann+x@acme.com").canonical()).isEqualTo("jo.ann@acme.com");
    assertThat(custom.normalize("jo.ann@acme-mail.com").canonical()).isEqualTo("joann@acme.com");
  }

  @Test
  void defaultListsAreExposedToExtend() {
    assertThat(EmailNormalizer.defaultFreeMailDomains()).contains("gmail.com", "yahoo.co.uk");
    assertThat(EmailNormalizer.defaultDisposableDomains()).contains("mailinator.com");
    assertThat(EmailNormalizer.defaultRoleAccounts()).contains("info", "noreply", "sales");
  }

  @Test
  void malformedProviderFileIsAConfigErrorNamingTheLine(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("providers.txt");
    Files.writeString(file, "# header\ngmail.com ignore-dots\nacme.com strip-everything\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EmailNormalizer.builder().mailProviders(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("providers.txt:3:1")
        .hasMessageContaining("strip-everything");
  }

  @Test
  void builderOptionsCanBeSetOnlyOnce() {
    EmailNormalizer.Builder b = EmailNormalizer.builder().field("email");
    assertThatThrownBy(() -> b.field("other")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("field");
    assertThatThrownBy(() -> EmailNormalizer.builder().field(" "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resultIsImmutable() {
    NormalizedEmail e = EMAILS.normalize("info@gmail.com");
    assertThatThrownBy(() -> e.flags().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> e.findings().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(e.flagsLabel()).isEqualTo("role_account;free_mail");
  }
}
