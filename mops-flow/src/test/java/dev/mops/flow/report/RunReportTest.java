package dev.mops.flow.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import dev.mops.routing.RoutingDecision;
import dev.mops.routing.RoutingDecision.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class RunReportTest {

  static final Instant AS_OF = Instant.parse("2026-11-02T15:00:00Z");

  static QualityReport quality() {
    DataContract c = DataContracts.parse("c.yaml", "contract: leads\nfields:\n  email: {type: email, required: true}\n");
    QualityProfile p = QualityProfile.builder(c).add(Records.of(Map.of("email", "a@b.com")))
        .add(Records.of(Map.of("email", "not an email"))).build();
    return QualityReport.of(c, p, AS_OF);
  }

  @Test
  void anEmptyReportSaysWhatIsMissingAndStillForbidsEverythingButInlineStyles() {
    String html = RunReport.builder().title("Nothing <yet>").build().toHtml();
    Document d = Jsoup.parse(html);
    assertThat(d.title()).isEqualTo("Nothing <yet>");
    assertThat(html).contains("Nothing &lt;yet&gt;", "Not in this run: Pipeline: every lead accounted for, Data quality,");
    assertThat(d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).isEqualTo(RunReport.CONTENT_SECURITY_POLICY);
    assertThat(d.select("section")).isEmpty();
  }

  @Test
  void routingAndChannelsAreDrawnAsBarsWithTheirCounts() {
    List<RoutingDecision> decisions = List.of(
        new RoutingDecision(Outcome.ASSIGNED, "na-enterprise", "alice", "na-enterprise", "round robin"),
        new RoutingDecision(Outcome.ASSIGNED, "na-enterprise", "alice", "na-enterprise", "round robin"),
        new RoutingDecision(Outcome.ASSIGNED, "emea", "carla", "emea", "least loaded"),
        new RoutingDecision(Outcome.QUEUED, "sdr-triage", null, "default", "no rule matched"));
    RunReport r = RunReport.builder().routing(decisions, 2).channels("GA4 default 2025", Map.of("Paid Search", 3L, "<Direct>", 1L))
        .build();
    assertThat(r.leadsByOwner()).containsExactly(Map.entry("alice", 2L), Map.entry("carla", 1L), Map.entry("queued: sdr-triage", 1L));
    Document d = Jsoup.parse(r.toHtml());
    assertThat(d.select("#routing-owners rect title").eachText()).containsExactly("alice: 2 leads", "carla: 1 leads",
        "queued: sdr-triage: 1 leads");
    assertThat(d.select("#routing-cards .rr-label").eachText()).containsExactly("assigned", "suppressed", "queued");
    assertThat(d.select("#channels-bars rect title").eachText()).containsExactly("Paid Search: 3 leads", "<Direct>: 1 leads");
    assertThat(r.toHtml()).contains("&lt;Direct&gt;").doesNotContain("<Direct>");
    assertThat(d.select("#glance .rr-label").eachText()).containsExactly("Routed to an owner", "Top channel");
  }

  @Test
  void aLiftedPageKeepsItsContentWithScopedStylesAndPrefixedIds() {
    String html = RunReport.builder().quality(quality()).build().toHtml();
    Document d = Jsoup.parse(html);
    assertThat(d.getElementById("quality-scores")).isNotNull();
    assertThat(d.getElementById("scores")).isNull();
    assertThat(d.select("section#quality h1")).isEmpty();
    assertThat(d.select("style").html()).contains("#quality .card{").doesNotContain("}.card{", "#quality body", "#quality main");
  }

  @Test
  void cssIsScopedRuleByRuleIncludingMediaBlocks() {
    String css = "body{margin:0}main{padding:4px}h2,.x b{color:red}/* c */@media (max-width:600px){.card{width:100%}}"
        + "@font-face{font-family:x;src:url(x.woff)}@import url(y.css);";
    assertThat(EmbeddedPage.scopeCss(css, "#s")).isEqualTo("#s h2,#s .x b{color:red}@media (max-width:600px){#s .card{width:100%}}");
  }

  @Test
  void liftingDropsScriptsHandlersAndExternalResources() {
    EmbeddedPage p = EmbeddedPage.lift("<html><head><style>.a{b:c}</style><link rel=stylesheet href=x.css></head><body><main>"
        + "<h1>Title</h1><div id=k onclick=\"x()\">kept</div><script>alert(1)</script><img src=\"https://x/y.png\"></main></body></html>", "sec");
    assertThat(p.body()).isEqualTo("<div id=\"sec-k\">kept</div>");
    assertThat(p.css()).isEqualTo("#sec .a{b:c}");
    assertThatThrownBy(() -> EmbeddedPage.lift("<p>", "Not An Id")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eachSectionIsSetOnce() {
    RunReport.Builder b = RunReport.builder().quality(quality());
    assertThatThrownBy(() -> b.quality(quality())).isInstanceOf(IllegalStateException.class).hasMessageContaining("quality");
    assertThatThrownBy(() -> RunReport.builder().routing(List.of(), -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RunReport.builder().scores(List.of(), "total", "mql")).isInstanceOf(IllegalArgumentException.class);
  }
}
