package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mops.core.record.Records;
import dev.mops.quality.TestFiles;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportHtmlTest {

  static QualityReport leadReport() throws IOException {
    DataContract c = DataContracts.load(TestFiles.example("lead-contract.yaml"));
    return QualityReport.of(c, QualityReportTest.leads(c, new ArrayList<>()), QualityReportTest.AS_OF);
  }

  @Test
  void htmlIsOneSelfContainedPageWithScoresFieldBarsAndWorstRules() throws IOException {
    String html = leadReport().toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    assertThat(html).contains("<section class=\"cards\" id=\"scores\">", "Overall", "completeness", "validity", "uniqueness",
        "timeliness", "consistency");
    assertThat(html).contains("<table id=\"fields\">", "<table id=\"worst\">");
    // one row per field, each with a completeness and a validity bar
    String fields = html.substring(html.indexOf("<table id=\"fields\">"), html.indexOf("</table>", html.indexOf("<table id=\"fields\">")));
    assertThat(fields.split("<tr>", -1)).hasSize(1 + 1 + 20);
    assertThat(fields.split("class=\"bar\"", -1)).hasSize(1 + 40);
    assertThat(html).contains("<code>id.pattern</code>", "L-00061x", "Narnia");
    // self-contained: no scripts, no external resources
    assertThat(html).doesNotContain("<script", "http://", "src=", "<link");
    assertThat(html.replace("https://www.", "")).doesNotContain("https://");
  }

  @Test
  void htmlEscapesValues() {
    DataContract c = DataContracts.parse("x.yaml", "contract: \"<x>\"\nfields:\n  a: {type: integer}\n");
    QualityProfile p = QualityProfile.builder(c).add(Records.of(Map.of("a", "<script>alert(1)</script>"))).build();
    String html = QualityReport.of(c, p, QualityReportTest.AS_OF).toHtml();
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;x&gt;");
  }

  @Test
  void aScoreBelowOneHundredNeverShowsAsOneHundred() {
    DataContract c = DataContracts.parse("x.yaml", "contract: x\nfields:\n  a: {type: string, required: true}\n");
    ProfileBuilder b = QualityProfile.builder(c);
    for (int i = 0; i < 9_999; i++) {
      b.add(Records.of(Map.of("a", "v")));
    }
    b.add(Records.of(Map.of("a", "")));
    String html = QualityReport.of(c, b.build(), QualityReportTest.AS_OF).toHtml();
    assertThat(html).contains(">99.9</div>").doesNotContain(">100.0</div>");
  }

  @Test
  void chromiumRendersTheReport(@TempDir Path dir) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "Chromium is not installed at /usr/bin/chromium");
    Path html = dir.resolve("report.html");
    Files.writeString(html, leadReport().toHtml(), StandardCharsets.UTF_8);
    Path png = dir.resolve("report.png");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + Files.createDirectories(dir.resolve("profile")));
    List<String> shot = new ArrayList<>(common);
    shot.addAll(List.of("--screenshot=" + png, "--window-size=1200,1600", html.toUri().toString()));
    run(shot, dir.resolve("shot.log"));
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    List<String> dump = new ArrayList<>(common);
    dump.addAll(List.of("--dump-dom", html.toUri().toString()));
    Path dom = dir.resolve("dom.html");
    run(dump, dom);
    String rendered = Files.readString(dom, StandardCharsets.UTF_8);
    assertThat(rendered).contains("id=\"scores\"", "id=\"fields\"", "id=\"worst\"", "Narnia");
  }

  private static void run(List<String> command, Path output) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(output.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + command);
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
  }
}
