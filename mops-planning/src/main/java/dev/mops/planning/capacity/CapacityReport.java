package dev.mops.planning.capacity;

import dev.mops.planning.RecordOutcome;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The result of a {@link CapacityPlan}: one {@link PersonWeek} per person and week of the window,
 * the outcome of every input record, and a way to ask who has room for a new item.
 *
 * <p>Thread safety: immutable after construction; safe to share.
 */
public final class CapacityReport {

  private final LocalDate first;
  private final int days;
  private final List<PersonWeek> weeks;
  private final List<RecordOutcome> outcomes;
  private final Map<String, CapacityPlan.Person> people;
  private final Map<String, double[]> available;
  private final Map<String, double[]> assigned;
  private final double threshold;

  CapacityReport(LocalDate first, int days, List<PersonWeek> weeks, List<RecordOutcome> outcomes,
      Map<String, CapacityPlan.Person> people, Map<String, double[]> available, Map<String, double[]> assigned,
      double threshold) {
    this.first = first;
    this.days = days;
    this.weeks = List.copyOf(weeks);
    this.outcomes = List.copyOf(outcomes);
    this.people = Map.copyOf(people);
    this.available = Map.copyOf(available);
    this.assigned = Map.copyOf(assigned);
    this.threshold = threshold;
  }

  /** Returns the share of available hours above which a person-week is over-allocated (1.0 = full). */
  public double overAllocationThreshold() {
    return threshold;
  }

  /** Returns the first day of the window (a week start). */
  public LocalDate windowStart() {
    return first;
  }

  /** Returns the last day of the window; the day before the start when the window is empty. */
  public LocalDate windowEnd() {
    return first.plusDays(days - 1L);
  }

  /** Returns one entry per person (in input order) and week (in order). */
  public List<PersonWeek> weeks() {
    return weeks;
  }

  /** Returns the weeks where a person is over-allocated. */
  public List<PersonWeek> overAllocated() {
    return weeks.stream().filter(PersonWeek::overAllocated).toList();
  }

  /** Returns what became of every input record: people, then work items, then time off. */
  public List<RecordOutcome> outcomes() {
    return outcomes;
  }

  /**
   * Returns the people who could take a new item of {@code hours} between {@code from} and {@code
   * to} (inclusive, clipped to the window), ordered by most free hours first; when {@code skill} is
   * not blank only people with that skill (case-insensitive). Candidates whose free hours do not
   * cover the item are included with {@code fits} false, after those who fit.
   */
  public List<Candidate> roomFor(String skill, double hours, LocalDate from, LocalDate to) {
    Objects.requireNonNull(skill, "skill");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("window ends (" + to + ") before it starts (" + from + ")");
    }
    if (!(hours >= 0)) {
      throw new IllegalArgumentException("hours must be non-negative, was " + hours);
    }
    String want = skill.trim().toLowerCase(Locale.ROOT);
    long s = Math.max(0, ChronoUnit.DAYS.between(first, from));
    long e = Math.min(days - 1L, ChronoUnit.DAYS.between(first, to));
    List<Candidate> out = new ArrayList<>();
    for (CapacityPlan.Person p : people.values()) {
      if (!want.isEmpty() && !p.skills().contains(want)) {
        continue;
      }
      double[] a = Objects.requireNonNull(available.get(p.id()), p.id());
      double[] as = Objects.requireNonNull(assigned.get(p.id()), p.id());
      double free = 0;
      double av = 0;
      double asg = 0;
      for (long d = s; d <= e; d++) {
        free += Math.max(0, a[(int) d] - as[(int) d]);
        av += a[(int) d];
        asg += as[(int) d];
      }
      out.add(new Candidate(p.id(), free, av <= 0 ? (asg > 0 ? Double.POSITIVE_INFINITY : 0) : asg / av,
          free + 1e-9 >= hours));
    }
    out.sort(Comparator.comparing((Candidate c) -> !c.fits()).thenComparing(Candidate::freeHours, Comparator.reverseOrder())
        .thenComparing(Candidate::person));
    return out;
  }
}
