package dev.mops.planning.intake;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import dev.mops.planning.PlanningCodes;
import dev.mops.planning.RecordFields;
import dev.mops.planning.WorkingCalendar;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An intake model: how requests are scored by business impact x effort x risk, banded, given an SLA
 * class, and put on a release train; loaded from versioned YAML.
 *
 * <p>Each factor is read from a request field as a level from 1 to the model's {@code scale}
 * (default 5), written as a number or as a named level ({@code low}, {@code m}, ...). The score is
 * {@code 100 x (impact/scale)^wi x ((scale+1-effort)/scale)^we x ((scale+1-risk)/scale)^wr}: high
 * impact raises it, high effort and high risk lower it, each by its weight. Adjustments multiply
 * the score when their condition matches the request. The band is the first (highest) whose
 * minimum the score reaches. The SLA class is the first rule whose condition matches, else the
 * default (the SLA targets themselves are mops-metrics'). The train is the first whose condition
 * matches (or that has none); the window is its first one opening at least the cutoff after the
 * request's {@code ready_at} (or the as-of instant).
 *
 * <pre>{@code
 * IntakeModel model = IntakeModel.load(Path.of("intake.yaml"));
 * Backlog backlog = model.prioritize(requests, Instant.parse("2026-03-02T15:00:00Z"), WorkingCalendar.weekdays());
 * }</pre>
 *
 * <p>Thread safety: immutable; {@link #prioritize} may be called from any number of threads.
 */
public final class IntakeModel {

  /**
   * A factor of the score.
   *
   * @param field the request field it is read from
   * @param weight its exponent in the score (0 ignores it)
   * @param levels named levels to their number (lower-case names)
   */
  public record Factor(String field, double weight, Map<String, Double> levels) {
    /** Validates and copies the components. */
    public Factor {
      Objects.requireNonNull(field, "field");
      if (!(weight >= 0 && weight <= 10)) {
        throw new IllegalArgumentException("factor weight must be from 0 to 10, was " + weight);
      }
      levels = Map.copyOf(levels);
    }
  }

  /**
   * An adjustment: multiplies the score of requests its condition matches.
   *
   * @param when the condition
   * @param multiply the factor (positive)
   * @param reason why, shown with the request
   */
  public record Adjustment(Condition when, double multiply, String reason) {
    /** Validates the components. */
    public Adjustment {
      Objects.requireNonNull(when, "when");
      Objects.requireNonNull(reason, "reason");
      if (!(multiply > 0)) {
        throw new IllegalArgumentException("adjustment multiplier must be positive, was " + multiply);
      }
    }
  }

  /**
   * A band of scores.
   *
   * @param name its name, such as {@code P1}
   * @param min the lowest score in it
   */
  public record Band(String name, double min) {
    /** Validates the components. */
    public Band {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A named rule: the first whose condition matches gives its name (an SLA class, a train).
   *
   * @param name the name
   * @param when the condition ({@code true} matches every request)
   */
  public record Rule(String name, Condition when) {
    /** Validates the components. */
    public Rule {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(when, "when");
    }
  }

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "description", "scale", "factors",
      "adjustments", "bands", "sla_classes", "default_sla_class", "release_trains");

  private final String name;
  private final String version;
  private final String contentHash;
  private final int scale;
  private final Factor impact;
  private final Factor effort;
  private final Factor risk;
  private final List<Adjustment> adjustments;
  private final List<Band> bands;
  private final List<Rule> slaClasses;
  private final String defaultSlaClass;
  private final List<ReleaseTrain> trains;
  private final List<Condition> trainConditions;

  private IntakeModel(String name, String version, String contentHash, int scale, Factor impact, Factor effort,
      Factor risk, List<Adjustment> adjustments, List<Band> bands, List<Rule> slaClasses, String defaultSlaClass,
      List<ReleaseTrain> trains, List<Condition> trainConditions) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.scale = scale;
    this.impact = impact;
    this.effort = effort;
    this.risk = risk;
    this.adjustments = List.copyOf(adjustments);
    this.bands = List.copyOf(bands);
    this.slaClasses = List.copyOf(slaClasses);
    this.defaultSlaClass = defaultSlaClass;
    this.trains = List.copyOf(trains);
    this.trainConditions = List.copyOf(trainConditions);
  }

  /** Loads a model from a YAML or JSON file; throws a {@link ConfigException} naming the position when invalid. */
  public static IntakeModel load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a model from YAML text; {@code source} names it in errors. */
  public static IntakeModel parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a model from a loaded document. */
  public static IntakeModel fromDocument(ConfigDocument doc) {
    MapNode root = doc.root().checkKeys(TOP_KEYS);
    int scale = 5;
    ConfigNode sc = root.get("scale");
    if (sc != null) {
      long s = sc.asScalar("a whole number").integer();
      if (s < 2 || s > 100) {
        throw sc.error("expected a scale from 2 to 100, found " + s);
      }
      scale = (int) s;
    }
    MapNode factors = root.map("factors").checkKeys(Set.of("impact", "effort", "risk"));
    Factor impact = factor(factors, "impact", scale);
    Factor effort = factor(factors, "effort", scale);
    Factor risk = factor(factors, "risk", scale);
    List<Adjustment> adjustments = new ArrayList<>();
    ConfigNode adj = root.get("adjustments");
    if (adj != null) {
      for (ConfigNode n : adj.asList("a list of adjustments").items()) {
        MapNode m = n.asMap("an adjustment").checkKeys(Set.of("when", "multiply", "reason"));
        ConfigNode mul = m.require("multiply", "a positive multiplier");
        double f = mul.asScalar("a number").number();
        if (!(f > 0 && f <= 100)) {
          throw mul.error("expected a multiplier above 0 and at most 100, found " + f);
        }
        Condition when = ConditionYaml.read(m.require("when", "a condition"), null);
        adjustments.add(new Adjustment(when, f, m.string("reason", ConditionYaml.toJson(when))));
      }
    }
    List<Band> bands = new ArrayList<>();
    ConfigNode bn = root.get("bands");
    if (bn != null) {
      double previous = Double.POSITIVE_INFINITY;
      for (ConfigNode n : bn.asList("a list of bands, highest first").items()) {
        MapNode m = n.asMap("a band {name, min}").checkKeys(Set.of("name", "min"));
        ConfigNode min = m.require("min", "the lowest score of the band");
        double v = min.asScalar("a number").number();
        if (v >= previous) {
          throw min.error("expected bands highest first: min " + v + " is not below the previous band's " + previous);
        }
        previous = v;
        bands.add(new Band(m.string("name"), v));
      }
    }
    if (bands.isEmpty() || bands.get(bands.size() - 1).min() > 0) {
      bands.add(new Band("unbanded", 0));
    }
    List<Rule> sla = rules(root.get("sla_classes"), "an SLA class");
    String defaultSla = root.string("default_sla_class", "standard");
    List<ReleaseTrain> trains = new ArrayList<>();
    List<Condition> trainWhen = new ArrayList<>();
    ConfigNode tr = root.get("release_trains");
    if (tr != null) {
      for (ConfigNode n : tr.asList("a list of release trains").items()) {
        MapNode m = n.asMap("a release train").checkKeys(Set.of("name", "zone", "days", "start", "end", "cutoff", "region", "when"));
        ConfigNode zn = m.require("zone", "a time zone such as America/New_York");
        ZoneId zone;
        try {
          zone = ZoneId.of(zn.asText("a time zone").trim());
        } catch (java.time.DateTimeException e) {
          throw zn.error("expected a time zone such as America/New_York, found " + zn.describe());
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        ConfigNode dn = m.require("days", "a list of days such as [tue, thu]");
        for (ConfigNode d : dn.asList("a list of days").items()) {
          days.add(dayOfWeek(d));
        }
        if (days.isEmpty()) {
          throw dn.error("expected at least one day");
        }
        LocalTime start = time(m.require("start", "a time such as \"10:00\""));
        ConfigNode en = m.require("end", "a time such as \"12:00\"");
        LocalTime end = time(en);
        if (!end.isAfter(start)) {
          throw en.error("expected an end after the start " + start + ", found " + end);
        }
        Duration cutoff = Duration.ZERO;
        ConfigNode cn = m.get("cutoff");
        if (cn != null) {
          try {
            cutoff = ConditionYaml.parseDuration(cn.asText("a duration such as 24h"));
          } catch (IllegalArgumentException e) {
            throw cn.error("expected a duration such as 24h, 2d or PT36H, found " + cn.describe());
          }
          if (cutoff.isNegative()) {
            throw cn.error("expected a duration of zero or more, found " + cn.describe());
          }
        }
        trains.add(new ReleaseTrain(m.string("name"), zone, days, start, end, cutoff, m.string("region", "")));
        ConfigNode w = m.get("when");
        trainWhen.add(w == null ? Conditions.always() : ConditionYaml.read(w, null));
      }
    }
    return new IntakeModel(root.string("name", "intake"), doc.version(), doc.contentHash(), scale, impact, effort,
        risk, adjustments, bands, sla, defaultSla, trains, trainWhen);
  }

  private static Factor factor(MapNode factors, String key, int scale) {
    ConfigNode node = factors.get(key);
    if (node == null) {
      return new Factor(key, 1, Map.of());
    }
    MapNode m = node.asMap("a factor {field, weight, levels}").checkKeys(Set.of("field", "weight", "levels"));
    double weight = 1;
    ConfigNode wn = m.get("weight");
    if (wn != null) {
      weight = wn.asScalar("a number").number();
      if (!(weight >= 0 && weight <= 10)) {
        throw wn.error("expected a weight from 0 to 10, found " + weight);
      }
    }
    Map<String, Double> levels = new LinkedHashMap<>();
    ConfigNode ln = m.get("levels");
    if (ln != null) {
      MapNode lm = ln.asMap("named levels (name: number)");
      for (String name : lm.keys()) {
        ConfigNode v = Objects.requireNonNull(lm.get(name));
        double d = v.asScalar("a number").number();
        if (!(d >= 1 && d <= scale)) {
          throw v.error("expected a level from 1 to the scale " + scale + ", found " + d);
        }
        levels.put(name.trim().toLowerCase(Locale.ROOT), d);
      }
    }
    return new Factor(m.string("field", key), weight, levels);
  }

  private static List<Rule> rules(@Nullable ConfigNode node, String what) {
    List<Rule> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (ConfigNode n : node.asList("a list of rules").items()) {
      MapNode m = n.asMap(what + " {name, when}").checkKeys(Set.of("name", "when"));
      out.add(new Rule(m.string("name"), ConditionYaml.read(m.require("when", "a condition"), null)));
    }
    return out;
  }

  private static DayOfWeek dayOfWeek(ConfigNode n) {
    String t = n.asText("a day of the week").trim().toUpperCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().equals(t) || (t.length() >= 3 && d.name().startsWith(t))) {
        return d;
      }
    }
    throw n.error("expected a day of the week (mon ... sun), found " + n.describe());
  }

  private static LocalTime time(ConfigNode n) {
    String t = n.asText("a time such as \"10:00\"").trim();
    try {
      return LocalTime.parse(t.length() == 4 && t.charAt(1) == ':' ? "0" + t : t);
    } catch (DateTimeParseException e) {
      throw n.error("expected a time such as \"10:00\", found " + n.describe());
    }
  }

  /** Returns the model's name. */
  public String name() {
    return name;
  }

  /** Returns the model's version. */
  public String version() {
    return version;
  }

  /** Returns the hash of the document the model came from. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the highest level of a factor. */
  public int scale() {
    return scale;
  }

  /** Returns the release trains, in order. */
  public List<ReleaseTrain> releaseTrains() {
    return trains;
  }

  /** Returns the bands, highest first. */
  public List<Band> bands() {
    return bands;
  }

  /**
   * Returns the score of levels {@code impact}, {@code effort} and {@code risk} (each 1 to the
   * scale) before adjustments.
   */
  public double score(double impactLevel, double effortLevel, double riskLevel) {
    double s = scale;
    return 100 * Math.pow(impactLevel / s, impact.weight())
        * Math.pow((s + 1 - effortLevel) / s, effort.weight())
        * Math.pow((s + 1 - riskLevel) / s, risk.weight());
  }

  /** Returns the band of a score. */
  public String band(double score) {
    for (Band b : bands) {
      if (score >= b.min()) {
        return b.name();
      }
    }
    return bands.get(bands.size() - 1).name();
  }

  /**
   * Scores, bands and orders requests; every record gets one {@link BacklogEntry}, those that
   * could not be scored last (rank 0) in input order.
   *
   * @param requests the requests ({@code id}, {@code title}, the factor fields, optional {@code
   *     submitted} and {@code ready_at}, and any field the conditions read)
   * @param asOf the instant time conditions measure from, and the ready time of requests without
   *     {@code ready_at}
   * @param calendar the holidays that cancel release windows
   */
  public Backlog prioritize(List<? extends Record> requests, Instant asOf, WorkingCalendar calendar) {
    Set<String> fields = new LinkedHashSet<>();
    for (Adjustment a : adjustments) {
      fields.addAll(Conditions.fieldsOf(a.when()));
    }
    for (Rule r : slaClasses) {
      fields.addAll(Conditions.fieldsOf(r.when()));
    }
    for (Condition c : trainConditions) {
      fields.addAll(Conditions.fieldsOf(c));
    }
    Schema schema = Schema.of(fields);
    List<CompiledCondition> adj = new ArrayList<>();
    for (Adjustment a : adjustments) {
      adj.add(CompiledCondition.compile(a.when(), schema));
    }
    List<CompiledCondition> sla = new ArrayList<>();
    for (Rule r : slaClasses) {
      sla.add(CompiledCondition.compile(r.when(), schema));
    }
    List<CompiledCondition> tw = new ArrayList<>();
    for (Condition c : trainConditions) {
      tw.add(CompiledCondition.compile(c, schema));
    }
    List<Scored> scored = new ArrayList<>();
    List<BacklogEntry> unscored = new ArrayList<>();
    long n = 0;
    for (Record r : requests) {
      n++;
      RecordFields f = new RecordFields(r);
      String id = f.requiredText("id");
      String title = f.text("title", "");
      double i = level(f, impact);
      double e = level(f, effort);
      double k = level(f, risk);
      LocalDate submitted = f.date("submitted", false);
      Instant ready = asOf;
      Object rawReady = r.get("ready_at");
      if (!Values.isEmpty(rawReady)) {
        Instant parsed = Values.asInstant(rawReady);
        if (parsed == null) {
          f.add(Finding.error(PlanningCodes.BAD_DATE, "ready_at", rawReady, "ready_at is not a date or timestamp: '" + rawReady + "'"));
        } else if (parsed.isAfter(asOf)) {
          ready = parsed;
        }
      }
      ArrayRow row = schema.row(r);
      String slaClass = defaultSlaClass;
      for (int x = 0; x < sla.size(); x++) {
        if (sla.get(x).test(row, asOf)) {
          slaClass = slaClasses.get(x).name();
          break;
        }
      }
      ReleaseWindow window = null;
      for (int x = 0; x < trains.size(); x++) {
        if (tw.get(x).test(row, asOf)) {
          Optional<ReleaseWindow> w = trains.get(x).nextWindow(ready, calendar);
          if (w.isEmpty()) {
            f.add(Finding.warning(PlanningCodes.NO_WINDOW, "ready_at", ready,
                "no window of train " + trains.get(x).name() + " within " + ReleaseTrain.HORIZON_DAYS + " days"));
          }
          window = w.orElse(null);
          break;
        }
      }
      if (id == null || i == 0 || e == 0 || k == 0 || f.hasErrors()) {
        unscored.add(new BacklogEntry(0, n, id == null ? "" : id, title, i, e, k, 0, "unscored", slaClass, List.of(),
            window, f.findings()));
        continue;
      }
      double score = score(i, e, k);
      List<String> reasons = new ArrayList<>();
      for (int x = 0; x < adj.size(); x++) {
        if (adj.get(x).test(row, asOf)) {
          score *= adjustments.get(x).multiply();
          reasons.add(adjustments.get(x).reason());
        }
      }
      scored.add(new Scored(n, id, title, i, e, k, score, slaClass, reasons, window, f.findings(), submitted));
    }
    scored.sort(Comparator.comparingDouble((Scored s) -> -s.score)
        .thenComparing(s -> s.submitted == null ? LocalDate.MAX : s.submitted)
        .thenComparingLong(s -> s.number));
    List<BacklogEntry> out = new ArrayList<>(scored.size() + unscored.size());
    int rank = 0;
    for (Scored s : scored) {
      double rounded = Math.round(s.score * 100) / 100.0;
      out.add(new BacklogEntry(++rank, s.number, s.id, s.title, s.impact, s.effort, s.risk, rounded, band(s.score),
          s.slaClass, s.reasons, s.window, s.findings));
    }
    out.addAll(unscored);
    return new Backlog(name, version, contentHash, out);
  }

  private double level(RecordFields f, Factor factor) {
    Object raw = f.optionalText(factor.field());
    if (raw == null) {
      f.add(Finding.error(PlanningCodes.MISSING_FIELD, factor.field(), null, factor.field() + " is missing"));
      return 0;
    }
    String t = raw.toString().trim().toLowerCase(Locale.ROOT);
    Double named = factor.levels().get(t);
    if (named != null) {
      return named;
    }
    Number num = Values.asNumber(t);
    if (num != null && num.doubleValue() >= 1 && num.doubleValue() <= scale) {
      return num.doubleValue();
    }
    f.add(Finding.error(PlanningCodes.UNKNOWN_VALUE, factor.field(), raw,
        factor.field() + " '" + raw + "' is neither a level from 1 to " + scale
            + (factor.levels().isEmpty() ? "" : " nor one of " + factor.levels().keySet())));
    return 0;
  }

  private record Scored(long number, String id, String title, double impact, double effort, double risk, double score,
      String slaClass, List<String> reasons, @Nullable ReleaseWindow window, List<Finding> findings,
      @Nullable LocalDate submitted) {}

  @Override
  public String toString() {
    return "IntakeModel[" + name + " " + version + "]";
  }
}
