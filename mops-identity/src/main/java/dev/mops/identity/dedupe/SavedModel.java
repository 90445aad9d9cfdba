package dev.mops.identity.dedupe;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLimits;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A trained dedupe model as a file: the estimated m, u and lambda, the term frequencies of the
 * run that trained it, its junk values, and the hash of the config it was trained with, so that a
 * later run ({@code mops dedupe --model}) or a {@link MatchIndex} scores with it without
 * re-estimating.
 *
 * <pre>{@code
 * SavedModel.of(result).write(Path.of("model.json"));                 // after an overnight batch run
 * SavedModel saved = SavedModel.read(Path.of("model.json"));
 * MatchIndex index = saved.index(config);                               // then index.add / index.matches
 * DedupeResult next = Deduplicator.withModel(config, saved).dedupe(records, "id");
 * }</pre>
 *
 * <p>The file is JSON ({@code format: mops-dedupe-model}, {@code version: 2}); it is read with
 * the config loader of mops-core, so a damaged file fails with its line, column and path. Term
 * frequencies keep the {@value #MAX_SAVED_VALUES} most frequent values of each field (any other
 * value counts as held by one record, which raises an exact agreement's weight by 3 bits at most).
 * Version 2 adds the word counts of organisation-name fields ({@code org_name}: how many names
 * hold each word, the {@value #MAX_SAVED_VALUES} most frequent words of each field; any other word
 * weighs as held by one name), with which a {@link #index MatchIndex} weighs the words of a name
 * as the training run did. Version 1 files are still read; one whose config compares an
 * organisation name has no word counts, and {@link #index} refuses it, asking for a retrain.
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class SavedModel {

  /** The {@code format} of a model file. */
  public static final String FORMAT = "mops-dedupe-model";

  /** Most term-frequency values saved per field. */
  public static final int MAX_SAVED_VALUES = 20_000;

  private static final ConfigLoader LOADER = ConfigLoader.withLimits(
      new ConfigLimits(256 * 1024 * 1024, 16, 64 * 1024, 20_000_000));

  private final String configHash;
  private final MatchModel model;
  private final @Nullable TermFrequencies termFrequencies;
  private final Map<String, List<String>> junkValues;
  private final @Nullable NameWords nameWords;

  /**
   * Makes a saved model.
   *
   * @param configHash {@link #configHash(DedupeConfig)} of the config it was trained with
   * @param model the weights
   * @param termFrequencies the value counts of the training run, or null
   * @param junkValues field to the values treated as missing
   */
  public SavedModel(String configHash, MatchModel model, @Nullable TermFrequencies termFrequencies,
      Map<String, List<String>> junkValues) {
    this(configHash, model, termFrequencies, junkValues, null);
  }

  SavedModel(String configHash, MatchModel model, @Nullable TermFrequencies termFrequencies,
      Map<String, List<String>> junkValues, @Nullable NameWords nameWords) {
    this.nameWords = nameWords;
    this.configHash = Objects.requireNonNull(configHash, "configHash");
    this.model = Objects.requireNonNull(model, "model");
    this.termFrequencies = termFrequencies;
    Map<String, List<String>> j = new LinkedHashMap<>();
    junkValues.forEach((k, v) -> j.put(k, List.copyOf(v)));
    this.junkValues = java.util.Collections.unmodifiableMap(j);
  }

  /** Returns the model of a batch run, with its term frequencies and junk values. */
  public static SavedModel of(DedupeResult result) {
    return new SavedModel(configHash(result.config()), result.model(), result.termFrequencies(), result.junkValues(),
        result.nameWords());
  }

  /**
   * Returns the hash of what a model depends on in a config: the compared fields with their kinds,
   * comparators and thresholds, the evidence groups, term frequencies and {@code email_domains}
   * (SHA-256, hex). Blocking, thresholds and clustering may change
   * without retraining.
   */
  public static String configHash(DedupeConfig config) {
    StringBuilder b = new StringBuilder();
    for (FieldRule f : config.fields()) {
      b.append(f.field()).append('\u0000').append(f.kind()).append('\u0000').append(f.comparator())
          .append('\u0000').append(f.thresholds()).append('\u0000').append(f.region()).append('\n');
    }
    b.append(config.evidenceGroups()).append('\n').append(config.termFrequencies());
    if (config.emailDomains()) {
      // a scoring rule that changes which fields a pair's weight counts, so the model learned under it
      // (appended only when on, so that hashes of configs without it are those of earlier versions)
      b.append("\nemail_domains");
    }
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(d.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Returns the hash of the config the model was trained with. */
  public String configHash() {
    return configHash;
  }

  /** Returns the weights. */
  public MatchModel model() {
    return model;
  }

  /** Returns the term frequencies of the training run, or null when it had none. */
  public @Nullable TermFrequencies termFrequencies() {
    return termFrequencies;
  }

  /** Returns the junk values of the training run, by field. */
  public Map<String, List<String>> junkValues() {
    return junkValues;
  }

  /** The word counts of the training run's organisation-name fields, or null (none, or a version 1 file). */
  @Nullable NameWords nameWords() {
    return nameWords;
  }

  /**
   * Checks that {@code config} compares what this model was trained on.
   *
   * @throws IllegalArgumentException naming both hashes when it does not
   */
  public void checkConfig(DedupeConfig config) {
    String h = configHash(config);
    if (!h.equals(configHash)) {
      throw new IllegalArgumentException("the model was trained with another config (fields, kinds, comparators or "
          + "thresholds differ): config hash " + configHash.substring(0, 12) + " in the model, " + h.substring(0, 12)
          + " now; retrain it or use the config it was trained with");
    }
    Deduplicator.withModel(config, model);
  }

  /**
   * Returns an empty {@link MatchIndex} that scores with this model, its term frequencies, junk
   * values and organisation-name word counts.
   *
   * @throws IllegalArgumentException when the config is not the one the model was trained with, or
   *     compares an organisation name ({@code org_name}) and the model has no word counts (a
   *     version 1 file: retrain and save it again)
   */
  public MatchIndex index(DedupeConfig config) {
    checkConfig(config);
    if (nameWords == null) {
      for (FieldRule f : config.fields()) {
        if (f.comparator() == ComparatorType.ORG_NAME) {
          throw new IllegalArgumentException("the model has no word counts for the organisation name '" + f.field()
              + "' (a model file of version 1, from an older mops): without them every word of a name would weigh"
              + " the same and the index would not score as the training run did; retrain and save the model again");
        }
      }
    }
    return MatchIndex.create(config, model, junkValues, termFrequencies, nameWords);
  }

  /** Writes the model as JSON to {@code file}. */
  public void write(Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      write(w);
    }
  }

  /** Writes the model as JSON. */
  public void write(Writer w) throws IOException {
    w.write("{\n  \"format\": \"" + FORMAT + "\",\n  \"version\": 2,\n  \"config_hash\": " + str(configHash) + ",\n");
    w.write(String.format(Locale.ROOT, "  \"lambda\": %s,\n  \"em_iterations\": %d,\n  \"converged\": %s,\n",
        num(model.lambda()), model.emIterations(), model.converged()));
    w.write("  \"fields\": [");
    for (int f = 0; f < model.fields().size(); f++) {
      MatchModel.FieldWeights fw = model.fields().get(f);
      w.write(f == 0 ? "\n" : ",\n");
      w.write("    {\"field\": " + str(fw.field()) + ", \"levels\": [");
      w.write(String.join(", ", fw.levelNames().stream().map(SavedModel::str).toList()));
      w.write("], \"m\": [" + String.join(", ", fw.m().stream().map(SavedModel::num).toList()) + "], \"u\": ["
          + String.join(", ", fw.u().stream().map(SavedModel::num).toList()) + "]}");
    }
    w.write("\n  ],\n  \"junk_values\": {");
    int j = 0;
    for (Map.Entry<String, List<String>> e : junkValues.entrySet()) {
      w.write((j++ == 0 ? "\n    " : ",\n    ") + str(e.getKey()) + ": ["
          + String.join(", ", e.getValue().stream().map(SavedModel::str).toList()) + "]");
    }
    w.write(j == 0 ? "},\n" : "\n  },\n");
    NameWords words = nameWords;
    if (words == null) {
      w.write("  \"name_words\": null,\n");
    } else {
      w.write("  \"name_words\": {");
      int k = 0;
      for (int f = 0; f < words.fields.size(); f++) {
        if (words.names[f] == 0) {
          continue;
        }
        w.write((k++ == 0 ? "\n    " : ",\n    ") + str(words.fields.get(f)) + ": {\"names\": " + words.names[f]
            + ", \"words\": {");
        writeCounts(w, words.counts.get(f));
        w.write("}}");
      }
      w.write(k == 0 ? "},\n" : "\n  },\n");
    }
    TermFrequencies tf = termFrequencies;
    if (tf == null) {
      w.write("  \"term_frequencies\": null\n}\n");
      return;
    }
    w.write("  \"term_frequencies\": {\"records\": " + tf.records() + ", \"fields\": {");
    for (int f = 0; f < tf.fields().size(); f++) {
      w.write((f == 0 ? "\n" : ",\n") + "    " + str(tf.fields().get(f)) + ": {");
      writeCounts(w, tf.counts().get(f));
      w.write("}");
    }
    w.write("\n  }}\n}\n");
  }

  /** Writes the {@value #MAX_SAVED_VALUES} largest counts, most frequent first (ties by value). */
  private static void writeCounts(Writer w, Map<String, Integer> counts) throws IOException {
    List<Map.Entry<String, Integer>> values = new ArrayList<>(counts.entrySet());
    values.sort((x, y) -> {
      int c = Integer.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    for (int i = 0; i < Math.min(values.size(), MAX_SAVED_VALUES); i++) {
      w.write((i == 0 ? "" : ", ") + str(values.get(i).getKey()) + ": " + values.get(i).getValue());
    }
  }

  /**
   * Reads a model file.
   *
   * @throws dev.mops.core.config.ConfigException naming the file, line, column and path when it is
   *     not a model file or a value is wrong
   */
  public static SavedModel read(Path file) {
    return read(LOADER.load(Objects.requireNonNull(file, "file")));
  }

  /** Reads a model from JSON text; {@code source} names it in errors. */
  public static SavedModel parse(String source, String json) {
    return read(LOADER.loadString(source, json));
  }

  private static SavedModel read(ConfigDocument doc) {
    MapNode root = doc.root();
    root.checkKeys(List.of("format", "version", "config_hash", "lambda", "em_iterations", "converged", "fields",
        "junk_values", "name_words", "term_frequencies"));
    if (!FORMAT.equals(root.string("format"))) {
      throw Objects.requireNonNull(root.get("format")).error("not a dedupe model: format must be " + FORMAT);
    }
    long version = root.integer("version");
    if (version != 1 && version != 2) {
      throw Objects.requireNonNull(root.get("version")).error("model version " + version
          + " is not supported (this mops reads versions 1 and 2)");
    }
    if (version == 1 && root.has("name_words")) {
      throw Objects.requireNonNull(root.get("name_words")).error("name_words needs a model file of version 2");
    }
    ListNode fields = root.list("fields");
    List<MatchModel.FieldWeights> weights = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      MapNode f = fields.get(i).asMap("a field's weights");
      f.checkKeys(List.of("field", "levels", "m", "u"));
      try {
        weights.add(new MatchModel.FieldWeights(f.string("field"), f.list("levels").strings(), numbers(f.list("m")),
            numbers(f.list("u"))));
      } catch (IllegalArgumentException e) {
        throw f.error(e.getMessage());
      }
    }
    MatchModel model;
    try {
      model = new MatchModel(root.number("lambda"), weights, (int) root.integer("em_iterations", 0),
          root.bool("converged", true));
    } catch (IllegalArgumentException e) {
      throw Objects.requireNonNull(root.get("lambda")).error(e.getMessage());
    }
    Map<String, List<String>> junk = new LinkedHashMap<>();
    ConfigNode junkNode = root.get("junk_values");
    if (junkNode != null) {
      MapNode j = junkNode.asMap("junk values by field");
      for (String k : j.keys()) {
        junk.put(k, j.list(k).strings());
      }
    }
    NameWords nameWords = null;
    ConfigNode wordsNode = root.get("name_words");
    if (wordsNode != null && wordsNode.toPlain() != null) {
      MapNode byField = wordsNode.asMap("organisation-name word counts by field");
      List<String> names = new ArrayList<>();
      int[] holders = new int[weights.size()];
      List<Map<String, Integer>> counts = new ArrayList<>();
      for (String k : byField.keys()) {
        if (weights.stream().noneMatch(fw -> fw.field().equals(k))) {
          throw Objects.requireNonNull(byField.get(k)).error("word counts for '" + k + "', which the model does not compare");
        }
      }
      for (int i = 0; i < weights.size(); i++) {
        String field = weights.get(i).field();
        names.add(field);
        Map<String, Integer> c = new HashMap<>();
        if (byField.has(field)) {
          MapNode entry = byField.map(field);
          entry.checkKeys(List.of("names", "words"));
          long n = entry.integer("names");
          if (n < 1 || n > Integer.MAX_VALUE) {
            throw Objects.requireNonNull(entry.get("names")).error("names must be a positive count, not " + n);
          }
          holders[i] = (int) n;
          MapNode words = entry.map("words");
          for (String word : words.keys()) {
            long df = words.integer(word);
            if (df < 1 || df > n) {
              throw Objects.requireNonNull(words.get(word)).error("a word is held by 1 to " + n + " names, not " + df);
            }
            c.put(word, (int) df);
          }
        }
        counts.add(c);
      }
      nameWords = new NameWords(names, holders, counts);
    }
    TermFrequencies tf = null;
    ConfigNode tfNode = root.get("term_frequencies");
    if (tfNode != null && tfNode.toPlain() != null) {
      MapNode t = tfNode.asMap("term frequencies");
      t.checkKeys(List.of("records", "fields"));
      MapNode byField = t.map("fields");
      List<String> names = new ArrayList<>();
      List<Map<String, Integer>> counts = new ArrayList<>();
      for (MatchModel.FieldWeights fw : weights) {
        names.add(fw.field());
        Map<String, Integer> c = new HashMap<>();
        if (byField.has(fw.field())) {
          MapNode values = byField.map(fw.field());
          for (String v : values.keys()) {
            c.put(v, (int) values.integer(v));
          }
        }
        counts.add(c);
      }
      tf = new TermFrequencies(t.integer("records"), names, counts);
    }
    return new SavedModel(root.string("config_hash"), model, tf, junk, nameWords);
  }

  private static List<Double> numbers(ListNode list) {
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i).asScalar("a number").number());
    }
    return out;
  }

  private static String num(double d) {
    return Double.toString(d);
  }

  private static String str(String s) {
    return dev.mops.core.io.JsonText.quote(s);
  }
}
