package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CustomChannelGroupTest {

  static final ChannelGroup ACME = ChannelGroup.load(Path.of("../examples/taxonomy/channels.yaml"));

  @Test
  void firstMatchingRuleWinsAndIsReported() {
    ChannelClassification c = ACME.classify("google", "cpc", "2025q3_brand_terms");
    assertThat(c.channel()).isEqualTo("Paid Search");
    assertThat(c.rule()).isEqualTo("paid-search-brand");
    assertThat(c.ruleIndex()).isEqualTo(1);
    assertThat(c.groupName()).isEqualTo("acme-channels");
    assertThat(c.groupVersion()).isEqualTo("2025.06");
    assertThat(c.condition()).contains("brand");

    ChannelClassification partner = ACME.classify("Partner_Acme", "referral", null);
    assertThat(partner.channel()).isEqualTo("Partners");
    assertThat(partner.ruleIndex()).isEqualTo(0);
  }

  @Test
  void clickIdsAreVisibleToRules() {
    ParsedUrl u = UtmParser.standard().parse("https://x.com/?gclid=abc&utm_source=google");
    ChannelClassification c = ACME.classify(u);
    assertThat(c.rule()).isEqualTo("paid-search-auto-tagged");
    assertThat(c.medium()).isEqualTo("(not set)");
  }

  @Test
  void unmatchedSourcesFallBackToGa4() {
    ChannelClassification c = ACME.classify("facebook", "cpm", null);
    assertThat(c.channel()).isEqualTo("Paid Social");
    assertThat(c.groupName()).isEqualTo("GA4 default channel group");
    assertThat(ACME.channels()).startsWith("Partners", "Paid Search", "Events", "Direct");
  }

  @Test
  void plainFallbackChannel() {
    ChannelGroup g = ChannelGroup.parse("g.yaml", """
        name: tiny
        fallback: Other
        channels:
          - channel: Email
            when: {eq: {field: medium, value: email}}
        """);
    assertThat(g.classify("x", "email", null).channel()).isEqualTo("Email");
    ChannelClassification other = g.classify("x", "y", null);
    assertThat(other.channel()).isEqualTo("Other");
    assertThat(other.ruleIndex()).isEqualTo(-1);
    assertThat(g.channels()).containsExactly("Email", "Other");
  }

  @Test
  void badGroupsFailAtLoadWithPosition() {
    assertThatThrownBy(() -> ChannelGroup.parse("g.yaml", "channels:\n  - channel: X\n    when: {eq: {field: mediun, value: a}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("g.yaml:3:").hasMessageContaining("mediun");
    assertThatThrownBy(() -> ChannelGroup.parse("g.yaml", "channels:\n  - channel: X\n    wen: true\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("g.yaml:3:5").hasMessageContaining("did you mean 'when'");
    assertThatThrownBy(() -> ChannelGroup.parse("g.yaml", "channels:\n  - channel: X\n    when: {matches: {field: medium, pattern: '(a'}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("g.yaml:3:");
    assertThatThrownBy(() -> ChannelGroup.parse("g.yaml", "channels: []\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("at least one");
    assertThatThrownBy(() -> ChannelGroup.parse("g.yaml", "fallback_group: ga3\nchannels:\n  - channel: X\n    when: true\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("g.yaml:1:").hasMessageContaining("ga4_default");
  }
}
