package dev.mops.flow.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The programs of {@code examples/programs}, loaded and simulated on the sample leads and events. */
class ExampleProgramsTest {

  static final Path DIR = Path.of("../examples/programs");
  static final Instant AS_OF = Instant.parse("2026-03-16T12:00:00Z");
  static final Map<String, Record> LEADS = new LinkedHashMap<>();
  static final Map<String, List<Record>> EVENTS = new LinkedHashMap<>();

  @BeforeAll
  static void read() throws IOException {
    for (InputRecord r : csv("leads.csv")) {
      LEADS.put(String.valueOf(Values.asString(r.record().get("id"))), r.record());
    }
    for (InputRecord r : csv("events.csv")) {
      EVENTS.computeIfAbsent(String.valueOf(Values.asString(r.record().get("lead_id"))), k -> new ArrayList<>())
          .add(r.record());
    }
  }

  static List<InputRecord> csv(String name) throws IOException {
    List<InputRecord> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader(name, in)) {
      for (InputRecord r; (r = csv.next()) != null; ) {
        out.add(r);
      }
    }
    return out;
  }

  static Map<String, LeadProgramState> simulate(String file) {
    Program p = Program.load(DIR.resolve(file));
    Map<String, LeadProgramState> out = new LinkedHashMap<>();
    LEADS.forEach((id, lead) -> out.put(id, p.simulate(id, lead, EVENTS.getOrDefault(id, List.of()), AS_OF)));
    assertThat(out).hasSize(LEADS.size());
    return out;
  }

  static Instant at(String s) {
    return Instant.parse(s);
  }

  @Test
  void welcomeSeries() {
    Map<String, LeadProgramState> s = simulate("welcome.yaml");
    // P-001 signed up Monday 15:00 UTC (10:00 New York), clicked on day 2: handed to the owner.
    LeadProgramState p1 = s.get("P-001");
    assertThat(p1.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p1.actions()).extracting(ProgramAction::detail).contains(
        "send welcome-1-thanks", "send welcome-2-getting-started",
        "notify rep-ana: New sign-up clicked through the welcome series: follow up within a day");
    assertThat(p1.findings()).extracting(Finding::code).containsExactly("NOT_AN_INSTANT");
    // P-002 had two other emails the evening it signed up: the cap of 3 a week delays welcome-2;
    // it unsubscribed before the series ended.
    LeadProgramState p2 = s.get("P-002");
    assertThat(p2.status()).isEqualTo(ProgramStatus.EXITED);
    assertThat(p2.leftBy()).isEqualTo("unsubscribed");
    assertThat(p2.reasons()).anyMatch(r -> r.contains("frequency cap"));
    // P-006 converted the day after it signed up; P-007 has no email; P-004 is a customer.
    assertThat(s.get("P-006").status()).isEqualTo(ProgramStatus.GOAL_MET);
    assertThat(s.get("P-007").status()).isEqualTo(ProgramStatus.NOT_ELIGIBLE);
    assertThat(s.get("P-004").status()).isEqualTo(ProgramStatus.NOT_ELIGIBLE);
    assertThat(s.get("P-003").status()).isEqualTo(ProgramStatus.NOT_ENTERED);
  }

  @Test
  void nurture() {
    Map<String, LeadProgramState> s = simulate("nurture.yaml");
    // P-002 was created on Friday 2026-02-20 09:30: sends on 02-20, 02-27 and 03-06, then it
    // unsubscribed on 03-12, before the ROI email.
    LeadProgramState p2 = s.get("P-002");
    assertThat(p2.status()).isEqualTo(ProgramStatus.EXITED);
    assertThat(p2.leftAt()).isEqualTo(at("2026-03-12T09:00:00Z"));
    // P-003 (recycled, created 2025-12-29) attended the webinar on 01-10, before the branch on
    // 01-12: its owner was told and the track updated.
    LeadProgramState p3 = s.get("P-003");
    assertThat(p3.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p3.actions()).extracting(ProgramAction::kind).contains(ActionKind.NOTIFY, ActionKind.UPDATE);
    // P-001, created 2026-02-02, has had 4 emails by 03-16 and completed on 02-23.
    LeadProgramState p1 = s.get("P-001");
    assertThat(p1.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p1.leftAt()).isEqualTo(at("2026-02-23T14:00:00Z"));
    // P-009 became an MQL before the drip ended.
    assertThat(s.get("P-009").status()).isEqualTo(ProgramStatus.GOAL_MET);
    assertThat(s.get("P-009").leftBy()).isEqualTo("became_mql");
    // P-007 was created on 2026-03-01: the webinar email went on 03-08, the branch is due 03-15
    // and ran; the case study went out; the ROI email is due on 03-22.
    LeadProgramState p7 = s.get("P-007");
    assertThat(p7.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(p7.nextAction()).isEqualTo("send nurture-4-roi-calculator");
    assertThat(p7.dueAt()).isEqualTo(at("2026-03-22T08:00:00Z"));
  }

  @Test
  void reEngagement() {
    Map<String, LeadProgramState> s = simulate("re-engagement.yaml");
    // P-003's last activity was an open on 2025-12-20 18:00 (the webinar does not count):
    // 60 days later, 2026-02-18 18:00, it entered; it has been through both nudges and is dormant.
    LeadProgramState p3 = s.get("P-003");
    assertThat(p3.enteredAt()).isEqualTo(at("2026-02-18T18:00:00Z"));
    assertThat(p3.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p3.actions()).extracting(ProgramAction::detail).contains("update email_status = dormant");
    // P-009's last open was 2025-12-05: entered 2026-02-03.
    assertThat(s.get("P-009").enteredAt()).isEqualTo(at("2026-02-03T10:00:00Z"));
    // P-001 was active this month.
    assertThat(s.get("P-001").status()).isEqualTo(ProgramStatus.NOT_ENTERED);
  }

  @Test
  void winBack() {
    Map<String, LeadProgramState> s = simulate("win-back.yaml");
    // P-005 cancelled 2026-02-10 12:00: offer 02-24, call three working days later 02-27,
    // last call due 03-13 12:00, sent by 03-16.
    LeadProgramState p5 = s.get("P-005");
    assertThat(p5.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p5.actions()).extracting(ProgramAction::at).contains(at("2026-02-24T12:00:00Z"), at("2026-02-27T12:00:00Z"));
    // P-010 cancelled 02-27 12:00; the offer went on 03-13 12:00 and it came back on 03-14.
    LeadProgramState p10 = s.get("P-010");
    assertThat(p10.status()).isEqualTo(ProgramStatus.GOAL_MET);
    assertThat(p10.leftBy()).isEqualTo("resubscribed");
    // P-008's company closed: not a trigger.
    assertThat(s.get("P-008").status()).isEqualTo(ProgramStatus.NOT_ENTERED);
  }

  @Test
  void upsell() {
    Map<String, LeadProgramState> s = simulate("upsell.yaml");
    // P-004 hit the threshold Monday 03-09 12:00 UTC, looked at pricing 03-10: 24 business hours
    // later (Thursday 12:00 UTC) the owner was called.
    LeadProgramState p4 = s.get("P-004");
    assertThat(p4.status()).isEqualTo(ProgramStatus.COMPLETED);
    assertThat(p4.actions()).extracting(ProgramAction::kind).contains(ActionKind.NOTIFY);
    // P-005 upgraded on 01-07, after the tour (01-05) and before the branch (01-08).
    assertThat(s.get("P-005").status()).isEqualTo(ProgramStatus.GOAL_MET);
    // P-008 hit the threshold Friday 17:30 UTC (after hours): the branch is due after 24 business hours.
    LeadProgramState p8 = s.get("P-008");
    assertThat(p8.status()).isEqualTo(ProgramStatus.ACTIVE);
    assertThat(p8.nextStepId()).isEqualTo("pricing");
    // P-010 is on the enterprise plan: not eligible.
    assertThat(s.get("P-010").status()).isEqualTo(ProgramStatus.NOT_ELIGIBLE);
  }
}
