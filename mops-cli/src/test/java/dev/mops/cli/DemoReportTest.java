package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mops.flow.pipeline.StageCounts;
import dev.mops.flow.report.RunReport;
import dev.mops.metrics.attribution.AttributionResult;
import dev.mops.metrics.sla.SlaSummary;
import dev.mops.routing.RoutingDecision;
import dev.mops.scoring.LeadScore;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page {@code mops demo} writes: its structure and figures (parsed with jsoup, runs
 * everywhere), and what headless Chromium shows of it (skipped where Chromium is not installed).
 */
class DemoReportTest {

  static final List<String> SECTIONS =
      List.of("pipeline", "quality", "duplicates", "scores", "routing", "channels", "attribution", "operations");

  @TempDir static Path dir;
  static DemoReport.Run run;
  static String html;
  static Document page;

  @BeforeAll
  static void runTheDemo() throws IOException {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StandardStreams streams = new StandardStreams(new ByteArrayInputStream(new byte[0]), out,
        new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true), new PrintWriter(err), () -> false);
    run = new DemoReport(dir.resolve("mops-demo")).run(streams);
    html = Files.readString(run.report(), StandardCharsets.UTF_8);
    page = Jsoup.parse(html);
  }

  @Test
  void theCommandWritesTheReportWhereDirSays(@TempDir Path elsewhere) {
    Path target = elsewhere.resolve("out");
    CliRun demo = CliRun.mops("demo", "--dir", target.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(target.resolve("report.html")).isRegularFile();
    assertThat(target.resolve("dead-letters.jsonl")).isRegularFile();
    for (String f : DemoReport.SAMPLE) {
      assertThat(target.resolve("sample").resolve(f)).isRegularFile();
    }
    assertThat(target.resolve("notifications.jsonl")).isRegularFile();
    assertThat(demo.out()).contains("Pipeline demo-inbound-leads 2026.11-demo", "60 leads", "counts reconcile", "Report: file:",
        "report.html");
  }

  @Test
  void thePageIsSelfContained() {
    Element csp = page.selectFirst("meta[http-equiv=Content-Security-Policy]");
    assertThat(csp).isNotNull();
    assertThat(csp.attr("content")).isEqualTo(RunReport.CONTENT_SECURITY_POLICY).startsWith("default-src 'none'");
    assertThat(page.select("script, link, iframe, object, embed, img, base, form, audio, video, source")).isEmpty();
    for (Element e : page.getAllElements()) {
      e.attributes().forEach(a -> {
        assertThat(a.getKey()).as("event handler on <%s>", e.tagName()).doesNotStartWith("on");
        if (a.getKey().equals("href") || a.getKey().equals("src") || a.getKey().endsWith(":href")) {
          assertThat(a.getValue()).as("a link must stay inside the page").startsWith("#");
        }
      });
    }
    String css = String.join("\n", page.select("style").eachText()) + page.select("style").html();
    assertThat(css).doesNotContain("@import", "url(", "@font-face");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://", "https://", "<script");
  }

  @Test
  void everySectionIsThereOnceWithItsHeading() {
    for (String id : SECTIONS) {
      Elements s = page.select("section#" + id);
      assertThat(s).as(id).hasSize(1);
      assertThat(s.first().selectFirst("h2").text()).isNotBlank();
    }
    assertThat(page.select("section.rr-section > h2.rr-h").eachText()).containsExactly("Pipeline: every lead accounted for",
        "Data quality", "Duplicates found", "Score distribution and MQLs", "Routing by owner", "Channel mix", "Attribution",
        "SLA adherence and time-to-campaign");
    assertThat(html).doesNotContain("Not in this run");
    // the lifted pages keep their own sections, ids prefixed so that none repeats
    assertThat(page.getElementById("quality-scores")).isNotNull();
    assertThat(page.getElementById("quality-fields")).isNotNull();
    assertThat(page.getElementById("attribution-cards")).isNotNull();
    assertThat(page.getElementById("operations-cards")).isNotNull();
    assertThat(page.getElementById("operations-adherence")).isNotNull();
    assertThat(page.getElementById("operations-ttc")).isNotNull();
    Set<String> ids = new HashSet<>();
    for (Element e : page.select("[id]")) {
      assertThat(ids.add(e.id())).as("id %s appears twice", e.id()).isTrue();
    }
  }

  @Test
  void theLiftedStylesOnlyApplyInsideTheirSection() {
    String css = page.select("style").html();
    int lifted = 0;
    for (String rule : css.split("}", -1)) {
      int open = rule.indexOf('{');
      if (open < 0) {
        continue;
      }
      for (String selector : rule.substring(0, open).split(",", -1)) {
        String s = selector.trim();
        if (s.startsWith("#quality") || s.startsWith("#attribution") || s.startsWith("#operations")) {
          lifted++;
        } else {
          assertThat(s).as("a rule of the report itself").matches("(body|main|\\.rr-.*)");
        }
      }
    }
    assertThat(lifted).isGreaterThan(30);
  }

  @Test
  void thePipelineSectionShowsEveryStageAndReconciles() {
    assertThat(run.pipeline().reconciles()).isTrue();
    assertThat(card("pipeline-cards", "Leads read")).isEqualTo("60");
    assertThat(card("pipeline-cards", "Passed every stage")).isEqualTo(Long.toString(run.pipeline().passed()));
    assertThat(card("pipeline-cards", "Dead letters")).isEqualTo(Long.toString(run.pipeline().deadLettered()));
    assertThat(run.pipeline().deadLettered()).isPositive();
    assertThat(card("pipeline-cards", "Reconciles")).isEqualTo("yes");
    Elements rows = page.select("#pipeline-stages tbody tr");
    assertThat(rows).hasSize(run.pipeline().stages().size());
    for (int i = 0; i < rows.size(); i++) {
      StageCounts c = run.pipeline().stages().get(i);
      List<String> cells = rows.get(i).select("td").eachText();
      assertThat(cells.get(0)).startsWith(c.stage().label());
      assertThat(cells.subList(1, 5)).containsExactly(Long.toString(c.in()), Long.toString(c.out()),
          Long.toString(c.deadLettered()), Long.toString(c.merged()));
    }
  }

  @Test
  void theQualitySectionShowsTheContractScores() {
    String overall = page.select("#quality-scores .card.overall .score").text();
    assertThat(overall).isEqualTo(String.format(Locale.ROOT, "%.1f", Math.floor(run.quality().overallScore() * 10) / 10));
    assertThat(page.select("#quality-fields tbody tr")).hasSize(run.quality().profile().fields().size());
    assertThat(page.select("#quality-worst tbody tr")).isNotEmpty();
    assertThat(card("glance", "Quality score")).isEqualTo(overall);
  }

  @Test
  void theDuplicatesSectionShowsTheClustersAndTheTruth() {
    long duplicates = run.dedupe().recordCount() - run.dedupe().clusters().size();
    assertThat(duplicates).isGreaterThan(1_000);
    assertThat(card("duplicates-cards", "Records")).isEqualTo("3,000");
    assertThat(card("duplicates-cards", "Clusters")).isEqualTo(String.format(Locale.ROOT, "%,d", run.dedupe().clusters().size()));
    assertThat(card("duplicates-cards", "Duplicate records")).isEqualTo(String.format(Locale.ROOT, "%,d", duplicates));
    assertThat(card("duplicates-cards", "Against known truth")).isEqualTo(String.format(Locale.ROOT, "F1 %.3f", run.truth().f1()));
    // the bars of cluster sizes add up to the clusters with duplicates
    long withDuplicates = run.dedupe().clusters().stream().filter(c -> c.size() > 1).count();
    assertThat(barTotal("duplicates-sizes")).isEqualTo(withDuplicates);
    assertThat(page.getElementById("duplicates-why").text()).contains("MATCH");
  }

  @Test
  void theScoresSectionShowsTheDistributionAndTheMqls() {
    List<LeadScore> scores = run.scores();
    long mqls = scores.stream().filter(s -> s.threshold("mql")).count();
    assertThat(mqls).isPositive();
    assertThat(card("scores-cards", "Scored leads")).isEqualTo(Integer.toString(scores.size()));
    assertThat(card("scores-cards", "MQLs")).isEqualTo(Long.toString(mqls));
    assertThat(card("glance", "MQLs")).isEqualTo(Long.toString(mqls));
    // every lead is in one bar of the histogram: the bars' titles add up to the scored leads, MQLs apart
    long total = 0;
    long overMql = 0;
    for (Element rect : page.select("#scores-histogram rect.rr-bar")) {
      String title = rect.selectFirst("title").text();
      long n = Long.parseLong(title.replaceAll("^[^:]*: (\\d+) .*$", "$1"));
      total += n;
      if (!title.contains("below")) {
        overMql += n;
      }
    }
    assertThat(total).isEqualTo(scores.size());
    assertThat(overMql).isEqualTo(mqls);
    Map<String, Long> grades = new TreeMap<>();
    scores.forEach(s -> grades.merge(s.grade(), 1L, Long::sum));
    assertThat(bars("scores-grades")).isEqualTo(grades);
  }

  @Test
  void theRoutingSectionShowsLeadsByOwner() {
    Map<String, Long> owners = new TreeMap<>();
    for (RoutingDecision d : run.decisions()) {
      owners.merge(d.owner() != null ? d.owner() : d.outcome().label() + ": " + d.destination(), 1L, Long::sum);
    }
    assertThat(owners.keySet()).contains("alice", "bob");
    assertThat(bars("routing-owners")).isEqualTo(owners);
    assertThat(card("routing-cards", "suppressed")).isEqualTo(Long.toString(run.suppressed()));
    assertThat(run.suppressed()).isPositive();
  }

  @Test
  void theChannelSectionShowsEveryLeadsFirstChannel() {
    assertThat(bars("channels-bars")).isEqualTo(run.channels());
    assertThat(run.channels().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(60);
    assertThat(run.channels()).containsKeys("Organic Search", "Paid Search", "Direct", "Paid Social", "Referral");
  }

  @Test
  void theAttributionAndOperationsSectionsShowTheirFigures() {
    AttributionResult first = run.attribution().get(0);
    assertThat(card("glance", "Attributed value")).isEqualTo(String.format(Locale.ROOT, "%,.0f", first.attributedValue()));
    assertThat(first.attributedConversions()).isPositive();
    assertThat(page.select("#attribution svg rect")).hasSizeGreaterThan(run.attribution().size());
    SlaSummary sla = run.sla();
    assertThat(card("glance", "SLA adherence")).isEqualTo(String.format(Locale.ROOT, "%.1f%%", sla.adherence(SlaSummary.ALL) * 100));
    assertThat(sla.adherence(SlaSummary.ALL)).isBetween(0.5, 0.99);
    assertThat(page.select("#operations-adherence svg, #operations-ttc svg")).hasSize(2);
    assertThat(run.slaRequests()).isEqualTo(113);
  }

  @Test
  void chromiumRendersTheReport(@TempDir Path tmp) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "Chromium is not installed at /usr/bin/chromium: the render test is skipped");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + Files.createDirectories(tmp.resolve("profile")));
    String url = run.report().toUri().toString();

    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", url));
    Path dom = tmp.resolve("dom.html");
    Path dumpLog = tmp.resolve("dump.log");
    run(dump, dom, dumpLog);
    Document rendered = Jsoup.parse(Files.readString(dom, StandardCharsets.UTF_8));
    assertThat(rendered.select("section.rr-section > h2.rr-h").eachText()).hasSize(SECTIONS.size()).contains("Channel mix",
        "Routing by owner", "SLA adherence and time-to-campaign");
    assertThat(rendered.select("svg rect").size()).isGreaterThan(100);
    assertThat(rendered.select("#pipeline-cards .rr-value").first().text()).isEqualTo("60");
    assertThat(bars(rendered, "channels-bars")).isEqualTo(run.channels());
    // nothing was fetched and nothing was refused: the page asks for nothing outside itself
    String log = Files.readString(dumpLog, StandardCharsets.UTF_8);
    assertThat(log).doesNotContain("Refused to", "Content Security Policy", "net::ERR", "Failed to load resource");

    Path png = tmp.resolve("report.png");
    List<String> shot = new ArrayList<>(common);
    shot.addAll(List.of("--screenshot=" + png, "--window-size=1200,9000", url));
    run(shot, tmp.resolve("shot.out"), tmp.resolve("shot.log"));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    assertThat(image.getWidth()).isEqualTo(1200);
    // the charts are drawn: the colours of the duplicate, MQL and channel bars are on the screen
    assertThat(pixels(image, 0x6b46c1)).as("cluster-size bars").isGreaterThan(500);
    assertThat(pixels(image, 0x2f855a)).as("MQL bars").isGreaterThan(200);
    assertThat(pixels(image, 0xdd6b20)).as("channel bars").isGreaterThan(500);
  }

  private static long pixels(BufferedImage image, int rgb) {
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  private static void run(List<String> command, Path output, Path log) throws Exception {
    Process p = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(log.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertThat(p.exitValue()).as("chromium exit code; log: %s", Files.readString(log, StandardCharsets.UTF_8)).isZero();
  }

  /** The value of the card labelled {@code label} inside the element {@code id}. */
  private static String card(String id, String label) {
    for (Element c : page.getElementById(id).select(".rr-card")) {
      if (c.selectFirst(".rr-label").text().equals(label)) {
        return c.selectFirst(".rr-value").text();
      }
    }
    throw new AssertionError("no card " + label + " in #" + id);
  }

  private static long barTotal(String id) {
    return bars(id).values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> bars(String id) {
    return bars(page, id);
  }

  /** A bar chart's bars: the label and count of each, read from the bars' titles. */
  private static Map<String, Long> bars(Document doc, String id) {
    Map<String, Long> m = new TreeMap<>();
    for (Element rect : doc.select("#" + id + " rect.rr-bar")) {
      String title = rect.selectFirst("title").text();
      int colon = title.lastIndexOf(": ");
      m.put(title.substring(0, colon), Long.parseLong(title.substring(colon + 2).split(" ", -1)[0]));
    }
    return m;
  }
}
