package dev.mops.metrics.sla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mops.metrics.DurationDistribution;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A mergeable summary of requests and their SLAs, by request class: SLA adherence (overall and by
 * month), time-to-campaign (accepted to first live) and cycle time (created to resolved)
 * distributions, backlog aging (the share of open requests older than a threshold, 14 days by
 * default) and throughput per ISO week.
 *
 * <p>Definitions: adherence is met over met plus breached, counting a request once its latest
 * cycle is decided (stopped, or breached while running), in the UTC month it was decided. A
 * request is open when created at or before the as-of instant and not resolved by then; its age
 * is wall-clock time since creation. Throughput counts requests resolved in each ISO week (UTC).
 * TTC and cycle time are wall-clock durations; a negative one (live before accepted) is not
 * counted and should be reported by the caller as a finding.
 *
 * <p>Merging: {@code a.merge(b)} gives the summary of both inputs; it is associative and
 * commutative, so partitions can be summarized apart and combined.
 *
 * <p>Thread safety: not thread-safe; keep one per thread or partition and merge them.
 */
public final class SlaSummary {

  /** The default age from which an open request counts as aged: 14 days. */
  public static final Duration DEFAULT_AGING = Duration.ofDays(14);

  /** The key under which the figures of all classes together are kept. */
  public static final String ALL = "(all)";

  private final Instant asOf;
  private final Duration aging;
  private final Map<String, ClassState> classes = new TreeMap<>();

  /** Creates an empty summary as of {@code asOf} with the default aging threshold. */
  public SlaSummary(Instant asOf) {
    this(asOf, DEFAULT_AGING);
  }

  /** Creates an empty summary as of {@code asOf}, counting open requests older than {@code aging}. */
  public SlaSummary(Instant asOf, Duration aging) {
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.aging = Objects.requireNonNull(aging, "aging");
    if (aging.isNegative()) {
      throw new IllegalArgumentException("aging threshold must not be negative, found " + aging);
    }
  }

  /** The figures of one class. */
  private static final class ClassState {
    long requests;
    final EnumMap<SlaState, Long> states = new EnumMap<>(SlaState.class);
    final TreeMap<String, long[]> adherenceByMonth = new TreeMap<>(); // month -> {met, breached}
    final DurationDistribution ttc = new DurationDistribution();
    final DurationDistribution cycleTime = new DurationDistribution();
    long open;
    long aged;
    final TreeMap<String, Long> throughput = new TreeMap<>();

    void merge(ClassState o) {
      requests += o.requests;
      o.states.forEach((k, v) -> states.merge(k, v, Long::sum));
      o.adherenceByMonth.forEach((k, v) -> {
        long[] m = adherenceByMonth.computeIfAbsent(k, x -> new long[2]);
        m[0] += v[0];
        m[1] += v[1];
      });
      ttc.merge(o.ttc);
      cycleTime.merge(o.cycleTime);
      open += o.open;
      aged += o.aged;
      o.throughput.forEach((k, v) -> throughput.merge(k, v, Long::sum));
    }
  }

