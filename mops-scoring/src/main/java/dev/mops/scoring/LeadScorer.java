package dev.mops.scoring;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores leads with a compiled {@link ScoringModel}: the score is a pure function of the lead's
 * fields, its events and an explicit {@code now}, so rescoring history or backfilling gives the
 * same answer.
 *
 * <p>Events after {@code now} are ignored (scoring as of an earlier date sees only what had
 * happened then); events without a readable timestamp are ignored. The order of the events never
 * changes the result.
 *
 * <p>For one lead at a time (a CRM plugin), call {@link #score} or {@link #explain}; each call
 * allocates its scratch space. For millions, take a {@link #batch()} per thread: it reuses its
 * scratch space, so each lead allocates only its {@link LeadScore}.
 *
 * <p>Thread safety: immutable and safe to share; any number of threads may score at once.
 */
public final class LeadScorer {

  private final ScoringModel model;

  LeadScorer(ScoringModel model) {
    this.model = model;
  }

  /** Returns the model this scorer scores with. */
  public ScoringModel model() {
    return model;
  }

  /**
   * Scores one lead.
   *
   * @param lead a row of {@link ScoringModel#leadSchema()} (see {@link ScoringModel#leadRow})
   * @param events rows of {@link ScoringModel#eventSchema()} (see {@link ScoringModel#eventRow}), in
   *     any order
   * @param now the instant the score is computed at
   * @throws IllegalArgumentException when there are more events than {@link
   *     ScoringModel#maxEventsPerLead()}, or a row is not of the model's schema
   */
  public LeadScore score(Row lead, List<? extends Row> events, Instant now) {
    check(lead, events, now);
    return new ScoringRun(model).score(lead, events, now);
  }

  /**
   * Scores one lead given as records, converting them with {@link ScoringModel#leadRow} and {@link
   * ScoringModel#eventRow} and reporting bad values on {@code findings}.
   */
  public LeadScore score(Record lead, Iterable<? extends Record> events, Instant now, FindingSink findings) {
    Objects.requireNonNull(findings, "findings");
    List<ArrayRow> rows = eventRows(events, findings);
    return score(model.leadRow(lead, findings), rows, now);
  }

  /** Scores one lead and explains the score: the same score as {@link #score}, with every rule that fired. */
  public ScoreExplanation explain(Row lead, List<? extends Row> events, Instant now) {
    check(lead, events, now);
    return new ScoringRun(model).explain(lead, events, now);
  }

  /** Explains the score of a lead given as records (see {@link #score(Record, Iterable, Instant, FindingSink)}). */
  public ScoreExplanation explain(Record lead, Iterable<? extends Record> events, Instant now, FindingSink findings) {
    Objects.requireNonNull(findings, "findings");
    List<ArrayRow> rows = eventRows(events, findings);
    return explain(model.leadRow(lead, findings), rows, now);
  }

  /** Returns a new batch scorer, for one thread to score many leads without per-lead scratch space. */
  public BatchScorer batch() {
    return new BatchScorer(this, new ScoringRun(model));
  }

  private List<ArrayRow> eventRows(Iterable<? extends Record> events, FindingSink findings) {
    List<ArrayRow> rows = new ArrayList<>();
    for (Record e : events) {
      rows.add(model.eventRow(e, findings));
      if (rows.size() > model.maxEventsPerLead()) {
        throw new IllegalArgumentException(
            "a lead has more than " + model.maxEventsPerLead() + " events (limits.max_events_per_lead)");
      }
    }
    return rows;
  }

  void check(Row lead, List<? extends Row> events, Instant now) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(now, "now");
    if (!lead.schema().equals(model.leadSchema())) {
      throw new IllegalArgumentException(
          "lead row has schema " + lead.schema() + ", expected the model's lead schema " + model.leadSchema());
    }

  }

  @Override
  public String toString() {
    return "LeadScorer[" + model + "]";
  }
}
