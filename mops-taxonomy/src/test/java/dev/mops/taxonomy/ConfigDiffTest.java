package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigDiffTest {

  static final String TAX = String.join("\n",
      "version: 1",
      "name: utm",
      "parameters:",
      "  utm_source: {required: true, values: [google, bing, facebook]}",
      "  utm_medium: {required: true, values: [cpc, email]}",
      "  utm_campaign: {required: true}",
      "");

  @Test
  void taxonomyDiffListsValuesAndTheUrlsWhoseLintChanges() {
    Taxonomy a = Taxonomy.parse("a.yaml", TAX);
    Taxonomy b = Taxonomy.parse("b.yaml", TAX.replace("[google, bing, facebook]", "[google, facebook, youtube]")
        .replace("utm_campaign: {required: true}", "utm_campaign: {required: false}\n  utm_content: {required: true}"));
    TaxonomyDiff d = TaxonomyDiff.between(a, b);
    assertThat(d.changes()).extracting(c -> c.parameter().parameterName() + " " + c.change())
        .containsExactly("utm_source values", "utm_campaign now optional", "utm_content declared");
    assertThat(d.changes().get(0).valuesAdded()).containsExactly("youtube");
    assertThat(d.changes().get(0).valuesRemoved()).containsExactly("bing");
    TaxonomyDiff.Impact impact = d.impact();
    assertThat(impact.add("1", "https://x.example/?utm_source=bing&utm_medium=cpc&utm_campaign=c&utm_content=a")).isNotNull()
        .satisfies(c -> assertThat(TaxonomyDiff.UrlChange.status(c.before()) + " -> " + TaxonomyDiff.UrlChange.status(c.after()))
            .isEqualTo("valid -> invalid"));
    assertThat(impact.add("2", "https://x.example/?utm_source=youtube&utm_medium=cpc&utm_content=a")).isNotNull()
        .satisfies(c -> assertThat(c.after().valid()).isTrue());
    assertThat(impact.add("3", "https://x.example/?utm_source=google&utm_medium=cpc&utm_campaign=c&utm_content=a")).isNull();
    assertThat(impact.urls()).isEqualTo(3);
    assertThat(impact.changed()).isEqualTo(2);
    assertThat(impact.transitions()).containsEntry("valid -> invalid", 1L).containsEntry("invalid -> valid", 1L);
  }

  @Test
  void channelGroupDiffListsChannelsAndTheTrafficThatMoves() {
    ChannelGroup custom = ChannelGroup.parse("c.yaml", String.join("\n",
        "version: 2",
        "name: acme",
        "fallback_group: ga4_default",
        "channels:",
        "  - channel: Video",
        "    when: {eq: {field: source, value: youtube, ignore_case: true}}",
        ""));
    ChannelGroupDiff d = ChannelGroupDiff.between(ChannelGroup.ga4Default(), custom);
    assertThat(d.channelsAdded()).containsExactly("Video");
    ChannelGroupDiff.Impact impact = d.impact();
    assertThat(impact.add("1", "yt", TrafficSource.of("youtube", "cpc", "x"))).isNotNull()
        .satisfies(c -> assertThat(c.before().channel() + " -> " + c.after().channel()).isEqualTo("Paid Video -> Video"));
    assertThat(impact.add("2", "g", TrafficSource.of("google", "cpc", "x"))).isNull();
    assertThat(impact.moves()).containsExactly(java.util.Map.entry("Paid Video -> Video", 1L));
    assertThat(impact.sources()).isEqualTo(2);
  }
}
