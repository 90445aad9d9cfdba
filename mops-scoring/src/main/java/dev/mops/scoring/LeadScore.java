package dev.mops.scoring;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The score of one lead under one {@link ScoringModel} at one instant: a value per named score, a
 * band per grade scale, the grid grade (such as {@code A1}), and which thresholds (such as MQL) are
 * met, with the model version and content hash that produced it.
 *
 * <p>Scores are exact to the millionth of a point and do not depend on the order of the events.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class LeadScore {

  private final ScoringModel model;
  private final long[] micro;
  private final int[] bands;
  private final int gridCell;
  private final long thresholds;

  LeadScore(ScoringModel model, long[] micro, int[] bands, int gridCell, long thresholds) {
    this.model = model;
    this.micro = micro;
    this.bands = bands;
    this.gridCell = gridCell;
    this.thresholds = thresholds;
  }

  /** Returns the model that produced this score. */
  public ScoringModel model() {
    return model;
  }

  /** Returns the version of the model that produced this score. */
  public String modelVersion() {
    return model.version();
  }

  /** Returns the content hash of the model that produced this score. */
  public String modelHash() {
    return model.contentHash();
  }

  /**
   * Returns the value of a named score.
   *
   * @throws IllegalArgumentException naming the score and the model's scores when it is unknown
   */
  public double score(String name) {
    int i = model.scoreIndex(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown score '" + name + "'; the model has " + model.scoreNames());
    }
    return score(i);
  }

  /** Returns the value of the score at {@code index} in {@link ScoringModel#scoreNames()}. */
  public double score(int index) {
    return micro[index] / ScoringModel.MICRO;
  }

  /** Returns every score by name, in model order. */
  public Map<String, Double> scores() {
    Map<String, Double> out = new LinkedHashMap<>();
    for (int i = 0; i < micro.length; i++) {
      out.put(model.scoreNames().get(i), score(i));
    }
    return Collections.unmodifiableMap(out);
  }

  /** Returns the grid grade, such as {@code B2}; {@code ""} when the model has no grades. */
  public String grade() {
    return model.grid.length == 0 ? "" : model.gridLabels[gridCell];
  }

  /**
   * Returns the band label of one grade scale, such as {@code B} for {@code fit}.
   *
   * @throws IllegalArgumentException when the model has no such scale
   */
  public String grade(String scale) {
    int i = model.gradeNames().indexOf(scale);
    if (i < 0) {
      throw new IllegalArgumentException("unknown grade scale '" + scale + "'; the model has " + model.gradeNames());
    }
    return model.grades[i].label(bands[i]);
  }

  /**
   * Returns whether the named threshold is met.
   *
   * @throws IllegalArgumentException when the model has no such threshold
   */
  public boolean threshold(String name) {
    int i = model.thresholdNames().indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("unknown threshold '" + name + "'; the model has " + model.thresholdNames());
    }
    return (thresholds & (1L << i)) != 0;
  }

  /** Returns the names of the thresholds met, in model order. */
  public List<String> thresholdsMet() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < model.thresholds.length; i++) {
      if ((thresholds & (1L << i)) != 0) {
        out.add(model.thresholds[i].name);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the thresholds this score has entered or left since {@code previous} (an earlier score
   * of the same lead, possibly under another version of the model). Thresholds are matched by name;
   * one that only one of the models defines is not reported.
   */
  public List<ThresholdCrossing> crossingsSince(LeadScore previous) {
    Objects.requireNonNull(previous, "previous");
    List<ThresholdCrossing> out = new ArrayList<>();
    for (String t : model.thresholdNames()) {
      if (!previous.model.thresholdNames().contains(t)) {
        continue;
      }
      boolean now = threshold(t);
      boolean before = previous.threshold(t);
      if (now != before) {
        out.add(new ThresholdCrossing(t, now ? ThresholdCrossing.Direction.ENTERED : ThresholdCrossing.Direction.LEFT));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the outcome as a record, for rules downstream such as lifecycle entry criteria: one
   * number per score, {@code <scale>_grade} per grade scale, {@code grade} (the grid grade, when the
   * model has grades), and {@code true}/{@code false} per threshold, under their names.
   */
  public Record outcome() {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < micro.length; i++) {
      m.put(model.scoreNames().get(i), score(i));
    }
    for (int i = 0; i < bands.length; i++) {
      m.put(model.grades[i].name + "_grade", model.grades[i].label(bands[i]));
    }
    if (!model.gradeNames().isEmpty()) {
      m.put("grade", grade());
    }
    for (int i = 0; i < model.thresholds.length; i++) {
      m.put(model.thresholds[i].name, (thresholds & (1L << i)) != 0);
    }
    return Records.of(Collections.unmodifiableMap(m));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof LeadScore other)) {
      return false;
    }
    
    return model.contentHash().equals(other.model.contentHash()) && Arrays.equals(micro, other.micro)
        && Arrays.equals(bands, other.bands) && gridCell == other.gridCell && thresholds == other.thresholds;
  }

  @Override
  public int hashCode() {
    return Objects.hash(model.contentHash(), Arrays.hashCode(micro), Arrays.hashCode(bands), gridCell, thresholds);
  }

  @Override
  public String toString() {
    return "LeadScore" + scores() + (grade().isEmpty() ? "" : " grade " + grade()) + " thresholds " + thresholdsMet()
        + " (model " + model.version() + ")";
  }
}
