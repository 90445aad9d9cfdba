package dev.mops.scoring.lifecycle;

import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.LeafOutcome;
import dev.mops.core.record.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * A staging run: takes leads one by one, each with its history of transitions and its current
 * facts (lead fields, score outcomes such as {@code mql} or {@code fit_grade}), moves each as far
 * as the lifecycle's entry criteria allow as of one instant, says why, and builds the funnel
 * ({@link StageFunnel}), the cohorts ({@link StageCohorts}) and their {@link FunnelReport} from
 * the histories including the moves made now.
 *
 * <p>As of means as of: transitions after {@code asOf} are ignored, so a backfill over an old
 * export gives the stages of that day. A lead without history starts in the start stage given
 * (the CRM's stage) or the first funnel stage, created at the time given, else at {@code asOf}.
 *
 * <p>Thread safety: not thread-safe (it accumulates the funnel); one run per thread.
 */
public final class LifecycleRun {

  private final LifecycleModel model;
  private final Instant asOf;
  private final StageFunnel funnel;
  private final StageCohorts cohorts;
  private long leads;
  private long moved;
  private long problems;

  /** Creates a run of {@code model} as of {@code asOf}. */
  public LifecycleRun(LifecycleModel model, Instant asOf) {
    this.model = Objects.requireNonNull(model, "model");
    this.asOf = Objects.requireNonNull(asOf, "asOf");
    this.funnel = new StageFunnel(model);
    this.cohorts = new StageCohorts(model);
  }

  /**
   * Stages one lead.
   *
   * @param leadId the lead's id, for the result
   * @param history the lead's transitions so far, in time order (may be empty); those after
   *     {@code asOf} are ignored
   * @param startStage the stage of a lead without history (such as the CRM's lifecycle stage), or
   *     {@code null} for the first funnel stage
   * @param createdAt when a lead without history was created, or {@code null} for {@code asOf}
   * @param facts a row of the schema the model's entry criteria were compiled against
   */
  public StagedLead stage(String leadId, List<StageTransition> history, @Nullable String startStage,
      @Nullable Instant createdAt, Row facts) {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(facts, "facts");
    leads++;
    List<StageTransition> past = new ArrayList<>(history.size() + 2);
    for (StageTransition t : history) {
      if (!t.at().isAfter(asOf)) {
        past.add(t);
      }
    }
    if (past.isEmpty()) {
      String start = startStage == null || startStage.isBlank() ? model.stages().get(0).name() : startStage.strip();
      if (!model.stagesByName().containsKey(start)) {
        problems++;
        return new StagedLead(leadId, "", "", List.of(), "",
            "unknown start stage '" + start + "'; the lifecycle has " + model.stagesByName().keySet(), List.of());
      }
      Instant at = createdAt == null || createdAt.isAfter(asOf) ? asOf : createdAt;
      past.add(StageTransition.created(start, at));
    } else {
      try {
        StageMetrics.of(model, past, asOf);
      } catch (IllegalArgumentException e) {
        problems++;
        return new StagedLead(leadId, "", "", List.of(), "", "history: " + e.getMessage(), List.of());
      }
    }
    String current = past.get(past.size() - 1).to();
    StageDecision d = model.advance(current, facts, asOf);
    String why = d.changed() ? entered(d.stage(), facts) : stayed(current, facts);
    past.addAll(d.transitions());
    StageMetrics m = StageMetrics.of(model, past, asOf);
    funnel.add(m);
    cohorts.add(m);
    if (d.changed()) {
      moved++;
    }
    return new StagedLead(leadId, current, d.stage(), d.transitions(), why, null, past);
  }

  private static String describe(ConditionExplanation e) {
    StringJoiner j = new StringJoiner("; ");
    for (LeafOutcome o : e.decidedBy()) {
      j.add(o.describe());
    }
    return j.toString();
  }

  private String entered(String stage, Row facts) {
    Optional<ConditionExplanation> e = model.explainEntry(stage, facts, asOf);
    return "entry criteria of '" + stage + "' met" + e.map(x -> ": " + describe(x)).orElse("");
  }

  private String stayed(String current, Row facts) {
    if (current.equals(model.disqualifiedStage())) {
      return "disqualified leads stay (reopen them with an explicit move)";
    }
    String base = current.equals(model.recycledStage()) ? model.recycleTo() : current;
    int next = Objects.requireNonNull(model.stagesByName().get(base), "stage").order()
        + (current.equals(model.recycledStage()) ? 0 : 1);
    List<String> criteria = new ArrayList<>();
    for (int i = next; i < model.stages().size(); i++) {
      String n = model.stages().get(i).name();
      Optional<ConditionExplanation> e = model.explainEntry(n, facts, asOf);
      if (e.isPresent()) {
        return "entry criteria of '" + n + "' not met: " + describe(e.get())
            + (i > next ? " ('" + String.join("', '", criteria) + "' entered by explicit moves only)" : "");
      }
      criteria.add(n);
      if (!model.allowsSkip()) {
        break;
      }
    }
    if (next >= model.stages().size()) {
      return "'" + current + "' is the last stage";
    }
    return "'" + String.join("', '", criteria) + "' " + (criteria.size() == 1 ? "is" : "are")
        + " entered by explicit moves only (no entry criteria)";
  }

  /** Returns the number of leads staged. */
  public long leads() {
    return leads;
  }

  /** Returns the number of leads that changed stage in this run. */
  public long moved() {
    return moved;
  }

  /** Returns the number of leads with a problem (left out of the funnel). */
  public long problems() {
    return problems;
  }

  /** Returns the funnel of the leads staged so far (live: it grows with each lead). */
  public StageFunnel funnel() {
    return funnel;
  }

  /** Returns the cohorts of the leads staged so far (live). */
  public StageCohorts cohorts() {
    return cohorts;
  }

  /** Returns the report of the leads staged so far: a snapshot. */
  public FunnelReport report() {
    return FunnelReport.of(funnel, cohorts, asOf);
  }
}
