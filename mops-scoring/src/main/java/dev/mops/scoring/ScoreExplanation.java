package dev.mops.scoring;

import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.LeafOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Why a lead got its score: every rule that fired with its points before and after decay and its
 * cap, each group's and score's points before and after caps, and why each threshold is met or not.
 *
 * <p>{@link #toJson()} gives the one-line JSON form the {@code mops score --explain} column holds:
 *
 * <pre>{@code
 * {"model":"acme-b2b","version":"2026.1","hash":"sha256:…","as_of":"2026-01-31T00:00:00Z",
 *  "scores":{"fit":55,"engagement":42.5,"total":97.5},"grade":"B2","thresholds":{"mql":false},
 *  "rules":[{"score":"fit","group":"seniority","rule":"vp","occurrences":1,
 *            "before_decay":25,"after_decay":25,"after_cap":25}, …],
 *  "subtotals":[{"score":"fit","group":"seniority","before_cap":35,"after_cap":30}, …]}
 * }</pre>
 *
 * <p>Thread safety: an immutable value.
 *
 * @param score the lead's score
 * @param asOf the {@code now} the score was computed at
 * @param rules the rules that fired, in model order
 * @param subtotals each group (then each score, with group {@code ""}), in model order
 * @param thresholds each threshold's condition explanation, in model order
 */
public record ScoreExplanation(
    LeadScore score, Instant asOf, List<RuleContribution> rules, List<Subtotal> subtotals,
    Map<String, ConditionExplanation> thresholds) {

  /** Copies the collections. */
  public ScoreExplanation {
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(asOf, "asOf");
    rules = List.copyOf(rules);
    subtotals = List.copyOf(subtotals);
    thresholds = Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
  }

  /** Returns a readable multi-line form for people. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    score.scores().forEach((k, v) -> sb.append(k).append(' ').append(number(v)).append(", "));
    sb.append(score.grade().isEmpty() ? "no grade" : "grade " + score.grade())
        .append(score.thresholdsMet().isEmpty() ? "" : ", " + String.join(", ", score.thresholdsMet()))
        .append(" (model ").append(score.model().name()).append(' ').append(score.modelVersion())
        .append(", as of ").append(asOf).append(")\n");
    for (RuleContribution r : rules) {
      sb.append("  ").append(r.score()).append('/').append(r.group()).append('/').append(r.rule())
          .append(": ").append(r.occurrences()).append(" x -> ").append(number(r.pointsBeforeDecay()))
          .append(" before decay, ").append(number(r.pointsAfterDecay())).append(" after decay, ")
          .append(number(r.pointsAfterCap())).append(" after cap  [").append(r.when()).append("]\n");
    }
    for (Subtotal s : subtotals) {
      if (s.capped()) {
        sb.append("  ").append(s.group().isEmpty() ? s.score() : s.score() + "/" + s.group())
            .append(" capped: ").append(number(s.pointsBeforeCap())).append(" -> ")
            .append(number(s.pointsAfterCap())).append('\n');
      }
    }
    for (Map.Entry<String, ConditionExplanation> t : thresholds.entrySet()) {
      sb.append("  threshold ").append(t.getKey()).append(": ").append(t.getValue().result());
      for (LeafOutcome o : t.getValue().decidedBy()) {
        sb.append("; ").append(o.describe());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Returns the explanation as one line of JSON (the form shown in the class comment). */
  public String toJson() {
    StringBuilder sb = new StringBuilder(512);
    sb.append("{\"model\":");
    string(sb, score.model().name());
    sb.append(",\"version\":");
    string(sb, score.modelVersion());
    sb.append(",\"hash\":");
    string(sb, score.modelHash());
    sb.append(",\"as_of\":");
    string(sb, asOf.toString());
    sb.append(",\"scores\":{");
    boolean first = true;
    for (Map.Entry<String, Double> e : score.scores().entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, e.getKey());
      sb.append(':').append(number(e.getValue()));
    }
    sb.append("},\"grade\":");
    string(sb, score.grade());
    sb.append(",\"thresholds\":{");
    first = true;
    for (String t : score.model().thresholdNames()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, t);
      sb.append(':').append(score.threshold(t));
    }
    sb.append("},\"rules\":[");
    first = true;
    for (RuleContribution r : rules) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append("{\"score\":");
      string(sb, r.score());
      sb.append(",\"group\":");
      string(sb, r.group());
      sb.append(",\"rule\":");
      string(sb, r.rule());
      sb.append(",\"occurrences\":").append(r.occurrences());
      sb.append(",\"before_decay\":").append(number(r.pointsBeforeDecay()));
      sb.append(",\"after_decay\":").append(number(r.pointsAfterDecay()));
      sb.append(",\"after_cap\":").append(number(r.pointsAfterCap()));
      sb.append('}');
    }
    sb.append("],\"subtotals\":[");
    first = true;
    for (Subtotal s : subtotals) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append("{\"score\":");
      string(sb, s.score());
      sb.append(",\"group\":");
      string(sb, s.group());
      sb.append(",\"before_cap\":").append(number(s.pointsBeforeCap()));
      sb.append(",\"after_cap\":").append(number(s.pointsAfterCap()));
      sb.append('}');
    }
    return sb.append("]}").toString();
  }

  /** Formats points without exponent or trailing zeros, to the millionth. */
  static String number(double d) {
    long m = Math.round(d * ScoringModel.MICRO);
    if (m % 1_000_000L == 0) {
      return Long.toString(m / 1_000_000L);
    }
    return BigDecimal.valueOf(m).movePointLeft(6).stripTrailingZeros().toPlainString();
  }

  private static void string(StringBuilder sb, String s) {
    dev.mops.core.io.JsonText.quote(sb, s);
  }
}
