package dev.mops.scoring;

import static dev.mops.scoring.Fixtures.AS_OF;
import static dev.mops.scoring.Fixtures.event;
import static dev.mops.scoring.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadScorerTest {

  static final String MODEL = String.join("\n",
      "version: '3'",
      "name: tiny",
      "lead_fields: {title: string, employees: number, email: {type: string, required: true}}",
      "event_fields: {url: string}",
      "scores:",
      "  - name: fit",
      "    min: 0",
      "    max: 50",
      "    groups:",
      "      - name: who",
      "        max: 30",
      "        rules:",
      "          - {name: vp, when: {contains: {field: title, value: VP}}, points: 20}",
      "          - {name: big, when: {gte: {field: employees, value: 1000}}, points: 15}",
      "          - {name: student, when: {contains: {field: title, value: Student}}, points: -40}",
      "  - name: engagement",
      "    min: 0",
      "    groups:",
      "      - name: web",
      "        reads: events",
      "        decay: {type: exponential, half_life: 10d}",
      "        rules:",
      "          - {name: pricing, when: {all: [{eq: {field: type, value: page_view}}, {eq: {field: url, value: /pricing}}]}, points: 8, max: 12}",
      "      - name: forms",
      "        reads: events",
      "        decay: {type: step, expire_after: 30d}",
      "        max: 25",
      "        rules:",
      "          - {name: demo, when: {eq: {field: type, value: demo_request}}, points: 20, once: true}",
      "          - {name: recent_form, when: {eq: {field: type, value: form_fill}}, points: 5, within: 7d}",
      "      - name: linear",
      "        reads: events",
      "        decay: {type: linear, every: 10d, fraction: 0.5}",
      "        rules:",
      "          - {name: webinar, when: {eq: {field: type, value: webinar}}, points: 10}",
      "          - {name: unsub, when: {eq: {field: type, value: unsubscribe}}, points: -3, max: 4}",
      "  - name: total",
      "    combine: {fit: 1, engagement: 0.5}",
      "grades:",
      "  - {name: fit, score: fit, bands: {A: 30, B: 20}, otherwise: C}",
      "  - {name: engagement, score: engagement, bands: {'1': 20, '2': 5}, otherwise: '3'}",
      "thresholds:",
      "  - name: mql",
      "    when: {all: [{gte: {field: total, value: 35}}, {in: {field: fit_grade, values: [A, B]}}]}",
      "");

  static ScoringModel tiny() {
    return ScoringModel.parse("tiny.yaml", MODEL);
  }

  static Instant daysAgo(double d) {
    return AS_OF.minus(Duration.ofSeconds(Math.round(d * 86_400)));
  }

  LeadScore score(Record lead, List<Record> events) {
    return tiny().scorer().score(lead, events, AS_OF, FindingSink.IGNORE);
  }

  @Test
  void fitRulesAddPointsAndGroupCapApplies() {
    LeadScore s = score(rec("title", "VP Sales", "employees", "5000", "email", "a@b.c"), List.of());
    assertThat(s.score("fit")).isEqualTo(30.0); // 20 + 15 = 35, capped at 30
    assertThat(s.grade("fit")).isEqualTo("A");
    assertThat(s.score("engagement")).isEqualTo(0.0);
    assertThat(s.grade()).isEqualTo("A3");
    assertThat(s.modelVersion()).isEqualTo("3");
    assertThat(s.modelHash()).startsWith("sha256:");
  }

  @Test
  void scoreFloorHoldsWithNegativeRules() {
    LeadScore s = score(rec("title", "Student", "employees", 10, "email", "a@b.c"), List.of());
    assertThat(s.score("fit")).isEqualTo(0.0);
    ScoreExplanation e = tiny().scorer().explain(rec("title", "Student", "employees", 10), List.of(), AS_OF, FindingSink.IGNORE);
    assertThat(e.subtotals()).contains(new Subtotal("fit", "", -40, 0));
  }

  @Test
  void exponentialDecayHalvesAtTheHalfLife() {
    LeadScore s = score(rec(), List.of(event("page_view", daysAgo(10), "url", "/pricing")));
    assertThat(s.score("engagement")).isCloseTo(4.0, within(1e-6));
    LeadScore fresh = score(rec(), List.of(event("page_view", AS_OF, "url", "/pricing")));
    assertThat(fresh.score("engagement")).isEqualTo(8.0);
  }

  @Test
  void ruleCapLimitsManyOccurrences() {
    List<Record> views = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      views.add(event("page_view", AS_OF, "url", "/pricing"));
    }
    views.add(event("page_view", AS_OF, "url", "/other"));
    assertThat(score(rec(), views).score("engagement")).isEqualTo(12.0);
  }

  @Test
  void onceRuleCountsOnlyTheMostRecentOccurrence() {
    LeadScore s = score(rec(), List.of(event("demo_request", daysAgo(40)), event("demo_request", daysAgo(2)),
        event("demo_request", daysAgo(20))));
    assertThat(s.score("engagement")).isEqualTo(20.0);
    LeadScore expired = score(rec(), List.of(event("demo_request", daysAgo(31))));
    assertThat(expired.score("engagement")).isEqualTo(0.0);
  }

  @Test
  void windowCountsOnlyRecentEventsAndGroupCapHolds() {
    List<Record> forms = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      forms.add(event("form_fill", daysAgo(1 + i)));
    }
    forms.add(event("form_fill", daysAgo(8)));
    assertThat(score(rec(), forms).score("engagement")).isEqualTo(15.0);
    forms.add(event("demo_request", daysAgo(1)));
    assertThat(score(rec(), forms).score("engagement")).isEqualTo(25.0); // 35 capped by the group
  }

  @Test
  void linearDecayLosesAFractionPerWholePeriod() {
    assertThat(score(rec(), List.of(event("webinar", daysAgo(9.9)))).score("engagement")).isEqualTo(10.0);
    assertThat(score(rec(), List.of(event("webinar", daysAgo(10)))).score("engagement")).isEqualTo(5.0);
    assertThat(score(rec(), List.of(event("webinar", daysAgo(25)))).score("engagement")).isEqualTo(0.0);
  }

  @Test
  void negativeRuleCapBoundsTheMagnitude() {
    List<Record> ev = new ArrayList<>();
    ev.add(event("webinar", AS_OF));
    for (int i = 0; i < 3; i++) {
      ev.add(event("unsubscribe", AS_OF));
    }
    assertThat(score(rec(), ev).score("engagement")).isEqualTo(6.0); // 10 - min(9, 4)
  }

  @Test
  void combinedScoreGradesAndThreshold() {
    List<Record> ev = List.of(event("demo_request", daysAgo(1)), event("webinar", AS_OF));
    LeadScore s = score(rec("title", "VP", "employees", 10, "email", "a@b.c"), ev);
    assertThat(s.score("engagement")).isEqualTo(30.0);
    assertThat(s.score("total")).isEqualTo(35.0); // 20 + 0.5 * 30
    assertThat(s.grade()).isEqualTo("B1");
    assertThat(s.threshold("mql")).isTrue();
    assertThat(s.thresholdsMet()).containsExactly("mql");
    LeadScore before = score(rec("title", "VP", "employees", 10), List.of());
    assertThat(s.crossingsSince(before)).containsExactly(new ThresholdCrossing("mql", ThresholdCrossing.Direction.ENTERED));
    assertThat(before.crossingsSince(s)).containsExactly(new ThresholdCrossing("mql", ThresholdCrossing.Direction.LEFT));
  }

  @Test
  void aScoreChangeMovesTheLeadThroughTheLifecycle() {
    ScoringModel m = tiny();
    dev.mops.core.record.Schema facts = dev.mops.core.record.Schema.builder()
        .field("mql", dev.mops.core.record.ValueType.BOOLEAN).field("fit_grade", dev.mops.core.record.ValueType.STRING)
        .build();
    var life = dev.mops.scoring.lifecycle.LifecycleModel.from(dev.mops.core.config.ConfigLoader.standard().loadString(
        "life.yaml", "stages: [{name: lead}, {name: mql, entry: {eq: {field: mql, value: true}}}, {name: sql}]"), facts);
    LeadScore before = score(rec("title", "VP", "employees", 10), List.of());
    assertThat(before.outcome().get("mql")).isEqualTo(false);
    assertThat(life.advance("lead", facts.row(before.outcome()), AS_OF).changed()).isFalse();
    LeadScore after = score(rec("title", "VP", "employees", 10),
        List.of(event("demo_request", daysAgo(1)), event("webinar", AS_OF)));
    assertThat(after.outcome().get("total")).isEqualTo(35.0);
    assertThat(after.outcome().get("grade")).isEqualTo("B1");
    var d = life.advance("lead", facts.row(after.outcome()), AS_OF);
    assertThat(d.stage()).isEqualTo("mql");
    assertThat(d.transitions()).hasSize(1);
  }

  @Test
  void eventsAfterNowAndWithoutTimestampAreIgnored() {
    List<Record> ev = List.of(event("webinar", AS_OF.plusSeconds(1)), rec("type", "webinar"),
        rec("type", "webinar", "timestamp", "yesterday"));
    List<Finding> findings = new ArrayList<>();
    LeadScore s = tiny().scorer().score(rec("email", "a@b.c"), ev, AS_OF, findings::add);
    assertThat(s.score("engagement")).isEqualTo(0.0);
    assertThat(findings).extracting(Finding::code).containsExactly("MISSING_VALUE", "NOT_AN_INSTANT");
  }

  @Test
  void malformedAndMissingLeadValuesAreFindingsNotExceptions() {
    List<Finding> findings = new ArrayList<>();
    LeadScore s = tiny().scorer().score(rec("title", "VP", "employees", "lots"), List.of(), AS_OF, findings::add);
    assertThat(s.score("fit")).isEqualTo(20.0);
    assertThat(findings).extracting(Finding::code, Finding::field)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("NOT_A_NUMBER", "employees"),
            org.assertj.core.groups.Tuple.tuple("MISSING_VALUE", "email"));
  }

  @Test
  void explanationListsEveryRuleThatFiredBeforeAndAfterDecayAndCaps() {
    List<Record> ev = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ev.add(event("page_view", daysAgo(10), "url", "/pricing"));
    }
    ev.add(event("page_view", AS_OF, "url", "/pricing"));
    ScoreExplanation e = tiny().scorer().explain(rec("title", "VP"), ev, AS_OF, FindingSink.IGNORE);
    assertThat(e.rules()).containsExactly(
        new RuleContribution("fit", "who", "vp", "title contains 'VP'", 1, 20, 20, 20),
        new RuleContribution("engagement", "web", "pricing", "(type eq 'page_view' and url eq '/pricing')", 4, 32, 20, 12));
    assertThat(e.score()).isEqualTo(tiny().scorer().score(rec("title", "VP"), ev, AS_OF, FindingSink.IGNORE));
    assertThat(e.thresholds().get("mql").result()).isFalse();
    assertThat(e.toJson())
        .startsWith("{\"model\":\"tiny\",\"version\":\"3\",\"hash\":\"sha256:")
        .contains("\"scores\":{\"fit\":20,\"engagement\":12,\"total\":26}")
        .contains("{\"score\":\"engagement\",\"group\":\"web\",\"rule\":\"pricing\",\"occurrences\":4,"
            + "\"before_decay\":32,\"after_decay\":20,\"after_cap\":12}")
        .contains("\"thresholds\":{\"mql\":false}");
    assertThat(e.describe()).contains("engagement/web/pricing: 4 x -> 32 before decay, 20 after decay, 12 after cap");
  }

  @Test
  void tooManyEventsIsAnErrorNamingTheLimit() {
    ScoringModel m = ScoringModel.parse("lim.yaml", MODEL.replace("name: tiny", "name: tiny\nlimits: {max_events_per_lead: 3}"));
    List<Record> ev = Collections.nCopies(4, event("webinar", AS_OF));
    assertThatThrownBy(() -> m.scorer().score(rec(), ev, AS_OF, FindingSink.IGNORE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_events_per_lead");
  }

  @Test
  void theLargestModelSumsExactlyAndPointsAreBounded() {
    StringBuilder yaml = new StringBuilder("scores:\n  - name: fit\n    groups:\n      - name: g\n        rules:\n");
    for (int i = 0; i < ScoringModel.MAX_RULES; i++) {
      yaml.append("          - {name: r").append(i).append(", when: true, points: 1000000}\n");
    }
    ScoringModel m = ScoringModel.parse("big.yaml", yaml.toString());
    assertThat(m.scorer().score(rec(), List.of(), AS_OF, FindingSink.IGNORE).score("fit")).isEqualTo(1e10);
    assertThatThrownBy(() -> ScoringModel.parse("bad.yaml", "scores: [{name: s, groups: [{name: g, rules: "
        + "[{name: r, when: true, points: 2000000}]}]}]"))
        .hasMessageContaining("expected points within \u00b11000000");
  }

  @Test
  void rowsOfAnotherSchemaAreRefused() {
    ScoringModel m = tiny();
    assertThatThrownBy(() -> m.scorer().score(m.eventRow(rec(), FindingSink.IGNORE), List.of(), AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lead schema");
  }

  @Test
  void eventRowsOfAnotherSchemaAreRefused() {
    ScoringModel m = tiny();
    assertThatThrownBy(() -> m.scorer().batch().score(m.leadRow(rec(), FindingSink.IGNORE),
        List.of(m.leadRow(rec(), FindingSink.IGNORE)), AS_OF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("event row 0 has schema");
  }

  @Test
  void unknownNamesAreRefused() {
    LeadScore s = score(rec(), List.of());
    assertThatThrownBy(() -> s.score("nope")).hasMessageContaining("[fit, engagement, total]");
    assertThatThrownBy(() -> s.threshold("sql")).hasMessageContaining("[mql]");
  }
}
