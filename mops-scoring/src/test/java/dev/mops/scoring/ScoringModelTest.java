package dev.mops.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScoringModelTest {

  @Test
  void exampleModelLoadsWithItsParts() {
    ScoringModel m = Fixtures.example();
    assertThat(m.name()).isEqualTo("acme-b2b");
    assertThat(m.version()).isEqualTo("2026.1");
    assertThat(m.scoreNames()).containsExactly("fit", "engagement", "total");
    assertThat(m.gradeNames()).containsExactly("fit", "engagement");
    assertThat(m.thresholdNames()).containsExactly("mql", "hot");
    assertThat(m.ruleCount()).isEqualTo(29);
    assertThat(m.eventSchema().fieldNames()).containsExactly("type", "timestamp", "url", "form", "campaign");
    assertThat(m.outcomeSchema().fieldNames())
        .containsExactly("fit", "engagement", "total", "fit_grade", "engagement_grade", "grade");
    assertThat(m.maxEventsPerLead()).isEqualTo(5000);
    assertThat(m.gridLabels).hasSize(20).contains("A1", "F4", "C2");
    // event rules on a fixed type are indexed by type; the rest are tried on every event
    assertThat(m.rulesByType.get("page_view")).hasSize(4);
    assertThat(m.rulesByType.get("booth_scan")).hasSize(1);
    assertThat(m.untypedEventRules).isEmpty();
  }

  static final String BASE = String.join("\n",
      "version: 1",
      "lead_fields: {title: string, employees: number}",
      "scores:",
      "  - name: fit",
      "    groups:",
      "      - name: who",
      "        rules:",
      "          - {name: vp, when: {contains: {field: title, value: VP}}, points: 20}",
      "  - name: engagement",
      "    groups:",
      "      - name: web",
      "        reads: events",
      "        decay: {type: exponential, half_life: 7d}",
      "        rules:",
      "          - {name: view, when: {eq: {field: type, value: page_view}}, points: 1}",
      "grades:",
      "  - {name: fit, score: fit, bands: {A: 20, B: 10}, otherwise: C}",
      "thresholds:",
      "  - {name: mql, when: {gte: {field: fit, value: 20}}}",
      "");

  @Test
  void baseModelLoads() {
    assertThat(ScoringModel.parse("m.yaml", BASE).ruleCount()).isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      unknown root key          | 'version: 1'                                        | 'version: 1\nscore_card: 1'            | m.yaml:2:1: at score_card: unknown key 'score_card'
      unknown rule key          | 'points: 20}'                                       | 'points: 20, pionts: 3}'                | at scores[0].groups[0].rules[0].pionts: unknown key 'pionts' (did you mean 'points'?)
      unknown field in fit rule | 'field: title'                                      | 'field: job_title'                      | m.yaml:8:
      unknown field in event    | 'field: type, value: page_view'                     | 'field: page, value: page_view'         | scores[1].groups[0].rules[0].when
      decay on a lead group     | 'reads: events\n        decay'                      | 'reads: lead\n        decay'            | decay applies to groups that read events
      bad decay type            | 'type: exponential, half_life: 7d'                  | 'type: cubic'                           | unknown decay type 'cubic'
      bad half life             | 'half_life: 7d'                                     | 'half_life: soon'                       | not a duration: 'soon'
      once on a fit rule        | 'points: 20}'                                       | 'points: 20, once: true}'               | 'once' and 'within' apply to rules on events
      points not a number       | 'points: 20}'                                       | 'points: lots}'                         | expected a number, found 'lots'
      bands out of order        | 'A: 20, B: 10'                                      | 'A: 10, B: 20'                          | bands go from best to worst
      grade of unknown score    | 'score: fit, bands'                                 | 'score: fitt, bands'                    | unknown score 'fitt'
      threshold unknown field   | 'field: fit, value: 20'                             | 'field: fit_score, value: 20'           | unknown field 'fit_score'
      duplicate score name      | 'name: engagement'                                  | 'name: fit'                             | at scores[1].name: duplicate score name 'fit'
      bad reads                 | 'reads: events'                                     | 'reads: clicks'                         | expected 'lead' (fit rules on the lead's fields) or 'events'
      bad field type            | 'employees: number'                                 | 'employees: numeric'                    | unknown field type 'numeric'
      negative rule cap         | 'points: 1}'                                        | 'points: 1, max: -5}'                   | must be positive
      """)
  void badModelsFailAtLoadWithPosition(String what, String from, String to, String message) {
    String text = BASE.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    assertThat(text).as("test case applies").isNotEqualTo(BASE);
    assertThatThrownBy(() -> ScoringModel.parse("m.yaml", text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(message)
        .hasMessageStartingWith("m.yaml:");
  }

  @Test
  void combineMustNameEarlierScores() {
    String text = BASE.replace("grades:", "  - {name: total, combine: {fit: 1, later: 1}}\ngrades:");
    assertThatThrownBy(() -> ScoringModel.parse("m.yaml", text))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown score 'later'; earlier scores are [fit, engagement]");
  }

  @Test
  void scoreNeedsGroupsOrCombine() {
    String text = BASE.replace("  - name: engagement\n    groups:", "  - name: engagement\n    combine: {fit: 1}\n    groups:");
    assertThatThrownBy(() -> ScoringModel.parse("m.yaml", text))
        .hasMessageContaining("exactly one of 'groups' (rules) or 'combine'");
  }

  @Test
  void eventFieldsMayNotRedeclareTypeOrTimestamp() {
    String text = BASE.replace("lead_fields:", "event_fields: {timestamp: string}\nlead_fields:");
    assertThatThrownBy(() -> ScoringModel.parse("m.yaml", text)).hasMessageContaining("'timestamp' is always an event field");
  }

  @Test
  void typeSplittingKeepsTheRestOfTheCondition() {
    var types = new java.util.LinkedHashSet<String>();
    var rest = ModelReader.splitType(dev.mops.core.condition.ConditionYaml.parse("c",
        "all: [{in: {field: type, values: [a, b]}}, {eq: {field: url, value: /x}}]"), types);
    assertThat(types).containsExactly("a", "b");
    assertThat(dev.mops.core.condition.Conditions.describe(java.util.Objects.requireNonNull(rest))).isEqualTo("url eq '/x'");
    assertThat(ModelReader.splitType(dev.mops.core.condition.ConditionYaml.parse("c",
        "eq: {field: type, value: a, ignore_case: true}"), types)).isNull();
    assertThat(List.copyOf(types)).hasSize(2);
  }
}
