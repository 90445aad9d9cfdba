package dev.mops.spark;

import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.MatchIndex;
import dev.mops.identity.dedupe.MatchModel;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What executors need to score pairs, as plain serializable data: the config text, the model's
 * numbers and the junk values. Each task rebuilds the config and model once ({@link #config()},
 * {@link #model()}, cached in transient fields) and makes {@link MatchIndex}es from them.
 *
 * <p>Thread safety: the cached fields are set once per deserialized copy, by the task that uses
 * it; a copy is not shared between threads.
 */
final class DedupeJob implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ConfigText configText;
  private final double lambda;
  private final int emIterations;
  private final boolean converged;
  private final String[] fields;
  private final String[][] levels;
  private final double[][] m;
  private final double[][] u;
  private final String[] junkFields;
  private final String[][] junkValues;
  private transient @Nullable DedupeConfig config;
  private transient @Nullable MatchModel model;
  private transient @Nullable Map<String, List<String>> junk;

  DedupeJob(ConfigText configText, MatchModel model, Map<String, List<String>> junk) {
    this.configText = configText;
    this.lambda = model.lambda();
    this.emIterations = model.emIterations();
    this.converged = model.converged();
    int n = model.fields().size();
    fields = new String[n];
    levels = new String[n][];
    m = new double[n][];
    u = new double[n][];
    for (int f = 0; f < n; f++) {
      MatchModel.FieldWeights w = model.fields().get(f);
      fields[f] = w.field();
      levels[f] = w.levelNames().toArray(new String[0]);
      m[f] = w.m().stream().mapToDouble(Double::doubleValue).toArray();
      u[f] = w.u().stream().mapToDouble(Double::doubleValue).toArray();
    }
    junkFields = new String[junk.size()];
    junkValues = new String[junk.size()][];
    int i = 0;
    for (Map.Entry<String, List<String>> e : junk.entrySet()) {
      junkFields[i] = e.getKey();
      junkValues[i++] = e.getValue().toArray(new String[0]);
    }
  }

  DedupeConfig config() {
    DedupeConfig c = config;
    if (c == null) {
      c = DedupeConfigs.parse(configText.source(), configText.text());
      config = c;
    }
    return c;
  }

  MatchModel model() {
    MatchModel mm = model;
    if (mm == null) {
      List<MatchModel.FieldWeights> ws = new ArrayList<>(fields.length);
      for (int f = 0; f < fields.length; f++) {
        ws.add(new MatchModel.FieldWeights(fields[f], List.of(levels[f]), boxed(m[f]), boxed(u[f])));
      }
      mm = new MatchModel(lambda, ws, emIterations, converged);
      model = mm;
    }
    return mm;
  }

  Map<String, List<String>> junk() {
    Map<String, List<String>> j = junk;
    if (j == null) {
      j = new LinkedHashMap<>();
      for (int i = 0; i < junkFields.length; i++) {
        j.put(junkFields[i], List.of(junkValues[i]));
      }
      junk = j;
    }
    return j;
  }

  /** Returns an empty index scoring with this job's config, model and junk values. */
  MatchIndex newIndex() {
    return MatchIndex.create(config(), model(), junk());
  }

  private static List<Double> boxed(double[] values) {
    List<Double> out = new ArrayList<>(values.length);
    for (double v : values) {
      out.add(v);
    }
    return out;
  }
}
