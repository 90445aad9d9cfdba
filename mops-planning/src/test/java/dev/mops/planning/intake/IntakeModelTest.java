package dev.mops.planning.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntakeModelTest {

  static final String MODEL = """
      version: 2026.03
      name: mops-intake
      factors:
        impact: {field: impact, weight: 1, levels: {low: 1, medium: 3, high: 5}}
        effort: {field: effort, weight: 1, levels: {xs: 1, s: 2, m: 3, l: 4, xl: 5}}
        risk: {field: risk, weight: 1, levels: {low: 1, medium: 2, high: 4}}
      adjustments:
        - when: {eq: {field: exec_sponsor, value: "yes", ignore_case: true}}
          multiply: 1.5
          reason: executive sponsor
      bands:
        - {name: P1, min: 60}
        - {name: P2, min: 25}
        - {name: P3, min: 0}
      sla_classes:
        - name: complex
          when: {in: {field: type, values: [integration, schema_change]}}
        - name: simple
          when: {in: {field: type, values: [list_pull, copy_change]}}
      default_sla_class: standard
      release_trains:
        - name: schema-changes
          zone: America/New_York
          days: [thu]
          start: "14:00"
          end: "16:00"
          cutoff: 2d
          when: {eq: {field: type, value: schema_change}}
        - name: campaign-launch
          zone: America/New_York
          days: [tue, thu]
          start: "10:00"
          end: "12:00"
          cutoff: 24h
          region: US
      """;

  static Record req(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static final Instant MONDAY_10_ET = Instant.parse("2026-03-02T15:00:00Z");

  @Test
  void scoresAreImpactTimesEaseTimesSafety() {
    IntakeModel m = IntakeModel.parse("intake.yaml", MODEL);
    assertThat(m.score(5, 1, 1)).isEqualTo(100.0);
    assertThat(m.score(3, 3, 2)).isCloseTo(28.8, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(m.score(5, 5, 1)).isCloseTo(20.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(m.band(28.8)).isEqualTo("P2");
    assertThat(m.band(20)).isEqualTo("P3");
    assertThat(m.version()).isEqualTo("2026.03");
  }

  @Test
  void backlogOrderSlaClassesAndWindows() {
    IntakeModel m = IntakeModel.parse("intake.yaml", MODEL);
    Backlog b = m.prioritize(List.of(
        req("id", "R1", "title", "Spring webinar invite", "impact", "medium", "effort", "m", "risk", "medium",
            "type", "email_build"),
        req("id", "R2", "title", "Add lead source field", "impact", "high", "effort", "xl", "risk", "low",
            "type", "schema_change", "exec_sponsor", "Yes"),
        req("id", "R3", "title", "Quick list pull", "impact", "5", "effort", "1", "risk", "1", "type", "list_pull"),
        req("id", "R4", "title", "Mystery", "impact", "huge", "effort", "s", "risk", "low"),
        req("id", "R5", "title", "Later", "impact", "medium", "effort", "m", "risk", "medium", "type", "email_build",
            "ready_at", "2026-03-09T14:00:00Z")),
        MONDAY_10_ET, WorkingCalendar.weekdays());
    assertThat(b.entries()).extracting(BacklogEntry::id).containsExactly("R3", "R2", "R1", "R5", "R4");
    BacklogEntry r3 = b.entries().get(0);
    assertThat(r3.rank()).isEqualTo(1);
    assertThat(r3.score()).isEqualTo(100.0);
    assertThat(r3.band()).isEqualTo("P1");
    assertThat(r3.slaClass()).isEqualTo("simple");
    // ready Monday 10:00 ET, cutoff 24h: Tuesday's 10:00 window opens exactly then
    assertThat(r3.window().start()).isEqualTo(ZonedDateTime.parse("2026-03-03T10:00-05:00[America/New_York]"));
    assertThat(r3.window().end().toLocalTime().toString()).isEqualTo("12:00");
    BacklogEntry r2 = b.entries().get(1);
    assertThat(r2.score()).isEqualTo(30.0); // 20 x 1.5
    assertThat(r2.reasons()).containsExactly("executive sponsor");
    assertThat(r2.slaClass()).isEqualTo("complex");
    assertThat(r2.window().train()).isEqualTo("schema-changes");
    // cutoff 2 days from Monday 10:00 ET: Wednesday 10:00, so Thursday 14:00
    assertThat(r2.window().start().toString()).isEqualTo("2026-03-05T14:00-05:00[America/New_York]");
    assertThat(b.entries().get(2).slaClass()).isEqualTo("standard");
    // R5 is ready Monday 9 March 10:00 EDT (after the DST change; 14:00Z): Tuesday 10 March 10:00 EDT
    assertThat(b.entries().get(3).window().start().toString()).isEqualTo("2026-03-10T10:00-04:00[America/New_York]");
    BacklogEntry r4 = b.entries().get(4);
    assertThat(r4.scored()).isFalse();
    assertThat(r4.band()).isEqualTo("unscored");
    assertThat(r4.findings()).extracting(Finding::code).containsExactly(PlanningCodes.UNKNOWN_VALUE);
    assertThat(r4.findings().get(0).rawValue()).isEqualTo("huge");
  }

  @Test
  void aMinuteLateMissesTheWindowAndHolidaysCancelOne() {
    IntakeModel m = IntakeModel.parse("intake.yaml", MODEL);
    ReleaseTrain train = m.releaseTrains().get(1);
    assertThat(train.nextWindow(MONDAY_10_ET.plusSeconds(60), WorkingCalendar.weekdays()).orElseThrow().start()
        .toLocalDate()).isEqualTo(LocalDate.of(2026, 3, 5));
    WorkingCalendar usHolidays = WorkingCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
        Map.of("US", Map.of(LocalDate.of(2026, 11, 26), "Thanksgiving Day")));
    // ready Monday 23 November: Tuesday 24th, then Thursday 26th is Thanksgiving, so Tuesday 1 December
    assertThat(train.nextWindow(Instant.parse("2026-11-24T16:00:00Z"), usHolidays).orElseThrow().start().toLocalDate())
        .isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void badModelsFailWithThePosition() {
    assertThatThrownBy(() -> IntakeModel.parse("intake.yaml", "version: 1\nfactors:\n  impact: {levels: {low: 9}}\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("intake.yaml:3:")
        .hasMessageContaining("from 1 to the scale 5");
    assertThatThrownBy(() -> IntakeModel.parse("intake.yaml", """
        version: 1
        factors: {}
        bands:
          - {name: P2, min: 20}
          - {name: P1, min: 60}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("intake.yaml:5:")
        .hasMessageContaining("highest first");
    assertThatThrownBy(() -> IntakeModel.parse("intake.yaml", """
        version: 1
        factors: {}
        release_trains:
          - {name: t, zone: America/Nowhere, days: [tue], start: "10:00", end: "12:00"}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("expected a time zone");
    assertThatThrownBy(() -> IntakeModel.parse("intake.yaml", """
        version: 1
        factors: {}
        release_trains:
          - {name: t, zone: UTC, days: [tuesday, funday], start: "10:00", end: "12:00"}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("expected a day of the week");
    assertThatThrownBy(() -> IntakeModel.parse("intake.yaml", """
        version: 1
        factors: {}
        sla_classes:
          - {name: x, when: {eqq: {field: a, value: b}}}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("intake.yaml:4:");
  }
}
