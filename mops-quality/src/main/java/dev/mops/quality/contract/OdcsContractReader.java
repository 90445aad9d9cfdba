package dev.mops.quality.contract;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.config.ConfigNode.ScalarNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Reads an Open Data Contract Standard (v3.x) document: one schema object's properties, their
 * logical types and options, library quality metrics and SLA freshness. Keys mops does not know
 * are kept in the document and ignored; rules it cannot evaluate become {@link
 * RuleKind#UNSUPPORTED}; options it reads but does not check are listed in the contract's notes.
 *
 * <p>Thread safety: not thread-safe; one instance per document.
 */
final class OdcsContractReader {

  private static final Set<String> CHECKED_OPTIONS = Set.of(
      "minLength", "maxLength", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "format",
      "timezone", "defaultTimezone");

  private final ConfigDocument doc;
  private final @Nullable String objectName;
  private final ContractAssembly a = new ContractAssembly();
  private final Map<String, String> physicalNames = new HashMap<>();

  OdcsContractReader(ConfigDocument doc, @Nullable String objectName) {
    this.doc = doc;
    this.objectName = objectName;
  }

  DataContract read() {
    MapNode root = doc.root();
    a.source = doc.source();
    a.contentHash = doc.contentHash();
    a.version = doc.version();
    a.format = DataContract.Format.ODCS;
    String api = root.optionalString("apiVersion");
    if (api != null && !api.startsWith("v3")) {
      throw root.require("apiVersion", "").error("mops reads ODCS v3.x, found apiVersion " + api);
    }
    MapNode object = null;
    if (root.has("schema")) {
      ListNode schema = root.list("schema");
      List<String> names = new ArrayList<>();
      for (ConfigNode o : schema.items()) {
        MapNode m = o.asMap("a schema object");
        String n = m.string("name", "");
        names.add(n);
        if (object == null && (objectName == null || objectName.equals(n) || objectName.equals(m.optionalString("physicalName")))) {
          object = m;
        }
      }
      if (objectName != null && object == null) {
        throw schema.error("no schema object named '" + objectName + "'; the contract has " + names);
      }
      if (names.size() > 1) {
        a.notes.add("the contract has schema objects " + names + "; this contract checks '"
            + (object == null ? "" : object.string("name", "")) + "'");
      }
    }
    String name = object != null ? object.string("name", "") : "";
    if (name.isEmpty()) {
      name = root.string("name", root.string("dataProduct", root.string("id", "contract")));
    }
    a.name = name;
    if (object != null && object.has("properties")) {
      for (ConfigNode p : object.list("properties").items()) {
        readProperty(p.asMap("a property"));
      }
    }
    readPrimaryKey(object);
    if (object != null && object.has("quality")) {
      ListNode q = object.list("quality");
      for (int i = 0; i < q.size(); i++) {
        readQuality(q.get(i).asMap("a quality rule"), null, name + ".quality[" + i + "]");
      }
    }
    if (root.has("slaProperties")) {
      String defaultElement = root.optionalString("slaDefaultElement");
      for (ConfigNode s : root.list("slaProperties").items()) {
        readSla(s.asMap("an SLA property"), defaultElement);
      }
    }
    return a.build();
  }

  private void readProperty(MapNode p) {
    String name = p.string("name");
    String physical = p.optionalString("physicalName");
    if (physical != null) {
      physicalNames.put(physical, name);
    }
    LogicalType type = LogicalType.STRING;
    ConfigNode lt = p.get("logicalType");
    if (lt != null) {
      try {
        type = LogicalType.parse(lt.asText("a logical type"));
      } catch (IllegalArgumentException e) {
        throw lt.error(e.getMessage());
      }
    }
    MapNode opts = p.has("logicalTypeOptions") ? p.map("logicalTypeOptions") : null;
    String format = null;
    ZoneId zone = ZoneOffset.UTC;
    if (opts != null) {
      for (String k : opts.keys()) {
        if (!CHECKED_OPTIONS.contains(k)) {
          a.notes.add(name + ": logicalTypeOptions." + k + " is read but not checked");
        }
      }
      String f = opts.optionalString("format");
      if (f != null) {
        if (type == LogicalType.DATE || type == LogicalType.TIMESTAMP || type == LogicalType.TIME) {
          format = f;
        } else {
          a.notes.add(name + ": format '" + f + "' of a " + type.label() + " is not checked");
        }
      }
      String tz = opts.optionalString("defaultTimezone");
      if (tz != null) {
        try {
          zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
          throw opts.require("defaultTimezone", "").error("expected a time zone such as UTC or Australia/Sydney, found '" + tz + "'");
        }
      }
    }
    boolean required = p.bool("required", false);
    FieldSpec spec;
    try {
      spec = new FieldSpec(name, type, required, format, zone, p.string("description", ""));
    } catch (IllegalArgumentException e) {
      throw (opts != null && opts.has("format") ? opts.require("format", "") : p).error("bad format pattern: " + e.getMessage());
    }
    FieldCheck c = a.addField(spec, p);
    List<String> one = List.of(name);
    if (required) {
      c.required = a.rule(name + ".required", RuleKind.REQUIRED, one, null, Severity.ERROR, Threshold.NO_FAILURES, "a value", "", p);
    }
    if (type != LogicalType.STRING && type != LogicalType.ARRAY && type != LogicalType.OBJECT) {
      boolean fmt = format != null;
      c.type = a.rule(name + (fmt ? ".format" : ".type"), fmt ? RuleKind.FORMAT : RuleKind.TYPE, one, null, Severity.ERROR,
          Threshold.NO_FAILURES, fmt ? "a " + type.label() + " in format " + format : NativeContractReader.article(type), "", p);
    }
    if (opts != null) {
      if (opts.has("pattern")) {
        ConfigNode pn = opts.require("pattern", "");
        c.regex = NativeContractReader.regex(pn, pn.asText("a regular expression"));
        c.pattern = a.rule(name + ".pattern", RuleKind.PATTERN, one, null, Severity.ERROR, Threshold.NO_FAILURES,
            "matching " + c.regex.pattern(), "", pn);
      }
      if (opts.has("minLength") || opts.has("maxLength")) {
        long min = opts.integer("minLength", 0);
        long max = opts.integer("maxLength", Integer.MAX_VALUE);
        if (min < 0 || max < min || max > Integer.MAX_VALUE) {
          throw opts.error("expected 0 <= minLength <= maxLength, found " + min + ".." + max);
        }
        c.minLength = (int) min;
        c.maxLength = (int) max;
        String exp = max == Integer.MAX_VALUE ? "at least " + min : min == 0 ? "at most " + max : min + " to " + max;
        c.length = a.rule(name + ".length", RuleKind.LENGTH, one, null, Severity.ERROR, Threshold.NO_FAILURES, exp, "", opts);
      }
      ConfigNode min = opts.get("minimum");
      ConfigNode max = opts.get("maximum");
      boolean exMin = false;
      boolean exMax = false;
      ConfigNode exMinNode = opts.get("exclusiveMinimum");
      ConfigNode exMaxNode = opts.get("exclusiveMaximum");
      if (exMinNode != null) {
        if (isBoolean(exMinNode)) {
          exMin = exMinNode.asScalar("").bool();
        } else {
          min = exMinNode;
          exMin = true;
        }
      }
      if (exMaxNode != null) {
        if (isBoolean(exMaxNode)) {
          exMax = exMaxNode.asScalar("").bool();
        } else {
          max = exMaxNode;
          exMax = true;
        }
      }
      if (min != null || max != null) {
        NativeContractReader.setRange(c, spec, min, max, exMin, exMax, null, Severity.ERROR, Threshold.NO_FAILURES, opts, a);
      }
    }
    if (p.bool("unique", false)) {
      a.datasetRules.add(a.rule(name + ".unique", RuleKind.UNIQUE, one, null, Severity.ERROR, Threshold.NO_FAILURES,
          "no two records with the same " + name, "", p));
    }
    if (p.has("quality")) {
      ListNode q = p.list("quality");
      for (int i = 0; i < q.size(); i++) {
        readQuality(q.get(i).asMap("a quality rule"), c, name + ".quality[" + i + "]");
      }
    }
  }

  private static boolean isBoolean(ConfigNode n) {
    return n instanceof ScalarNode scalarNode && scalarNode.value() instanceof Boolean;
  }


  private void readPrimaryKey(@Nullable MapNode object) {
    if (object == null || !object.has("properties")) {
      return;
    }
    TreeMap<Long, String> ordered = new TreeMap<>();
    long next = 1_000_000;
    MapNode first = null;
    for (ConfigNode pn : object.list("properties").items()) {
      MapNode p = pn.asMap("a property");
      if (p.bool("primaryKey", false)) {
        long pos = p.integer("primaryKeyPosition", -1);
        ordered.put(pos > 0 ? pos : next++, p.string("name"));
        if (first == null) {
          first = p;
        }
      }
    }
    if (first != null) {
      List<String> key = new ArrayList<>(ordered.values());
      String id = key.size() == 1 ? key.get(0) + ".primaryKey" : "primaryKey(" + String.join(",", key) + ")";
      a.datasetRules.add(a.rule(id, RuleKind.UNIQUE, key, null, Severity.ERROR, Threshold.NO_FAILURES,
          "no two records with the same primary key " + String.join(" + ", key), "", first));
    }
  }

  private void readQuality(MapNode q, @Nullable FieldCheck field, String where) {
    String type = q.string("type", "library").trim().toLowerCase(Locale.ROOT);
    String metric = q.optionalString("metric");
    if (metric == null) {
      metric = legacyRule(q.optionalString("rule"));
    }
    Severity severity = severity(q);
    QualityDimension dim = null;
    String dimText = q.optionalString("dimension");
    if (dimText != null) {
      try {
        dim = QualityDimension.parse(dimText);
      } catch (IllegalArgumentException e) {
        a.notes.add(where + ": dimension '" + dimText + "' is not one mops scores; counted under the rule's default");
      }
    }
    String description = q.string("description", "");
    String base = q.optionalString("name") != null ? q.string("name") : null;
    List<String> fields = field == null ? List.of() : List.of(field.spec.name());
    if (!type.equals("library") || metric == null) {
      String why = type.equals("sql") ? "custom SQL quality rules are not evaluated by mops"
          : type.equals("custom") ? "custom (engine-specific) quality rules are not evaluated by mops"
          : type.equals("text") ? "text quality rules are descriptions, not checks"
          : "a library rule without a metric cannot be evaluated";
      String id = a.freshId(base != null ? base : where);
      a.datasetRules.add(a.rule(id, RuleKind.UNSUPPORTED, fields, dim, severity, Threshold.NO_FAILURES,
          description.isEmpty() ? type + " rule" : description, why, q));
      return;
    }
    MapNode args = q.has("arguments") ? q.map("arguments") : null;
    Threshold.Unit unit = Threshold.Unit.ROWS;
    String unitText = q.optionalString("unit");
    if (unitText != null) {
      switch (unitText.trim().toLowerCase(Locale.ROOT)) {
        case "percent": case "percentage": case "%": unit = Threshold.Unit.PERCENT; break;
        case "rows": case "row": case "count": unit = Threshold.Unit.ROWS; break;
        default: throw q.require("unit", "").error("expected unit rows or percent, found '" + unitText + "'");
      }
    }
    boolean rowCount = metric.equals("rowCount");
    Threshold threshold = threshold(q, unit, rowCount);
    String prefix = field == null ? a.name : field.spec.name();
    switch (metric) {
      case "nullValues":
      case "missingValues":
      case "invalidValues": {
        if (field == null) {
          String id = a.freshId(base != null ? base : where);
          a.datasetRules.add(a.rule(id, RuleKind.UNSUPPORTED, fields, dim, severity, threshold, metric,
              metric + " on a whole schema object is not evaluated; put it on a property", q));
          return;
        }
        RuleKind kind = metric.equals("nullValues") ? RuleKind.NULL_VALUES
            : metric.equals("missingValues") ? RuleKind.MISSING_VALUES : RuleKind.INVALID_VALUES;
        Set<String> values = null;
        boolean blankListed = false;
        com.google.re2j.Pattern pattern = null;
        String exp;
        if (kind == RuleKind.MISSING_VALUES) {
          if (args != null && args.has("missingValues")) {
            values = new HashSet<>();
            for (ConfigNode v : args.list("missingValues").items()) {
              ScalarNode s = v.asScalar("a value");
              if (s.value() != null) {
                values.add(s.text());
              }
            }
          }
          exp = "not null, blank" + (values == null ? "" : " or one of " + values);
        } else if (kind == RuleKind.INVALID_VALUES) {
          if (args != null && args.has("validValues")) {
            values = new HashSet<>();
            for (ConfigNode v : args.list("validValues").items()) {
              ScalarNode s = v.asScalar("a value");
              if (s.value() == null || s.text().isBlank()) {
                blankListed = true;
              } else {
                values.add(s.text());
              }
            }
          }
          if (args != null && args.has("pattern")) {
            ConfigNode pn = args.require("pattern", "");
            pattern = NativeContractReader.regex(pn, pn.asText("a regular expression"));
          }
          if (values == null && pattern == null) {
            throw q.error("invalidValues needs arguments.validValues or arguments.pattern");
          }
          exp = values != null ? "one of " + values : "matching " + java.util.Objects.requireNonNull(pattern).pattern();
        } else {
          exp = "not null";
        }
        String id = a.freshId(base != null ? base : prefix + "." + metric);
        ContractRule rule = a.rule(id, kind, fields, dim, severity, threshold, exp, "", q);
        field.metrics.add(new FieldCheck.Metric(rule, values == null ? null : Set.copyOf(values), blankListed, pattern));
        return;
      }
      case "duplicateValues": {
        List<String> key = fields;
        if (args != null && args.has("properties")) {
          key = args.list("properties").strings();
        } else if (field == null) {
          key = new ArrayList<>(a.fields.keySet());
        }
        for (String k : key) {
          if (!a.fields.containsKey(k)) {
            throw q.error("duplicateValues reads unknown property '" + k + "'");
          }
        }
        if (key.isEmpty()) {
          throw q.error("duplicateValues needs properties");
        }
        String id = a.freshId(base != null ? base : prefix + ".duplicateValues");
        a.datasetRules.add(a.rule(id, RuleKind.UNIQUE, key, dim, severity, threshold,
            "duplicate rows by " + String.join(" + ", key) + " " + threshold.describe(), "", q));
        return;
      }
      case "rowCount": {
        String id = a.freshId(base != null ? base : "row_count");
        a.datasetRules.add(a.rule(id, RuleKind.ROW_COUNT, List.of(), dim, severity, threshold,
            "row count " + threshold.describe(), "", q));
        return;
      }
      default: {
        String id = a.freshId(base != null ? base : where);
        a.datasetRules.add(a.rule(id, RuleKind.UNSUPPORTED, fields, dim, severity, threshold, metric,
            "library metric '" + metric + "' is not one mops evaluates", q));
      }
    }
  }

  private static @Nullable String legacyRule(@Nullable String rule) {
    if (rule == null) {
      return null;
    }
    switch (rule) {
      case "nullCheck": return "nullValues";
      case "duplicateCount": return "duplicateValues";
      case "validValues": return "invalidValues";
      case "rowCount": return "rowCount";
      default: return rule;
    }
  }

  private static Threshold threshold(MapNode q, Threshold.Unit unit, boolean rowCount) {
    String[][] ops = {
      {"mustBe", "EQ"}, {"mustNotBe", "NE"}, {"mustBeGreaterThan", "GT"}, {"mustBeGreaterOrEqualTo", "GE"},
      {"mustBeGreaterThanOrEqualTo", "GE"}, {"mustBeLessThan", "LT"}, {"mustBeLessOrEqualTo", "LE"},
      {"mustBeLessThanOrEqualTo", "LE"}, {"mustBeBetween", "BETWEEN"}, {"mustNotBeBetween", "NOT_BETWEEN"}};
    Threshold found = null;
    for (String[] op : ops) {
      ConfigNode n = q.get(op[0]);
      if (n == null) {
        continue;
      }
      if (found != null) {
        throw n.error("a quality rule takes one mustBe... operator");
      }
      Threshold.Comparison c = Threshold.Comparison.valueOf(op[1]);
      try {
        if (c == Threshold.Comparison.BETWEEN || c == Threshold.Comparison.NOT_BETWEEN) {
          ListNode l = n.asList("two numbers [low, high]");
          if (l.size() != 2) {
            throw n.error("expected two numbers [low, high], found " + l.size());
          }
          found = new Threshold(c, l.get(0).asScalar("a number").number(), l.get(1).asScalar("a number").number(), unit);
        } else {
          found = Threshold.of(c, n.asScalar("a number").number(), unit);
        }
      } catch (IllegalArgumentException e) {
        throw n.error(e.getMessage());
      }
    }
    if (found == null) {
      return rowCount ? Threshold.of(Threshold.Comparison.GT, 0, Threshold.Unit.ROWS) : Threshold.of(Threshold.Comparison.EQ, 0, unit);
    }
    return found;
  }

  private Severity severity(MapNode q) {
    String s = q.optionalString("severity");
    if (s == null) {
      return Severity.ERROR;
    }
    switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "info": case "low": case "minor": return Severity.INFO;
      case "warn": case "warning": case "medium": case "moderate": return Severity.WARNING;
      case "error": case "critical": case "high": case "major": case "blocker": return Severity.ERROR;
      default:
        a.notes.add("severity '" + s + "' is read as error");
        return Severity.ERROR;
    }
  }

  private void readSla(MapNode s, @Nullable String defaultElement) {
    String property = s.string("property", "");
    String p = property.trim().toLowerCase(Locale.ROOT);
    if (!p.equals("latency") && !p.equals("freshness")) {
      a.notes.add("slaProperties." + property + " is read but not checked");
      return;
    }
    String element = s.optionalString("element");
    if (element == null) {
      element = defaultElement;
    }
    double value = s.number("value");
    String unit = s.string("unit", "d").trim().toLowerCase(Locale.ROOT);
    double seconds;
    switch (unit) {
      case "s": case "sec": case "second": case "seconds": seconds = value; break;
      case "m": case "min": case "minute": case "minutes": seconds = value * 60; break;
      case "h": case "hr": case "hour": case "hours": seconds = value * 3600; break;
      case "d": case "day": case "days": seconds = value * 86400; break;
      case "w": case "week": case "weeks": seconds = value * 7 * 86400; break;
      case "y": case "yr": case "year": case "years": seconds = value * 365 * 86400; break;
      default: throw s.require("unit", "").error("expected a unit of time (s, m, h, d, w, y), found '" + unit + "'");
    }
    String column = element == null ? null : element.substring(element.lastIndexOf('.') + 1);
    String field = column == null ? null : a.fields.containsKey(column) ? column : physicalNames.get(column);
    Threshold t = Threshold.of(Threshold.Comparison.LE, seconds, Threshold.Unit.SECONDS);
    String exp = "newest " + (field == null ? String.valueOf(element) : field) + " at most " + Threshold.number(value) + unit + " old";
    FieldSpec fs = field == null ? null : a.fields.get(field);
    if (fs == null || (fs.type() != LogicalType.TIMESTAMP && fs.type() != LogicalType.DATE)) {
      String why = element == null ? "the SLA names no element (column)"
          : fs == null ? "element " + element + " is not a property of this schema object"
          : "element " + element + " is not a date or timestamp";
      a.datasetRules.add(a.rule(a.freshId("sla." + p), RuleKind.UNSUPPORTED, List.of(), null, Severity.ERROR, t, exp, why, s));
      return;
    }
    a.datasetRules.add(a.rule(a.freshId("freshness." + field), RuleKind.FRESHNESS, List.of(field), null, Severity.ERROR, t, exp, "", s));
  }
}
