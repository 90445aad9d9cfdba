package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StitchConfigTest {

  static final String YAML = String.join("\n",
      "name: web-and-crm",
      "version: 3",
      "identifiers:",
      "  - type: user_id",
      "    priority: 100",
      "    unique: true",
      "  - type: email",
      "    priority: 80",
      "    limit: 5",
      "    normalize: email",
      "    confidence: 0.9",
      "    blocked:",
      "      values: [test@test.com]",
      "      patterns: ['^noreply@']",
      "  - type: phone",
      "    priority: 50",
      "    limit: 2",
      "    normalize: phone",
      "    default_region: GB",
      "    confidence: 0.6",
      "  - type: anonymous_id",
      "    priority: 10",
      "    limit: 10",
      "    window: 30d",
      "    normalize: lowercase",
      "    confidence: 0.5",
      "blocked:",
      "  values: [null, anonymous, undefined]",
      "  patterns: ['^[0-]*$']",
      "profiles:",
      "  max_identifiers: 200",
      "junk:",
      "  min_profiles: 4",
      "metrics:",
      "  confidence_threshold: 0.75",
      "");

  @Test
  void readsEverySetting() {
    StitchConfig c = StitchConfig.parse("identity.yaml", YAML);
    assertThat(c.name()).isEqualTo("web-and-crm");
    assertThat(c.version()).isEqualTo("3");
    assertThat(c.contentHash()).startsWith("sha256:");
    assertThat(c.types()).extracting(IdentifierType::name).containsExactly("user_id", "email", "phone", "anonymous_id");
    IdentifierType user = c.type("user_id").orElseThrow();
    assertThat(user.unique()).isTrue();
    assertThat(user.limit()).isEqualTo(1);
    IdentifierType email = c.type("email").orElseThrow();
    assertThat(email.limit()).isEqualTo(5);
    assertThat(email.normalization()).isEqualTo(IdentifierNormalization.EMAIL);
    assertThat(email.blockedValues()).containsExactly("test@test.com");
    assertThat(email.blockedPatterns()).containsExactly("^noreply@");
    assertThat(email.confidence()).isEqualTo(0.9);
    assertThat(c.type("phone").orElseThrow().defaultRegion()).isEqualTo("GB");
    assertThat(c.type("anonymous_id").orElseThrow().window()).contains(Duration.ofDays(30));
    assertThat(c.blockedValues()).containsExactlyInAnyOrder("null", "anonymous", "undefined");
    assertThat(c.blockedPatterns()).containsExactly("^[0-]*$");
    assertThat(c.maxProfileIdentifiers()).isEqualTo(200);
    assertThat(c.junkMinProfiles()).isEqualTo(4);
    assertThat(c.confidenceThreshold()).isEqualTo(0.75);
  }

  @Test
  void loadsTheExampleFile() {
    StitchConfig c = StitchConfig.load(Path.of("../examples/identity/identity.yaml"));
    assertThat(c.types()).isNotEmpty();
  }

  @Test
  void isoDurationsAreAccepted() {
    StitchConfig c = StitchConfig.parse("x.yaml", "identifiers:\n  - {type: a, priority: 1, limit: 3, window: PT12H}\n");
    assertThat(c.type("a").orElseThrow().window()).contains(Duration.ofHours(12));
  }

  @Test
  void badPatternFailsAtItsLine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("identity.yaml");
    Files.writeString(f, YAML.replace("'^[0-]*$'", "'^[0-*$'"));
    assertThatThrownBy(() -> StitchConfig.load(f))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("identity.yaml:29:14")
        .hasMessageContaining("blocked.patterns[0]")
        .hasMessageContaining("not a valid RE2 pattern");
  }

  @Test
  void unknownKeySuggestsTheNearest() {
    assertThatThrownBy(() -> StitchConfig.parse("identity.yaml", YAML.replace("    limit: 5", "    limt: 5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("identity.yaml:9:5")
        .hasMessageContaining("identifiers[1].limt")
        .hasMessageContaining("did you mean 'limit'");
  }

  @Test
  void badSettingsNameWhatWasExpected() {
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("normalize: email", "normalize: mail")))
        .hasMessageContaining("i.yaml:10:")
        .hasMessageContaining("unknown normalization 'mail'");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("window: 30d", "window: a month")))
        .hasMessageContaining("i.yaml:24:")
        .hasMessageContaining("expected a duration");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("    unique: true", "    unique: true\n    limit: 3")))
        .hasMessageContaining("a unique type has a limit of 1");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("priority: 80", "priority: high")))
        .hasMessageContaining("i.yaml:8:")
        .hasMessageContaining("expected a whole number");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("type: phone", "type: email")))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", YAML.replace("confidence: 0.9", "confidence: 9")))
        .hasMessageContaining("confidence must be from 0 to 1");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", "version: 1\nidentifiers: []\n"))
        .hasMessageContaining("at least one identifier type");
    assertThatThrownBy(() -> StitchConfig.parse("i.yaml", "version: 1\n"))
        .hasMessageContaining("missing key 'identifiers'");
  }

  @Test
  void builderRefusesNonsense() {
    assertThatThrownBy(() -> IdentifierType.builder("bad name")).hasMessageContaining("must be 1 to 64");
    assertThatThrownBy(() -> IdentifierType.builder("a").window(Duration.ofDays(1)).build())
        .hasMessageContaining("a window needs a limit");
    assertThatThrownBy(() -> IdentifierType.builder("a").limit(-1)).hasMessageContaining("limit must be 0");
    assertThatThrownBy(() -> StitchConfig.builder().build()).hasMessageContaining("at least one identifier type");
    assertThatThrownBy(() -> StitchConfig.builder().junkMinProfiles(1)).hasMessageContaining("2 or more");
  }
}
