package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mops attribute} on the example touchpoints and outcomes. */
class AttributeCommandTest {

  static final Path EXAMPLES = Path.of("..", "examples", "attribution");

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void copyExamples() throws IOException {
    for (String f : List.of("touches.csv", "outcomes.csv")) {
      Files.copy(EXAMPLES.resolve(f), dir.resolve(f));
    }
  }

  int run(String... args) {
    return Main.run(args, new PrintWriter(out), new PrintWriter(err));
  }

  String p(String name) {
    return dir.resolve(name).toString();
  }

  static double sum(List<String> rows, int column) {
    return rows.stream().skip(1).mapToDouble(r -> Double.parseDouble(r.split(",", -1)[column])).sum();
  }

  @Test
  void oneModelWritesCreditPerChannelAndCampaign() throws IOException {
    int code = run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model",
        "time_decay", "--half-life", "7d", "--lookback", "90d", "--output", p("credit.csv"));
    assertThat(code).as(err.toString()).isEqualTo(0);
    List<String> rows = Files.readAllLines(dir.resolve("credit.csv"));
    assertThat(rows.get(0)).isEqualTo("model,channel,campaign,credit,conversions");
    assertThat(rows.subList(1, rows.size())).allMatch(r -> r.startsWith("time_decay,"));
    assertThat(rows).anyMatch(r -> r.startsWith("time_decay,Direct,,"));
    // 24 outcomes worth 1,042,000; L-099 has no touchpoints (35,000): the rest is attributed, 23 conversions
    assertThat(sum(rows, 3)).isCloseTo(1_007_000, within(0.01));
    assertThat(sum(rows, 4)).isCloseTo(23, within(1e-5));
    assertThat(err.toString())
        .contains("line 144: error BAD_TIMESTAMP", "(value 'last tuesday')")
        .contains("attribute: 143 touchpoint rows (142 kept, 1 rejected), 24 outcome rows (24 kept, 0 rejected)")
        .contains("time_decay(half-life 7d, lookback 90d): 23 conversions attributed (1,007,000.00), 1 without touchpoints")
        .contains("5 after conversion");
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model", "first",
        "--output", p("first.csv"), "--fail-on", "error")).isEqualTo(1);
  }

  @Test
  void compareWritesEveryModelAPageAndCoverage() throws IOException {
    int code = run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--compare",
        "first,last,linear,markov", "--html", p("report.html"), "--coverage", "--classify", "--output", p("credit.csv"),
        "--roi", p("roi.csv"));
    assertThat(code).as(err.toString()).isEqualTo(0);
    List<String> rows = Files.readAllLines(dir.resolve("credit.csv"));
    for (String m : List.of("first", "last", "linear", "markov")) {
      List<String> mine = rows.stream().filter(r -> r.startsWith(m + ",")).toList();
      assertThat(mine).as(m).isNotEmpty();
      assertThat(mine.stream().mapToDouble(r -> Double.parseDouble(r.split(",", -1)[3])).sum()).as(m)
          .isCloseTo(1_007_000, within(0.01));
    }
    // --classify gave the rows with only a URL a channel and a campaign from their UTM parameters
    assertThat(rows).noneMatch(r -> r.contains("(none)"));
    assertThat(rows).anyMatch(r -> r.startsWith("first,Paid Search,2026-q2_ppc_generic,"));
    String html = Files.readString(dir.resolve("report.html"));
    assertThat(html).contains("<svg", "markov(order 1)", "Attribution coverage").doesNotContain("<script");
    assertThat(out.toString()).contains("coverage: 80.5% of converted value (839,000.00 of 1,042,000.00); 20 of 24 conversions")
        .contains("L-099 35,000.00 no_touchpoints");
    List<String> roi = Files.readAllLines(dir.resolve("roi.csv"));
    assertThat(roi.get(0)).isEqualTo("model,channel,campaign,credit,conversions,cost,roi,roas");
    assertThat(roi).anyMatch(r -> r.startsWith("linear,Webinar,2026-05_webinar_ops,") && r.contains(",3600,"));
  }

  @Test
  void coverageAlonePrintsToStandardOutput() {
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--coverage",
        "--top", "2")).isEqualTo(0);
    assertThat(out.toString()).startsWith("coverage: ").contains("largest uncovered deals:");
    assertThat(out.toString().lines().filter(l -> l.startsWith("    L-")).count()).isEqualTo(2);
  }

  @Test
  void coverageWithATaxonomyCountsOnlyItsChannelsAndCampaignNames() {
    // the example campaigns do not follow the example naming convention (FY25Q3_EMEA_paid-search_acq_slug)
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--coverage",
        "--naming", Path.of("..", "examples", "taxonomy", "naming.yaml").toString())).as(err.toString()).isEqualTo(0);
    assertThat(out.toString()).contains("coverage: 0.0% of converted value (0.00 of 1,042,000.00); 0 of 24 conversions");
  }

  @Test
  void usageErrors() throws IOException {
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model", "u_shaped"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown attribution model 'u_shaped'");
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model", "first",
        "--compare", "last")).isEqualTo(2);
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"))).isEqualTo(2);
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model", "position",
        "--position", "50,20,40")).isEqualTo(2);
    assertThat(err.toString()).contains("--position: the shares must add up to 100");
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--model", "linear",
        "--lookback", "soon")).isEqualTo(2);
    Files.writeString(dir.resolve("bad.csv"), "journey,timestamp,channel\n1,2026-01-01,Email\n");
    assertThat(run("attribute", "--touchpoints", p("bad.csv"), "--outcomes", p("outcomes.csv"), "--model", "linear"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("has no column 'journey_id'");
  }

  @Test
  void positionAndWShapedSharesAndMarkovOrder() throws IOException {
    assertThat(run("attribute", "--touchpoints", p("touches.csv"), "--outcomes", p("outcomes.csv"), "--compare",
        "position,w_shaped,markov,shapley", "--position", "30,40,30", "--w-shaped", "25,25,25,25", "--order", "2",
        "--output", p("c.csv"))).as(err.toString()).isEqualTo(0);
    assertThat(err.toString()).contains("position(0.3/0.4/0.3)", "w_shaped(0.25/0.25/0.25/0.25)", "markov(order 2)");
    List<String> rows = Files.readAllLines(dir.resolve("c.csv"));
    assertThat(rows.stream().filter(r -> r.startsWith("shapley,"))
        .mapToDouble(r -> Double.parseDouble(r.split(",", -1)[3])).sum()).isCloseTo(1_007_000, within(0.01));
  }
}
