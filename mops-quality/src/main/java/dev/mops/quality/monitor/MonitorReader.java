package dev.mops.quality.monitor;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reader of monitor files: checks the document and builds a {@link Monitor}, failing with
 * file, line, column and path on the first problem.
 *
 * <p>Thread safety: stateless.
 */
final class MonitorReader {

  private static final List<String> KEYS = List.of("version", "name", "dataset", "description", "contract", "zone",
      "metrics");
  private static final List<String> METRIC_KEYS = List.of("name", "metric", "field", "value", "values", "percentile",
      "severity", "alert", "description");
  private static final List<String> ALERT_KEYS = List.of("min", "max", "max_change", "max_drop", "max_rise", "band",
      "seasonal");

  private MonitorReader() {}

  static Monitor read(ConfigDocument doc, @Nullable Path baseDir) {
    MapNode root = doc.root().checkKeys(KEYS);
    String name = root.string("name");
    String dataset = root.string("dataset", name);
    DataContract contract = null;
    ConfigNode cn = root.get("contract");
    if (cn != null) {
      String path = cn.asText("a contract file path");
      Path p = baseDir == null ? Path.of(path) : baseDir.resolve(path);
      if (!p.toFile().isFile()) {
        throw cn.error("contract file not found: " + p);
      }
      contract = DataContracts.load(p);
    }
    ZoneId zone = ZoneOffset.UTC;
    ConfigNode zn = root.get("zone");
    if (zn != null) {
      try {
        zone = ZoneId.of(zn.asText("a time zone id"));
      } catch (DateTimeException e) {
        throw zn.error("unknown time zone '" + zn.asText("a time zone id") + "', expected an id such as UTC or Europe/Paris");
      }
    }
    List<MonitorMetric> metrics = new ArrayList<>();
    Set<String> names = new HashSet<>();
    ConfigNode.ListNode list = root.require("metrics", "a list of metrics").asList("metrics");
    if (list.size() == 0) {
      throw list.error("expected at least one metric");
    }
    for (ConfigNode item : list.items()) {
      MapNode m = item.asMap("a metric {name, metric, field, alert}").checkKeys(METRIC_KEYS);
      String metricName = m.string("name");
      if (metricName.isBlank() || !names.add(metricName)) {
        throw m.require("name", "").error(metricName.isBlank() ? "metric name must not be blank"
            : "duplicate metric name '" + metricName + "'");
      }
      ConfigNode kn = m.require("metric", "a metric kind");
      String kindText = kn.asText("a metric kind");
      MonitorMetric.Kind kind = null;
      for (MonitorMetric.Kind k : MonitorMetric.Kind.values()) {
        if (k.label().equals(kindText.strip().toLowerCase(Locale.ROOT))) {
          kind = k;
        }
      }
      if (kind == null) {
        List<String> labels = new ArrayList<>();
        for (MonitorMetric.Kind k : MonitorMetric.Kind.values()) {
          labels.add(k.label());
        }
        throw kn.error("unknown metric '" + kindText + "', expected one of " + labels);
      }
      if (kind == MonitorMetric.Kind.QUALITY_SCORE && contract == null) {
        throw kn.error("quality_score needs the monitor's 'contract'");
      }
      String field = m.optionalString("field");
      boolean needsField = kind != MonitorMetric.Kind.ROW_COUNT && kind != MonitorMetric.Kind.QUALITY_SCORE;
      if (needsField && (field == null || field.isBlank())) {
        throw m.error(kind.label() + " needs a 'field'");
      }
      if (!needsField && field != null) {
        throw m.require("field", "").error(kind.label() + " takes no field");
      }
      if (field != null && contract != null && contract.field(field) == null) {
        throw m.require("field", "").error("field '" + field + "' is not in contract '" + contract.name() + "'");
      }
      List<String> values = new ArrayList<>();
      if (kind == MonitorMetric.Kind.SHARE) {
        ConfigNode vn = m.get("values");
        ConfigNode one = m.get("value");
        if (vn != null) {
          values.addAll(vn.asList("values").strings());
        } else if (one != null) {
          values.add(one.asText("a value"));
        }
        if (values.isEmpty()) {
          throw m.error("share needs 'value' or 'values'");
        }
      } else if (m.has("value") || m.has("values")) {
        throw m.require(m.has("value") ? "value" : "values", "").error("only share takes values");
      }
      double percentile = Double.NaN;
      if (kind == MonitorMetric.Kind.PERCENTILE) {
        percentile = m.number("percentile");
        if (!(percentile >= 0 && percentile <= 100)) {
          throw m.require("percentile", "").error("expected a percentile between 0 and 100, found " + percentile);
        }
      } else if (m.has("percentile")) {
        throw m.require("percentile", "").error("only percentile takes 'percentile'");
      }
      Severity severity = Severity.ERROR;
      ConfigNode sn = m.get("severity");
      if (sn != null) {
        String s = sn.asText("error or warning").strip().toLowerCase(Locale.ROOT);
        if (s.equals("warning")) {
          severity = Severity.WARNING;
        } else if (!s.equals("error")) {
          throw sn.error("expected error or warning, found '" + s + "'");
        }
      }
      List<MonitorCheck> checks = new ArrayList<>();
      ConfigNode an = m.get("alert");
      if (an != null) {
        for (ConfigNode c : an.asList("alert thresholds").items()) {
          checks.add(check(c.asMap("a threshold such as {min: 0.95} or {band: {runs: 14, k: 3}}")));
        }
      }
      try {
        metrics.add(new MonitorMetric(metricName, kind, field, values, percentile, checks, severity));
      } catch (IllegalArgumentException e) {
        throw m.error(e.getMessage());
      }
    }
    return new Monitor(name, doc.version(), doc.contentHash(), dataset, root.string("description", ""), contract, zone,
        metrics);
  }

