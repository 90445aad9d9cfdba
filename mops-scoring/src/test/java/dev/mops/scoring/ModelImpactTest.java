package dev.mops.scoring;

import static dev.mops.scoring.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.FindingSink;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Model diff on a synthetic population, checked against counts computed lead by lead. */
class ModelImpactTest {

  static final long SEED = 20260131L;
  static ScoringModel current;
  static String text;
  static List<LeadActivity> population = new ArrayList<>();

  @BeforeAll
  static void population() throws Exception {
    text = Files.readString(Fixtures.EXAMPLE);
    current = ScoringModel.parse("current.yaml", text);
    System.out.println("population seed=" + SEED);
    Random r = new Random(SEED);
    for (int i = 0; i < 1500; i++) {
      population.add(new LeadActivity("L-" + i, Fixtures.randomLead(r, i), Fixtures.randomEvents(r, r.nextInt(30), AS_OF)));
    }
  }

  static ScoringModel variant(String from, String to) {
    String changed = text.replace(from, to);
    assertThat(changed).isNotEqualTo(text);
    return ScoringModel.from(ConfigLoader.standard().loadString("proposed.yaml", changed.replace("\"2026.1\"", "\"2026.2\"")));
  }

  static LeadScore score(ScoringModel m, LeadActivity lead) {
    return m.scorer().score(lead.lead(), lead.events(), AS_OF, FindingSink.IGNORE);
  }

  @Test
  void sameModelChangesNothing() {
    ModelImpact impact = ModelImpact.compare(current, current, population, AS_OF);
    assertThat(impact.leads()).isEqualTo(1500);
    assertThat(impact.gradeChanges()).isZero();
    assertThat(impact.entered("mql")).isZero();
    assertThat(impact.left("mql")).isZero();
    assertThat(impact.meanScoreChange()).containsEntry("total", 0.0);
    assertThat(impact.examples()).isEmpty();
  }

  @Test
  void loweringTheMqlThresholdReportsExactlyTheLeadsThatEnter() {
    ScoringModel proposed = variant("gte: {field: total, value: 100}", "gte: {field: total, value: 80}");
    long expected = population.stream().map(l -> score(current, l))
        .filter(s -> s.score("total") >= 80 && s.score("total") < 100 && List.of("A", "B").contains(s.grade("fit")))
        .count();
    assertThat(expected).as("the population exercises the change").isPositive();
    ModelImpact impact = ModelImpact.compare(current, proposed, population, AS_OF);
    assertThat(impact.entered("mql")).isEqualTo(expected);
    assertThat(impact.left("mql")).isZero();
    assertThat(impact.gradeChanges()).isZero();
    assertThat(impact.examples()).hasSize((int) Math.min(expected, ModelImpact.MAX_EXAMPLES));
    assertThat(impact.summary()).contains("model acme-b2b 2026.1").contains("-> acme-b2b 2026.2")
        .contains("threshold mql: " + expected + " entered, 0 left");
  }

  @Test
  void movingABandBoundaryReportsBandAndGradeChanges() {
    ScoringModel proposed = variant("bands: {A: 70, B: 50", "bands: {A: 60, B: 50");
    long expected = population.stream().map(l -> score(current, l))
        .filter(s -> s.score("fit") >= 60 && s.score("fit") < 70).count();
    assertThat(expected).isPositive();
    ModelImpact impact = ModelImpact.compare(current, proposed, population, AS_OF);
    assertThat(impact.bandChanges()).containsEntry("fit", expected).containsEntry("engagement", 0L);
    assertThat(impact.gradeChanges()).isEqualTo(expected);
    long fromB = impact.gradeMatrix().entrySet().stream().filter(e -> e.getKey().startsWith("B"))
        .flatMap(e -> e.getValue().entrySet().stream().filter(x -> x.getKey().startsWith("A")))
        .mapToLong(java.util.Map.Entry::getValue).sum();
    assertThat(fromB).isEqualTo(expected);
  }

  @Test
  void changingRulePointsMovesTheMeanByTheExpectedAmountWhenUncapped() {
    // the demo request is worth more: the mean change is the mean of the per-lead changes
    ScoringModel proposed = variant("points: 40\n            once: true", "points: 60\n            once: true");
    double expected = population.stream()
        .mapToDouble(l -> score(proposed, l).score("engagement") - score(current, l).score("engagement")).sum()
        / population.size();
    ModelImpact impact = ModelImpact.compare(current, proposed, population, AS_OF);
    assertThat(impact.meanScoreChange().get("engagement")).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6));
    assertThat(expected).isPositive();
  }
}
