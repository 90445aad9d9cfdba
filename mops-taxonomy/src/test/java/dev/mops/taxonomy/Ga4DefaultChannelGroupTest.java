package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conformance of the shipped GA4 default channel group with Google's documented rules. */
class Ga4DefaultChannelGroupTest {

  static final List<String> GOOGLE_ORDER = List.of("Direct", "Cross-network", "Paid Shopping", "Paid Search",
      "Paid Social", "Paid Video", "Display", "Paid Other", "Organic Shopping", "Organic Social", "Organic Video",
      "Organic Search", "Referral", "Email", "Affiliates", "Audio", "SMS", "Mobile Push Notifications", "Unassigned");

  static List<String[]> rows() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        Ga4DefaultChannelGroupTest.class.getResourceAsStream("ga4-conformance.csv")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (!line.startsWith("#") && !line.isBlank()) {
          out.add(line.split(",", -1));
        }
      }
    }
    return out;
  }

  static Stream<Arguments> table() throws IOException {
    return rows().stream().map(f -> Arguments.of(f[0], f[1], f[2], f[3], f[4]));
  }

  @ParameterizedTest(name = "{0} / {1} / {2} -> {3} {4}")
  @MethodSource("table")
  void conformsToGoogle(String source, String medium, String campaign, String expected, String why) {
    ChannelClassification c = ChannelGroup.ga4Default().classify(source, medium, campaign);
    assertThat(c.channel()).as(why).isEqualTo(expected);
    if (!expected.equals("Unassigned")) {
      assertThat(c.rule()).isEqualTo(expected);
      assertThat(c.ruleIndex()).isEqualTo(GOOGLE_ORDER.indexOf(expected));
      assertThat(c.condition()).isNotEmpty();
    } else {
      assertThat(c.ruleIndex()).isEqualTo(-1);
    }
  }

  @Test
  void tableCoversEveryChannel() throws IOException {
    Set<String> seen = new LinkedHashSet<>();
    for (String[] r : rows()) {
      seen.add(r[3]);
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(GOOGLE_ORDER);
  }

  @Test
  void channelsAreInGooglesOrderAndVersioned() {
    ChannelGroup g = ChannelGroup.ga4Default();
    assertThat(g.channels()).containsExactlyElementsOf(GOOGLE_ORDER);
    assertThat(g.version()).isEqualTo("ga4-default-2024.1");
    assertThat(g.contentHash()).startsWith("sha256:");
    assertThat(SourceCategories.size()).isEqualTo(819);
  }

  @Test
  void classifiesUrlsAndReportsDefaults() {
    ParsedUrl u = UtmParser.standard().parse("https://x.com/?utm_source=google&utm_medium=cpm&gclid=1");
    ChannelClassification c = ChannelGroup.ga4Default().classify(u);
    assertThat(c.channel()).isEqualTo("Paid Search");
    assertThat(c.groupVersion()).isEqualTo("ga4-default-2024.1");
    ChannelClassification direct = ChannelGroup.ga4Default().classify(UtmParser.standard().parse("https://x.com/"));
    assertThat(direct.channel()).isEqualTo("Direct");
    assertThat(direct.source()).isEqualTo("(direct)");
    assertThat(direct.medium()).isEqualTo("(none)");
  }
}
