package dev.mops.planning.capacity;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.RecordOutcome;
import dev.mops.planning.RecordFields;
import dev.mops.planning.WorkingCalendar;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A capacity plan: spreads work items over the working days of their assignees and reports
 * utilization per person and week, over-allocation, and who has room for new work.
 *
 * <p>A person ({@code person}, {@code hours_per_week}, optional {@code days_per_week} (default 5),
 * {@code skills} ({@code a;b}), {@code region}) can work {@code hours_per_week / days_per_week}
 * hours on each working day of their region's {@link WorkingCalendar}, less their time off ({@code
 * person}, {@code start}, {@code end}: whole days). A work item ({@code id}, {@code assignee},
 * {@code estimate_hours}, {@code start}, {@code end}, optional {@code skill}) puts its estimate in
 * equal parts on the days its assignee can work between its start and end; when there are none
 * (an item over a holiday weekend, or during time off), on every calendar day of the item, with a
 * {@code NO_WORKING_DAYS} warning.
 *
 * <p>The plan covers a window of days: set one, or it is taken from the work items' dates. Items
 * that reach outside the window count only their hours inside it. Every input record has one
 * {@link RecordOutcome}. Limits: a window of at most {@link #MAX_WINDOW_DAYS} days.
 *
 * <p>Thread safety: immutable; {@link #evaluate} may be called from any number of threads.
 */
public final class CapacityPlan {

  /** The longest window, in days (about ten years). */
  public static final int MAX_WINDOW_DAYS = 3660;

  private final WorkingCalendar calendar;
  private final DayOfWeek weekStart;
  private final double threshold;
  private final @Nullable LocalDate from;
  private final @Nullable LocalDate to;

  private CapacityPlan(Builder b) {
    this.calendar = b.calendar;
    this.weekStart = b.weekStart;
    this.threshold = b.threshold;
    this.from = b.from;
    this.to = b.to;
  }

  /** Returns a builder: weekday calendar, weeks from Monday, over-allocated above 100%. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the over-allocation threshold: a week is over-allocated above available hours times this. */
  public double threshold() {
    return threshold;
  }

  /**
   * Reads people, time off and work items, and computes the plan.
   *
   * @throws IllegalArgumentException when the window is longer than {@link #MAX_WINDOW_DAYS}
   */
  public CapacityReport evaluate(
      List<? extends Record> people, List<? extends Record> timeOff, List<? extends Record> work) {
    List<RecordOutcome> outcomes = new ArrayList<>();
    Map<String, Person> persons = new LinkedHashMap<>();
    long n = 0;
    for (Record r : people) {
      n++;
      RecordFields f = new RecordFields(r);
      String id = f.requiredText("person");
      BigDecimal hours = f.amount("hours_per_week", true);
      BigDecimal days = f.amount("days_per_week", false);
      if (days != null && (days.signum() == 0 || days.compareTo(BigDecimal.valueOf(7)) > 0)) {
        f.add(Finding.error(PlanningCodes.BAD_NUMBER, "days_per_week", days.toPlainString(),
            "days_per_week must be more than 0 and at most 7"));
      }
      if (hours != null && hours.compareTo(BigDecimal.valueOf(168)) > 0) {
        f.add(Finding.error(PlanningCodes.BAD_NUMBER, "hours_per_week", hours.toPlainString(),
            "hours_per_week over 168"));
      }
      if (id != null && persons.containsKey(id)) {
        f.add(Finding.error(PlanningCodes.DUPLICATE_ID, "person", id, "person " + id + " appears more than once; the first is used"));
      }
      boolean ok = id != null && hours != null && !f.hasErrors();
      if (id != null && hours != null && ok) {
        Set<String> skills = new LinkedHashSet<>();
        for (String s : f.list("skills")) {
          skills.add(s.toLowerCase(Locale.ROOT));
        }
        double perDay = hours.doubleValue() / (days == null ? 5 : days.doubleValue());
        persons.put(id, new Person(id, perDay, skills, f.text("region", "")));
      }
      outcomes.add(new RecordOutcome("people", n, id == null ? "" : id, ok, f.findings()));
    }

    List<Item> items = new ArrayList<>();
    LocalDate min = null;
    LocalDate max = null;
    n = 0;
    for (Record r : work) {
      n++;
      RecordFields f = new RecordFields(r);
      String id = f.requiredText("id");
      String assignee = f.requiredText("assignee");
      BigDecimal estimate = f.amount("estimate_hours", true);
      LocalDate start = f.date("start", true);
      LocalDate end = f.date("end", true);
      if (start != null && end != null && end.isBefore(start)) {
        f.add(Finding.error(PlanningCodes.END_BEFORE_START, "end", end, "end " + end + " is before start " + start));
      } else if (start != null && end != null && ChronoUnit.DAYS.between(start, end) >= MAX_WINDOW_DAYS) {
        f.add(Finding.error(PlanningCodes.BAD_DATE, "end", end, "an item of more than " + MAX_WINDOW_DAYS + " days"));
      }
      if (assignee != null && !persons.containsKey(assignee)) {
        f.add(Finding.error(PlanningCodes.UNKNOWN_PERSON, "assignee", assignee,
            "assignee " + assignee + " is not in the people list"));
      }
      boolean ok = id != null && assignee != null && estimate != null && start != null && end != null && !f.hasErrors();
      if (id != null && assignee != null && estimate != null && start != null && end != null && ok) {
        items.add(new Item(id, assignee, estimate.doubleValue(), start, end, f, outcomes.size()));
        min = min == null || start.isBefore(min) ? start : min;
        max = max == null || end.isAfter(max) ? end : max;
      }
      outcomes.add(new RecordOutcome("work", n, id == null ? "" : id, ok, f.findings()));
    }

    LocalDate first = from != null ? from : min != null ? min : LocalDate.of(1970, 1, 1);
    LocalDate last = to != null ? to : max != null ? max : first;
    first = first.with(java.time.temporal.TemporalAdjusters.previousOrSame(weekStart));
    int days = (int) Math.min(Integer.MAX_VALUE, ChronoUnit.DAYS.between(first, last) + 1);
    if (days > MAX_WINDOW_DAYS) {
      throw new IllegalArgumentException("capacity window " + first + ".." + last + " is longer than "
          + MAX_WINDOW_DAYS + " days; set a shorter window");
    }
    days = from == null && min == null ? 0 : Math.max(days, 1); // no window, no work: no weeks

    Map<String, double[]> available = new LinkedHashMap<>();
    for (Person p : persons.values()) {
      double[] a = new double[days];
      for (int d = 0; d < days; d++) {
        a[d] = calendar.isWorkingDay(p.region, first.plusDays(d)) ? p.hoursPerDay : 0;
      }
      available.put(p.id, a);
    }
    n = 0;
    for (Record r : timeOff) {
      n++;
      RecordFields f = new RecordFields(r);
      String id = f.requiredText("person");
      LocalDate start = f.date("start", true);
      LocalDate end = f.date("end", false);
      if (end == null && start != null && !f.hasErrors()) {
        end = start;
      }
      if (start != null && end != null && end.isBefore(start)) {
        f.add(Finding.error(PlanningCodes.END_BEFORE_START, "end", end, "end " + end + " is before start " + start));
      }
      if (id != null && !persons.containsKey(id)) {
        f.add(Finding.error(PlanningCodes.UNKNOWN_PERSON, "person", id, "person " + id + " is not in the people list"));
      }
      boolean ok = id != null && start != null && end != null && !f.hasErrors();
      if (id != null && start != null && end != null && ok) {
        double[] a = Objects.requireNonNull(available.get(id), id);
        long s = Math.max(0, ChronoUnit.DAYS.between(first, start));
        long e = Math.min(days - 1, ChronoUnit.DAYS.between(first, end));
        for (long d = s; d <= e; d++) {
          a[(int) d] = 0;
        }
      }
      outcomes.add(new RecordOutcome("time_off", n, id == null ? "" : id, ok, f.findings()));
    }

    Map<String, double[]> assigned = new LinkedHashMap<>();
    Map<String, List<List<String>>> itemsByDay = new LinkedHashMap<>();
    for (Person p : persons.values()) {
      assigned.put(p.id, new double[days]);
    }
    int weeks = (days + 6) / 7;
    for (Item it : items) {
      double[] a = Objects.requireNonNull(available.get(it.assignee), it.assignee);
      double[] as = Objects.requireNonNull(assigned.get(it.assignee), it.assignee);
      Person p = Objects.requireNonNull(persons.get(it.assignee), it.assignee);
      // count the assignee's working days over the item's whole run, inside or outside the window
      long runDays = ChronoUnit.DAYS.between(it.start, it.end) + 1;
      int workDays = 0;
      for (long d = 0; d < runDays; d++) {
        if (canWork(p, a, first, it.start.plusDays(d), days)) {
          workDays++;
        }
      }
      boolean spreadAll = workDays == 0;
      if (spreadAll) {
        it.fields.add(Finding.warning(PlanningCodes.NO_WORKING_DAYS, "start", it.start,
            it.id + " has no working day of " + it.assignee + " from " + it.start + " to " + it.end
                + "; its hours are spread over its calendar days"));
        outcomes.set(it.outcome, new RecordOutcome("work", outcomes.get(it.outcome).number(), it.id, true,
            it.fields.findings()));
      }
      double perDay = it.hours / (spreadAll ? runDays : workDays);
      List<List<String>> weekItems = itemsByDay.computeIfAbsent(it.assignee, k -> {
        List<List<String>> l = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
          l.add(new ArrayList<>());
        }
        return l;
      });
      for (long d = 0; d < runDays; d++) {
        LocalDate day = it.start.plusDays(d);
        long idx = ChronoUnit.DAYS.between(first, day);
        if (idx < 0 || idx >= days) {
          continue;
        }
        if (spreadAll || canWork(p, a, first, day, days)) {
          as[(int) idx] += perDay;
          List<String> wl = weekItems.get((int) (idx / 7));
          if (wl.isEmpty() || !wl.get(wl.size() - 1).equals(it.id)) {
            wl.add(it.id);
          }
        }
      }
    }

    List<PersonWeek> result = new ArrayList<>();
    for (Person p : persons.values()) {
      double[] a = Objects.requireNonNull(available.get(p.id), p.id);
      double[] as = Objects.requireNonNull(assigned.get(p.id), p.id);
      List<List<String>> wi = itemsByDay.get(p.id);
      for (int w = 0; w < weeks; w++) {
        double av = 0;
        double asg = 0;
        for (int d = w * 7; d < Math.min(days, w * 7 + 7); d++) {
          av += a[d];
          asg += as[d];
        }
        boolean over = asg > av * threshold + 1e-9;
        result.add(new PersonWeek(p.id, first.plusWeeks(w), av, asg, wi == null ? List.of() : wi.get(w), over));
      }
    }
    return new CapacityReport(first, days, result, outcomes, persons, available, assigned, threshold);
  }

  private boolean canWork(Person p, double[] available, LocalDate first, LocalDate day, int days) {
    long idx = ChronoUnit.DAYS.between(first, day);
    if (idx >= 0 && idx < days) {
      return available[(int) idx] > 0;
    }
    return calendar.isWorkingDay(p.region, day);
  }

  record Person(String id, double hoursPerDay, Set<String> skills, String region) {}

  private static final class Item {
    final String id;
    final String assignee;
    final double hours;
    final LocalDate start;
    final LocalDate end;
    final RecordFields fields;
    final int outcome;

    Item(String id, String assignee, double hours, LocalDate start, LocalDate end, RecordFields fields, int outcome) {
      this.id = id;
      this.assignee = assignee;
      this.hours = hours;
      this.start = start;
      this.end = end;
      this.fields = fields;
      this.outcome = outcome;
    }
  }

  /**
   * A builder of {@link CapacityPlan}s.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private WorkingCalendar calendar = WorkingCalendar.weekdays();
    private DayOfWeek weekStart = DayOfWeek.MONDAY;
    private double threshold = 1.0;
    private @Nullable LocalDate from;
    private @Nullable LocalDate to;

    private Builder() {}

    /** Sets the working calendar (default: Monday to Friday, no holidays). */
    public Builder workingCalendar(WorkingCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /** Sets the first day of a week (default Monday). */
    public Builder weekStart(DayOfWeek day) {
      this.weekStart = Objects.requireNonNull(day, "day");
      return this;
    }

    /**
     * Sets the over-allocation threshold: a week is over-allocated when its assigned hours exceed
     * its available hours times this (default 1.0).
     */
    public Builder overAllocationThreshold(double threshold) {
      if (!(threshold > 0) || threshold > 10) {
        throw new IllegalArgumentException("threshold must be in (0, 10], was " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /** Sets the window (both days inclusive); by default the work items' first and last days. */
    public Builder window(LocalDate from, LocalDate to) {
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
      }
      this.from = from;
      this.to = to;
      return this;
    }

    /** Returns the plan. */
    public CapacityPlan build() {
      return new CapacityPlan(this);
    }
  }
}
