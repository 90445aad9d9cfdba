package dev.mops.scoring;

import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.Conditions;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scratch space and algorithm of one scoring at a time: arrays sized by the model, reused from
 * lead to lead. Not thread-safe: one run per thread.
 */
final class ScoringRun {

  private final ScoringModel m;
  private final Parts.Rule[] rules;
  private final long[] ruleTotal;
  private final long[] ruleBase;
  private final int[] ruleCount;
  private final @Nullable Instant[] onceAt;
  private final long[] groupRaw;
  private final long[] groupTotal;
  private final long[] scoreRaw;
  private final long[] scoreTotal;
  private final int[] bands;
  private final OutcomeRow outcome;
  /** The decay factor of each group for the event being read, valid when its stamp is the event's. */
  private final double[] factor;
  private final long[] factorStamp;
  private long stamp;

  ScoringRun(ScoringModel m) {
    this.m = m;
    this.rules = m.rules;
    int n = rules.length;
    ruleTotal = new long[n];
    ruleBase = new long[n];
    ruleCount = new int[n];
    onceAt = new Instant[n];
    groupRaw = new long[m.groups.length];
    groupTotal = new long[m.groups.length];
    scoreRaw = new long[m.scores.length];
    scoreTotal = new long[m.scores.length];
    bands = new int[m.grades.length];
    factor = new double[m.groups.length];
    factorStamp = new long[m.groups.length];
    outcome = new OutcomeRow(m.outcomeSchema(), m.scores.length);
  }

  LeadScore score(Row lead, List<? extends Row> events, Instant now) {
    run(lead, events, now);
    return result(now);
  }

  ScoreExplanation explain(Row lead, List<? extends Row> events, Instant now) {
    run(lead, events, now);
    LeadScore score = result(now);
    List<RuleContribution> contributions = new ArrayList<>();
    for (Parts.Rule r : rules) {
      if (ruleCount[r.index] == 0) {
        continue;
      }
      int i = r.index;
      contributions.add(new RuleContribution(
          m.scores[r.score].name, m.groups[r.group].name, r.name, Conditions.describe(r.when), ruleCount[i],
          ruleBase[i] / ScoringModel.MICRO, ruleTotal[i] / ScoringModel.MICRO, capRule(r, ruleTotal[i]) / ScoringModel.MICRO));
    }
    List<Subtotal> subtotals = new ArrayList<>();
    for (Parts.Group g : m.groups) {
      subtotals.add(new Subtotal(m.scores[g.score].name, g.name, groupRaw[g.index] / ScoringModel.MICRO,
          groupTotal[g.index] / ScoringModel.MICRO));
    }
    for (Parts.Score s : m.scores) {
      subtotals.add(new Subtotal(s.name, "", scoreRaw[s.index] / ScoringModel.MICRO, scoreTotal[s.index] / ScoringModel.MICRO));
    }
    Map<String, ConditionExplanation> thresholds = new LinkedHashMap<>();
    if (m.thresholds.length > 0) {
      ArrayRow plain = new ArrayRow(m.outcomeSchema());
      for (int i = 0; i < m.scores.length; i++) {
        plain.set(i, scoreTotal[i] / ScoringModel.MICRO);
      }
      for (int i = m.scores.length; i < m.outcomeSchema().size(); i++) {
        plain.set(i, outcome.get(i));
      }
      for (Parts.Threshold t : m.thresholds) {
        thresholds.put(t.name, t.compiled.explain(plain, now));
      }
    }
    return new ScoreExplanation(score, now, contributions, subtotals, thresholds);
  }

  private void run(Row lead, List<? extends Row> events, Instant now) {
    int n = events.size();
    if (n > m.maxEventsPerLead()) {
      throw new IllegalArgumentException(
          "a lead has " + n + " events, over the model's limit of " + m.maxEventsPerLead()
              + " (limits.max_events_per_lead)");
    }
    Arrays.fill(ruleTotal, 0L);
    Arrays.fill(ruleBase, 0L);
    Arrays.fill(ruleCount, 0);
    Arrays.fill(onceAt, null);
    for (int i : m.leadRules) {
      Parts.Rule r = rules[i];
      if (r.test(lead, now)) {
        ruleTotal[i] = r.pointsMicro;
        ruleBase[i] = r.pointsMicro;
        ruleCount[i] = 1;
      }
    }
    if (n > 0) {
      long nowSeconds = now.getEpochSecond();
      int nowNanos = now.getNano();
      int[] untyped = m.untypedEventRules;
      boolean indexed = !m.rulesByType.isEmpty();
      Schema eventSchema = m.eventSchema();
      for (int e = 0; e < n; e++) {
        Row ev = events.get(e);
        if (!ev.schema().equals(eventSchema)) {
          throw new IllegalArgumentException(
              "event row " + e + " has schema " + ev.schema() + ", expected the model's event schema " + eventSchema);
        }
        Object t = ev.get(1);
        if (!(t instanceof Instant at)) {
          continue;
        }
        
        stamp++;
        double age = (nowSeconds - at.getEpochSecond()) + (nowNanos - at.getNano()) / 1e9;
        if (age < 0) {
          continue;
        }
        if (indexed) {
          Object type = ev.get(0);
          if (type instanceof String) {
            int[] candidates = m.rulesByType.get(type);
            if (candidates != null) {
              for (int i : candidates) {
                consider(rules[i], ev, at, age, now);
              }
            }
          }
        }
        for (int i : untyped) {
          consider(rules[i], ev, at, age, now);
        }
      }
    }
  }

