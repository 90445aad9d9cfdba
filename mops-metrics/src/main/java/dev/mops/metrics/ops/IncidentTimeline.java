package dev.mops.metrics.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The outages of an automation (a critical flow, a sync, an integration) as a set of incident
 * intervals, overlapping ones merged, from which uptime, MTTR and MTBF over a period follow.
 *
 * <p>Definitions over a period {@code [from, to)}: <b>downtime</b> is the time covered by at least
 * one incident (overlaps count once); <b>uptime</b> is one minus downtime over the period;
 * <b>outages</b> are the merged incident intervals that touch the period; <b>MTTR</b> (mean time to
 * recovery) is downtime over outages; <b>MTBF</b> (mean time between failures) is operating time
 * (period minus downtime) over outages. An incident without an end is still open and lasts to the
 * end of every period asked about.
 *
 * <p>Merging: {@code a.merge(b)} holds the incidents of both; associative and commutative.
 *
 * <p>Thread safety: not thread-safe; keep one per thread or partition and merge them.
 */
public final class IncidentTimeline {

  private static final Instant OPEN = Instant.MAX;

  private final TreeMap<Instant, Instant> merged = new TreeMap<>(); // start -> end, disjoint, not touching

  /**
   * Adds an incident from {@code start} to {@code end} ({@code null} while it is open).
   *
   * @throws IllegalArgumentException when it ends before it starts
   */
  public IncidentTimeline add(Instant start, @Nullable Instant end) {
    Objects.requireNonNull(start, "start");
    Instant e = end == null ? OPEN : end;
    if (e.isBefore(start)) {
      throw new IllegalArgumentException("an incident cannot end (" + end + ") before it starts (" + start + ")");
    }
    Instant s = start;
    Map.Entry<Instant, Instant> before = merged.floorEntry(s);
    if (before != null && !before.getValue().isBefore(s)) {
      s = before.getKey();
      if (before.getValue().isAfter(e)) {
        e = before.getValue();
      }
      merged.remove(before.getKey());
    }
    for (Map.Entry<Instant, Instant> next = merged.ceilingEntry(s); next != null && !next.getKey().isAfter(e);
        next = merged.ceilingEntry(s)) {
      if (next.getValue().isAfter(e)) {
        e = next.getValue();
      }
      merged.remove(next.getKey());
    }
    merged.put(s, e);
    return this;
  }

  /** Adds every incident of {@code other}. */
  public IncidentTimeline merge(IncidentTimeline other) {
    if (other != this) {
      for (Map.Entry<Instant, Instant> e : new ArrayList<>(other.merged.entrySet())) {
        add(e.getKey(), e.getValue().equals(OPEN) ? null : e.getValue());
      }
    }
    return this;
  }

  /** Returns the merged outages as start and end pairs ({@code Instant.MAX} for an open one), in order. */
  public List<Instant[]> outages() {
    List<Instant[]> out = new ArrayList<>();
    merged.forEach((s, e) -> out.add(new Instant[] {s, e}));
    return Collections.unmodifiableList(out);
  }

  /** Returns the figures over {@code [from, to)}. */
  public Availability over(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the period must end after it starts: " + from + " to " + to);
    }
    Duration down = Duration.ZERO;
    int outages = 0;
    for (Map.Entry<Instant, Instant> e : merged.entrySet()) {
      Instant s = e.getKey().isBefore(from) ? from : e.getKey();
      Instant end = e.getValue().isAfter(to) ? to : e.getValue();
      if (end.isAfter(s)) {
        down = down.plus(Duration.between(s, end));
        outages++;
      }
    }
    return new Availability(Duration.between(from, to), down, outages);
  }

  /**
   * Uptime, MTTR and MTBF over a period.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param period the length of the period
   * @param downtime the time covered by incidents in it
   * @param outages the merged incidents that touch it
   */
  public record Availability(Duration period, Duration downtime, int outages) {

    /** Returns the share of the period without an incident, from 0 to 1. */
    public double uptime() {
      return 1.0 - (double) downtime.toMillis() / period.toMillis();
    }

    /** Returns the mean time to recovery, or {@code null} without outages. */
    public @Nullable Duration mttr() {
      return outages == 0 ? null : downtime.dividedBy(outages);
    }

    /** Returns the mean time between failures (operating time per outage), or {@code null} without outages. */
    public @Nullable Duration mtbf() {
      return outages == 0 ? null : period.minus(downtime).dividedBy(outages);
    }
  }
}
