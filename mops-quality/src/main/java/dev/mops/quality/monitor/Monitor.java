package dev.mops.quality.monitor;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.quality.contract.DataContract;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data-health monitor: which dataset, which data contract (optional), which metrics to watch and
 * the thresholds that raise alerts, read from a versioned YAML or JSON file.
 *
 * <pre>{@code
 * version: 2026.1
 * name: crm-leads-daily
 * dataset: crm_leads
 * contract: lead-contract.yaml      # relative to this file; needed for quality_score
 * zone: America/New_York            # weekdays of the seasonal baseline (default UTC)
 * metrics:
 *   - name: rows
 *     metric: row_count
 *     alert: [{min: 20}, {band: {runs: 14, k: 3}}]
 *   - name: email_completeness
 *     metric: completeness
 *     field: email
 *     alert: [{min: 0.95}, {max_drop: 5%}]
 * }</pre>
 *
 * <p>A run ({@link #newRun}) measures the metrics on the day's records; {@link MonitorHistory}
 * keeps the runs and evaluates each new one against those before it.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class Monitor {

  private final String name;
  private final String version;
  private final String contentHash;
  private final String dataset;
  private final String description;
  private final @Nullable DataContract contract;
  private final ZoneId zone;
  private final List<MonitorMetric> metrics;

  Monitor(String name, String version, String contentHash, String dataset, String description,
      @Nullable DataContract contract, ZoneId zone, List<MonitorMetric> metrics) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.dataset = dataset;
    this.description = description;
    this.contract = contract;
    this.zone = zone;
    this.metrics = List.copyOf(metrics);
  }

  /**
   * Loads a monitor file; its {@code contract} is read relative to the file's folder.
   *
   * @throws dev.mops.core.config.ConfigException naming file, line, column and path when the
   *     monitor (or its contract) is invalid
   */
  public static Monitor load(Path file) {
    Objects.requireNonNull(file, "file");
    return from(ConfigLoader.standard().load(file), file.toAbsolutePath().getParent());
  }

  /**
   * Reads a monitor from a loaded document; a {@code contract} path is resolved against {@code
   * baseDir} (the working directory when null).
   *
   * @throws dev.mops.core.config.ConfigException naming the position when the document is invalid
   */
  public static Monitor from(ConfigDocument doc, @Nullable Path baseDir) {
    return MonitorReader.read(doc, baseDir);
  }

  /** Returns the monitor's name (runs of different monitors may share one history file). */
  public String name() {
    return name;
  }

  /** Returns the version of the monitor file. */
  public String version() {
    return version;
  }

  /** Returns the content hash of the monitor file. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the name of the dataset watched. */
  public String dataset() {
    return dataset;
  }

  /** Returns the description, or {@code ""}. */
  public String description() {
    return description;
  }

  /** Returns the data contract, or {@code null} when the monitor has none. */
  public @Nullable DataContract contract() {
    return contract;
  }

  /** Returns the time zone of the seasonal baseline's weekdays. */
  public ZoneId zone() {
    return zone;
  }

  /** Returns the metrics, in file order. */
  public List<MonitorMetric> metrics() {
    return metrics;
  }

  /** Returns the fields the metrics read, without repeats, in order. */
  public List<String> fields() {
    List<String> out = new ArrayList<>();
    for (MonitorMetric m : metrics) {
      if (m.field() != null && !out.contains(m.field())) {
        out.add(m.field());
      }
    }
    return out;
  }

  /** Starts a run that measures this monitor's metrics on the records of {@code asOf}. */
  public MonitorRun newRun(Instant asOf) {
    return new MonitorRun(this, asOf);
  }

  @Override
  public String toString() {
    return "Monitor[" + name + " " + version + ", " + metrics.size() + " metrics]";
  }
}