  private void consider(Parts.Rule r, Row ev, Instant at, double age, Instant now) {
    if (r.windowSeconds >= 0 && age > r.windowSeconds) {
      return;
    }
    if (!r.test(ev, now)) {
      return;
    }
    int i = r.index;
    int g = r.group;
    if (factorStamp[g] != stamp) {
      factorStamp[g] = stamp;
      factor[g] = m.groups[g].decay.factor(age);
    }
    long v = Math.round(r.pointsMicro * factor[g]);
    ruleCount[i]++;
    if (r.once) {
      Instant best = onceAt[i];
      if (best == null || at.isAfter(best)) {
        onceAt[i] = at;
        ruleTotal[i] = v;
        ruleBase[i] = r.pointsMicro;
      }
    } else {
      ruleTotal[i] += v;
      ruleBase[i] += r.pointsMicro;
    }
  }

  private static long capRule(Parts.Rule r, long total) {
    if (r.capMicro == Long.MAX_VALUE) {
      return total;
    }
    return r.pointsMicro >= 0 ? Math.min(total, r.capMicro) : Math.max(total, -r.capMicro);
  }

  /** Adds, saturating at the long range instead of overflowing. */
  private static long add(long a, long b) {
    long r = a + b;
    if (((a ^ r) & (b ^ r)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return r;
  }

  private static long clamp(long v, long min, long max) {
    return v < min ? min : Math.min(v, max);
  }

  private LeadScore result(Instant now) {
    for (Parts.Group g : m.groups) {
      long sum = 0;
      for (int i = g.firstRule; i < g.endRule; i++) {
        sum = add(sum, capRule(rules[i], ruleTotal[i]));
      }
      groupRaw[g.index] = sum;
      groupTotal[g.index] = clamp(sum, g.minMicro, g.maxMicro);
    }
    for (Parts.Score s : m.scores) {
      long sum = 0;
      double[] w = s.weights;
      if (w == null) {
        for (int g = s.firstGroup; g < s.endGroup; g++) {
          sum = add(sum, groupTotal[g]);
        }
      } else {
        for (int j = 0; j < w.length; j++) {
          if (w[j] != 0) {
            sum = add(sum, Math.round(w[j] * scoreTotal[j]));
          }
        }
      }
      scoreRaw[s.index] = sum;
      scoreTotal[s.index] = clamp(sum, s.minMicro, s.maxMicro);
    }
    for (int i = 0; i < m.grades.length; i++) {
      bands[i] = m.grades[i].band(scoreTotal[m.grades[i].score]);
    }
    int cell = 0;
    for (int g : m.grid) {
      cell = cell * m.grades[g].size() + bands[g];
    }
    long met = 0;
    if (m.thresholds.length > 0) {
      int scoreCount = m.scores.length;
      for (int i = 0; i < scoreCount; i++) {
        outcome.number(i).value = scoreTotal[i] / ScoringModel.MICRO;
      }
      for (int i = 0; i < m.grades.length; i++) {
        outcome.values[scoreCount + i] = m.grades[i].label(bands[i]);
      }
      if (m.grid.length > 0) {
        outcome.values[scoreCount + m.grades.length] = m.gridLabels[cell];
      }
      for (int i = 0; i < m.thresholds.length; i++) {
        if (m.thresholds[i].compiled.test(outcome, now)) {
          met |= 1L << i;
        }
      }
    }
    return new LeadScore(m, scoreTotal.clone(), bands.clone(), cell, met);
  }

  /** A mutable number, so that thresholds read scores without boxing a Double per lead. */
  static final class ScoreNumber extends Number {
    private static final long serialVersionUID = 1L;
    double value;

    @Override
    public int intValue() {
      return (int) value;
    }

    @Override
    public long longValue() {
      return (long) value;
    }

    @Override
    public float floatValue() {
      return (float) value;
    }

    @Override
    public double doubleValue() {
      return value;
    }

    @Override
    public String toString() {
      return ScoreExplanation.number(value);
    }
  }

  /** The row threshold conditions read: scores, then grade labels, then the grid grade. */
  static final class OutcomeRow implements Row {
    private final Schema schema;
    final @Nullable Object[] values;

    OutcomeRow(Schema schema, int scores) {
      this.schema = schema;
      this.values = new Object[schema.size()];
      for (int i = 0; i < scores; i++) {
        values[i] = new ScoreNumber();
      }
    }

    ScoreNumber number(int i) {
      return (ScoreNumber) java.util.Objects.requireNonNull(values[i]);
    }

    @Override
    public Schema schema() {
      return schema;
    }

    @Override
    public @Nullable Object get(int slot) {
      return values[slot];
    }
  }
}