  /**
   * Adds one request.
   *
   * @param requestClass the request's class ({@code simple}, {@code standard}, {@code complex}, ...)
   * @param result its SLA result, or {@code null} when it could not be evaluated
   * @param createdAt when it was created, or {@code null} when unknown
   * @param acceptedAt when the brief was accepted, or {@code null}
   * @param liveAt when it first went live, or {@code null}
   * @param resolvedAt when it was resolved, or {@code null}
   */
  public void add(String requestClass, @Nullable SlaResult result, @Nullable Instant createdAt,
      @Nullable Instant acceptedAt, @Nullable Instant liveAt, @Nullable Instant resolvedAt) {
    Objects.requireNonNull(requestClass, "requestClass");
    for (String key : requestClass.equals(ALL) ? Set.of(ALL) : Set.of(requestClass, ALL)) {
      ClassState s = classes.computeIfAbsent(key, k -> new ClassState());
      s.requests++;
      SlaState state = result == null ? SlaState.INVALID : result.state();
      s.states.merge(state, 1L, Long::sum);
      if (result != null && state.isFinal()) {
        Instant decided = state == SlaState.MET ? result.stoppedAt()
            : result.stoppedAt() != null ? result.stoppedAt() : result.breachedAt();
        if (decided != null) {
          long[] m = s.adherenceByMonth.computeIfAbsent(month(decided), x -> new long[2]);
          m[state == SlaState.MET ? 0 : 1]++;
        }
      }
      if (acceptedAt != null && liveAt != null && !liveAt.isAfter(asOf) && !liveAt.isBefore(acceptedAt)) {
        s.ttc.add(Duration.between(acceptedAt, liveAt));
      }
      Instant resolved = resolvedAt != null && !resolvedAt.isAfter(asOf) ? resolvedAt : null;
      if (createdAt != null && resolved != null && !resolved.isBefore(createdAt)) {
        s.cycleTime.add(Duration.between(createdAt, resolved));
      }
      if (resolved != null) {
        s.throughput.merge(week(resolved), 1L, Long::sum);
      } else if (createdAt != null && !createdAt.isAfter(asOf)) {
        s.open++;
        if (Duration.between(createdAt, asOf).compareTo(aging) > 0) {
          s.aged++;
        }
      }
    }
  }

  /** Adds everything {@code other} holds; both must have the same as-of instant and aging threshold. */
  public SlaSummary merge(SlaSummary other) {
    if (other == this) {
      throw new IllegalArgumentException("cannot merge a summary with itself");
    }
    if (!asOf.equals(other.asOf) || !aging.equals(other.aging)) {
      throw new IllegalArgumentException("cannot merge summaries as of " + asOf + " (aging " + aging + ") and "
          + other.asOf + " (aging " + other.aging + ")");
    }
    other.classes.forEach((k, v) -> classes.computeIfAbsent(k, x -> new ClassState()).merge(v));
    return this;
  }

  /** Returns the as-of instant. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns the classes seen, and {@link #ALL}, in order. */
  public Set<String> classes() {
    return Collections.unmodifiableSet(classes.keySet());
  }

  /** Returns the number of requests of {@code cls} ({@link #ALL} for every class). */
  public long requests(String cls) {
    ClassState s = classes.get(cls);
    return s == null ? 0 : s.requests;
  }

  /** Returns how many requests of {@code cls} are in {@code state}. */
  public long count(String cls, SlaState state) {
    ClassState s = classes.get(cls);
    return s == null ? 0 : s.states.getOrDefault(state, 0L);
  }

  /** Returns the share of decided requests of {@code cls} that met their SLA, {@code NaN} if none. */
  public double adherence(String cls) {
    ClassState s = classes.get(cls);
    if (s == null) {
      return Double.NaN;
    }
    long met = 0;
    long breached = 0;
    for (long[] m : s.adherenceByMonth.values()) {
      met += m[0];
      breached += m[1];
    }
    return met + breached == 0 ? Double.NaN : (double) met / (met + breached);
  }

