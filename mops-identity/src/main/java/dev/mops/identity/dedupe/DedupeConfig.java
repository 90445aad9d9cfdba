package dev.mops.identity.dedupe;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.record.Record;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dedupe and linkage configuration: the compared fields, the blocking passes, the model and
 * threshold settings, the clustering guards and the survivorship rules.
 *
 * <p>Made by {@link #builder()}, loaded from YAML by {@link #load(Path)}, or inferred from the
 * columns and values of the input by {@link #infer(Collection, List)}. The YAML keys are
 * documented in {@code docs/dedupe.md}.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param version the config's version label (from the file, or {@code unversioned})
 * @param contentHash the hash of the file's content, or {@code ""} when built in code
 * @param fields the compared fields, at most {@link #MAX_FIELDS}
 * @param blockingKeys the blocking passes; candidate pairs are the union over the passes
 * @param maxBlockSize blocks larger than this are skipped (and reported), so one common key cannot
 *     make the comparison quadratic
 * @param randomPairs how many random pairs estimate the u probabilities
 * @param emIterations most EM iterations estimating the m probabilities
 * @param seed the seed of the random pair sample
 * @param priorScope which pairs the prior match probability refers to
 * @param matchThreshold match probability at or above which a pair is a match
 * @param reviewThreshold match probability at or above which a non-match pair is sent to review
 * @param maxClusterSize the largest cluster clustering will build
 * @param junkValueCount an identifying value (email, phone, identifier) shared by more records
 *     than this is treated as junk: flagged, and neither compared nor used for blocking
 * @param weakLinkProbability a match edge below this probability that alone holds two groups of at
 *     least two records together is cut; 0 turns weak-link splitting off
 * @param minLinkShare two clusters joined by a match are merged only when at least this share of
 *     their cross pairs score at or above the review threshold; 0 turns the check off (plain
 *     connected components)
 * @param survivorship golden-record rules per field; fields without a rule use most frequent
 */
public record DedupeConfig(
    String version,
    String contentHash,
    List<FieldRule> fields,
    List<BlockingKey> blockingKeys,
    int maxBlockSize,
    int randomPairs,
    int emIterations,
    long seed,
    PriorScope priorScope,
    double matchThreshold,
    double reviewThreshold,
    int maxClusterSize,
    int junkValueCount,
    double weakLinkProbability,
    double minLinkShare,
    List<SurvivorshipRule> survivorship) {

  /** Most compared fields in one config. */
  public static final int MAX_FIELDS = 16;
  /** Largest {@link #maxBlockSize} accepted. */
  public static final int MAX_BLOCK_SIZE_LIMIT = 10_000;
  /** Largest {@link #maxClusterSize} accepted. */
  public static final int MAX_CLUSTER_SIZE_LIMIT = 10_000;

  /** Validates the config: fields unique, blocking keys on declared fields, thresholds ordered. */
  public DedupeConfig {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(priorScope, "priorScope");
    fields = List.copyOf(fields);
    blockingKeys = List.copyOf(blockingKeys);
    survivorship = List.copyOf(survivorship);
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a dedupe config needs at least one field");
    }
    if (fields.size() > MAX_FIELDS) {
      throw new IllegalArgumentException("a dedupe config has at most " + MAX_FIELDS + " fields, got " + fields.size());
    }
    Set<String> names = new HashSet<>();
    for (FieldRule f : fields) {
      if (!names.add(f.field())) {
        throw new IllegalArgumentException("field '" + f.field() + "' is declared twice");
      }
    }
    if (blockingKeys.isEmpty()) {
      throw new IllegalArgumentException("a dedupe config needs at least one blocking key");
    }
    for (BlockingKey k : blockingKeys) {
      for (BlockingKey.Part p : k.parts()) {
        if (!names.contains(p.field())) {
          throw new IllegalArgumentException(
              "blocking key '" + k.describe() + "' reads '" + p.field() + "', which is not a declared field");
        }
      }
    }
    checkRange("max_block_size", maxBlockSize, 2, MAX_BLOCK_SIZE_LIMIT);
    checkRange("random_pairs", randomPairs, 100, 10_000_000);
    checkRange("em_iterations", emIterations, 0, 1000);
    checkRange("max_cluster_size", maxClusterSize, 2, MAX_CLUSTER_SIZE_LIMIT);
    checkRange("junk_value_count", junkValueCount, 2, Integer.MAX_VALUE);
    if (!(matchThreshold > 0 && matchThreshold < 1)) {
      throw new IllegalArgumentException("match threshold " + matchThreshold + " is not between 0 and 1");
    }
    if (!(reviewThreshold > 0 && reviewThreshold <= matchThreshold)) {
      throw new IllegalArgumentException(
          "review threshold " + reviewThreshold + " must be above 0 and at most the match threshold " + matchThreshold);
    }
    if (!(weakLinkProbability >= 0 && weakLinkProbability < 1)) {
      throw new IllegalArgumentException("weak link probability " + weakLinkProbability + " is not in [0, 1)");
    }
    if (!(minLinkShare >= 0 && minLinkShare <= 1)) {
      throw new IllegalArgumentException("min link share " + minLinkShare + " is not in [0, 1]");
    }
  }

  private static void checkRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " is not between " + min + " and " + max);
    }
  }

  /** Returns a builder with the defaults documented on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the index of the field named {@code name}, or -1. */
  public int fieldIndex(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).field().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Loads a config from a YAML or JSON file.
   *
   * @throws ConfigException naming the file, line, column and path when the file is malformed,
   *     has an unknown key or an invalid value
   */
  public static DedupeConfig load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a config from YAML text; {@code source} names it in errors. */
  public static DedupeConfig parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a config from a loaded document. */
  public static DedupeConfig fromDocument(ConfigDocument doc) {
    return new YamlReader(doc).read();
  }

  /**
   * Infers a config from column names and a sample of values: field kinds (email, phone, names,
   * dates, postcodes, addresses, free text), comparators and blocking keys.
   *
   * @param columns the columns to consider (leave the id column out)
   * @param sample some records, used to recognize columns by their values
   */
  public static DedupeConfig infer(Collection<String> columns, List<? extends Record> sample) {
    return FieldInference.infer(columns, sample);
  }

  /**
   * A builder of {@link DedupeConfig}; each setting may be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String version = ConfigDocument.UNVERSIONED;
    private String contentHash = "";
    private final List<FieldRule> fields = new ArrayList<>();
    private final List<BlockingKey> keys = new ArrayList<>();
    private final List<SurvivorshipRule> survivorship = new ArrayList<>();
    private final Set<String> set = new HashSet<>();
    private int maxBlockSize = 500;
    private int randomPairs = 200_000;
    private int emIterations = 40;
    private long seed = 42;
    private PriorScope priorScope = PriorScope.CANDIDATES;
    private double matchThreshold = 0.999;
    private double reviewThreshold = 0.9;
    private int maxClusterSize = 100;
    private int junkValueCount = 50;
    private double weakLinkProbability = 0.0;
    private double minLinkShare = 0.5;

    private Builder() {}

    private void once(String name) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set");
      }
    }

    /** Sets the version label. */
    public Builder version(String version, String contentHash) {
      once("version");
      this.version = Objects.requireNonNull(version, "version");
      this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
      return this;
    }

    /** Adds a compared field. */
    public Builder field(FieldRule rule) {
      Objects.requireNonNull(rule, "rule");
      for (FieldRule f : fields) {
        if (f.field().equals(rule.field())) {
          throw new IllegalArgumentException("field '" + rule.field() + "' is declared twice");
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new IllegalArgumentException("a dedupe config has at most " + MAX_FIELDS + " fields");
      }
      fields.add(rule);
      return this;
    }

    /** Adds a blocking pass. */
    public Builder blockingKey(BlockingKey key) {
      keys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Adds a blocking pass from part expressions such as {@code "phonetic(surname)", "postcode"}. */
    public Builder blockingKey(String... parts) {
      return blockingKey(BlockingKey.of(parts));
    }

    /** Adds a survivorship rule. */
    public Builder survivorship(SurvivorshipRule rule) {
      survivorship.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Largest block compared (default 500). */
    public Builder maxBlockSize(int n) {
      once("max_block_size");
      checkRange("max_block_size", n, 2, MAX_BLOCK_SIZE_LIMIT);
      this.maxBlockSize = n;
      return this;
    }

    /** Random pairs sampled for u (default 200,000). */
    public Builder randomPairs(int n) {
      once("random_pairs");
      checkRange("random_pairs", n, 100, 10_000_000);
      this.randomPairs = n;
      return this;
    }

    /** Most EM iterations (default 40). */
    public Builder emIterations(int n) {
      once("em_iterations");
      checkRange("em_iterations", n, 0, 1000);
      this.emIterations = n;
      return this;
    }

    /** Seed of the random pair sample (default 42). */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /** Which pairs the prior refers to (default {@link PriorScope#CANDIDATES}). */
    public Builder priorScope(PriorScope scope) {
      once("prior");
      this.priorScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** Match and review probability thresholds (defaults 0.999 and 0.9). */
    public Builder thresholds(double match, double review) {
      once("thresholds");
      if (!(match > 0 && match < 1) || !(review > 0 && review <= match)) {
        throw new IllegalArgumentException(
            "thresholds need 0 < review <= match < 1, got match " + match + ", review " + review);
      }
      this.matchThreshold = match;
      this.reviewThreshold = review;
      return this;
    }

    /** Largest cluster (default 100). */
    public Builder maxClusterSize(int n) {
      once("max_cluster_size");
      checkRange("max_cluster_size", n, 2, MAX_CLUSTER_SIZE_LIMIT);
      this.maxClusterSize = n;
      return this;
    }

    /** Records sharing an identifying value above which it is junk (default 50). */
    public Builder junkValueCount(int n) {
      once("junk_value_count");
      checkRange("junk_value_count", n, 2, Integer.MAX_VALUE);
      this.junkValueCount = n;
      return this;
    }

    /** Probability below which a lone bridge between two groups is cut (default 0: off). */
    public Builder weakLinkProbability(double p) {
      once("weak_link_probability");
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("weak link probability " + p + " is not in [0, 1)");
      }
      this.weakLinkProbability = p;
      return this;
    }

    /** Share of cross pairs that must reach review before two clusters merge (default 0.5; 0: off). */
    public Builder minLinkShare(double share) {
      once("min_link_share");
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("min link share " + share + " is not in [0, 1]");
      }
      this.minLinkShare = share;
      return this;
    }

    /** Builds the config. */
    public DedupeConfig build() {
      return new DedupeConfig(version, contentHash, fields, keys, maxBlockSize, randomPairs, emIterations,
          seed, priorScope, matchThreshold, reviewThreshold, maxClusterSize, junkValueCount, weakLinkProbability,
          minLinkShare, survivorship);
    }
  }

  /** Reads the YAML form, turning every problem into a located {@link ConfigException}. */
  private static final class YamlReader {
    private final ConfigDocument doc;

    YamlReader(ConfigDocument doc) {
      this.doc = doc;
    }

    DedupeConfig read() {
      MapNode root = doc.root();
      root.checkKeys(List.of("version", "fields", "blocking", "model", "thresholds", "clustering", "survivorship"));
      Builder b = builder().version(doc.version(), doc.contentHash());
      ListNode fields = root.list("fields");
      for (int i = 0; i < fields.size(); i++) {
        ConfigNode n = fields.get(i);
        b.field(field(n.asMap("a field")));
      }
      MapNode blocking = root.map("blocking");
      blocking.checkKeys(List.of("keys", "max_block_size"));
      if (blocking.has("max_block_size")) {
        guard(blocking, () -> b.maxBlockSize(intOf(blocking, "max_block_size")));
      }
      ListNode keys = blocking.list("keys");
      for (int i = 0; i < keys.size(); i++) {
        ConfigNode k = keys.get(i);
        List<String> parts = k instanceof ConfigNode.ScalarNode ? List.of(k.asText("a blocking key").split(",")) : k.asList("a blocking key").strings();
        guard(k, () -> b.blockingKey(BlockingKey.of(parts.toArray(new String[0]))));
      }
      ConfigNode modelNode = root.get("model");
      if (modelNode != null) {
        MapNode model = modelNode.asMap("model settings");
        model.checkKeys(List.of("random_pairs", "em_iterations", "seed", "prior"));
        if (model.has("prior")) {
          String prior = model.string("prior");
          PriorScope scope = null;
          for (PriorScope p : PriorScope.values()) {
            if (p.label().equals(prior)) {
              scope = p;
            }
          }
          if (scope == null) {
            throw Objects.requireNonNull(model.get("prior")).error(
                "unknown prior '" + prior + "', expected candidates or all_pairs");
          }
          b.priorScope(scope);
        }
        if (model.has("random_pairs")) {
          guard(model, () -> b.randomPairs(intOf(model, "random_pairs")));
        }
        if (model.has("em_iterations")) {
          guard(model, () -> b.emIterations(intOf(model, "em_iterations")));
        }
        if (model.has("seed")) {
          b.seed(model.integer("seed"));
        }
      }
      ConfigNode thresholdNode = root.get("thresholds");
      if (thresholdNode != null) {
        MapNode t = thresholdNode.asMap("thresholds");
        t.checkKeys(List.of("match", "review"));
        double match = t.number("match", 0.999);
        double review = t.number("review", Math.min(0.9, match));
        guard(t, () -> b.thresholds(match, review));
      }
      ConfigNode clusteringNode = root.get("clustering");
      if (clusteringNode != null) {
        MapNode c = clusteringNode.asMap("clustering settings");
        c.checkKeys(List.of("max_cluster_size", "junk_value_count", "weak_link_probability", "min_link_share"));
        if (c.has("min_link_share")) {
          guard(c, () -> b.minLinkShare(c.number("min_link_share")));
        }
        if (c.has("max_cluster_size")) {
          guard(c, () -> b.maxClusterSize(intOf(c, "max_cluster_size")));
        }
        if (c.has("junk_value_count")) {
          guard(c, () -> b.junkValueCount(intOf(c, "junk_value_count")));
        }
        if (c.has("weak_link_probability")) {
          guard(c, () -> b.weakLinkProbability(c.number("weak_link_probability")));
        }
      }
      ConfigNode sNode = root.get("survivorship");
      if (sNode != null) {
        ListNode rules = sNode.asList("survivorship rules");
        for (int i = 0; i < rules.size(); i++) {
          MapNode r = rules.get(i).asMap("a survivorship rule");
          r.checkKeys(List.of("field", "rule", "by", "sources"));
          String field = r.string("field");
          String rule = r.string("rule");
          SurvivorshipRule.Strategy strategy = null;
          for (SurvivorshipRule.Strategy s : SurvivorshipRule.Strategy.values()) {
            if (s.label().equals(rule)) {
              strategy = s;
            }
          }
          if (strategy == null) {
            throw r.get("rule").error("unknown survivorship rule '" + rule
                + "', expected one of most_recent, most_complete, source_priority, most_frequent");
          }
          List<String> sources = r.has("sources") ? r.list("sources").strings() : List.of();
          SurvivorshipRule.Strategy st = strategy;
          guard(r, () -> b.survivorship(new SurvivorshipRule(field, st, r.optionalString("by"), sources)));
        }
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        throw root.error(e.getMessage());
      }
    }

    private static int intOf(MapNode m, String key) {
      long v = m.integer(key);
      if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
        throw m.get(key).error(key + " " + v + " is out of range");
      }
      return (int) v;
    }

    private static void guard(ConfigNode at, Runnable r) {
      try {
        r.run();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw at.error(e.getMessage());
      }
    }

    private static FieldRule field(MapNode n) {
      n.checkKeys(List.of("field", "kind", "comparator", "thresholds", "m", "u", "region"));
      String name = n.string("field");
      String kindText = n.string("kind", "text");
      FieldKind kind = null;
      for (FieldKind k : FieldKind.values()) {
        if (k.label().equals(kindText)) {
          kind = k;
        }
      }
      if (kind == null) {
        throw Objects.requireNonNull(n.get("kind")).error("unknown field kind '" + kindText + "', expected one of "
            + labels(FieldKind.values()));
      }
      String compText = n.string("comparator", "jaro_winkler");
      ComparatorType comparator = ComparatorType.byLabel(compText);
      if (comparator == null) {
        throw Objects.requireNonNull(n.get("comparator")).error("unknown comparator '" + compText + "', expected one of "
            + labels(ComparatorType.values()));
      }
      List<Double> thresholds = numbers(n, "thresholds");
      List<Double> m = n.has("m") ? numbers(n, "m") : null;
      List<Double> u = n.has("u") ? numbers(n, "u") : null;
      String region = n.has("region") ? n.string("region") : null;
      try {
        return new FieldRule(name, kind, comparator, thresholds, m, u, region);
      } catch (IllegalArgumentException e) {
        throw n.error(e.getMessage());
      }
    }

    private static List<Double> numbers(MapNode n, String key) {
      List<Double> out = new ArrayList<>();
      if (!n.has(key)) {
        return out;
      }
      ListNode list = n.list(key);
      for (int i = 0; i < list.size(); i++) {
        out.add(list.get(i).asScalar("a number").number());
      }
      return out;
    }

    private static String labels(Enum<?>[] values) {
      StringBuilder b = new StringBuilder();
      for (Enum<?> v : values) {
        if (b.length() > 0) {
          b.append(", ");
        }
        b.append(v.name().toLowerCase(java.util.Locale.ROOT));
      }
      return b.toString();
    }
  }
}
