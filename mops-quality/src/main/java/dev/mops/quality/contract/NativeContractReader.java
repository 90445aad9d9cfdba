package dev.mops.quality.contract;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.mops.core.Severity;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.config.ConfigNode.ScalarNode;
import dev.mops.core.record.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the concise native contract YAML (see {@code docs/quality.md}). Unknown keys are errors,
 * with the position and the nearest known key.
 *
 * <p>Thread safety: not thread-safe; one instance per document.
 */
final class NativeContractReader {

  static final List<String> TOP_KEYS = List.of(
      "contract", "version", "description", "owner", "weights", "defaults", "fields", "unique", "rules", "freshness", "row_count");
  static final List<String> FIELD_KEYS = List.of(
      "type", "required", "unique", "allowed", "allowed_file", "ignore_case", "pattern", "min_length", "max_length",
      "length", "min", "max", "exclusive_min", "exclusive_max", "range", "format", "timezone", "description",
      "severity", "max_failures");
  static final List<String> OPTION_KEYS = List.of("value", "values", "file", "ignore_case", "min", "max", "exclusive_min",
      "exclusive_max", "severity", "max_failures", "dimension", "description");
  static final List<String> RULE_KEYS = List.of("name", "description", "when", "then", "compare", "severity", "max_failures", "dimension");

  /** The most allowed values a field may list, inline or from a file. */
  static final int MAX_ALLOWED_VALUES = 100_000;

  private final ConfigDocument doc;
  private final @Nullable Path baseDir;
  private final ContractAssembly a = new ContractAssembly();
  private Severity defaultSeverity = Severity.ERROR;
  private Threshold defaultThreshold = Threshold.NO_FAILURES;

  NativeContractReader(ConfigDocument doc, @Nullable Path baseDir) {
    this.doc = doc;
    this.baseDir = baseDir;
  }

