package dev.mops.metrics.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hand-checked SLA clocks on a 09:00-17:00 UTC weekday calendar (8 business hours a day). */
class SlaEvaluatorTest {

  static final String POLICY = """
      version: 2
      name: intake
      at_risk: 0.8
      calendars:
        ops: {zone: UTC, hours: {weekdays: 09:00-17:00}}
      goals:
        - name: complex
          when: {eq: {field: class, value: complex}}
          target: 40h
        - name: urgent
          when: {all: [{eq: {field: class, value: standard}}, {eq: {field: priority, value: high}}]}
          target: 8h
          at_risk: 0.5
        - name: default
          target: 16h
      """;

  static final SlaPolicy POLICY_OBJ = SlaPolicy.parse("sla.yaml", POLICY);
  static final SlaEvaluator SLA = POLICY_OBJ.evaluator(Schema.of("id", "class"));

  static ArrayRow request(String cls, String priority) {
    return SLA.schema().row(Records.of(Map.of("id", "r1", "class", cls, "priority", priority)));
  }

  static Instant t(String s) {
    return Instant.parse(s + ":00Z");
  }

  // Mon 2026-06-15 .. Fri 2026-06-19
  static final Instant MON_10 = t("2026-06-15T10:00");

  @Test
  void metRequestHasItsDueTimeAndNoBreach() {
    SlaResult r = SLA.evaluate(request("simple", "low"), MON_10, t("2026-06-16T11:00"), t("2026-06-20T00:00"));
    assertThat(r.goal().name()).isEqualTo("default");
    assertThat(r.state()).isEqualTo(SlaState.MET);
    assertThat(r.elapsed()).isEqualTo(Duration.ofHours(9)); // 7 h on Monday, 2 on Tuesday
    assertThat(r.remaining()).isEqualTo(Duration.ofHours(7));
    assertThat(r.dueAt()).isEqualTo(t("2026-06-17T10:00")); // 16 h from Monday 10:00
    assertThat(r.breachedAt()).isNull();
    assertThat(r.stoppedAt()).isEqualTo(t("2026-06-16T11:00"));
  }

  @Test
  void runningAtRiskAndBreached() {
    SlaResult atRisk = SLA.evaluate(request("simple", "low"), MON_10, null, t("2026-06-16T15:00"));
    assertThat(atRisk.state()).isEqualTo(SlaState.AT_RISK); // 13 of 16 h
    assertThat(atRisk.dueAt()).isEqualTo(t("2026-06-17T10:00"));
    SlaResult running = SLA.evaluate(request("simple", "low"), MON_10, null, t("2026-06-16T09:30"));
    assertThat(running.state()).isEqualTo(SlaState.RUNNING); // 7.5 of 16 h
    assertThat(running.remaining()).isEqualTo(Duration.ofMinutes(8 * 60 + 30));
    SlaResult breached = SLA.evaluate(request("simple", "low"), MON_10, null, t("2026-06-17T12:00"));
    assertThat(breached.state()).isEqualTo(SlaState.BREACHED);
    assertThat(breached.elapsed()).isEqualTo(Duration.ofHours(18));
    assertThat(breached.remaining()).isEqualTo(Duration.ofHours(-2));
    assertThat(breached.breachedAt()).isEqualTo(t("2026-06-17T10:00"));
    assertThat(breached.dueAt()).isEqualTo(t("2026-06-17T10:00"));
    // resolved after the breach: breached, with the breach time
    SlaResult late = SLA.evaluate(request("simple", "low"), MON_10, t("2026-06-17T12:00"), t("2026-06-20T00:00"));
    assertThat(late.state()).isEqualTo(SlaState.BREACHED);
    assertThat(late.breachedAt()).isEqualTo(t("2026-06-17T10:00"));
    assertThat(late.breachedCycles()).isEqualTo(1);
    // resolved exactly on the due time: met
    assertThat(SLA.evaluate(request("simple", "low"), MON_10, t("2026-06-17T10:00"), t("2026-06-20T00:00")).state())
        .isEqualTo(SlaState.MET);
  }

  @Test
  void firstMatchingGoalWinsWithItsOwnAtRiskShare() {
    assertThat(SLA.goalFor(request("complex", "high"), MON_10).name()).isEqualTo("complex");
    assertThat(SLA.goalFor(request("standard", "high"), MON_10).name()).isEqualTo("urgent");
    assertThat(SLA.goalFor(request("standard", "low"), MON_10).name()).isEqualTo("default");
    SlaResult r = SLA.evaluate(request("standard", "high"), MON_10, null, t("2026-06-15T14:00"));
    assertThat(r.state()).isEqualTo(SlaState.AT_RISK); // 4 of 8 h with at_risk 0.5
    assertThat(r.dueAt()).isEqualTo(t("2026-06-16T10:00"));
  }

