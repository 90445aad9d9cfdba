package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a dedupe or linkage run: the clusters (every input record in exactly one), the
 * pairs at or above the review threshold, the model used, the blocking report and the findings.
 *
 * <p>Any pair can be explained with {@link #explain}; {@link #blockingRecall} measures on labelled
 * data how many true pairs blocking let through.
 *
 * <p>Thread safety: immutable after construction and safe to share.
 */
public final class DedupeResult {
  private final DedupeConfig config;
  private final FieldComparer comparer;
  private final MatchModel model;
  private final Scorer scorer;
  private final @Nullable TermFrequencies termFrequencies;
  private final List<String> sources;
  private final boolean linkOnly;
  private final RecordRef[] refs;
  private final PreparedRecord[] recs;
  private final int[] source;
  private final int[] clusterOf;
  private final List<ScoredPair> pairs;
  private final CandidatePairs candidates;
  private final BlockingReport blockingReport;
  private final List<Finding> findings;
  private final Set<String> junk;
  private final Map<RecordRef, Integer> index;
  private final List<EntityCluster> clusters;

  DedupeResult(
      DedupeConfig config, FieldComparer comparer, MatchModel model, List<String> sources, boolean linkOnly,
      RecordRef[] refs, PreparedRecord[] recs, int[] source, int[] clusterOf, List<ScoredPair> pairs,
      CandidatePairs candidates, BlockingReport blockingReport, List<Finding> findings, Set<String> junk,
      @Nullable TermFrequencies termFrequencies) {
    this.config = config;
    this.comparer = comparer;
    this.model = model;
    this.termFrequencies = termFrequencies;
    this.scorer = new Scorer(comparer, model, termFrequencies);
    this.sources = List.copyOf(sources);
    this.linkOnly = linkOnly;
    this.refs = refs;
    this.recs = recs;
    this.source = source;
    this.clusterOf = clusterOf;
    this.pairs = List.copyOf(pairs);
    this.candidates = candidates;
    this.blockingReport = blockingReport;
    this.findings = List.copyOf(findings);
    this.junk = Set.copyOf(junk);
    this.index = new HashMap<>(refs.length * 2);
    for (int i = 0; i < refs.length; i++) {
      index.putIfAbsent(refs[i], i);
    }
    Map<Integer, List<RecordRef>> groups = new HashMap<>();
    List<Integer> heads = new ArrayList<>();
    for (int i = 0; i < refs.length; i++) {
      List<RecordRef> g = groups.get(clusterOf[i]);
      if (g == null) {
        g = new ArrayList<>();
        groups.put(clusterOf[i], g);
        heads.add(clusterOf[i]);
      }
      g.add(refs[i]);
    }
    List<EntityCluster> cs = new ArrayList<>(heads.size());
    for (int h : heads) {
      cs.add(new EntityCluster(refs[h].toString(), Objects.requireNonNull(groups.get(h))));
    }
    this.clusters = List.copyOf(cs);
  }

  /** Returns the config that produced this result. */
  public DedupeConfig config() {
    return config;
  }

  /** Returns the model used to score pairs. */
  public MatchModel model() {
    return model;
  }

  /** Returns the number of input records. */
  public int recordCount() {
    return refs.length;
  }

  /** Returns the source names, sorted ({@code [""]} when one unnamed source was deduplicated). */
  public List<String> sources() {
    return sources;
  }

  /** Returns whether only cross-source pairs were compared. */
  public boolean linkOnly() {
    return linkOnly;
  }

  /** Returns the clusters in order of their smallest member; every input record is in one. */
  public List<EntityCluster> clusters() {
    return clusters;
  }

  /** Returns every input record with its cluster id, in {@link RecordRef} order. */
  public Map<RecordRef, String> clusterIds() {
    Map<RecordRef, String> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < refs.length; i++) {
      out.put(refs[i], refs[clusterOf[i]].toString());
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** Returns the cluster id of a record, or null when the record is not in the input. */
  public @Nullable String clusterIdOf(RecordRef ref) {
    Integer i = index.get(ref);
    return i == null ? null : refs[clusterOf[i]].toString();
  }

  /** Returns the pairs scored at or above the review threshold, in record order. */
  public List<ScoredPair> pairs() {
    return pairs;
  }

  /** Returns the blocking report. */
  public BlockingReport blockingReport() {
    return blockingReport;
  }

  /** Returns the findings: missing or duplicate ids, junk values, oversized blocks and clusters. */
  public List<Finding> findings() {
    return findings;
  }

  /** Returns the junk values found, as {@code field -> values}, to reuse in a {@link MatchIndex}. */
  public Map<String, List<String>> junkValues() {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    for (String j : junk) {
      int sep = j.indexOf('\u0000');
      String field = config.fields().get(Integer.parseInt(j.substring(0, sep))).field();
      out.computeIfAbsent(field, x -> new ArrayList<>()).add(j.substring(sep + 1));
    }
    out.replaceAll((k, v) -> {
      v.sort(null);
      return List.copyOf(v);
    });
    return java.util.Collections.unmodifiableMap(out);
  }

  /**
   * Returns how many records held each value of each field in this run (null when the config
   * turns term frequencies off), the table a saved model and a {@link MatchIndex} reuse.
   */
  public @Nullable TermFrequencies termFrequencies() {
    return termFrequencies;
  }

  /**
   * Explains how two input records compare, field by field, whether or not blocking made them a
   * candidate pair.
   *
   * @throws IllegalArgumentException when either record is not in the input
   */
  public PairExplanation explain(RecordRef a, RecordRef b) {
    int i = indexOf(a);
    int j = indexOf(b);
    if (i > j) {
      int t = i;
      i = j;
      j = t;
    }
    boolean candidate = candidates.contains(i, j);
    return Explainer.explain(comparer, scorer, recs[i], recs[j], candidate);
  }

  /**
   * Explains a cluster as a whole: every pair of its members scored with the run's model (see
   * {@link ClusterExplanation}).
   *
   * @throws IllegalArgumentException when no cluster has this id
   */
  public ClusterExplanation explainCluster(String clusterId) {
    EntityCluster cluster = null;
    for (EntityCluster c : clusters) {
      if (c.clusterId().equals(clusterId)) {
        cluster = c;
        break;
      }
    }
    if (cluster == null) {
      throw new IllegalArgumentException("no cluster has the id " + clusterId);
    }
    List<RecordRef> members = cluster.members();
    int n = members.size();
    int[] at = new int[n];
    for (int x = 0; x < n; x++) {
      at[x] = indexOf(members.get(x));
    }
    double[] strongest = new double[n];
    long matches = 0;
    long linked = 0;
    double weakestPair = 1.0;
    for (int x = 0; x < n; x++) {
      for (int y = x + 1; y < n; y++) {
        int i = Math.min(at[x], at[y]);
        int j = Math.max(at[x], at[y]);
        double p = Scorer.probability(scorer.weight(comparer.pattern(recs[i], recs[j]), recs[i], recs[j]));
        strongest[x] = Math.max(strongest[x], p);
        strongest[y] = Math.max(strongest[y], p);
        weakestPair = Math.min(weakestPair, p);
        if (p >= config.matchThreshold()) {
          matches++;
        }
        if (p >= config.reviewThreshold()) {
          linked++;
        }
      }
    }
    int weakest = 0;
    for (int x = 1; x < n; x++) {
      if (strongest[x] < strongest[weakest]) {
        weakest = x;
      }
    }
    return new ClusterExplanation(clusterId, members, (long) n * (n - 1) / 2, matches, linked,
        n == 1 ? 1.0 : strongest[weakest], members.get(weakest), weakestPair);
  }

  /** Returns the index of a record in this run, or -1 when it is not in the input. */
  int indexOrMinus(RecordRef r) {
    Integer i = index.get(r);
    return i == null ? -1 : i;
  }

  /**
   * Returns the fields (by index) on which records {@code i} and {@code j} agree: their level is
   * above {@code different} and is evidence for a match in this run's model (m above u).
   */
  BitSet agreeing(int i, int j) {
    BitSet out = new BitSet();
    for (int f = 0; f < comparer.fieldCount(); f++) {
      int level = comparer.level(f, recs[i], recs[j]);
      if (level != FieldComparer.MISSING && level > 0 && scorer.weights[f][level] > 0) {
        out.set(f);
      }
    }
    return out;
  }

  /** Returns whether blocking made records {@code i} and {@code j} a candidate pair. */
  boolean isCandidate(int i, int j) {
    return i < j ? candidates.contains(i, j) : candidates.contains(j, i);
  }

  private int indexOf(RecordRef r) {
    Integer i = index.get(Objects.requireNonNull(r, "ref"));
    if (i == null) {
      throw new IllegalArgumentException("record " + r + " is not in the input");
    }
    return i;
  }

  /**
   * Returns the share of true pairs that blocking made candidates, given the true entity of each
   * record (records missing from {@code truth} are ignored). In link-only runs only cross-source
   * pairs count. Returns 1 when there are no true pairs.
   */
  public double blockingRecall(Map<RecordRef, String> truth) {
    Map<String, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < refs.length; i++) {
      String t = truth.get(refs[i]);
      if (t != null) {
        groups.computeIfAbsent(t, x -> new ArrayList<>()).add(i);
      }
    }
    long all = 0;
    long found = 0;
    for (List<Integer> g : groups.values()) {
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          int a = g.get(x);
          int b = g.get(y);
          if (linkOnly && source[a] == source[b]) {
            continue;
          }
          all++;
          if (candidates.contains(a, b)) {
            found++;
          }
        }
      }
    }
    return all == 0 ? 1.0 : (double) found / all;
  }

  /** Returns the raw value of a field of an input record, as text, or null. */
  public @Nullable String value(RecordRef ref, String field) {
    return Values.asString(recs[indexOf(ref)].source.get(field));
  }

  /**
   * Builds the golden record of every cluster with the config's survivorship rules (fields
   * without a rule keep their most frequent value), in cluster order. Every input record is in
   * exactly one golden record's lineage.
   */
  public List<GoldenRecord> goldenRecords() {
    return goldenRecords(1);
  }

  /**
   * Builds the golden records of the clusters of at least {@code minClusterSize} records, in
   * cluster order, as {@link #goldenRecords()} does. With 2, only the clusters that merged
   * duplicates: a caller that keeps single records as they are need not hold a golden copy of each
   * (on a million leads, most of the memory {@link #goldenRecords()} takes).
   *
   * @throws IllegalArgumentException when {@code minClusterSize} is below 1
   */
  public List<GoldenRecord> goldenRecords(int minClusterSize) {
    if (minClusterSize < 1) {
      throw new IllegalArgumentException("minClusterSize must be 1 or more, not " + minClusterSize);
    }
    int[] size = new int[refs.length];
    for (int i = 0; i < refs.length; i++) {
      size[clusterOf[i]]++;
    }
    Survivorship survivorship = new Survivorship(config.survivorship());
    Map<Integer, List<Survivorship.Member>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < refs.length; i++) {
      if (size[clusterOf[i]] >= minClusterSize) {
        groups.computeIfAbsent(clusterOf[i], x -> new ArrayList<>()).add(new Survivorship.Member(refs[i], recs[i].source));
      }
    }
    List<GoldenRecord> out = new ArrayList<>(groups.size());
    for (Map.Entry<Integer, List<Survivorship.Member>> g : groups.entrySet()) {
      out.add(survivorship.build(refs[g.getKey()].toString(), g.getValue()));
    }
    return List.copyOf(out);
  }

  PreparedRecord prepared(int i) {
    return recs[i];
  }

  /** The word counts of this run's organisation-name fields (counted again from its records), or null when it has none. */
  @Nullable NameWords nameWords() {
    return NameWords.count(comparer, recs);
  }

  int sourceIndex(int i) {
    return source[i];
  }

  RecordRef ref(int i) {
    return refs[i];
  }

  int clusterHead(int i) {
    return clusterOf[i];
  }
}
