package dev.mops.flow.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Loading programs and simulating leads through them, with answers checked by hand. */
class ProgramTest {

  static final String WELCOME = """
      version: "3"
      name: welcome
      lead_fields: {email: string, owner: string}
      event_fields: {template: string}
      entry:
        when: {exists: email}
        on_event: {eq: {field: type, value: signup}}
      steps:
        - id: w1
          send: welcome-1
        - id: pause
          wait: {business_days: 2}
        - id: opened
          branch:
            if_event: {eq: {field: type, value: email_open}}
            then: tag
        - id: w2
          send: welcome-2
        - id: pause2
          wait: 3d
        - id: tag
          update: {field: nurture_track, value: welcome-done}
        - id: alert
          notify_owner: {message: "welcome series finished"}
      exit:
        - name: unsubscribed
          on_event: {eq: {field: type, value: unsubscribe}}
      goals:
        - name: converted
          on_event: {eq: {field: type, value: opportunity_created}}
      """;

  static final Program PROGRAM = Program.parse("welcome.yaml", WELCOME);
  static final Record LEAD = Records.of(Map.of("email", "a@b.com", "owner", "rep-7"));

  static Record event(String type, String at) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("timestamp", at);
    return Records.of(m);
  }

  static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void loadsIdentityAndSteps() {
    assertThat(PROGRAM.name()).isEqualTo("welcome");
    assertThat(PROGRAM.version()).isEqualTo("3");
    assertThat(PROGRAM.contentHash()).startsWith("sha256:");
    assertThat(PROGRAM.steps()).extracting(Step::id).containsExactly("w1", "pause", "opened", "w2", "pause2", "tag", "alert");
    assertThat(PROGRAM.steps().get(1)).isEqualTo(new Step.Wait("pause", 2, WaitUnit.BUSINESS_DAYS));
    assertThat(PROGRAM.exits()).extracting(Criterion::name).containsExactly("unsubscribed");
    assertThat(PROGRAM.exits().get(0).blocksReentry()).isTrue();
    assertThat(PROGRAM.goals().get(0).blocksReentry()).isFalse();
  }

  @Test
  void afterTheFirstSendTheBranchIsDueTwoBusinessDaysLater() {
    // Monday 10:00 UTC signup; two working days later is Wednesday 10:00.
    LeadProgramState s = PROGRAM.simulate("L1", LEAD, List.of(event("signup", "2026-03-02T10:00:00Z")),
        at("2026-03-02T12:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(s.nextStepId()).isEqualTo("opened");
    assertThat(s.nextAction()).isEqualTo("branch opened");
    assertThat(s.dueAt()).isEqualTo(at("2026-03-04T10:00:00Z"));
    assertThat(s.enteredAt()).isEqualTo(at("2026-03-02T10:00:00Z"));
    assertThat(s.actions()).extracting(ProgramAction::kind).containsExactly(ActionKind.ENTER, ActionKind.SEND);
    assertThat(s.programVersion()).isEqualTo("3");
    assertThat(s.reasons().get(0)).contains("entered at 2026-03-02T10:00:00Z").contains("entry.when held");
  }

  @Test
  void businessDaysSkipTheWeekend() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD, List.of(event("signup", "2026-03-06T15:00:00Z")),
        at("2026-03-07T00:00:00Z"));
    assertThat(s.dueAt()).isEqualTo(at("2026-03-10T15:00:00Z"));
  }

  @Test
  void anOpenTakesTheThenBranchAndCompletes() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD,
        List.of(event("email_open", "2026-03-03T08:00:00Z"), event("signup", "2026-03-02T10:00:00Z")),
        at("2026-03-05T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(s.leftAt()).isEqualTo(at("2026-03-04T10:00:00Z"));
    assertThat(s.leftBy()).isEqualTo("completed");
    assertThat(s.actions()).extracting(ProgramAction::detail).containsExactly(
        "entered welcome", "send welcome-1",
        "branch opened: condition held (event email_open at 2026-03-03T08:00:00Z), go to tag",
        "update nurture_track = welcome-done", "notify rep-7: welcome series finished", "completed");
  }

  @Test
  void withoutAnOpenTheReminderGoesAndTheTrailingStepsWaitThreeDays() {
    List<Record> evs = List.of(event("signup", "2026-03-02T10:00:00Z"));
    LeadProgramState mid = PROGRAM.simulate("L1", LEAD, evs, at("2026-03-05T00:00:00Z"));
    assertThat(mid.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(mid.nextAction()).isEqualTo("update nurture_track = welcome-done");
    assertThat(mid.dueAt()).isEqualTo(at("2026-03-07T10:00:00Z"));
    LeadProgramState done = PROGRAM.simulate("L1", LEAD, evs, at("2026-03-08T00:00:00Z"));
    assertThat(done.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(done.leftAt()).isEqualTo(at("2026-03-07T10:00:00Z"));
  }

  @Test
  void anUnsubscribeExitsAtItsTime() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD,
        List.of(event("signup", "2026-03-02T10:00:00Z"), event("unsubscribe", "2026-03-03T09:00:00Z")),
        at("2026-03-10T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.EXITED);
    assertThat(s.leftBy()).isEqualTo("unsubscribed");
    assertThat(s.leftAt()).isEqualTo(at("2026-03-03T09:00:00Z"));
    assertThat(s.reasons()).anyMatch(r -> r.startsWith("exit 'unsubscribed' met at 2026-03-03T09:00:00Z: event unsubscribe"));
  }

  @Test
  void aConversionIsAGoal() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD,
        List.of(event("signup", "2026-03-02T10:00:00Z"), event("opportunity_created", "2026-03-04T09:00:00Z")),
        at("2026-03-10T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.GOAL_MET);
    assertThat(s.leftBy()).isEqualTo("converted");
  }

  @Test
  void noTriggerAndNotEligible() {
    assertThat(PROGRAM.simulate("L1", LEAD, List.of(), at("2026-03-10T00:00:00Z")).status())
        .isEqualTo(ProgramStatus.NOT_ENTERED);
    LeadProgramState s = PROGRAM.simulate("L2", Records.of(Map.of("owner", "x")),
        List.of(event("signup", "2026-03-02T10:00:00Z")), at("2026-03-10T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.NOT_ELIGIBLE);
    assertThat(s.reasons()).containsExactly("entry.when did not hold at any of 1 entry triggers");
  }

  @Test
  void eventsAfterTheAsOfAreNotSeen() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD, List.of(event("signup", "2026-03-12T10:00:00Z")),
        at("2026-03-10T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.NOT_ENTERED);
  }

  @Test
  void badEventRowsAreFindingsNotExceptions() {
    LeadProgramState s = PROGRAM.simulate("L1", LEAD,
        List.of(event("signup", "not a time"), Records.of(Map.of("type", "signup")), event("signup", "2026-03-02T10:00:00Z")),
        at("2026-03-02T12:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(s.findings()).extracting(f -> f.code()).hasSize(2).contains("EVENT_WITHOUT_TIMESTAMP");
  }

  @Test
  void notifyWithoutOwnerIsAFinding() {
    LeadProgramState s = PROGRAM.simulate("L1", Records.of(Map.of("email", "a@b.com")),
        List.of(event("signup", "2026-03-02T10:00:00Z"), event("email_open", "2026-03-02T11:00:00Z")),
        at("2026-03-10T00:00:00Z"));
    assertThat(s.findings()).extracting(f -> f.code()).containsExactly("NO_OWNER");
  }

  static final String CAPPED = """
      version: 1
      name: capped
      event_fields: {}
      entry: {on_event: {eq: {field: type, value: signup}}}
      steps:
        - {id: a, send: first}
        - {id: b, send: second}
      frequency_cap:
        max_sends: 1
        per: 7d
        counts: {eq: {field: type, value: email_sent}}
      reentry: {allowed: true, after: 30d, max_entries: 2}
      """;

  @Test
  void theFrequencyCapDelaysSendsCountingOtherProgramsSends() {
    Program p = Program.parse("capped.yaml", CAPPED);
    List<Record> evs = List.of(event("email_sent", "2026-03-01T12:00:00Z"), event("signup", "2026-03-02T10:00:00Z"));
    LeadProgramState s = p.simulate("L1", Records.empty(), evs, at("2026-03-05T00:00:00Z"));
    assertThat(s.nextStepId()).isEqualTo("a");
    assertThat(s.dueAt()).isEqualTo(at("2026-03-08T12:00:00Z"));
    LeadProgramState later = p.simulate("L1", Records.empty(), evs, at("2026-03-10T00:00:00Z"));
    assertThat(later.nextStepId()).isEqualTo("b");
    assertThat(later.dueAt()).isEqualTo(at("2026-03-15T12:00:00Z"));
    assertThat(later.reasons()).contains("frequency cap: send second delayed from 2026-03-08T12:00Z to 2026-03-15T12:00:00Z"
        .replace("12:00Z", "12:00:00Z"));
    LeadProgramState done = p.simulate("L1", Records.empty(), evs, at("2026-03-20T00:00:00Z"));
    assertThat(done.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(done.actions()).filteredOn(a -> a.kind() == ActionKind.SEND).extracting(ProgramAction::at)
        .containsExactly(at("2026-03-08T12:00:00Z"), at("2026-03-15T12:00:00Z"));
  }

  @Test
  void reentryAfterTheCoolDownUpToTheMaximum() {
    Program p = Program.parse("capped.yaml", CAPPED.replace("max_sends: 1", "max_sends: 10"));
    List<Record> evs = new ArrayList<>();
    for (String d : List.of("2026-01-01", "2026-01-10", "2026-02-05", "2026-03-20")) {
      evs.add(event("signup", d + "T10:00:00Z"));
    }
    LeadProgramState s = p.simulate("L1", Records.empty(), evs, at("2026-04-01T00:00:00Z"));
    // 01-01 enters; 01-10 is inside the 30-day cool-down; 02-05 enters again; 03-20 is past max_entries.
    assertThat(s.entries()).isEqualTo(2);
    assertThat(s.enteredAt()).isEqualTo(at("2026-02-05T10:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(s.reasons()).last().asString().contains("the most allowed");
  }

  @Test
  void inactivityTriggersReEngagement() {
    Program p = Program.parse("re.yaml", """
        name: re-engagement
        entry:
          inactive: {for: 90d, activity: {in: {field: type, values: [email_click, web_visit]}}}
        steps: [{id: r1, send: we-miss-you}]
        exit: [{name: re-engaged, on_event: {eq: {field: type, value: email_click}}}]
        """);
    List<Record> evs = List.of(event("web_visit", "2026-01-01T00:00:00Z"), event("web_visit", "2026-02-01T00:00:00Z"));
    LeadProgramState s = p.simulate("L1", Records.empty(), evs, at("2026-06-01T00:00:00Z"));
    assertThat(s.enteredAt()).isEqualTo(at("2026-05-02T00:00:00Z"));
    assertThat(s.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p.simulate("L1", Records.empty(), evs, at("2026-05-01T00:00:00Z")).status())
        .isEqualTo(ProgramStatus.NOT_ENTERED);
  }

  @Test
  void configErrorsNameLineColumnAndPath() {
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("  - id: w2\n", "  - id: w2\n    sendd: x\n")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("p.yaml:")
        .hasMessageContaining("steps[3].sendd")
        .hasMessageContaining("did you mean 'send'");
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("then: tag", "then: w1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("p.yaml:16:")
        .hasMessageContaining("only jump forward");
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("value: signup", "value: signup}, x: {y: 1")))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("exists: email", "exists: phone")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("entry.when")
        .hasMessageContaining("phone");
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("wait: 3d", "wait: 3 days")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("steps[4].wait")
        .hasMessageContaining("expected a duration");
    assertThatThrownBy(() -> Program.parse("p.yaml", WELCOME.replace("  on_event: {eq: {field: type, value: signup}}\n", "")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("exactly one entry trigger");
  }
}