  @Test
  void pausesStopTheClock() {
    List<SlaEvent> events = List.of(SlaEvent.start(MON_10), SlaEvent.pause(t("2026-06-15T12:00")),
        SlaEvent.resume(t("2026-06-17T09:00")));
    SlaResult paused = SLA.evaluate(request("simple", "low"), events, t("2026-06-16T12:00"));
    assertThat(paused.state()).isEqualTo(SlaState.PAUSED);
    assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(2));
    assertThat(paused.dueAt()).isNull();
    SlaResult resumed = SLA.evaluate(request("simple", "low"), events, t("2026-06-17T11:00"));
    assertThat(resumed.state()).isEqualTo(SlaState.RUNNING);
    assertThat(resumed.elapsed()).isEqualTo(Duration.ofHours(4));
    assertThat(resumed.dueAt()).isEqualTo(t("2026-06-18T15:00"));
  }

  @Test
  void severalCyclesEachWithAFreshTarget() {
    List<SlaEvent> events = List.of(SlaEvent.stop(t("2026-06-15T12:00")), SlaEvent.start(MON_10),
        SlaEvent.start(t("2026-06-16T09:00")));
    SlaResult r = SLA.evaluate(request("simple", "low"), events, t("2026-06-16T10:00"));
    assertThat(r.cycles()).isEqualTo(2);
    assertThat(r.state()).isEqualTo(SlaState.RUNNING);
    assertThat(r.elapsed()).isEqualTo(Duration.ofHours(1));
    assertThat(r.breachedCycles()).isZero();
  }

  @Test
  void eventsThatDoNotFitAreIgnoredWithFindings() {
    List<SlaEvent> events = List.of(SlaEvent.pause(t("2026-06-15T09:00")), SlaEvent.start(MON_10),
        SlaEvent.resume(t("2026-06-15T11:00")), SlaEvent.start(t("2026-06-15T12:00")));
    SlaResult r = SLA.evaluate(request("simple", "low"), events, t("2026-06-15T13:00"));
    assertThat(r.elapsed()).isEqualTo(Duration.ofHours(3));
    assertThat(r.findings()).extracting(f -> f.code()).containsExactly("SLA_EVENT_IGNORED", "SLA_EVENT_IGNORED",
        "SLA_EVENT_IGNORED");
    assertThat(r.findings().get(0).message()).contains("pause", "no cycle is running");
    SlaResult pending = SLA.evaluate(request("simple", "low"), List.of(SlaEvent.start(t("2026-06-16T09:00"))), MON_10);
    assertThat(pending.state()).isEqualTo(SlaState.PENDING);
    assertThat(pending.dueAt()).isNull();
  }

  @Test
  void policyIdentityAndFields() {
    assertThat(POLICY_OBJ.name()).isEqualTo("intake");
    assertThat(POLICY_OBJ.version()).isEqualTo("2");
    assertThat(POLICY_OBJ.contentHash()).startsWith("sha256:");
    assertThat(POLICY_OBJ.fields()).containsExactly("class", "priority");
    assertThat(SLA.schema().fieldNames()).containsExactly("id", "class", "priority");
  }

  private static void fails(String yaml, String position, String message) {
    assertThatThrownBy(() -> SlaPolicy.parse("sla.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("sla.yaml:" + position)
        .hasMessageContaining(message);
  }

  @Test
  void badPoliciesFailAtLoad() {
    String cal = "calendars:\n  ops: {zone: UTC, hours: {weekdays: 09:00-17:00}}\n";
    fails(cal + "goals:\n  - {name: a, when: {eq: {field: class, value: x}}, target: 8h}\n", "4:5: at goals[0]:",
        "the last goal must be a catch-all");
    fails(cal + "goals:\n  - {name: a, target: 8h}\n  - {name: b, target: 8h}\n", "4:5: at goals[0]:",
        "only the last goal may omit 'when'");
    fails(cal + "goals:\n  - {name: a, target: soon}\n", "4:23: at goals[0].target:", "expected a business duration");
    fails(cal + "goals:\n  - {name: a, target: 0h}\n", "4:23: at goals[0].target:", "positive");
    fails(cal + "goals:\n  - {name: a, target: 8h, calendar: emea}\n", "4:37: at goals[0].calendar:",
        "no calendar 'emea', expected one of [ops]");
    fails(cal + "at_risk: 1.5\ngoals:\n  - {name: a, target: 8h}\n", "3:10: at at_risk:", "share");
    fails("calendars:\n  ops: {zone: Mars/Olympus, hours: {weekdays: 09:00-17:00}}\ngoals: []\n",
        "2:15: at calendars.ops.zone:", "expected a time zone");
    fails(cal + "goals:\n  - {name: a, when: {eqq: {field: class, value: x}}, target: 8h}\n  - {target: 1h}\n",
        "4:22: at goals[0].when.eqq", "eqq");
  }
}
