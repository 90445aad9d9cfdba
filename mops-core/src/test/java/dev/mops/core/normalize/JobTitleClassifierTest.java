package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JobTitleClassifierTest {

  private static final JobTitleClassifier TITLES = JobTitleClassifier.builder().build();

  static Stream<Arguments> table() {
    return Tables.load("cases-titles.txt", 4);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void classifiesRealWorldTitles(String title, String seniority, String department, String codes) {
    JobTitle t = TITLES.classify(title);
    assertThat(t.seniority().label()).as("seniority").isEqualTo(seniority);
    assertThat(t.department().label()).as("department").isEqualTo(department);
    Tables.assertCodes(t.findings(), codes, title);
    assertThat(t.seniorityRule() == null).isEqualTo(t.seniority() == Seniority.UNKNOWN);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void normalizedTitleClassifiesTheSame(String title) {
    JobTitle t = TITLES.classify(title);
    JobTitle again = TITLES.classify(t.normalized());
    assertThat(again.seniority()).isEqualTo(t.seniority());
    assertThat(again.department()).isEqualTo(t.department());
    assertThat(again.normalized()).isEqualTo(t.normalized());
  }

  @Test
  void explainsWhichRulesMatched() {
    JobTitle t = TITLES.classify("Sr. Dir., Mktg Ops");
    assertThat(t.normalized()).isEqualTo("senior director marketing operations");
    assertThat(t.seniorityRule()).isEqualTo("director");
    assertThat(t.departmentRule()).isEqualTo("marketing");
  }

  @Test
  void teamsCanExtendTheRules(@TempDir Path dir) throws IOException {
    JobTitleClassifier extended = JobTitleClassifier.builder()
        .extraRules(List.of(
            "expand mgr = manager",
            "expand gtm = go to market",
            "seniority DIRECTOR: practice lead",
            "department MARKETING: go to market",
            "department OTHER: admissions"))
        .build();
    assertThat(extended.classify("GTM Practice Lead").seniority()).isEqualTo(Seniority.DIRECTOR);
    assertThat(extended.classify("GTM Practice Lead").department())
        .isEqualTo(Department.MARKETING);
    assertThat(TITLES.classify("GTM Practice Lead").seniority())
        .isEqualTo(Seniority.INDIVIDUAL_CONTRIBUTOR);
    assertThat(extended.classify("VP Sales").department()).isEqualTo(Department.SALES);

    Path file = dir.resolve("rules.txt");
    Files.writeString(file, "seniority VP: big boss\ndepartment LEGAL: counsel\n",
        StandardCharsets.UTF_8);
    assertThatThrownBy(() -> JobTitleClassifier.builder().rules(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("rules.txt:2:1")
        .hasMessageContaining("LEGAL");
    Path own = dir.resolve("own.txt");
    Files.writeString(own, "# only ours\nseniority VP: big boss\n", StandardCharsets.UTF_8);
    JobTitleClassifier replaced = JobTitleClassifier.builder().rules(own).build();
    assertThat(replaced.classify("Big Boss").seniority()).isEqualTo(Seniority.VP);
    assertThat(replaced.classify("CEO").seniority()).isEqualTo(Seniority.UNKNOWN);
  }

  @Test
  void malformedRuleLinesAreRejected() {
    for (String bad : List.of("seniority VP", "expand = x", "department SALES: ...",
        "seniority VP: chief ...", "whatever: x")) {
      assertThatThrownBy(() -> JobTitleClassifier.builder().extraRules(List.of(bad)))
          .as(bad).isInstanceOf(ConfigException.class);
    }
  }

  @Test
  void missingAndOverlongTitles() {
    assertThat(TITLES.classify(null).seniority()).isEqualTo(Seniority.UNKNOWN);
    assertThat(TITLES.classify("  ").findings()).isEmpty();
    JobTitle big = TITLES.classify("x ".repeat(1000) + "CEO");
    assertThat(big.seniority()).isEqualTo(Seniority.UNKNOWN); // cut before the CEO
    assertThat(TITLES.classify("x ".repeat(100) + "CEO").seniority())
        .isEqualTo(Seniority.C_LEVEL);
  }
}
