package dev.mops.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Why a lead was routed where it was: each rule tried and why it did or did not match, each rep
 * considered and why it was skipped or chosen, and the assignment state before and after.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param decision the decision explained
 * @param table the table's name, version and short hash
 * @param rules the rules tried, in order, up to and including the one that matched
 * @param candidates the reps considered, in the order they were considered
 * @param state the assignment state the decision read and wrote, or null when it touched none (queues)
 */
public record RoutingExplanation(
    RoutingDecision decision, String table, List<RuleCheck> rules, List<Candidate> candidates, @Nullable StateChange state) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Copies the lists. */
  public RoutingExplanation {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(table, "table");
    rules = List.copyOf(rules);
    candidates = List.copyOf(candidates);
  }

  /**
   * One rule tried.
   *
   * @param rule the rule's name
   * @param matched whether its condition held
   * @param why the condition's explanation (the comparisons that decided it)
   */
  public record RuleCheck(String rule, boolean matched, String why) {}

  /**
   * One rep considered.
   *
   * @param rep the rep's id
   * @param skipped why the rep was skipped, or null when chosen or not reached
   * @param detail the counts or dates behind the answer, such as {@code 25 of 25 today}
   * @param chosen whether the rep got the lead
   */
  public record Candidate(String rep, @Nullable SkipReason skipped, String detail, boolean chosen) {}

  /**
   * The assignment state a decision read and wrote.
   *
   * @param pool the pool whose rotation was read, or null for a named owner
   * @param rotationBefore the pool's rotation position before
   * @param rotationAfter the pool's rotation position after
   * @param rep the rep whose counts changed, or null when nobody was assigned
   * @param todayBefore the rep's leads today before
   * @param todayAfter the rep's leads today after
   * @param weekBefore the rep's leads this week before
   * @param weekAfter the rep's leads this week after
   */
  public record StateChange(
      @Nullable String pool, long rotationBefore, long rotationAfter, @Nullable String rep,
      int todayBefore, int todayAfter, int weekBefore, int weekAfter) {}

  /** Returns a readable, multi-line account. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(decision.outcome().label()).append(" -> ").append(decision.destination());
    if (decision.owner() != null) {
      sb.append(" (").append(decision.owner()).append(')');
    }
    sb.append(" by rule ").append(decision.rule()).append(" of ").append(table).append('\n');
    sb.append("  reason: ").append(decision.reason()).append('\n');
    for (RuleCheck r : rules) {
      sb.append("  rule ").append(r.rule()).append(": ").append(r.matched() ? "matched" : "did not match");
      for (String line : r.why().lines().toList()) {
        if (!line.isBlank() && !line.equals("true") && !line.equals("false")) {
          sb.append("\n    ").append(line.trim());
        }
      }
      sb.append('\n');
    }
    for (Candidate c : candidates) {
      sb.append("  rep ").append(c.rep()).append(": ")
          .append(c.chosen() ? "chosen" : c.skipped() == null ? "not reached" : "skipped, " + c.skipped().code())
          .append(c.detail().isEmpty() ? "" : " (" + c.detail() + ")").append('\n');
    }
    if (state != null) {
      sb.append("  state: ");
      if (state.pool() != null) {
        sb.append("rotation of ").append(state.pool()).append(' ').append(state.rotationBefore()).append(" -> ")
            .append(state.rotationAfter()).append("; ");
      }
      if (state.rep() != null) {
        sb.append(state.rep()).append(" today ").append(state.todayBefore()).append(" -> ").append(state.todayAfter())
            .append(", this week ").append(state.weekBefore()).append(" -> ").append(state.weekAfter());
      } else {
        sb.append("nobody assigned");
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Returns the explanation as one line of JSON. */
  public String toJson() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("outcome", decision.outcome().label());
    m.put("destination", decision.destination());
    m.put("owner", decision.owner());
    m.put("rule", decision.rule());
    m.put("reason", decision.reason());
    m.put("table", table);
    List<Object> rs = new ArrayList<>();
    for (RuleCheck r : rules) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("rule", r.rule());
      x.put("matched", r.matched());
      x.put("why", r.why());
      rs.add(x);
    }
    m.put("rules", rs);
    List<Object> cs = new ArrayList<>();
    for (Candidate c : candidates) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("rep", c.rep());
      x.put("chosen", c.chosen());
      x.put("skipped", c.skipped() == null ? null : c.skipped().code());
      x.put("detail", c.detail());
      cs.add(x);
    }
    m.put("candidates", cs);
    if (state != null) {
      Map<String, @Nullable Object> x = new LinkedHashMap<>();
      x.put("pool", state.pool());
      x.put("rotation_before", state.rotationBefore());
      x.put("rotation_after", state.rotationAfter());
      x.put("rep", state.rep());
      x.put("today_before", state.todayBefore());
      x.put("today_after", state.todayAfter());
      x.put("week_before", state.weekBefore());
      x.put("week_after", state.weekAfter());
      m.put("state", x);
    }
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write explanation as JSON", e);
    }
  }
}