  DataContract read() {
    MapNode root = doc.root().checkKeys(TOP_KEYS);
    a.source = doc.source();
    a.contentHash = doc.contentHash();
    a.version = doc.version();
    a.format = DataContract.Format.NATIVE;
    a.name = root.string("contract");
    if (root.has("defaults")) {
      MapNode d = root.map("defaults").checkKeys(List.of("severity", "max_failures"));
      defaultSeverity = severity(d, defaultSeverity);
      defaultThreshold = maxFailures(d, defaultThreshold);
    }
    if (root.has("weights")) {
      MapNode w = root.map("weights");
      for (Map.Entry<String, ConfigNode> e : w.entries().entrySet()) {
        QualityDimension dim = dimension(e.getValue(), e.getKey());
        double v = e.getValue().asScalar("a weight").number();
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw e.getValue().error("expected a weight >= 0, found " + e.getValue().describe());
        }
        a.weights.put(dim, v);
      }
    }
    MapNode fields = root.map("fields");
    if (fields.entries().isEmpty()) {
      throw fields.error("a contract needs at least one field");
    }
    for (Map.Entry<String, ConfigNode> e : fields.entries().entrySet()) {
      readField(e.getKey(), e.getValue());
    }
    if (root.has("unique")) {
      ListNode list = root.list("unique");
      for (ConfigNode item : list.items()) {
        readUnique(item);
      }
    }
    Schema schema = a.schema();
    if (root.has("rules")) {
      for (ConfigNode item : root.list("rules").items()) {
        readRule(item.asMap("a rule"), schema);
      }
    }
    if (root.has("freshness")) {
      for (ConfigNode item : root.list("freshness").items()) {
        readFreshness(item.asMap("a freshness objective"));
      }
    }
    if (root.has("row_count")) {
      MapNode rc = root.map("row_count").checkKeys(List.of("min", "max", "severity", "dimension"));
      Threshold t;
      if (rc.has("min") && rc.has("max")) {
        t = new Threshold(Threshold.Comparison.BETWEEN, rc.integer("min"), rc.integer("max"), Threshold.Unit.ROWS);
      } else if (rc.has("min")) {
        t = Threshold.of(Threshold.Comparison.GE, (double) rc.integer("min"), Threshold.Unit.ROWS);
      } else if (rc.has("max")) {
        t = Threshold.of(Threshold.Comparison.LE, (double) rc.integer("max"), Threshold.Unit.ROWS);
      } else {
        throw rc.error("row_count needs min, max or both");
      }
      a.datasetRules.add(a.rule("row_count", RuleKind.ROW_COUNT, List.of(), optionalDimension(rc), severity(rc, defaultSeverity), t,
          "row count " + t.describe(), "", rc));
    }
    return a.build();
  }

  private void readField(String name, ConfigNode node) {
    MapNode f;
    if (node instanceof ScalarNode) {
      f = new MapNode(node.location(), Map.of("type", node), Map.of());
    } else {
      f = node.asMap("a field (a map of type, required, pattern, ...)").checkKeys(FIELD_KEYS);
    }
    Severity fieldSeverity = severity(f, defaultSeverity);
    Threshold fieldThreshold = maxFailures(f, defaultThreshold);
    ConfigNode typeNode = f.get("type");
    LogicalType type = LogicalType.STRING;
    if (typeNode != null) {
      try {
        type = LogicalType.parse(typeNode.asText("a type"));
      } catch (IllegalArgumentException e) {
        throw typeNode.error(e.getMessage());
      }
    }
    String format = f.optionalString("format");
    ZoneId zone = ZoneOffset.UTC;
    if (f.has("timezone")) {
      try {
        zone = ZoneId.of(f.string("timezone"));
      } catch (DateTimeException e) {
        throw f.require("timezone", "a zone").error("expected a time zone such as UTC or Europe/Paris, found " + f.require("timezone", "").describe());
      }
    }
    if (format != null && !(type == LogicalType.DATE || type == LogicalType.TIMESTAMP || type == LogicalType.TIME)) {
      throw f.require("format", "").error("format applies to date, timestamp and time fields, not " + type.label());
    }
    boolean required = false;
    ConfigNode req = f.get("required");
    Opts reqOpts = null;
    if (req != null) {
      reqOpts = opts(req, fieldSeverity, fieldThreshold);
      required = reqOpts.flag(true);
    }
    FieldSpec spec;
    try {
      spec = new FieldSpec(name, type, required, format, zone, f.string("description", ""));
    } catch (IllegalArgumentException e) {
      throw (f.has("format") ? f.require("format", "") : f).error("bad format pattern: " + e.getMessage());
    }
    FieldCheck c = a.addField(spec, node);
    List<String> one = List.of(name);
    if (req != null && reqOpts != null && required) {
      c.required = a.rule(name + ".required", RuleKind.REQUIRED, one, reqOpts.dimension, reqOpts.severity, reqOpts.threshold,
          "a value", "", req);
    }
    if (type != LogicalType.STRING && type != LogicalType.ARRAY && type != LogicalType.OBJECT) {
      Opts o = typeNode == null ? new Opts(fieldSeverity, fieldThreshold, null, null) : opts(typeNode, fieldSeverity, fieldThreshold);
      boolean fmt = format != null;
      c.type = a.rule(name + (fmt ? ".format" : ".type"), fmt ? RuleKind.FORMAT : RuleKind.TYPE, one, o.dimension, o.severity,
          o.threshold, fmt ? "a " + type.label() + " in format " + format : article(type), "", typeNode == null ? f : typeNode);
    }
    if (f.has("allowed") || f.has("allowed_file")) {
      ConfigNode an = f.has("allowed") ? f.require("allowed", "") : f.require("allowed_file", "");
      Opts o = opts(an, fieldSeverity, fieldThreshold);
      boolean ignoreCase = f.bool("ignore_case", false);
      List<String> values = new ArrayList<>();
      if (f.has("allowed_file")) {
        values.addAll(readValuesFile(f.require("allowed_file", ""), f.string("allowed_file")));
      }
      if (f.has("allowed")) {
        ConfigNode v = an;
        if (an instanceof MapNode m) {
          
          ignoreCase = m.bool("ignore_case", ignoreCase);
          if (m.has("file")) {
            values.addAll(readValuesFile(m.require("file", ""), m.string("file")));
          }
          v = m.get("values");
        }
        if (v != null) {
          values.addAll(v.asList("a list of allowed values").strings());
        }
      }
      if (values.isEmpty()) {
        throw an.error("expected at least one allowed value");
      }
      if (values.size() > MAX_ALLOWED_VALUES) {
        throw an.error("at most " + MAX_ALLOWED_VALUES + " allowed values, found " + values.size());
      }
      Set<String> set = new HashSet<>();
      for (String s : values) {
        set.add(ignoreCase ? s.toLowerCase(Locale.ROOT) : s);
      }
      c.allowedValues = Set.copyOf(set);
      c.allowedAsWritten = List.copyOf(new java.util.LinkedHashSet<>(values));
      c.allowedIgnoreCase = ignoreCase;
      c.allowed = a.rule(name + ".allowed", RuleKind.ALLOWED_VALUES, one, o.dimension, o.severity, o.threshold,
          "one of " + preview(values) + (ignoreCase ? " (ignoring case)" : ""), "", an);
    } else if (f.has("ignore_case")) {
      throw f.require("ignore_case", "").error("ignore_case applies to allowed values; this field has none");
    }
    if (f.has("pattern")) {
      ConfigNode pn = f.require("pattern", "");
      Opts o = opts(pn, fieldSeverity, fieldThreshold);
      c.regex = regex(pn, o.value(pn, "a regular expression"));
      c.pattern = a.rule(name + ".pattern", RuleKind.PATTERN, one, o.dimension, o.severity, o.threshold,
          "matching " + c.regex.pattern(), "", pn);
    }
    readLength(f, c, fieldSeverity, fieldThreshold);
    readRange(f, c, spec, fieldSeverity, fieldThreshold);
    if (f.has("unique")) {
      ConfigNode un = f.require("unique", "");
      Opts o = opts(un, fieldSeverity, fieldThreshold);
      if (o.flag(true)) {
        a.datasetRules.add(a.rule(name + ".unique", RuleKind.UNIQUE, one, o.dimension, o.severity, o.threshold,
            "no two records with the same " + name, "", un));
      }
    }
  }

  private void readLength(MapNode f, FieldCheck c, Severity sev, Threshold thr) {
    ConfigNode at = f.has("length") ? f.require("length", "") : f.has("min_length") ? f.require("min_length", "") : f.get("max_length");
    if (at == null) {
      return;
    }
    Opts o = f.has("length") ? opts(at, sev, thr) : new Opts(sev, thr, null, null);
    long min = f.integer("min_length", 0);
    long max = f.integer("max_length", Integer.MAX_VALUE);
    if (f.has("length")) {
      MapNode m = at.asMap("a length (min, max)");
      min = m.integer("min", min);
      max = m.integer("max", max);
    }
    if (min < 0 || max < min || max > Integer.MAX_VALUE) {
      throw at.error("expected 0 <= min length <= max length, found " + min + ".." + max);
    }
    if (!c.spec.type().isText()) {
      throw at.error("length applies to text fields (string, email, phone, country, url, domain), not " + c.spec.type().label());
    }
    c.minLength = (int) min;
    c.maxLength = (int) max;
    String exp = max == Integer.MAX_VALUE ? "at least " + min : min == 0 ? "at most " + max : min + " to " + max;
    c.length = a.rule(c.spec.name() + ".length", RuleKind.LENGTH, List.of(c.spec.name()), o.dimension, o.severity, o.threshold, exp, "", at);
  }

  private void readRange(MapNode f, FieldCheck c, FieldSpec spec, Severity sev, Threshold thr) {
    ConfigNode minNode = f.get("min");
    ConfigNode maxNode = f.get("max");
    boolean exMin = f.bool("exclusive_min", false);
    boolean exMax = f.bool("exclusive_max", false);
    Opts o = new Opts(sev, thr, null, null);
    ConfigNode at = minNode != null ? minNode : maxNode;
    if (f.has("range")) {
      ConfigNode rn = f.require("range", "");
      MapNode m = rn.asMap("a range (min, max, exclusive_min, exclusive_max)");
      o = opts(rn, sev, thr);
      minNode = m.get("min") != null ? m.get("min") : minNode;
      maxNode = m.get("max") != null ? m.get("max") : maxNode;
      exMin = m.bool("exclusive_min", exMin);
      exMax = m.bool("exclusive_max", exMax);
      at = rn;
    }
    if (at == null) {
      if (f.has("exclusive_min") || f.has("exclusive_max")) {
        throw f.error("exclusive_min/exclusive_max need min/max");
      }
      return;
    }
    setRange(c, spec, minNode, maxNode, exMin, exMax, o.dimension, o.severity, o.threshold, at, a);
  }

  static void setRange(FieldCheck c, FieldSpec spec, @Nullable ConfigNode minNode, @Nullable ConfigNode maxNode, boolean exMin,
      boolean exMax, @Nullable QualityDimension dim, Severity sev, Threshold thr, ConfigNode at, ContractAssembly a) {
    if (!spec.type().isOrdered()) {
      throw at.error("min/max apply to integer, number, date, timestamp and time fields, not " + spec.type().label());
    }
    if (minNode != null) {
      c.min = bound(spec, minNode);
    }
    if (maxNode != null) {
      c.max = bound(spec, maxNode);
    }
    if (c.min > c.max) {
      throw at.error("the range is empty: min is above max");
    }
    c.minExclusive = exMin;
    c.maxExclusive = exMax;
    String exp = (minNode == null ? "" : (exMin ? "> " : ">= ") + minNode.asScalar("").text())
        + (minNode != null && maxNode != null ? " and " : "")
        + (maxNode == null ? "" : (exMax ? "< " : "<= ") + maxNode.asScalar("").text());
    c.range = a.rule(spec.name() + ".range", RuleKind.RANGE, List.of(spec.name()), dim, sev, thr, exp, "", at);
  }

  static double bound(FieldSpec spec, ConfigNode node) {
    ScalarNode s = node.asScalar("a " + spec.type().label() + " bound");
    Object v = s.value();
    double d = v instanceof Number number && (spec.type() == LogicalType.INTEGER || spec.type() == LogicalType.NUMBER)
        ? number.doubleValue() : spec.measure(s.text());
    if (Double.isNaN(d) && spec.type() == LogicalType.TIMESTAMP) {
      d = FieldSpec.of("bound", LogicalType.TIMESTAMP, false).measure(s.text());
    }
    if (Double.isNaN(d) && spec.type() == LogicalType.INTEGER) {
      d = FieldSpec.of("bound", LogicalType.NUMBER, false).measure(s.text());
    }
    if (Double.isNaN(d)) {
      throw node.error("expected a " + spec.type().label() + " bound, found " + node.describe());
    }
    return d;
  }

  private void readUnique(ConfigNode item) {
    List<String> keyFields;
    Opts o = new Opts(defaultSeverity, defaultThreshold, null, null);
    String name = null;
    ConfigNode fieldsNode = item;
    if (item instanceof MapNode mapNode) {
      MapNode m = mapNode.checkKeys(List.of("name", "fields", "severity", "max_failures", "dimension"));
      o = new Opts(severity(m, defaultSeverity), maxFailures(m, defaultThreshold), optionalDimension(m), null);
      name = m.optionalString("name");
      fieldsNode = m.require("fields", "the key's fields");
    }
    if (fieldsNode instanceof ListNode) {
      keyFields = ((ListNode) fieldsNode).strings();
    } else {
      keyFields = List.of(fieldsNode.asText("a field or a list of fields"));
    }
    if (keyFields.isEmpty()) {
      throw fieldsNode.error("a unique key needs at least one field");
    }
    for (String k : keyFields) {
      if (!a.fields.containsKey(k)) {
        throw fieldsNode.error("unknown field '" + k + "' in unique key; the contract declares " + a.fields.keySet());
      }
    }
    String id = name != null ? name : keyFields.size() == 1 ? keyFields.get(0) + ".unique" : "unique(" + String.join(",", keyFields) + ")";
    a.datasetRules.add(a.rule(id, RuleKind.UNIQUE, keyFields, o.dimension, o.severity, o.threshold,
        "no two records with the same " + String.join(" + ", keyFields), "", item));
  }

  private void readRule(MapNode m, Schema schema) {
    m.checkKeys(RULE_KEYS);
    String name = m.string("name");
    Severity sev = severity(m, defaultSeverity);
    Threshold thr = maxFailures(m, defaultThreshold);
    QualityDimension dim = optionalDimension(m);
    if (m.has("compare")) {
      if (m.has("when") || m.has("then")) {
        throw m.error("a rule has either compare or when/then, not both");
      }
      MapNode c = m.map("compare").checkKeys(List.of("field", "op", "other"));
      String left = c.string("field");
      String right = c.string("other");
      String opText = c.string("op");
      CrossCheck.Op op = CrossCheck.Op.parse(opText.trim().toLowerCase(Locale.ROOT));
      if (op == null) {
        throw c.require("op", "").error("expected an operator: before, after, on_or_before, on_or_after, lt, lte, gt, gte, eq, ne; found '" + opText + "'");
      }
      for (String fname : List.of(left, right)) {
        FieldSpec fs = a.fields.get(fname);
        if (fs == null) {
          throw c.error("unknown field '" + fname + "'; the contract declares " + a.fields.keySet());
        }
        if (!fs.type().isOrdered()) {
          throw c.error("compare needs ordered fields (integer, number, date, timestamp, time); '" + fname + "' is " + fs.type().label());
        }
      }
      ContractRule rule = a.rule(name, RuleKind.CROSS_FIELD, List.of(left, right), dim, sev, thr,
          left + " " + op.words + " " + right, "", m);
      a.cross.add(new ContractAssembly.PendingCross(rule, null, null, left, op, right));
      return;
    }
    Condition when = m.has("when") ? ConditionYaml.read(m.require("when", "a condition"), schema) : null;
    Condition then = ConditionYaml.read(m.require("then", "a condition (or use compare)"), schema);
    List<String> read = new ArrayList<>();
    if (when != null) {
      read.addAll(dev.mops.core.condition.Conditions.fieldsOf(when));
    }
    for (String s : dev.mops.core.condition.Conditions.fieldsOf(then)) {
      if (!read.contains(s)) {
        read.add(s);
      }
    }
    String exp = dev.mops.core.condition.Conditions.describe(then)
        + (when == null ? "" : " when " + dev.mops.core.condition.Conditions.describe(when));
    ContractRule rule = a.rule(name, RuleKind.CROSS_FIELD, read, dim, sev, thr, exp, "", m);
    a.cross.add(new ContractAssembly.PendingCross(rule, when, then, null, null, null));
  }

  private void readFreshness(MapNode m) {
    m.checkKeys(List.of("field", "max_age", "severity", "dimension"));
    String field = m.string("field");
    FieldSpec fs = a.fields.get(field);
    if (fs == null) {
      throw m.require("field", "").error("unknown field '" + field + "'; the contract declares " + a.fields.keySet());
    }
    if (fs.type() != LogicalType.TIMESTAMP && fs.type() != LogicalType.DATE) {
      throw m.require("field", "").error("freshness needs a timestamp or date field; '" + field + "' is " + fs.type().label());
    }
    Duration d;
    try {
      d = ConditionYaml.parseDuration(m.string("max_age"));
    } catch (IllegalArgumentException e) {
      throw m.require("max_age", "").error("expected a duration such as 24h, 7d or P7D: " + e.getMessage());
    }
    if (d.isNegative() || d.isZero()) {
      throw m.require("max_age", "").error("max_age must be positive");
    }
    a.datasetRules.add(a.rule("freshness." + field, RuleKind.FRESHNESS, List.of(field), optionalDimension(m), severity(m, defaultSeverity),
        Threshold.of(Threshold.Comparison.LE, (double) d.toSeconds(), Threshold.Unit.SECONDS),
        "newest " + field + " at most " + describe(d) + " old", "", m));
  }

  static String describe(Duration d) {
    long s = d.toSeconds();
    if (s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  private List<String> readValuesFile(ConfigNode at, String file) {
    Path p = baseDir == null ? Path.of(file) : baseDir.resolve(file);
    try {
      if (Files.size(p) > 64L * 1024 * 1024) {
        throw at.error("allowed-values file " + p + " is larger than 64 MiB");
      }
      List<String> out = new ArrayList<>();
      for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          out.add(t);
        }
      }
      return out;
    } catch (IOException e) {
      throw at.error("cannot read allowed-values file " + p + ": " + e.getMessage());
    }
  }

  static Pattern regex(ConfigNode at, String text) {
    if (text.length() > Condition.MAX_REGEX_LENGTH) {
      throw at.error("pattern longer than " + Condition.MAX_REGEX_LENGTH + " characters");
    }
    try {
      return Pattern.compile(text);
    } catch (PatternSyntaxException e) {
      throw at.error("bad pattern (RE2 syntax): " + e.getMessage());
    }
  }

  static String preview(List<String> values) {
    if (values.size() <= 8) {
      return values.toString();
    }
    return values.subList(0, 8).toString().replace("]", ", ... " + values.size() + " values]");
  }

  static String article(LogicalType t) {
    String l = t == LogicalType.URL ? "URL" : t.label();
    return ("aeiou".indexOf(l.toLowerCase(Locale.ROOT).charAt(0)) >= 0 && t != LogicalType.URL ? "an " : "a ") + l;
  }

  /** Options of one constraint: its own value and how its breach counts. */
  private static final class Opts {
    final Severity severity;
    final Threshold threshold;
    final @Nullable QualityDimension dimension;
    final @Nullable ConfigNode value;

    Opts(Severity severity, Threshold threshold, @Nullable QualityDimension dimension, @Nullable ConfigNode value) {
      this.severity = severity;
      this.threshold = threshold;
      this.dimension = dimension;
      this.value = value;
    }

    boolean flag(boolean whenMap) {
      if (value == null) {
        return whenMap;
      }
      return value.asScalar("true or false").bool();
    }

    String value(ConfigNode at, String what) {
      if (value == null) {
        throw at.error("expected " + what + " (or a map with 'value')");
      }
      return value.asText(what);
    }
  }

  private Opts opts(ConfigNode node, Severity sev, Threshold thr) {
    if (node instanceof MapNode mapNode) {
      MapNode m = mapNode.checkKeys(OPTION_KEYS);
      ConfigNode v = m.get("value");
      return new Opts(severity(m, sev), maxFailures(m, thr), optionalDimension(m), v);
    }
    return new Opts(sev, thr, null, node);
  }

  private static Severity severity(MapNode m, Severity fallback) {
    ConfigNode n = m.get("severity");
    if (n == null) {
      return fallback;
    }
    try {
      return Severity.parse(n.asText("a severity"));
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static Threshold maxFailures(MapNode m, Threshold fallback) {
    ConfigNode n = m.get("max_failures");
    if (n == null) {
      return fallback;
    }
    try {
      return Threshold.parseMaxFailures(n.asText("a number of rows or a percent"));
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static @Nullable QualityDimension optionalDimension(MapNode m) {
    ConfigNode n = m.get("dimension");
    return n == null ? null : dimension(n, n.asText("a dimension"));
  }

  private static QualityDimension dimension(ConfigNode at, String name) {
    try {
      return QualityDimension.parse(name);
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }
}
