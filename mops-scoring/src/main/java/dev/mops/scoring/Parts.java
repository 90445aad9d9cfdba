package dev.mops.scoring;

import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The compiled parts of a {@link ScoringModel}: immutable once built, shared by every scorer. */
final class Parts {

  private Parts() {}

  /** One rule. Points are held in micro-points so that sums are exact and order-independent. */
  static final class Rule {
    final String name;
    final int index;
    final int group;
    final int score;
    final double points;
    final long pointsMicro;
    /** Cap on the magnitude of the rule's total, in micro-points; {@code Long.MAX_VALUE} for none. */
    final long capMicro;
    final boolean once;
    /** The window in seconds; {@code -1} for none. */
    final double windowSeconds;
    final @Nullable String window;
    final boolean readsEvents;
    final Condition when;
    /** The condition to test: for event rules indexed by type, the rest of the condition. */
    final CompiledCondition test;
    /** The whole condition, compiled, for explanations. */
    final CompiledCondition full;

    Rule(String name, int index, int group, int score, double points, long capMicro, boolean once,
        double windowSeconds, @Nullable String window, boolean readsEvents, Condition when,
        CompiledCondition test, CompiledCondition full) {
      this.name = name;
      this.index = index;
      this.group = group;
      this.score = score;
      this.points = points;
      this.pointsMicro = Math.round(points * ScoringModel.MICRO);
      this.capMicro = capMicro;
      this.once = once;
      this.windowSeconds = windowSeconds;
      this.window = window;
      this.readsEvents = readsEvents;
      this.when = when;
      this.test = test;
      this.full = full;
    }

    /** Returns whether the rule's condition holds on the row at {@code now}. */
    boolean test(dev.mops.core.record.Row row, java.time.Instant now) {
      return test.test(row, now);
    }
  }

  /** A group of rules of one score, with its decay and caps. */
  static final class Group {
    final String name;
    final int index;
    final int score;
    final boolean readsEvents;
    final Decay decay;
    final long minMicro;
    final long maxMicro;
    final int firstRule;
    final int endRule;

    Group(String name, int index, int score, boolean readsEvents, Decay decay, long minMicro, long maxMicro,
        int firstRule, int endRule) {
      this.name = name;
      this.index = index;
      this.score = score;
      this.readsEvents = readsEvents;
      this.decay = decay;
      this.minMicro = minMicro;
      this.maxMicro = maxMicro;
      this.firstRule = firstRule;
      this.endRule = endRule;
    }
  }

  /** A named score: the sum of its groups, or a weighted sum of earlier scores. */
  static final class Score {
    final String name;
    final int index;
    final long minMicro;
    final long maxMicro;
    final int firstGroup;
    final int endGroup;
    /** For a combined score, the weight of each earlier score (0 for those not combined); else null. */
    final double @Nullable [] weights;

    Score(String name, int index, long minMicro, long maxMicro, int firstGroup, int endGroup,
        double @Nullable [] weights) {
      this.name = name;
      this.index = index;
      this.minMicro = minMicro;
      this.maxMicro = maxMicro;
      this.firstGroup = firstGroup;
      this.endGroup = endGroup;
      this.weights = weights;
    }
  }

  /** A grade scale: bands of one score, best first, each with its inclusive minimum. */
  static final class GradeScale {
    final String name;
    final int score;
    final List<String> labels;
    final long[] minMicro;
    final String otherwise;

    GradeScale(String name, int score, List<String> labels, long[] minMicro, String otherwise) {
      this.name = name;
      this.score = score;
      this.labels = labels;
      this.minMicro = minMicro;
      this.otherwise = otherwise;
    }

    /** Returns the band index of a score (labels.size() for the {@code otherwise} band). */
    int band(long micro) {
      for (int i = 0; i < minMicro.length; i++) {
        if (micro >= minMicro[i]) {
          return i;
        }
      }
      return minMicro.length;
    }

    String label(int band) {
      return band < labels.size() ? labels.get(band) : otherwise;
    }

    int size() {
      return labels.size() + 1;
    }
  }

  /** A named threshold: a condition over the scores and grades. */
  static final class Threshold {
    final String name;
    final Condition when;
    final CompiledCondition compiled;

    Threshold(String name, Condition when, CompiledCondition compiled) {
      this.name = name;
      this.when = when;
      this.compiled = compiled;
    }
  }
}
