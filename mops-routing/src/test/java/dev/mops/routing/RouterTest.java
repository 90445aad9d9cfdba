package dev.mops.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.routing.RoutingDecision.Outcome;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

  static final Instant TUESDAY = Instant.parse("2026-03-10T14:00:00Z");

  static RoutingTable table(String yaml) {
    return RoutingTable.parse("test.yaml", yaml);
  }

  static Record lead(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static final String POOL = String.join("\n",
      "version: 1",
      "reps:",
      "  - {id: a, caps: {day: 2}}",
      "  - {id: b, caps: {day: 2}}",
      "  - {id: c, caps: {day: 2}}",
      "pools:",
      "  - {name: p, strategy: round_robin, reps: [a, b, c]}",
      "rules:",
      "  - {name: all, route: {pool: p}}",
      "default: {queue: q}");

  @Test
  void firstMatchingRuleWinsAndDefaultTakesTheRest() {
    RoutingTable t = RoutingTable.load(Path.of("../examples/routing/routing.yaml"));
    Router r = Router.create(t);
    assertThat(r.route(lead("country", "US", "employees", 500), TUESDAY).rule()).isEqualTo("na-enterprise");
    assertThat(r.route(lead("country", "US", "employees", 9000), TUESDAY).rule()).isEqualTo("strategic");
    RoutingDecision student = r.route(lead("country", "US", "employees", 10, "email", "x@state.EDU"), TUESDAY);
    assertThat(student).isEqualTo(new RoutingDecision(Outcome.QUEUED, "nurture", null, "students", "queue nurture"));
    RoutingDecision none = r.route(lead("country", "BR"), TUESDAY);
    assertThat(none.rule()).isEqualTo("default");
    assertThat(none.destination()).isEqualTo("sdr-triage");
    assertThat(t.version()).isEqualTo("3");
    assertThat(t.contentHash()).startsWith("sha256:");
  }

  @Test
  void roundRobinRotatesAndSkipsCappedReps() {
    Router r = Router.create(table(POOL));
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RoutingDecision d = r.route(lead(), TUESDAY);
      owners.add(d.outcome() == Outcome.ASSIGNED ? d.owner() : d.outcome().label() + ":" + d.destination());
    }
    assertThat(owners).containsExactly("a", "b", "c", "a", "b", "c", "held:routing-hold");
    RoutingDecision held = r.route(lead(), TUESDAY);
    assertThat(held.reason()).isEqualTo(
        "nobody in pool p can take the lead: daily_cap a b c; held in routing-hold");
    // the next day (in the reps' zone, UTC) the caps start again
    assertThat(r.route(lead(), TUESDAY.plusSeconds(86_400)).owner()).isEqualTo("a");
  }

  @Test
  void capsCountDaysInTheRepsOwnTimeZone() {
    Router r = Router.create(table(String.join("\n",
        "reps:",
        "  - {id: tokyo, time_zone: Asia/Tokyo, caps: {day: 1}}",
        "rules: []",
        "default: {owner: tokyo}")));
    // 14:30 UTC is 23:30 in Tokyo; 15:30 UTC is already the next day there.
    assertThat(r.route(lead(), Instant.parse("2026-03-10T14:30:00Z")).outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(r.route(lead(), Instant.parse("2026-03-10T14:50:00Z")).outcome()).isEqualTo(Outcome.HELD);
    assertThat(r.route(lead(), Instant.parse("2026-03-10T15:30:00Z")).outcome()).isEqualTo(Outcome.ASSIGNED);
  }

  @Test
  void weeklyCapsCountIsoWeeks() {
    Router r = Router.create(table(String.join("\n",
        "reps:",
        "  - {id: w, caps: {week: 2}}",
        "rules: []",
        "default: {owner: w}")));
    Instant monday = Instant.parse("2026-03-09T09:00:00Z");
    assertThat(r.route(lead(), monday).outcome()).isEqualTo(Outcome.ASSIGNED);
    assertThat(r.route(lead(), monday.plusSeconds(6 * 86_400)).outcome()).isEqualTo(Outcome.ASSIGNED); // Sunday
    RoutingDecision third = r.route(lead(), monday.plusSeconds(6 * 86_400 + 3600));
    assertThat(third.outcome()).isEqualTo(Outcome.HELD);
    assertThat(third.reason()).contains("weekly_cap");
    assertThat(r.route(lead(), monday.plusSeconds(7 * 86_400)).outcome()).isEqualTo(Outcome.ASSIGNED); // next Monday
  }

  @Test
  void outOfOfficeAndInactiveRepsAreSkippedWithReasons() {
    Router r = Router.create(table(String.join("\n",
        "reps:",
        "  - {id: a, out_of_office: [2026-03-10]}",
        "  - {id: b, active: false}",
        "  - {id: c}",
        "pools:",
        "  - {name: p, reps: [a, b, c]}",
        "rules: []",
        "default: {pool: p}")));
    RoutingExplanation e = r.explain(lead(), TUESDAY);
    assertThat(e.decision().owner()).isEqualTo("c");
    assertThat(e.decision().reason()).isEqualTo("round_robin in pool p chose c; skipped inactive b, out_of_office a");
    assertThat(e.candidates()).extracting(RoutingExplanation.Candidate::skipped)
        .containsExactly(SkipReason.OUT_OF_OFFICE, SkipReason.INACTIVE, null);
    assertThat(e.candidates().get(0).detail()).isEqualTo("out of office 2026-03-10");
    assertThat(e.state()).isEqualTo(new RoutingExplanation.StateChange("p", 0, 3, "c", 0, 1, 0, 1));
    // the day after, a is back
    assertThat(r.route(lead(), TUESDAY.plusSeconds(86_400)).owner()).isEqualTo("a");
  }

  @Test
  void repsWithWorkingHoursTakeLeadsOnlyWhileTheirCalendarIsOpen() {
    Router r = Router.create(table(String.join("\n",
        "calendars:",
        "  berlin: {zone: Europe/Berlin, hours: {weekdays: '09:00-17:00'}, holidays: {country: DE}}",
        "reps:",
        "  - {id: anna, working_hours: berlin}",
        "  - {id: night}",
        "pools: [{name: p, reps: [anna, night]}]",
        "rules: []",
        "default: {pool: p}")));
    assertThat(r.table().reps().get("anna").timeZone().getId()).isEqualTo("Europe/Berlin");
    // Tuesday 10:00 UTC is 11:00 in Berlin: open
    assertThat(r.route(lead(), Instant.parse("2026-03-10T10:00:00Z")).owner()).isEqualTo("anna");
    // 17:30 UTC is 18:30 in Berlin: closed
    RoutingExplanation late = r.explain(lead(), Instant.parse("2026-03-10T17:30:00Z"));
    assertThat(late.decision().owner()).isEqualTo("night");
    RoutingExplanation.Candidate anna = late.candidates().stream().filter(c -> c.rep().equals("anna")).findFirst().orElseThrow();
    assertThat(anna.skipped()).isEqualTo(SkipReason.OUTSIDE_WORKING_HOURS);
    assertThat(anna.detail()).isEqualTo("outside working hours (berlin, Europe/Berlin)");
    // Good Friday 2026 (April 3) is a public holiday in Germany
    assertThat(r.route(lead(), Instant.parse("2026-04-03T10:00:00Z")).owner()).isEqualTo("night");
  }

  @Test
  void weightedPoolsShareInProportionToWeights() {
    Router r = Router.create(table(String.join("\n",
        "reps: [{id: a}, {id: b}, {id: c}]",
        "pools:",
        "  - {name: p, strategy: weighted, reps: [{rep: a, weight: 3}, {rep: b, weight: 1}, {rep: c, weight: 2}]}",
        "rules: []",
        "default: {pool: p}")));
    Map<String, Integer> counts = new HashMap<>();
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String o = r.route(lead(), TUESDAY).owner();
      counts.merge(o, 1, Integer::sum);
      if (i < 6) {
        first.add(o);
      }
    }
    assertThat(counts).containsEntry("a", 300).containsEntry("b", 100).containsEntry("c", 200);
    assertThat(first).containsExactly("a", "c", "a", "b", "c", "a"); // smooth, not a-a-a-b-c-c
  }

  @Test
  void leastLoadedPicksTheRepWithFewestLeadsToday() {
    RoutingTable t = table(String.join("\n",
        "reps: [{id: a}, {id: b}]",
        "pools:",
        "  - {name: p, strategy: least_loaded, reps: [a, b]}",
        "rules:",
        "  - {name: direct, when: {eq: {field: to, value: a}}, route: {owner: a}}",
        "default: {pool: p}"));
    Router r = Router.create(t);
    r.route(lead("to", "a"), TUESDAY);
    r.route(lead("to", "a"), TUESDAY);
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      owners.add(r.route(lead(), TUESDAY).owner());
    }
    assertThat(owners).containsExactly("b", "b", "a", "b");
  }

  @Test
  void accountOwnerFirstUsesAnAvailableOwnerAndOtherwiseThePool() {
    Router r = Router.create(table(String.join("\n",
        "reps:",
        "  - {id: owner1, caps: {day: 1}}",
        "  - {id: away, out_of_office: [{from: 2026-03-01, to: 2026-03-31}]}",
        "  - {id: p1}",
        "  - {id: p2}",
        "pools:",
        "  - {name: named, strategy: account_owner_first, then: round_robin, reps: [p1, p2]}",
        "rules: []",
        "default: {pool: named}")));
    RoutingDecision d = r.route(lead("account_owner", "owner1"), TUESDAY);
    assertThat(d.owner()).isEqualTo("owner1");
    assertThat(d.reason()).isEqualTo("account owner owner1 is available");
    RoutingDecision capped = r.route(lead("account_owner", "owner1"), TUESDAY);
    assertThat(capped.owner()).isEqualTo("p1");
    assertThat(capped.reason()).isEqualTo("account owner owner1 skipped (daily_cap); round_robin in pool named chose p1");
    assertThat(r.route(lead("account_owner", "away"), TUESDAY).reason()).startsWith("account owner away skipped (out_of_office)");
    RoutingExplanation unknown = r.explain(lead("account_owner", "stranger"), TUESDAY);
    assertThat(unknown.candidates().get(0).skipped()).isEqualTo(SkipReason.UNKNOWN_OWNER);
    assertThat(unknown.decision().owner()).isEqualTo("p1");
    assertThat(r.route(lead(), TUESDAY).owner()).isEqualTo("p2");
  }

  @Test
  void fallbacksHoldOrEscalateNeverThrow() {
    Router r = Router.create(table(String.join("\n",
        "reps:",
        "  - {id: solo, caps: {day: 0}, manager: boss}",
        "pools: [{name: p, reps: [solo]}]",
        "fallback: {hold: parking}",
        "rules:",
        "  - {name: vip, when: {eq: {field: tier, value: vip}}, route: {owner: solo}, fallback: {escalate: manager}}",
        "  - {name: named, when: {eq: {field: tier, value: named}}, route: {pool: p}, fallback: {escalate: cro}}",
        "default: {pool: p}")));
    RoutingDecision vip = r.route(lead("tier", "vip"), TUESDAY);
    assertThat(vip.outcome()).isEqualTo(Outcome.ESCALATED);
    assertThat(vip.owner()).isEqualTo("boss");
    assertThat(vip.destination()).isEqualTo("escalated");
    assertThat(vip.reason()).isEqualTo("owner solo is unavailable (0 of 0 today, 0 this week, daily_cap); escalated to boss");
    assertThat(r.route(lead("tier", "named"), TUESDAY).owner()).isEqualTo("cro");
    RoutingDecision other = r.route(lead("tier", 42), TUESDAY);
    assertThat(other.outcome()).isEqualTo(Outcome.HELD);
    assertThat(other.destination()).isEqualTo("parking");
  }

  @Test
  void explanationsNameRulesRepsAndState() {
    Router r = Router.create(RoutingTable.load(Path.of("../examples/routing/routing.yaml")));
    RoutingExplanation e = r.explain(lead("country", "US", "employees", 500), TUESDAY);
    assertThat(e.rules()).extracting(RoutingExplanation.RuleCheck::rule)
        .containsExactly("existing-account", "strategic", "na-enterprise");
    assertThat(e.rules()).extracting(RoutingExplanation.RuleCheck::matched).containsExactly(false, false, true);
    assertThat(e.rules().get(1).why()).contains("employees");
    assertThat(e.decision().owner()).isEqualTo("alice");
    assertThat(e.describe()).contains("rule strategic: did not match", "rep alice: chosen", "rotation of na-enterprise 0 -> 1");
    assertThat(e.toJson()).contains("\"rule\":\"na-enterprise\"", "\"today_after\":1");
    assertThat(e.table()).startsWith("inbound-routing 3 (");
  }

  @Test
  void badValuesInLeadsAreNotErrors() {
    Router r = Router.create(RoutingTable.load(Path.of("../examples/routing/routing.yaml")));
    RoutingDecision d = r.route(lead("country", "US", "employees", "lots"), TUESDAY);
    assertThat(d.rule()).isEqualTo("default");
  }
}
