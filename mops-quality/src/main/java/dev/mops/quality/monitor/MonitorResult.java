package dev.mops.quality.monitor;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The outcome of one monitor run: the run's snapshot (with the metrics that alerted), the earlier
 * runs it was compared with, each check's result (the value, the range it expected, pass, alert,
 * still learning, or no value) and notes about the data or the history.
 *
 * <p>{@link #evaluate} is a pure function of the monitor, the run and the earlier runs: the same
 * history gives the same alerts.
 *
 * <p>Thread safety: an immutable value.
 */
public final class MonitorResult {

  /** What a check concluded. */
  public enum Status {
    /** The value is within what the check expects. */
    PASS,
    /** The value is outside what the check expects: an alert. */
    ALERT,
    /** Not enough earlier runs to judge yet (a band needs its {@code min_runs}, a change a last run). */
    LEARNING,
    /** The metric has no value in this run (such as the mean of a field without numbers). */
    NO_VALUE
  }

  /**
   * One check of one metric.
   *
   * @param metric the metric's name
   * @param check the check
   * @param severity the metric's severity
   * @param value the metric's value in this run ({@code NaN} when it has none)
   * @param low the lowest value the check accepted ({@code NaN} when it could not judge)
   * @param high the highest value the check accepted ({@code NaN} when it could not judge)
   * @param status what the check concluded
   * @param message a sentence for people, such as {@code email_completeness = 0.82: below 0.95 (at least 0.95)}
   */
  public record CheckResult(String metric, MonitorCheck check, Severity severity, double value, double low, double high,
      Status status, String message) {

    /** Validates the components. */
    public CheckResult {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(message, "message");
    }
  }

  private final Monitor monitor;
  private final MonitorSnapshot snapshot;
  private final List<MonitorSnapshot> past;
  private final List<CheckResult> checks;
  private final List<String> notes;

  private MonitorResult(Monitor monitor, MonitorSnapshot snapshot, List<MonitorSnapshot> past, List<CheckResult> checks,
      List<String> notes) {
    this.monitor = monitor;
    this.snapshot = snapshot;
    this.past = List.copyOf(past);
    this.checks = List.copyOf(checks);
    this.notes = List.copyOf(notes);
  }

  /**
   * Evaluates {@code run} (a snapshot of {@code monitor}) against the earlier runs in {@code
   * history}: the snapshots of the same monitor name whose as-of is before the run's (later ones
   * and other monitors' are ignored, so a backfill evaluates as it would have on the day); of
   * several snapshots with the same as-of, the last one counts.
   *
   * @param notes notes to carry into the result (from the run or from reading the history)
   */
  public static MonitorResult evaluate(Monitor monitor, MonitorSnapshot run, List<MonitorSnapshot> history,
      List<String> notes) {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(run, "run");
    TreeMap<java.time.Instant, MonitorSnapshot> byTime = new TreeMap<>();
    for (MonitorSnapshot s : history) {
      if (s.monitor().equals(monitor.name()) && s.asOf().isBefore(run.asOf())) {
        byTime.put(s.asOf(), s);
      }
    }
    List<MonitorSnapshot> past = new ArrayList<>(byTime.values());
    List<CheckResult> results = new ArrayList<>();
    List<String> alerted = new ArrayList<>();
    for (MonitorMetric m : monitor.metrics()) {
      double v = run.value(m.name());
      for (MonitorCheck c : m.checks()) {
        CheckResult r = check(monitor, m, c, v, run, past);
        results.add(r);
        if (r.status() == Status.ALERT && !alerted.contains(m.name())) {
          alerted.add(m.name());
        }
      }
    }
    return new MonitorResult(monitor, run.withAlerts(alerted), past, results, notes);
  }

  private static double[] series(List<MonitorSnapshot> past, String metric) {
    return past.stream().mapToDouble(s -> s.value(metric)).filter(Double::isFinite).toArray();
  }

  /** The band [low, high] check {@code c} expects for a run at {@code at}, from the runs before it; null while learning. */
  static double[] expected(Monitor monitor, MonitorMetric m, MonitorCheck c, MonitorSnapshot at,
      List<MonitorSnapshot> before) {
    if (c instanceof MonitorCheck.Absolute a) {
      return new double[] {a.min(), a.max()};
    }
    if (c instanceof MonitorCheck.Change ch) {
      double[] xs = series(before, m.name());
      if (xs.length == 0) {
        return new double[0];
      }
      double last = xs[xs.length - 1];
      return new double[] {last - ch.maxDrop() * Math.abs(last), last + ch.maxRise() * Math.abs(last)};
    }
    double[] xs;
    double k;
    int minRuns;
    double minWidth;
    if (c instanceof MonitorCheck.Band b) {
      double[] all = series(before, m.name());
      xs = java.util.Arrays.copyOfRange(all, Math.max(0, all.length - b.runs()), all.length);
      k = b.k();
      minRuns = b.minRuns();
      minWidth = b.minWidth();
    } else {
      MonitorCheck.Seasonal s = (MonitorCheck.Seasonal) c;
      DayOfWeek day = at.asOf().atZone(monitor.zone()).getDayOfWeek();
      java.time.Instant from = at.asOf().minus(Duration.ofDays(7L * s.weeks()));
      List<MonitorSnapshot> same = new ArrayList<>();
      for (MonitorSnapshot p : before) {
        if (p.asOf().isAfter(from) && p.asOf().atZone(monitor.zone()).getDayOfWeek() == day) {
          same.add(p);
        }
      }
      xs = series(same, m.name());
      k = s.k();
      minRuns = s.minRuns();
      minWidth = s.minWidth();
    }
    if (xs.length < minRuns) {
      return new double[0];
    }
    double mean = 0;
    for (double x : xs) {
      mean += x;
    }
    mean /= xs.length;
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (xs.length - 1));
    double half = Math.max(k * sd, minWidth);
    return new double[] {mean - half, mean + half};
  }

  private static CheckResult check(Monitor monitor, MonitorMetric m, MonitorCheck c, double v, MonitorSnapshot run,
      List<MonitorSnapshot> past) {
    String head = m.name() + " = " + number(v);
    if (!Double.isFinite(v)) {
      return new CheckResult(m.name(), c, m.severity(), v, Double.NaN, Double.NaN, Status.NO_VALUE,
          m.name() + " has no value in this run (" + m.describe() + ")");
    }
    double[] range = expected(monitor, m, c, run, past);
    if (range.length == 0) {
      String why = c instanceof MonitorCheck.Change ? "no earlier run to compare with"
          : "not enough earlier runs yet (" + c.describe() + ")";
      return new CheckResult(m.name(), c, m.severity(), v, Double.NaN, Double.NaN, Status.LEARNING, head + ": learning, " + why);
    }
    double low = range[0];
    double high = range[1];
    boolean ok = v >= low && v <= high;
    String msg;
    if (ok) {
      msg = head + ": ok (" + c.describe() + ")";
    } else if (c instanceof MonitorCheck.Absolute) {
      msg = head + ": " + (v < low ? "below " + number(low) : "above " + number(high)) + " (" + c.describe() + ")";
    } else if (c instanceof MonitorCheck.Change) {
      double[] xs = series(past, m.name());
      double last = xs[xs.length - 1];
      String change = last == 0 ? "from 0" : String.format(Locale.ROOT, "%+.1f%%", 100 * (v - last) / Math.abs(last));
      msg = head + ": " + change + " since the last run (" + number(last) + "); expected " + c.describe();
    } else {
      msg = head + ": outside " + number(low) + " .. " + number(high) + " (" + c.describe() + ")";
    }
    return new CheckResult(m.name(), c, m.severity(), v, low, high, ok ? Status.PASS : Status.ALERT, msg);
  }

  /** Returns the monitor. */
  public Monitor monitor() {
    return monitor;
  }

  /** Returns this run's snapshot, with the names of the metrics that alerted. */
  public MonitorSnapshot snapshot() {
    return snapshot;
  }

  /** Returns the earlier runs this run was compared with, oldest first. */
  public List<MonitorSnapshot> past() {
    return past;
  }

  /** Returns every check's result, in the monitor's order. */
  public List<CheckResult> checks() {
    return checks;
  }

  /** Returns the checks that alerted. */
  public List<CheckResult> alerts() {
    List<CheckResult> out = new ArrayList<>();
    for (CheckResult r : checks) {
      if (r.status() == Status.ALERT) {
        out.add(r);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns whether an alert of severity {@code ERROR} fired. */
  public boolean failed() {
    return alerts().stream().anyMatch(r -> r.severity() == Severity.ERROR);
  }

  /** Returns the notes: budgets reached, values left out, unreadable history lines. */
  public List<String> notes() {
    return notes;
  }

  /** Returns the alerts as findings (code {@code MONITOR_ALERT}, the metric as field, the value as raw value). */
  public List<Finding> findings() {
    List<Finding> out = new ArrayList<>();
    for (CheckResult r : alerts()) {
      out.add(new Finding("MONITOR_ALERT", r.metric(), number(r.value()), r.severity(), r.message()));
    }
    return out;
  }

  /**
   * Returns the JSON form: {@code monitor}, {@code monitor_version}, {@code monitor_hash}, {@code
   * dataset}, {@code as_of}, {@code rows}, {@code metrics} (name to value), {@code checks} (each
   * with {@code metric}, {@code check}, {@code severity}, {@code status}, {@code value}, {@code
   * low}, {@code high}, {@code message}), {@code alerts} (the number), {@code past_runs} and {@code
   * notes}.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(2048);
    String line = snapshot.toJsonLine();
    sb.append(line, 0, line.indexOf(",\"alerts\":[")).append(",\n \"checks\":[");
    for (int i = 0; i < checks.size(); i++) {
      CheckResult r = checks.get(i);
      sb.append(i == 0 ? "\n  " : ",\n  ").append("{\"metric\":");
      string(sb, r.metric());
      sb.append(",\"check\":");
      string(sb, r.check().describe());
      sb.append(",\"severity\":");
      string(sb, r.severity().name().toLowerCase(Locale.ROOT));
      sb.append(",\"status\":");
      string(sb, r.status().name().toLowerCase(Locale.ROOT));
      sb.append(",\"value\":").append(json(r.value())).append(",\"low\":").append(json(r.low()))
          .append(",\"high\":").append(json(r.high())).append(",\"message\":");
      string(sb, r.message());
      sb.append('}');
    }
    sb.append("],\n \"alerts\":").append(alerts().size()).append(",\"past_runs\":").append(past.size())
        .append(",\"notes\":[");
    for (int i = 0; i < notes.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, notes.get(i));
    }
    return sb.append("]}\n").toString();
  }

  /**
   * Returns a self-contained HTML page: for each metric, its history as a line with the band each
   * run was judged against shaded and the runs that alerted in red, then the table of checks.
   * Inline SVG and CSS only: no scripts, nothing fetched.
   */
  public String toHtml() {
    return MonitorHtml.render(this);
  }

  /** Returns the values per metric of the past runs then this one, oldest first (for charts). */
  Map<String, double[]> seriesWithThisRun() {
    Map<String, double[]> out = new java.util.LinkedHashMap<>();
    for (MonitorMetric m : monitor.metrics()) {
      double[] xs = new double[past.size() + 1];
      for (int i = 0; i < past.size(); i++) {
        xs[i] = past.get(i).value(m.name());
      }
      xs[past.size()] = snapshot.value(m.name());
      out.put(m.name(), xs);
    }
    return out;
  }

  /** A number for people: integers without decimals, others to six significant digits. */
  static String number(double v) {
    if (Double.isNaN(v)) {
      return "none";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
  }

  /** A number for JSON: {@code null} when not finite, integers without decimals. */
  static String json(double v) {
    if (!Double.isFinite(v)) {
      return "null";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  static void string(StringBuilder sb, String s) {
    dev.mops.core.io.JsonText.quote(sb, s);
  }
}
