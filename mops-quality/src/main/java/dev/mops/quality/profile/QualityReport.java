package dev.mops.quality.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mops.core.Severity;
import dev.mops.quality.contract.ContractRule;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.FieldSpec;
import dev.mops.quality.contract.LogicalType;
import dev.mops.quality.contract.QualityDimension;
import dev.mops.quality.contract.RuleKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The scored result of checking a dataset's (merged) profile against its contract at an explicit
 * {@code now}: each rule's result, a 0-100 score per dimension and a weighted overall score.
 *
 * <p>Scoring: a record-level rule scores {@code 100 * (1 - failing rows / rows)}; a unique rule
 * {@code 100 * (1 - duplicate rows / keyed rows)}; a row-count rule 100 or 0; a freshness rule
 * 100 when the newest value is within its limit, else {@code 100 * limit / age}. A dimension scores
 * the mean of its evaluated rules; the overall score is the weighted mean of the scored dimensions
 * (weights from the contract, 1 each by default). Rules that cannot be evaluated are listed as
 * {@link RuleStatus#NOT_EVALUATED} and do not count toward any score.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class QualityReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final DataContract contract;
  private final QualityProfile profile;
  private final Instant asOf;
  private final List<RuleResult> results;
  private final Map<QualityDimension, DimensionScore> dimensions;
  private final double overall;

  private QualityReport(DataContract contract, QualityProfile profile, Instant asOf, List<RuleResult> results,
      Map<QualityDimension, DimensionScore> dimensions, double overall) {
    this.contract = contract;
    this.profile = profile;
    this.asOf = asOf;
    this.results = List.copyOf(results);
    this.dimensions = dimensions;
    this.overall = overall;
  }

  /**
   * Scores {@code profile} against {@code contract} at {@code now}.
   *
   * @throws IllegalArgumentException when the profile was not built for this contract
   */
  public static QualityReport of(DataContract contract, QualityProfile profile, Instant now) {
    Objects.requireNonNull(now, "now");
    if (!contract.contentHash().equals(profile.contractHash())) {
      throw new IllegalArgumentException("profile was built for contract '" + profile.contractName() + "' "
          + profile.contractHash() + ", not '" + contract.name() + "' " + contract.contentHash());
    }
    ProfileState s = profile.state;
    List<RuleResult> results = new ArrayList<>();
    for (int i = 0; i < contract.rules().size(); i++) {
      results.add(evaluate(contract, s, i, now));
    }
    Map<QualityDimension, DimensionScore> dims = new EnumMap<>(QualityDimension.class);
    double weighted = 0;
    double weights = 0;
    for (QualityDimension d : QualityDimension.values()) {
      List<RuleResult> in = new ArrayList<>();
      double sum = 0;
      int n = 0;
      for (RuleResult r : results) {
        if (r.rule().dimension() == d) {
          in.add(r);
          if (r.status() != RuleStatus.NOT_EVALUATED) {
            sum += r.score();
            n++;
          }
        }
      }
      double score = n == 0 ? Double.NaN : sum / n;
      double w = contract.weights().getOrDefault(d, 1.0);
      dims.put(d, new DimensionScore(d, score, w, in));
      if (n > 0) {
        weighted += w * score;
        weights += w;
      }
    }
    double overall = weights == 0 ? Double.NaN : weighted / weights;
    return new QualityReport(contract, profile, now, results, dims, overall);
  }

  private static RuleResult evaluate(DataContract contract, ProfileState s, int i, Instant now) {
    ContractRule rule = contract.rules().get(i);
    long rows = s.rows;
    List<String> samples = s.samples[i].values();
    switch (rule.kind()) {
      case UNSUPPORTED:
        return new RuleResult(rule, RuleStatus.NOT_EVALUATED, 0, rows, Double.NaN, Double.NaN, List.of(), rule.note());
      case UNIQUE: {
        long keyed = s.keyedRows[i];
        long dup = keyed - s.keys[i].size();
        double measured = rule.threshold().measure(dup, keyed);
        double score = keyed == 0 ? 100 : 100.0 * (1 - (double) dup / keyed);
        return new RuleResult(rule, status(rule, measured), dup, keyed, measured, score, samples, "");
      }
      case ROW_COUNT: {
        boolean ok = rule.threshold().accepts((double) rows);
        return new RuleResult(rule, status(rule, (double) rows), 0, rows, rows, ok ? 100 : 0, List.of(), "");
      }
      case FRESHNESS: {
        int f = s.fieldNames().indexOf(rule.field());
        FieldState fs = s.fieldStates[f];
        if (fs.n == 0) {
          return new RuleResult(rule, RuleStatus.NOT_EVALUATED, 0, rows, Double.NaN, Double.NaN, List.of(),
              "no readable " + rule.field() + " values");
        }
        double newest = fs.spec.type() == LogicalType.DATE ? fs.max * 86400 : fs.max;
        double age = now.getEpochSecond() + now.getNano() / 1e9 - newest;
        double limit = rule.threshold().value();
        double score = age <= limit ? 100 : 100 * limit / age;
        return new RuleResult(rule, status(rule, age), 0, rows, age, score, List.of(),
            "newest " + rule.field() + " " + describeInstant(fs.spec, fs.max));
      }
      default: {
        long fails = s.failures[i];
        double measured = rule.threshold().measure(fails, rows);
        double score = rows == 0 ? 100 : 100.0 * (1 - (double) fails / rows);
        return new RuleResult(rule, status(rule, measured), fails, rows, measured, score, samples, "");
      }
    }
  }

  private static String describeInstant(FieldSpec spec, double scale) {
    if (spec.type() == LogicalType.DATE) {
      return java.time.LocalDate.ofEpochDay((long) scale).toString();
    }
    return Instant.ofEpochSecond((long) Math.floor(scale)).toString();
  }

  private static RuleStatus status(ContractRule rule, double measured) {
    if (rule.threshold().accepts(measured)) {
      return RuleStatus.PASS;
    }
    return rule.severity() == Severity.ERROR ? RuleStatus.FAIL : RuleStatus.WARN;
  }

  /** Returns the contract scored against. */
  public DataContract contract() {
    return contract;
  }

  /** Returns the profile scored. */
  public QualityProfile profile() {
    return profile;
  }

  /** Returns the {@code now} of freshness. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns every rule's result, in the contract's order. */
  public List<RuleResult> results() {
    return results;
  }

  /** Returns the score of each dimension (every dimension is present; unscored ones have NaN). */
  public Map<QualityDimension, DimensionScore> dimensions() {
    return dimensions;
  }

  /** Returns the weighted overall score 0-100, or NaN when nothing was scored. */
  public double overallScore() {
    return overall;
  }

  /** Returns the worst status of any rule (PASS when all passed; NOT_EVALUATED does not count). */
  public RuleStatus worstStatus() {
    RuleStatus worst = RuleStatus.PASS;
    for (RuleResult r : results) {
      if (r.status() == RuleStatus.FAIL) {
        return RuleStatus.FAIL;
      }
      if (r.status() == RuleStatus.WARN) {
        worst = RuleStatus.WARN;
      }
    }
    return worst;
  }

  /** Returns the results that did not pass, worst first (fail, warn, not evaluated; then by score). */
  public List<RuleResult> worstRules() {
    List<RuleResult> out = new ArrayList<>();
    for (RuleResult r : results) {
      if (r.status() != RuleStatus.PASS) {
        out.add(r);
      }
    }
    out.sort(Comparator.<RuleResult>comparingInt(r -> r.status() == RuleStatus.FAIL ? 0 : r.status() == RuleStatus.WARN ? 1 : 2)
        .thenComparingDouble(r -> Double.isNaN(r.score()) ? 101 : r.score())
        .thenComparing(r -> r.rule().id()));
    return out;
  }

  /** Returns the report as JSON: contract, as-of, scores, rule results, notes and field statistics. */
  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "mops-quality-report/1");
    ObjectNode c = root.putObject("contract");
    c.put("name", contract.name());
    c.put("version", contract.version());
    c.put("contentHash", contract.contentHash());
    c.put("source", contract.source());
    root.put("asOf", asOf.toString());
    root.put("rows", profile.rows());
    putScore(root, "overallScore", overall);
    root.put("status", worstStatus().label());
    ObjectNode dims = root.putObject("dimensions");
    for (DimensionScore d : dimensions.values()) {
      ObjectNode o = dims.putObject(d.dimension().label());
      putScore(o, "score", d.score());
      o.put("weight", d.weight());
      o.put("rules", d.rules().size());
    }
    ArrayNode rs = root.putArray("rules");
    for (RuleResult r : results) {
      ObjectNode o = rs.addObject();
      o.put("id", r.rule().id());
      o.put("kind", r.rule().kind().label());
      ArrayNode f = o.putArray("fields");
      r.rule().fields().forEach(f::add);
      o.put("dimension", r.rule().dimension().label());
      o.put("severity", r.rule().severity().label());
      o.put("expectation", r.rule().expectation());
      o.put("threshold", r.rule().threshold().describe());
      o.put("status", r.status().label());
      o.put("failures", r.failures());
      o.put("population", r.population());
      putScore(o, "measured", r.measured());
      putScore(o, "score", r.score());
      ArrayNode sv = o.putArray("samples");
      r.samples().forEach(sv::add);
      if (!r.note().isEmpty()) {
        o.put("note", r.note());
      }
    }
    ArrayNode notes = root.putArray("notes");
    contract.notes().forEach(notes::add);
    ArrayNode fields = root.putArray("fields");
    for (FieldProfile fp : profile.fields()) {
      ObjectNode o = fields.addObject();
      o.put("name", fp.name());
      o.put("type", fp.type());
      o.put("count", fp.count());
      o.put("nulls", fp.nulls());
      o.put("empties", fp.empties());
      o.put("completeness", round(fp.completeness() * 100));
      o.put("validity", round(validity(fp) * 100));
      o.put("distinct", fp.distinct());
      o.put("distinctExact", fp.distinctExact());
      putScore(o, "min", fp.min());
      putScore(o, "max", fp.max());
      putScore(o, "mean", fp.mean());
      putScore(o, "stddev", fp.stddev());
      putScore(o, "p50", fp.p50());
      putScore(o, "p95", fp.p95());
      ArrayNode top = o.putArray("topValues");
      for (Map.Entry<String, Long> e : fp.topValues()) {
        top.addObject().put("value", e.getKey()).put("count", e.getValue());
      }
      ObjectNode inv = o.putObject("invalidByRule");
      fp.invalidByRule().forEach(inv::put);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write report", e);
    }
  }

  /**
   * Returns the share (0-1) of a field's present values that broke none of its validity rules
   * (approximated as 1 minus the largest failing count of one validity rule over present values).
   */
  double validity(FieldProfile fp) {
    long present = fp.count() - fp.nulls() - fp.empties();
    if (present <= 0) {
      return 1;
    }
    long worst = 0;
    for (Map.Entry<String, Long> e : fp.invalidByRule().entrySet()) {
      ContractRule r = contract.rule(e.getKey());
      if (r != null && r.dimension() == QualityDimension.VALIDITY && r.kind() != RuleKind.UNIQUE) {
        worst = Math.max(worst, e.getValue());
      }
    }
    return Math.max(0, 1 - (double) worst / present);
  }

  /** Returns a single self-contained HTML page of the report (inline CSS, no scripts, no network). */
  public String toHtml() {
    return ReportHtml.render(this);
  }

  static double round(double d) {
    return Math.round(d * 100) / 100.0;
  }

  private static void putScore(ObjectNode o, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      o.putNull(key);
    } else {
      o.put(key, round(v));
    }
  }
}