  private static MonitorCheck check(MapNode c) {
    c.checkKeys(ALERT_KEYS);
    if (c.keys().isEmpty()) {
      throw c.error("expected a threshold: one of " + ALERT_KEYS);
    }
    try {
      if (c.has("band") || c.has("seasonal")) {
        if (c.keys().size() != 1) {
          throw c.error("a band or seasonal threshold stands alone in its list item");
        }
        boolean band = c.has("band");
        MapNode b = c.map(band ? "band" : "seasonal").checkKeys(List.of(band ? "runs" : "weeks", "k", "min_runs",
            "min_width"));
        int n = (int) b.integer(band ? "runs" : "weeks", band ? 14 : 4);
        double k = b.number("k", 3);
        int minRuns = (int) b.integer("min_runs", Math.min(n, band ? 5 : 3));
        double minWidth = b.number("min_width", 0);
        return band ? new MonitorCheck.Band(n, k, minRuns, minWidth) : new MonitorCheck.Seasonal(n, k, minRuns, minWidth);
      }
      if (c.has("min") || c.has("max")) {
        for (String k : c.keys()) {
          if (!k.equals("min") && !k.equals("max")) {
            throw c.require(k, "").error("'" + k + "' goes in a list item of its own, not beside min/max");
          }
        }
        return new MonitorCheck.Absolute(c.number("min", Double.NEGATIVE_INFINITY), c.number("max", Double.POSITIVE_INFINITY));
      }
      if (c.has("max_change")) {
        if (c.keys().size() != 1) {
          throw c.error("max_change stands alone; use max_drop and max_rise for different limits");
        }
        double f = fraction(c.require("max_change", ""));
        return new MonitorCheck.Change(f, f);
      }
      double drop = c.has("max_drop") ? fraction(c.require("max_drop", "")) : Double.POSITIVE_INFINITY;
      double rise = c.has("max_rise") ? fraction(c.require("max_rise", "")) : Double.POSITIVE_INFINITY;
      return new MonitorCheck.Change(drop, rise);
    } catch (IllegalArgumentException e) {
      throw c.error(e.getMessage());
    }
  }

  /** Reads {@code 20%} or {@code 0.2} as 0.2. */
  private static double fraction(ConfigNode n) {
    String t = n.asText("a fraction such as 0.2 or 20%").strip();
    try {
      double v = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).strip()) / 100 : Double.parseDouble(t);
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw n.error("expected a non-negative fraction such as 0.2 or 20%, found '" + t + "'");
      }
      return v;
    } catch (NumberFormatException e) {
      throw n.error("expected a fraction such as 0.2 or 20%, found '" + t + "'");
    }
  }
}
