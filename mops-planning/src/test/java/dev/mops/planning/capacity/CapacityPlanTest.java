package dev.mops.planning.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.RecordOutcome;
import dev.mops.planning.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CapacityPlanTest {

  static Record rec(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static final List<Record> PEOPLE = List.of(
      rec("person", "ana", "hours_per_week", "40", "skills", "email;landing_pages", "region", "US"),
      rec("person", "ben", "hours_per_week", "20", "skills", "email", "region", "US"),
      rec("person", "cho", "hours_per_week", "32", "days_per_week", "4", "skills", "paid_social", "region", "US"));

  static final WorkingCalendar US = WorkingCalendar.of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
      Map.of("US", Map.of(LocalDate.of(2026, 5, 25), "Memorial Day")));

  @Test
  void utilizationPerPersonAndWeek() {
    CapacityPlan plan = CapacityPlan.builder().workingCalendar(US)
        .window(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 31)).build();
    CapacityReport r = plan.evaluate(PEOPLE,
        List.of(rec("person", "ben", "start", "2026-05-28", "end", "2026-05-29")),
        List.of(
            // 30 hours over Mon-Fri of week 1: 6 h a day
            rec("id", "w1", "assignee", "ana", "estimate_hours", "30", "start", "2026-05-18", "end", "2026-05-22"),
            // 36 hours over 26-29 May (4 working days, Memorial Day is the 25th): 9 h a day
            rec("id", "w2", "assignee", "ana", "estimate_hours", "36", "start", "2026-05-25", "end", "2026-05-29"),
            // 12 hours for ben in week 2, who works 4 h a day, 26-27 May only (off 28-29, holiday 25)
            rec("id", "w3", "assignee", "ben", "estimate_hours", "12", "start", "2026-05-25", "end", "2026-05-29")));
    PersonWeek ana1 = find(r, "ana", "2026-05-18");
    assertThat(ana1.availableHours()).isCloseTo(40, within(1e-9));
    assertThat(ana1.assignedHours()).isCloseTo(30, within(1e-9));
    assertThat(ana1.utilization()).isCloseTo(0.75, within(1e-9));
    assertThat(ana1.status()).isEqualTo("ok");
    PersonWeek ana2 = find(r, "ana", "2026-05-25");
    assertThat(ana2.availableHours()).isCloseTo(32, within(1e-9));
    assertThat(ana2.assignedHours()).isCloseTo(36, within(1e-9));
    assertThat(ana2.overAllocated()).isTrue();
    PersonWeek ben2 = find(r, "ben", "2026-05-25");
    assertThat(ben2.availableHours()).isCloseTo(8, within(1e-9));
    assertThat(ben2.assignedHours()).isCloseTo(12, within(1e-9));
    assertThat(ben2.itemIds()).containsExactly("w3");
    PersonWeek cho1 = find(r, "cho", "2026-05-18");
    assertThat(cho1.availableHours()).isCloseTo(40, within(1e-9)); // 8 h a day, 5 weekdays
    assertThat(cho1.status()).isEqualTo("idle");
    assertThat(r.overAllocated()).extracting(PersonWeek::person).containsExactly("ana", "ben");

    // who has room for 16 hours of email work in week 1? ana has 10 free, ben 20
    List<Candidate> c = r.roomFor("Email", 16, LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 22));
    assertThat(c).extracting(Candidate::person).containsExactly("ben", "ana");
    assertThat(c.get(0).fits()).isTrue();
    assertThat(c.get(0).freeHours()).isCloseTo(20, within(1e-9));
    assertThat(c.get(1).fits()).isFalse();
    assertThat(c.get(1).freeHours()).isCloseTo(10, within(1e-9));
  }

  @Test
  void thresholdAllowsSomeOvertime() {
    CapacityPlan plan = CapacityPlan.builder().overAllocationThreshold(1.25).build();
    CapacityReport r = plan.evaluate(PEOPLE, List.of(), List.of(
        rec("id", "w1", "assignee", "ana", "estimate_hours", "48", "start", "2026-05-18", "end", "2026-05-22")));
    assertThat(r.overAllocated()).isEmpty();
    assertThat(find(r, "ana", "2026-05-18").utilization()).isCloseTo(1.2, within(1e-9));
  }

  @Test
  void itemOnlyOnDaysOffIsSpreadOverItsCalendarDaysWithAWarning() {
    CapacityReport r = CapacityPlan.builder().build().evaluate(PEOPLE, List.of(), List.of(
        rec("id", "weekend", "assignee", "ana", "estimate_hours", "4", "start", "2026-05-23", "end", "2026-05-24")));
    assertThat(r.outcomes()).filteredOn(o -> o.input().equals("work")).singleElement()
        .satisfies(o -> {
          assertThat(o.used()).isTrue();
          assertThat(o.findings()).extracting(f -> f.code()).containsExactly(PlanningCodes.NO_WORKING_DAYS);
        });
    PersonWeek w = find(r, "ana", "2026-05-18");
    assertThat(w.assignedHours()).isCloseTo(4, within(1e-9));
    assertThat(w.availableHours()).isCloseTo(40, within(1e-9));
  }

  @Test
  void everyRecordIsAccountedForAndBadOnesAreFindings() {
    CapacityReport r = CapacityPlan.builder().build().evaluate(
        List.of(rec("person", "ana", "hours_per_week", "40"), rec("person", "bad", "hours_per_week", "forty"),
            rec("person", "ana", "hours_per_week", "10")),
        List.of(rec("person", "zed", "start", "2026-05-18"), rec("person", "ana", "start", "18/05/2026")),
        List.of(
            rec("id", "ok", "assignee", "ana", "estimate_hours", "8", "start", "2026-05-18", "end", "2026-05-18"),
            rec("id", "nobody", "assignee", "zed", "estimate_hours", "8", "start", "2026-05-18", "end", "2026-05-18"),
            rec("id", "backwards", "assignee", "ana", "estimate_hours", "8", "start", "2026-05-18", "end", "2026-05-11"),
            rec("id", "noest", "assignee", "ana", "start", "2026-05-18", "end", "2026-05-18")));
    assertThat(r.outcomes()).hasSize(9);
    assertThat(r.outcomes()).extracting(o -> o.input() + ":" + o.id() + ":" + o.used() + ":"
        + (o.findings().isEmpty() ? "" : o.findings().get(0).code()))
        .containsExactly(
            "people:ana:true:", "people:bad:false:BAD_NUMBER", "people:ana:false:DUPLICATE_ID",
            "work:ok:true:", "work:nobody:false:UNKNOWN_PERSON", "work:backwards:false:END_BEFORE_START",
            "work:noest:false:MISSING_FIELD",
            "time_off:zed:false:UNKNOWN_PERSON", "time_off:ana:false:BAD_DATE");
  }

  static List<Long> seeds() {
    long base = Long.getLong("mops.seed", 20260518L);
    return List.of(base, base + 1, base + 2);
  }

  /** Hours are conserved: every estimate inside the window lands in exactly one person-week. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void assignedHoursAddUpToTheEstimates(long seed) {
    Random rnd = new Random(seed);
    List<Record> work = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < 200; i++) {
      LocalDate start = LocalDate.of(2026, 1, 5).plusDays(rnd.nextInt(70));
      LocalDate end = start.plusDays(rnd.nextInt(15));
      int hours = 1 + rnd.nextInt(40);
      total += hours;
      work.add(rec("id", "w" + i, "assignee", List.of("ana", "ben", "cho").get(rnd.nextInt(3)),
          "estimate_hours", Integer.toString(hours), "start", start.toString(), "end", end.toString()));
    }
    CapacityReport r = CapacityPlan.builder().workingCalendar(US).build().evaluate(PEOPLE, List.of(), work);
    double sum = r.weeks().stream().mapToDouble(PersonWeek::assignedHours).sum();
    assertThat(sum).as("seed %d", seed).isCloseTo(total, within(1e-6));
  }

  private static PersonWeek find(CapacityReport r, String person, String week) {
    return r.weeks().stream().filter(w -> w.person().equals(person) && w.weekStart().toString().equals(week))
        .findFirst().orElseThrow();
  }
}