  /** Returns adherence of {@code cls} by UTC month ({@code 2026-06}), months without decisions left out. */
  public Map<String, Double> adherenceByMonth(String cls) {
    Map<String, Double> out = new TreeMap<>();
    ClassState s = classes.get(cls);
    if (s != null) {
      s.adherenceByMonth.forEach((k, v) -> out.put(k, (double) v[0] / (v[0] + v[1])));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns a copy of the time-to-campaign distribution of {@code cls}. */
  public DurationDistribution timeToCampaign(String cls) {
    ClassState s = classes.get(cls);
    return s == null ? new DurationDistribution() : s.ttc.copy();
  }

  /** Returns a copy of the cycle-time distribution of {@code cls}. */
  public DurationDistribution cycleTime(String cls) {
    ClassState s = classes.get(cls);
    return s == null ? new DurationDistribution() : s.cycleTime.copy();
  }

  /** Returns the number of open requests of {@code cls} at the as-of instant. */
  public long open(String cls) {
    ClassState s = classes.get(cls);
    return s == null ? 0 : s.open;
  }

  /** Returns the share of open requests of {@code cls} older than the aging threshold, {@code NaN} if none are open. */
  public double backlogAging(String cls) {
    ClassState s = classes.get(cls);
    return s == null || s.open == 0 ? Double.NaN : (double) s.aged / s.open;
  }

  /** Returns requests of {@code cls} resolved per ISO week ({@code 2026-W24}). */
  public Map<String, Long> throughput(String cls) {
    ClassState s = classes.get(cls);
    return s == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(s.throughput));
  }

  /** Returns the summary as plain maps, lists and numbers, in a stable order. */
  public Map<String, Object> toMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("as_of", asOf.toString());
    out.put("aging_threshold_days", aging.toSeconds() / 86_400.0);
    Map<String, Object> by = new LinkedHashMap<>();
    for (String cls : classes.keySet()) {
      ClassState s = classes.get(cls);
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("requests", s.requests);
      Map<String, Long> states = new LinkedHashMap<>();
      for (SlaState st : SlaState.values()) {
        states.put(st.label(), s.states.getOrDefault(st, 0L));
      }
      c.put("states", states);
      Map<String, Object> adherence = new LinkedHashMap<>();
      long met = 0;
      long breached = 0;
      Map<String, Object> months = new LinkedHashMap<>();
      for (Map.Entry<String, long[]> e : s.adherenceByMonth.entrySet()) {
        met += e.getValue()[0];
        breached += e.getValue()[1];
        Map<String, Object> month = new LinkedHashMap<>();
        month.put("met", e.getValue()[0]);
        month.put("breached", e.getValue()[1]);
        month.put("rate", round((double) e.getValue()[0] / (e.getValue()[0] + e.getValue()[1])));
        months.put(e.getKey(), month);
      }
      adherence.put("met", met);
      adherence.put("breached", breached);
      adherence.put("rate", met + breached == 0 ? null : round((double) met / (met + breached)));
      adherence.put("by_month", months);
      c.put("adherence", adherence);
      c.put("ttc_hours", distribution(s.ttc));
      c.put("cycle_time_hours", distribution(s.cycleTime));
      Map<String, Object> backlog = new LinkedHashMap<>();
      backlog.put("open", s.open);
      backlog.put("aged", s.aged);
      backlog.put("aged_share", s.open == 0 ? null : round((double) s.aged / s.open));
      c.put("backlog", backlog);
      c.put("throughput_by_week", new LinkedHashMap<>(s.throughput));
      by.put(cls, c);
    }
    out.put("by_class", by);
    return out;
  }

  /** Returns the summary as indented JSON (the {@link #toMap} form). */
  public String toJson() {
    return toJson(Map.of());
  }

  /**
   * Returns the summary as indented JSON, after the entries of {@code header} (such as the policy's
   * name, version and hash); values are maps, lists, strings, numbers, booleans or null.
   */
  public String toJson(Map<String, ?> header) {
    Map<String, Object> all = new LinkedHashMap<>(header);
    all.putAll(toMap());
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the SLA summary as JSON", e);
    }
  }

  private static Map<String, Object> distribution(DurationDistribution d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", d.count());
    m.put("exact", d.isExact());
    if (d.count() > 0) {
      m.put("p50", hours(d.quantileSeconds(0.5)));
      m.put("p75", hours(d.quantileSeconds(0.75)));
      m.put("p90", hours(d.quantileSeconds(0.9)));
      m.put("p95", hours(d.quantileSeconds(0.95)));
      m.put("mean", hours(d.meanSeconds()));
      m.put("max", hours(d.maxSeconds()));
    }
    return m;
  }

  private static double hours(double seconds) {
    return Math.round(seconds / 3600.0 * 100.0) / 100.0;
  }

  private static double round(double share) {
    return Math.round(share * 10_000.0) / 10_000.0;
  }

  static String month(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d-%02d", z.getYear(), z.getMonthValue());
  }

  static String week(Instant t) {
    ZonedDateTime z = t.atZone(ZoneOffset.UTC);
    return String.format(Locale.ROOT, "%04d-W%02d", z.get(IsoFields.WEEK_BASED_YEAR), z.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }
}
