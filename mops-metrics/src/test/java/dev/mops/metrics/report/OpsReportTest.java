package dev.mops.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mops.core.record.Records;
import dev.mops.metrics.ops.IncidentTimeline;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import dev.mops.metrics.sla.SlaSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpsReportTest {

  static final Instant AS_OF = Instant.parse("2026-06-30T21:00:00Z");

  static OpsReport report() {
    SlaEvaluator sla = SlaPolicy.load(Path.of("..", "examples", "metrics", "sla.yaml"))
        .evaluator(dev.mops.core.record.Schema.of("id", "class", "priority", "team"));
    SlaSummary summary = new SlaSummary(AS_OF);
    Random r = new Random(11);
    String[] classes = {"simple", "standard", "complex"};
    for (int i = 0; i < 400; i++) {
      String cls = classes[r.nextInt(3)];
      Instant created = AS_OF.minus(Duration.ofMinutes(r.nextInt(90 * 24 * 60)));
      Instant accepted = created.plus(Duration.ofMinutes(r.nextInt(600)));
      Instant live = r.nextInt(4) > 0 ? accepted.plus(Duration.ofMinutes(r.nextInt(60 * 24 * 15))) : null;
      Instant resolved = live != null && live.isBefore(AS_OF) ? live : null;
      SlaResult res = sla.evaluate(sla.schema().row(Records.of(Map.of("class", cls, "team", "us<&>"))), created, resolved, AS_OF);
      summary.add(cls, res, created, accepted, live, resolved);
    }
    IncidentTimeline sync = new IncidentTimeline()
        .add(Instant.parse("2026-06-03T10:00:00Z"), Instant.parse("2026-06-03T14:00:00Z"))
        .add(Instant.parse("2026-06-20T08:00:00Z"), Instant.parse("2026-06-20T09:00:00Z"));
    return OpsReport.builder(summary)
        .title("Marketing ops <June>")
        .source("policy mops-intake 3")
        .uptime(sync.over(Instant.parse("2026-06-01T00:00:00Z"), AS_OF))
        .build();
  }

  @Test
  void aSelfContainedPageWithTheFourViews() {
    String html = report().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<title>Marketing ops &lt;June&gt;</title>")
        .contains("id=\"cards\"", "id=\"adherence\"", "id=\"ttc\"", "id=\"backlog\"")
        .contains("SLA adherence", "Time-to-campaign p50", "Backlog aging", "Automation uptime", "MTTR 2.5 h")
        .contains("<svg", "2026-04", "2026-05", "2026-06", "simple", "standard", "complex");
    // no scripts, no network: nothing is loaded from anywhere
    assertThat(html.toLowerCase(java.util.Locale.ROOT))
        .doesNotContain("<script", "http://", "https://", "src=", "href=", "@import", "url(");
  }

  @Test
  void emptySummaryStillRenders() {
    String html = OpsReport.builder(new SlaSummary(AS_OF)).build().toHtml();
    assertThat(html).contains("No request has met or breached its SLA yet", "No campaign has gone live yet", "n/a");
  }

  @Test
  void chromiumRendersTheReport(@TempDir Path dir) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "Chromium is not installed at /usr/bin/chromium");
    Path html = dir.resolve("report.html");
    Files.writeString(html, report().toHtml(), StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    List<String> shot = new ArrayList<>(common);
    shot.addAll(List.of("--screenshot=" + png, "--window-size=1200,1400", html.toUri().toString()));
    run(shot, dir.resolve("shot.log"));
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", html.toUri().toString()));
    Path dom = dir.resolve("dom.html");
    run(dump, dom);
    assertThat(Files.readString(dom, StandardCharsets.UTF_8)).contains("id=\"adherence\"", "id=\"ttc\"", "id=\"backlog\"", "<rect");
  }

  private static void run(List<String> command, Path output) throws Exception {
    Process p = new ProcessBuilder(command).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
  }
}
