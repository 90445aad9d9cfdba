package dev.mops.scoring;

import dev.mops.core.record.Row;
import java.time.Instant;
import java.util.List;

/**
 * A scorer for many leads on one thread: it reuses its scratch space from lead to lead, so scoring
 * allocates only each {@link LeadScore} (explanations allocate theirs).
 *
 * <pre>{@code
 * BatchScorer batch = model.scorer().batch();   // one per thread
 * for (Lead lead : leads) {
 *   LeadScore s = batch.score(lead.row(), lead.events(), asOf);
 * }
 * }</pre>
 *
 * <p>Event rows must be rows of {@link ScoringModel#eventSchema()}; they are read by slot.
 *
 * <p>Thread safety: not thread-safe; use one batch scorer per thread (they are cheap to make).
 */
public final class BatchScorer {

  private final LeadScorer scorer;
  private final ScoringRun run;

  BatchScorer(LeadScorer scorer, ScoringRun run) {
    this.scorer = scorer;
    this.run = run;
  }

  /** Returns the model this scorer scores with. */
  public ScoringModel model() {
    return scorer.model();
  }

  /** Scores one lead; see {@link LeadScorer#score(Row, List, Instant)}. */
  public LeadScore score(Row lead, List<? extends Row> events, Instant now) {
    scorer.check(lead, events, now);
    return run.score(lead, events, now);
  }

  /** Scores and explains one lead; see {@link LeadScorer#explain(Row, List, Instant)}. */
  public ScoreExplanation explain(Row lead, List<? extends Row> events, Instant now) {
    scorer.check(lead, events, now);
    return run.explain(lead, events, now);
  }
}
