package dev.mops.scoring;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The impact of changing a scoring model, measured on a population of leads before the change
 * goes live: how many leads change grade or band, which thresholds they enter or leave, and how
 * each score moves on average.
 *
 * <pre>{@code
 * ModelImpact impact = ModelImpact.compare(current, proposed, leads, asOf);
 * impact.gradeChanges();                 // leads whose grid grade changes
 * impact.entered("mql");                 // leads that become MQL under the new model
 * System.out.println(impact.summary());
 * }</pre>
 *
 * <p>Scales, thresholds and scores are matched by name; those only one model defines are listed
 * in the summary but not compared. Bad values in the leads are scored as missing, as the scorer
 * does.
 *
 * <p>Thread safety: an immutable value once built.
 */
public final class ModelImpact {

  /** The most example lead ids kept per report. */
  public static final int MAX_EXAMPLES = 10;

  private final ScoringModel oldModel;
  private final ScoringModel newModel;
  private final long leads;
  private final long gradeChanges;
  private final Map<String, Long> bandChanges;
  private final Map<String, Long> entered;
  private final Map<String, Long> left;
  private final Map<String, Double> meanDelta;
  private final Map<String, Map<String, Long>> gradeMatrix;
  private final List<String> examples;

  private ModelImpact(Builder b) {
    this.oldModel = b.oldModel;
    this.newModel = b.newModel;
    this.leads = b.leads;
    this.gradeChanges = b.gradeChanges;
    this.bandChanges = Collections.unmodifiableMap(new LinkedHashMap<>(b.bandChanges));
    this.entered = Collections.unmodifiableMap(new LinkedHashMap<>(b.entered));
    this.left = Collections.unmodifiableMap(new LinkedHashMap<>(b.left));
    Map<String, Double> md = new LinkedHashMap<>();
    b.deltaSum.forEach((k, v) -> md.put(k, b.leads == 0 ? 0.0 : v / ScoringModel.MICRO / b.leads));
    this.meanDelta = Collections.unmodifiableMap(md);
    Map<String, Map<String, Long>> gm = new TreeMap<>();
    b.gradeMatrix.forEach((k, v) -> gm.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    this.gradeMatrix = Collections.unmodifiableMap(gm);
    this.examples = List.copyOf(b.examples);
  }

  /**
   * Scores every lead under both models at {@code now} and compares.
   *
   * @throws IllegalArgumentException when a lead has more events than either model allows
   */
  public static ModelImpact compare(
      ScoringModel oldModel, ScoringModel newModel, Iterable<LeadActivity> leads, Instant now) {
    Builder b = builder(oldModel, newModel, now);
    for (LeadActivity lead : leads) {
      b.add(lead);
    }
    return b.build();
  }

  /** Returns a builder that compares lead by lead, for populations streamed from a file. */
  public static Builder builder(ScoringModel oldModel, ScoringModel newModel, Instant now) {
    return new Builder(oldModel, newModel, now);
  }

  /** Returns the model compared from. */
  public ScoringModel oldModel() {
    return oldModel;
  }

  /** Returns the model compared to. */
  public ScoringModel newModel() {
    return newModel;
  }

  /** Returns the number of leads compared. */
  public long leads() {
    return leads;
  }

  /** Returns how many leads have a different grid grade (such as {@code A2} to {@code B2}). */
  public long gradeChanges() {
    return gradeChanges;
  }

  /** Returns, per grade scale both models define, how many leads change band. */
  public Map<String, Long> bandChanges() {
    return bandChanges;
  }

  /** Returns, per threshold both models define, how many leads newly meet it. */
  public Map<String, Long> entered() {
    return entered;
  }

  /** Returns how many leads newly meet {@code threshold}, 0 when it is not compared. */
  public long entered(String threshold) {
    return entered.getOrDefault(threshold, 0L);
  }

  /** Returns, per threshold both models define, how many leads no longer meet it. */
  public Map<String, Long> left() {
    return left;
  }

  /** Returns how many leads no longer meet {@code threshold}, 0 when it is not compared. */
  public long left(String threshold) {
    return left.getOrDefault(threshold, 0L);
  }

  /** Returns, per score both models define, the mean of (new - old) over the leads. */
  public Map<String, Double> meanScoreChange() {
    return meanDelta;
  }

  /** Returns old grid grade to new grid grade to number of leads, for every pair seen. */
  public Map<String, Map<String, Long>> gradeMatrix() {
    return gradeMatrix;
  }

  /** Returns up to {@link #MAX_EXAMPLES} ids of leads whose grade or thresholds changed. */
  public List<String> examples() {
    return examples;
  }

  /** Returns a readable summary, one fact per line. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "model %s %s (%s) -> %s %s (%s)%n", oldModel.name(), oldModel.version(),
        oldModel.document().shortHash(), newModel.name(), newModel.version(), newModel.document().shortHash()));
    sb.append(String.format(Locale.ROOT, "leads compared: %d%n", leads));
    sb.append(String.format(Locale.ROOT, "grade changes: %d (%s)%n", gradeChanges, percent(gradeChanges)));
    bandChanges.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "band changes in %s: %d (%s)%n", k, v, percent(v))));
    for (String t : entered.keySet()) {
      sb.append(String.format(Locale.ROOT, "threshold %s: %d entered, %d left%n", t, entered(t), left(t)));
    }
    meanDelta.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "mean change in %s: %+.2f%n", k, v)));
    List<String> onlyOld = new ArrayList<>(oldModel.thresholdNames());
    onlyOld.removeAll(newModel.thresholdNames());
    List<String> onlyNew = new ArrayList<>(newModel.thresholdNames());
    onlyNew.removeAll(oldModel.thresholdNames());
    if (!onlyOld.isEmpty() || !onlyNew.isEmpty()) {
      sb.append("thresholds not compared: removed ").append(onlyOld).append(", added ").append(onlyNew).append('\n');
    }
    if (gradeChanges > 0) {
      sb.append("grade moves (old -> new: leads):\n");
      gradeMatrix.forEach((from, to) -> to.forEach((t, n) -> {
        if (!from.equals(t)) {
          sb.append(String.format(Locale.ROOT, "  %s -> %s: %d%n", from, t, n));
        }
      }));
    }
    if (!examples.isEmpty()) {
      sb.append("examples: ").append(String.join(", ", examples)).append('\n');
    }
    return sb.toString();
  }

  private String percent(long n) {
    return leads == 0 ? "0%" : String.format(Locale.ROOT, "%.1f%%", 100.0 * n / leads);
  }

  @Override
  public String toString() {
    return summary();
  }

  /**
   * Compares leads one at a time, so that a population need not be held in memory.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final ScoringModel oldModel;
    private final ScoringModel newModel;
    private final Instant now;
    private final BatchScorer oldScorer;
    private final BatchScorer newScorer;
    private long leads;
    private long gradeChanges;
    private final Map<String, Long> bandChanges = new LinkedHashMap<>();
    private final Map<String, Long> entered = new LinkedHashMap<>();
    private final Map<String, Long> left = new LinkedHashMap<>();
    private final Map<String, Long> deltaSum = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> gradeMatrix = new TreeMap<>();
    private final List<String> examples = new ArrayList<>();
    private final List<String> scales = new ArrayList<>();
    private final List<String> thresholds = new ArrayList<>();
    private final List<String> scores = new ArrayList<>();

    private Builder(ScoringModel oldModel, ScoringModel newModel, Instant now) {
      this.oldModel = Objects.requireNonNull(oldModel, "oldModel");
      this.newModel = Objects.requireNonNull(newModel, "newModel");
      this.now = Objects.requireNonNull(now, "now");
      this.oldScorer = oldModel.scorer().batch();
      this.newScorer = newModel.scorer().batch();
      for (String s : newModel.gradeNames()) {
        if (oldModel.gradeNames().contains(s)) {
          scales.add(s);
          bandChanges.put(s, 0L);
        }
      }
      for (String t : newModel.thresholdNames()) {
        if (oldModel.thresholdNames().contains(t)) {
          thresholds.add(t);
          entered.put(t, 0L);
          left.put(t, 0L);
        }
      }
      for (String s : newModel.scoreNames()) {
        if (oldModel.scoreNames().contains(s)) {
          scores.add(s);
          deltaSum.put(s, 0L);
        }
      }
    }

    /** Scores one lead under both models and counts the differences. */
    public Builder add(LeadActivity lead) {
      LeadScore before = score(oldModel, oldScorer, lead);
      LeadScore after = score(newModel, newScorer, lead);
      add(lead.id(), before, after);
      return this;
    }

    /** Counts the differences between two scores of one lead, already computed. */
    public Builder add(String id, LeadScore before, LeadScore after) {
      leads++;
      boolean changed = false;
      if (!before.grade().equals(after.grade())) {
        gradeChanges++;
        changed = true;
      }
      gradeMatrix.computeIfAbsent(before.grade(), k -> new TreeMap<>()).merge(after.grade(), 1L, Long::sum);
      for (String s : scales) {
        if (!before.grade(s).equals(after.grade(s))) {
          bandChanges.merge(s, 1L, Long::sum);
          changed = true;
        }
      }
      for (String t : thresholds) {
        boolean b = before.threshold(t);
        boolean a = after.threshold(t);
        if (a && !b) {
          entered.merge(t, 1L, Long::sum);
          changed = true;
        } else if (b && !a) {
          left.merge(t, 1L, Long::sum);
          changed = true;
        }
      }
      for (String s : scores) {
        long d = Math.round((after.score(s) - before.score(s)) * ScoringModel.MICRO);
        deltaSum.merge(s, d, Long::sum);
      }
      if (changed && examples.size() < MAX_EXAMPLES) {
        examples.add(id);
      }
      return this;
    }

    private LeadScore score(ScoringModel model, BatchScorer scorer, LeadActivity lead) {
      ArrayRow row = model.leadRow(lead.lead(), FindingSink.IGNORE);
      List<ArrayRow> events = new ArrayList<>(lead.events().size());
      for (Record e : lead.events()) {
        events.add(model.eventRow(e, FindingSink.IGNORE));
      }
      return scorer.score(row, events, now);
    }

    /** Returns the comparison so far. */
    public ModelImpact build() {
      return new ModelImpact(this);
    }
  }
}
