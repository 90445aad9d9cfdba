package dev.mops.quality.monitor;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One run of a monitor as the history keeps it: when (the as-of instant, not the wall clock),
 * which monitor version, how many rows, each metric's value ({@code NaN} when it could not be
 * measured, such as the mean of a field without numbers) and which metrics alerted.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param monitor the monitor's name
 * @param monitorVersion the monitor file's version
 * @param monitorHash the monitor file's content hash
 * @param dataset the dataset's name
 * @param asOf the instant the data is of
 * @param rows the rows measured
 * @param values each metric's value by metric name, in the monitor's order
 * @param alerts the names of the metrics that alerted in this run
 */
public record MonitorSnapshot(String monitor, String monitorVersion, String monitorHash, String dataset, Instant asOf,
    long rows, Map<String, Double> values, List<String> alerts) {

  /** Copies the collections. */
  public MonitorSnapshot {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(monitorVersion, "monitorVersion");
    Objects.requireNonNull(monitorHash, "monitorHash");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(asOf, "asOf");
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    alerts = List.copyOf(alerts);
  }

  /** Returns the value of {@code metric}, or {@code NaN} when this run did not measure it. */
  public double value(String metric) {
    Double v = values.get(metric);
    return v == null ? Double.NaN : v;
  }

  /** Returns this snapshot with {@code alerts}. */
  public MonitorSnapshot withAlerts(List<String> newAlerts) {
    return new MonitorSnapshot(monitor, monitorVersion, monitorHash, dataset, asOf, rows, values, newAlerts);
  }

  /**
   * Returns the one-line JSON form the history file holds: {@code {"monitor":..., "monitor_version":
   * ..., "monitor_hash":..., "dataset":..., "as_of":..., "rows":..., "metrics":{name: value or
   * null}, "alerts":[...]}}. No line breaks, whatever the names hold.
   */
  public String toJsonLine() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"monitor\":");
    MonitorResult.string(sb, monitor);
    sb.append(",\"monitor_version\":");
    MonitorResult.string(sb, monitorVersion);
    sb.append(",\"monitor_hash\":");
    MonitorResult.string(sb, monitorHash);
    sb.append(",\"dataset\":");
    MonitorResult.string(sb, dataset);
    sb.append(",\"as_of\":");
    MonitorResult.string(sb, asOf.toString());
    sb.append(",\"rows\":").append(rows).append(",\"metrics\":{");
    boolean first = true;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      MonitorResult.string(sb, e.getKey());
      sb.append(':').append(MonitorResult.json(e.getValue()));
    }
    sb.append("},\"alerts\":[");
    for (int i = 0; i < alerts.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      MonitorResult.string(sb, alerts.get(i));
    }
    return sb.append("]}").toString();
  }
}
