package dev.mops.planning.checklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.planning.calendar.CalendarReport;
import dev.mops.planning.calendar.CalendarRules;
import dev.mops.planning.calendar.CampaignCalendar;
import dev.mops.planning.preflight.PreflightCheck;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistTest {

  static final String GATE = """
      version: 3
      name: email-launch-gate
      items:
        - name: has_owner
          when: {exists: owner}
        - name: legal_review
          when: {eq: {field: legal_approved, value: "yes"}}
          waive_when: {eq: {field: region, value: US}}
          waive_reason: US promotions need no legal sign-off
        - name: calendar_clear
          check: calendar
          severity: warning
        - name: links_clean
          check: preflight
      """;

  static Record campaign(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  @Test
  void passFailAndWaivedWithReasons() {
    Checklist gate = Checklist.parse("gate.yaml", GATE);
    assertThat(gate.checksNamed()).containsExactly("calendar", "preflight");
    List<Record> campaigns = List.of(
        campaign("id", "a", "audience", "x", "channel", "email", "start", "2026-03-03", "owner", "maria", "region", "US"),
        campaign("id", "b", "audience", "x", "channel", "email", "start", "2026-03-03", "region", "EMEA",
            "legal_approved", "no"));
    CalendarReport calendar = CampaignCalendar.of(CalendarRules.defaults()).check(campaigns);
    Map<String, ExternalCheck> cleanLinks = Map.of("preflight", ExternalCheck.ofPreflight(
        PreflightCheck.builder().build().check("e.html", "<a href='https://acme.example/'>x</a>"), Severity.ERROR));

    GateResult a = gate.evaluate(campaigns.get(0), Map.of("calendar",
        ExternalCheck.ofCalendar(calendar.campaigns().get(0), Severity.WARNING), "preflight",
        cleanLinks.get("preflight")), Instant.EPOCH);
    assertThat(a.items()).extracting(r -> r.name() + "=" + r.status().label()).containsExactly(
        "has_owner=pass", "legal_review=waived", "calendar_clear=fail", "links_clean=pass");
    assertThat(a.items().get(1).reason()).isEqualTo("US promotions need no legal sign-off");
    assertThat(a.items().get(2).reason()).isEqualTo("AUDIENCE_OVERLAP(a+b)");
    assertThat(a.passed()).isTrue(); // the calendar item is only a warning

    GateResult b = gate.evaluate(campaigns.get(1), Map.of("calendar",
        ExternalCheck.ofCalendar(calendar.campaigns().get(1), Severity.WARNING)), Instant.EPOCH);
    assertThat(b.items()).extracting(r -> r.status().label()).containsExactly("fail", "fail", "fail", "fail");
    assertThat(b.items().get(0).reason()).contains("owner");
    assertThat(b.items().get(1).reason()).contains("legal_approved");
    assertThat(b.items().get(3).reason()).isEqualTo("check preflight was not run");
    assertThat(b.passed()).isFalse();
    assertThat(b.failures()).hasSize(4);
  }

  @Test
  void preflightOutcomeNamesTheLines() {
    ExternalCheck e = ExternalCheck.ofPreflight(PreflightCheck.builder().build().check("e.html",
        "<p>\n<a href='http://acme.example/'>x</a>"), Severity.ERROR);
    assertThat(e.passed()).isFalse();
    assertThat(e.reason()).isEqualTo("line 2 INSECURE_LINK:href");
  }

  @Test
  void badChecklistsFailWithThePosition() {
    assertThatThrownBy(() -> Checklist.parse("gate.yaml", """
        version: 1
        items:
          - name: x
            when: {exists: a}
            check: calendar
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("gate.yaml:3:")
        .hasMessageContaining("exactly one of 'when'");
    assertThatThrownBy(() -> Checklist.parse("gate.yaml", """
        version: 1
        items:
          - {name: x, when: {exists: a}}
          - {name: x, when: {exists: b}}
        """)).isInstanceOf(ConfigException.class).hasMessageContaining("gate.yaml:4:").hasMessageContaining("twice");
  }
}
