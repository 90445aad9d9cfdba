package dev.mops.planning.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mops.core.Finding;
import java.util.List;

/**
 * Fuzzes the pre-flight link QA of an email or landing page: whatever the HTML, link extraction and
 * the checks never throw, every link stands on a line and column of the page, and every finding has
 * a code.
 *
 * <p>Normal test runs replay the committed inputs in {@code PreflightFuzzTestInputs/<method>/}. To
 * fuzz one method: {@code JAZZER_FUZZ=1 mvn -pl mops-planning -am test -Dtest='PreflightFuzzTest#check'}
 * with {@code JAZZER_INSTRUMENTATION_INCLUDES='dev.mops.planning.**:org.jsoup.**'}.
 */
class PreflightFuzzTest {

  private static final PreflightCheck CHECK = PreflightCheck.builder().trackedDomain("acme.example").build();

  /** Extraction never throws and places every link inside the page. */
  @FuzzTest(maxDuration = "30s")
  void extract(FuzzedDataProvider data) {
    String html = data.consumeRemainingAsString();
    List<PageLink> links = PageLinks.extract(html);
    int lines = html.split("\n", -1).length;
    for (PageLink l : links) {
      assertThat(l.line()).as(html).isBetween(1, lines);
      assertThat(l.column()).as(html).isPositive();
      assertThat(l.element()).isNotEmpty();
      assertThat(l.attribute()).isNotEmpty();
    }
  }

  /** The whole check never throws; every link has a verdict and every finding a code. */
  @FuzzTest(maxDuration = "30s")
  void check(FuzzedDataProvider data) {
    String html = data.consumeRemainingAsString();
    PreflightReport report = CHECK.check("fuzz.html", html);
    assertThat(report.links().size()).isLessThanOrEqualTo(PreflightCheck.MAX_LINKS);
    for (LinkResult r : report.links()) {
      assertThat(r.status()).isIn("pass", "warn", "fail");
      for (Finding f : r.findings()) {
        assertThat(f.code()).isNotEmpty();
      }
    }
    for (Finding f : report.pageFindings()) {
      assertThat(f.code()).isNotEmpty();
    }
  }
}
