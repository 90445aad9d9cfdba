package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import org.junit.jupiter.api.Test;

class DedupeConfigTest {

  private static final String GOOD = String.join("\n",
      "version: \"2\"",
      "fields:",
      "  - field: email",
      "    kind: email",
      "    comparator: jaro_winkler",
      "    thresholds: [0.9]",
      "  - field: name",
      "    kind: name",
      "    comparator: token_set",
      "    thresholds: [0.8, 0.5]",
      "    m: [0.1, 0.1, 0.1, 0.7]",
      "blocking:",
      "  max_block_size: 100",
      "  keys:",
      "    - [email]",
      "    - [\"prefix(name, 3)\"]",
      "model:",
      "  prior: all_pairs",
      "  random_pairs: 5000",
      "thresholds:",
      "  match: 0.95",
      "  review: 0.6",
      "clustering:",
      "  max_cluster_size: 20",
      "survivorship:",
      "  - field: email",
      "    rule: most_recent",
      "    by: updated_at",
      "");

  @Test
  void loadsEveryKey() {
    DedupeConfig c = DedupeConfigs.parse("d.yaml", GOOD);
    assertThat(c.version()).isEqualTo("2");
    assertThat(c.fields()).hasSize(2);
    assertThat(c.fields().get(1).m()).containsExactly(0.1, 0.1, 0.1, 0.7);
    assertThat(c.blockingKeys().get(1).describe()).isEqualTo("prefix(name, 3)");
    assertThat(c.maxBlockSize()).isEqualTo(100);
    assertThat(c.priorScope()).isEqualTo(PriorScope.ALL_PAIRS);
    assertThat(c.randomPairs()).isEqualTo(5000);
    assertThat(c.matchThreshold()).isEqualTo(0.95);
    assertThat(c.maxClusterSize()).isEqualTo(20);
    assertThat(c.survivorship().get(0).strategy()).isEqualTo(SurvivorshipRule.Strategy.MOST_RECENT);
  }

  @Test
  void modelSourceAndChangeShareLoadAndAreChecked() {
    DedupeConfig c = DedupeConfigs.parse("d.yaml",
        GOOD.replace("  prior: all_pairs", "  prior: all_pairs\n  m_from: shared_identifiers\n  min_change_share: 0.05"));
    assertThat(c.mFromSharedIdentifiers()).isTrue();
    assertThat(c.minChangeShare()).isEqualTo(0.05);
    assertThat(DedupeConfigs.parse("d.yaml", GOOD).mFromSharedIdentifiers()).isFalse();
    assertThat(DedupeConfigs.parse("d.yaml", GOOD).minChangeShare()).isZero();
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("  prior: all_pairs", "  m_from: labels")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("d.yaml:")
        .hasMessageContaining("expected em or shared_identifiers");
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("  prior: all_pairs", "  min_change_share: 0.7")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("min_change_share must be from 0 to 0.5");
  }

  @Test
  void unknownKeyNamesLineAndSuggestion() {
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("    thresholds: [0.9]", "    treshold: [0.9]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("d.yaml:6")
        .hasMessageContaining("did you mean 'thresholds'");
  }

  @Test
  void blockingOnUndeclaredFieldIsAnError() {
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("    - [email]", "    - [phone]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'phone', which is not a declared field");
  }

  @Test
  void badThresholdsAreErrors() {
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("[0.8, 0.5]", "[0.5, 0.8]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("must decrease");
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("m: [0.1, 0.1, 0.1, 0.7]", "m: [0.5, 0.5]")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("4 levels");
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("comparator: token_set", "comparator: soundex")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown comparator 'soundex'");
  }

  @Test
  void builderRefusesSettingTwice() {
    DedupeConfig.Builder b = DedupeConfig.builder().maxBlockSize(10);
    assertThatThrownBy(() -> b.maxBlockSize(20)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("max_block_size was already set");
    b.thresholds(0.99, 0.8);
    assertThatThrownBy(() -> b.thresholds(0.9, 0.5)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builderValidatesEachSettingWhenItIsSet() {
    DedupeConfig.Builder b = DedupeConfig.builder();
    assertThatThrownBy(() -> b.maxBlockSize(1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("max_block_size 1 is not between 2 and");
    assertThatThrownBy(() -> b.thresholds(0.5, 0.9)).hasMessageContaining("review <= match");
    assertThatThrownBy(() -> b.minLinkShare(1.5)).hasMessageContaining("min link share 1.5");
    // A rejected value does not count as set: the setting can still be given once.
    b.maxBlockSize(50);
    b.field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT));
    assertThatThrownBy(() -> b.field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT)))
        .hasMessageContaining("declared twice");
    assertThatThrownBy(b::build).hasMessageContaining("at least one blocking key");
    DedupeConfig c = b.blockingKey("email").build();
    assertThat(c.maxBlockSize()).isEqualTo(50);
    assertThat(c.matchThreshold()).isEqualTo(0.999);
    // A value: equal when built the same way.
    DedupeConfig same = DedupeConfig.builder().maxBlockSize(50)
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT)).blockingKey("email").build();
    assertThat(same).isEqualTo(c).hasSameHashCodeAs(c);
    assertThat(c.toString()).contains("maxBlockSize=50");
  }

  @Test
  void readerErrorsNameFileLineColumnAndPath() {
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("max_block_size: 100", "max_block_size: 1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("(?s)d\\.yaml:\\d+:\\d+.*blocking.*max_block_size 1 is not between 2 and.*");
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", GOOD.replace("kind: name", "kind: nmae")))
        .isInstanceOf(ConfigException.class)
        .hasMessageMatching("(?s)d\\.yaml:\\d+:\\d+.*fields\\[1\\]\\.kind.*unknown field kind 'nmae'.*");
  }

  @Test
  void phoneticBlockingPartTakesACodeLength() {
    BlockingKey.Part p = BlockingKey.Part.parse("phonetic(surname, 6)");
    assertThat(p.function()).isEqualTo(BlockingKey.Function.PHONETIC);
    assertThat(p.length()).isEqualTo(6);
    assertThat(p.describe()).isEqualTo("phonetic(surname, 6)");
    assertThat(BlockingKey.Part.parse("phonetic(surname)").length()).isZero();
    assertThatThrownBy(() -> BlockingKey.Part.parse("phonetic(surname, 13)"))
        .hasMessageContaining("code length n from 1 to 12");
    assertThatThrownBy(() -> BlockingKey.Part.parse("nickname(first, 3)")).hasMessageContaining("takes no length");

    DedupeConfig config = DedupeConfig.builder()
        .field(FieldRule.of("surname", FieldKind.NAME, ComparatorType.PHONETIC))
        .blockingKey("phonetic(surname)")
        .blockingKey("phonetic(surname, 8)")
        .build();
    FieldComparer c = new FieldComparer(config);
    PreparedRecord r = c.prepare(RecordRef.of("1"), dev.mops.core.record.Records.of(java.util.Map.of("surname", "Schwarzenegger")), null);
    assertThat(c.blockingKey(0, r)).isEqualTo(Phonetic.primary("schwarzenegger", 4));
    assertThat(c.blockingKey(1, r)).isEqualTo(Phonetic.primary("schwarzenegger", 8)).hasSizeGreaterThan(4);
  }
}
