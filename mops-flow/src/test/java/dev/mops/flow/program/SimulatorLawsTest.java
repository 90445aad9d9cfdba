package dev.mops.flow.program;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded property tests of the simulator's laws: it is deterministic, the order of the events does
 * not matter, and a later as-of never undoes what an earlier one reported as done. The base seed is
 * the {@code mops.seed} system property (default 20261202); each case names its seed.
 */
class SimulatorLawsTest {

  static final List<String> TYPES = List.of("signup", "email_open", "email_click", "web_visit", "email_sent",
      "unsubscribe", "opportunity_created");
  static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

  static final List<Program> PROGRAMS = List.of(
      ProgramTest.PROGRAM,
      Program.parse("capped.yaml", ProgramTest.CAPPED),
      Program.parse("skip.yaml", ProgramTest.CAPPED.replace("max_sends: 1", "max_sends: 1\n  when_capped: skip")),
      Program.parse("re.yaml", """
          name: re-engagement
          entry:
            inactive: {for: 20d, activity: {in: {field: type, values: [email_click, web_visit]}}}
          steps:
            - {id: r1, send: we-miss-you}
            - {id: w, wait: {business_hours: 20}}
            - {id: b, branch: {if_event: {eq: {field: type, value: email_open}}, then: end}}
            - {id: r2, send: last-chance}
            - {id: w2, wait: 5d}
          exit: [{name: re-engaged, on_event: {eq: {field: type, value: email_click}}, blocks_reentry: false}]
          reentry: {allowed: true}
          frequency_cap: {max_sends: 2, per: 10d}
          """));

  static Stream<Arguments> cases() {
    long base = Long.getLong("mops.seed", 20261202L);
    List<Arguments> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      out.add(Arguments.of(base + i, i % PROGRAMS.size()));
    }
    return out.stream();
  }

  static List<Record> events(Random rnd) {
    List<Record> evs = new ArrayList<>();
    int n = rnd.nextInt(25);
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", TYPES.get(rnd.nextInt(TYPES.size())));
      // minutes within 120 days, coarse enough that equal timestamps happen
      Instant at = START.plusSeconds(60L * 60 * rnd.nextInt(120 * 24));
      m.put("timestamp", rnd.nextInt(40) == 0 ? "garbage" : at.toString());
      m.put("template", rnd.nextBoolean() ? "t" + rnd.nextInt(3) : "");
      evs.add(Records.of(m));
    }
    return evs;
  }

  static Record lead(Random rnd) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (rnd.nextInt(10) > 0) {
      m.put("email", "x" + rnd.nextInt(100) + "@example.com");
    }
    if (rnd.nextBoolean()) {
      m.put("owner", "rep-" + rnd.nextInt(4));
    }
    return Records.of(m);
  }

  static Instant asOf(Random rnd) {
    return START.plusSeconds(60L * rnd.nextInt(150 * 24 * 60));
  }

  @ParameterizedTest(name = "seed {0} program {1}")
  @MethodSource("cases")
  void sameInputSameAnswer(long seed, int program) {
    Random rnd = new Random(seed);
    Program p = PROGRAMS.get(program);
    for (int k = 0; k < 50; k++) {
      Record lead = lead(rnd);
      List<Record> evs = events(rnd);
      Instant now = asOf(rnd);
      assertThat(p.simulate("L", lead, evs, now)).as("seed %d", seed).isEqualTo(p.simulate("L", lead, evs, now));
    }
  }

  @ParameterizedTest(name = "seed {0} program {1}")
  @MethodSource("cases")
  void eventOrderDoesNotMatter(long seed, int program) {
    Random rnd = new Random(seed);
    Program p = PROGRAMS.get(program);
    for (int k = 0; k < 50; k++) {
      Record lead = lead(rnd);
      List<Record> evs = events(rnd);
      Instant now = asOf(rnd);
      List<Record> shuffled = new ArrayList<>(evs);
      Collections.shuffle(shuffled, rnd);
      assertThat(p.simulate("L", lead, shuffled, now)).as("seed %d events %s", seed, evs)
          .isEqualTo(p.simulate("L", lead, evs, now));
    }
  }

  @ParameterizedTest(name = "seed {0} program {1}")
  @MethodSource("cases")
  void aLaterAsOfNeverUndoesAnAction(long seed, int program) {
    Random rnd = new Random(seed);
    Program p = PROGRAMS.get(program);
    for (int k = 0; k < 50; k++) {
      Record lead = lead(rnd);
      List<Record> evs = events(rnd);
      Instant a = asOf(rnd);
      Instant b = asOf(rnd);
      Instant early = a.isBefore(b) ? a : b;
      Instant late = a.isBefore(b) ? b : a;
      LeadProgramState before = p.simulate("L", lead, evs, early);
      LeadProgramState after = p.simulate("L", lead, evs, late);
      List<ProgramAction> done = after.actions().stream().filter(x -> !x.at().isAfter(early)).toList();
      assertThat(done).as("seed %d, as of %s then %s, events %s", seed, early, late, evs)
          .isEqualTo(before.actions());
      assertThat(after.entries()).isGreaterThanOrEqualTo(before.entries());
      if (before.dueAt() != null) {
        assertThat(before.dueAt()).isAfter(early);
      }
      assertThat(before.actions()).allMatch(x -> !x.at().isAfter(early));
    }
  }
}
