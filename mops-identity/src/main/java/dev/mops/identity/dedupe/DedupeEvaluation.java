package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleBiFunction;
import org.jspecify.annotations.Nullable;

/**
 * An evaluation of a clustering against the truth: pairwise and cluster-level precision, recall
 * and F1, and the false links and missed pairs behind them, ranked when a scorer is given.
 *
 * <p>The truth is either the true entity of each record ({@link #ofEntities}) or pairs a person
 * has labelled as match or not ({@link #ofLabelledPairs}). With entities, a pair of records is
 * predicted when they share a cluster and true when they share an entity; a record missing from
 * the clustering or from the truth is its own cluster or entity. Cluster-level figures are
 * B-cubed precision and recall (per record: the share of its cluster that is its entity, and the
 * share of its entity that is its cluster, averaged over the records) and the share of predicted
 * clusters that are exactly a true entity (and of true entities found exactly). With labelled
 * pairs only the labelled pairs count, and there are no cluster-level figures.
 *
 * <p>False links (predicted, not true) and missed pairs (true, not predicted) are listed up to
 * {@link #MAX_LISTED} each, in record order; {@link #worstFalseLinks} and {@link
 * #worstMissedPairs} rank them by a match probability: the most confident false links first, and
 * the missed pairs the model scored lowest first.
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class DedupeEvaluation {

  /** Most false links and most missed pairs kept for ranking. */
  public static final int MAX_LISTED = 20_000;

  /**
   * Cluster-level figures of an evaluation against true entities.
   *
   * @param bcubedPrecision the mean over records of the share of its cluster that is its entity
   * @param bcubedRecall the mean over records of the share of its entity that is its cluster
   * @param exactPrecision the share of predicted clusters that are exactly a true entity
   * @param exactRecall the share of true entities found exactly as a cluster
   * @param clusters the number of predicted clusters
   * @param entities the number of true entities
   */
  public record ClusterScore(
      double bcubedPrecision, double bcubedRecall, double exactPrecision, double exactRecall, long clusters,
      long entities) {

    /** Returns the harmonic mean of B-cubed precision and recall. */
    public double bcubedF1() {
      return f1(bcubedPrecision, bcubedRecall);
    }

    /** Returns the harmonic mean of the exact-cluster precision and recall. */
    public double exactF1() {
      return f1(exactPrecision, exactRecall);
    }
  }

  /**
   * A pair the clustering got wrong.
   *
   * @param a the smaller record
   * @param b the larger record
   * @param predicted whether the clustering put them together (a false link) or not (a missed pair)
   */
  public record Mistake(RecordRef a, RecordRef b, boolean predicted) {

    /** Validates the components. */
    public Mistake {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
    }
  }

  private final PairwiseScore pairwise;
  private final @Nullable ClusterScore clusterScore;
  private final List<Mistake> falseLinks;
  private final List<Mistake> missedPairs;
  private final long falseLinkCount;
  private final long missedPairCount;
  /** The true groups of two or more records (entities, or labelled matching pairs), for {@link #evidence}. */
  private final List<RecordRef[]> trueGroups;
  /** The predicted cluster of each member of {@link #trueGroups} (null: a cluster of its own). */
  private final List<String[]> groupClusters;
  private final boolean crossSourceOnly;

  private DedupeEvaluation(PairwiseScore pairwise, @Nullable ClusterScore clusterScore, List<Mistake> falseLinks,
      List<Mistake> missedPairs, long falseLinkCount, long missedPairCount, List<RecordRef[]> trueGroups,
      List<String[]> groupClusters, boolean crossSourceOnly) {
    this.trueGroups = trueGroups;
    this.groupClusters = groupClusters;
    this.crossSourceOnly = crossSourceOnly;
    this.pairwise = pairwise;
    this.clusterScore = clusterScore;
    this.falseLinks = List.copyOf(falseLinks);
    this.missedPairs = List.copyOf(missedPairs);
    this.falseLinkCount = falseLinkCount;
    this.missedPairCount = missedPairCount;
  }

  /**
   * Evaluates predicted cluster ids against true entity ids. Records in only one of the maps are
   * their own cluster (or entity) there.
   *
   * @param clusters each record's cluster id
   * @param truth each record's true entity id
   * @param crossSourceOnly count only pairs of records from different sources (link-only runs)
   */
  public static DedupeEvaluation ofEntities(
      Map<RecordRef, String> clusters, Map<RecordRef, String> truth, boolean crossSourceOnly) {
    List<RecordRef> all = new ArrayList<>(clusters.keySet());
    for (RecordRef r : truth.keySet()) {
      if (!clusters.containsKey(r)) {
        all.add(r);
      }
    }
    all.sort(null);
    Map<String, List<RecordRef>> byCluster = new HashMap<>();
    Map<String, List<RecordRef>> byEntity = new HashMap<>();
    Map<String, Integer> joint = new HashMap<>();
    for (RecordRef r : all) {
      String c = clusterOf(clusters, r);
      String t = entityOf(truth, r);
      byCluster.computeIfAbsent(c, x -> new ArrayList<>()).add(r);
      byEntity.computeIfAbsent(t, x -> new ArrayList<>()).add(r);
      joint.merge(c + "\u0000" + t, 1, Integer::sum);
    }
    Map<RecordRef, String> fullClusters = new HashMap<>();
    Map<RecordRef, String> fullTruth = new HashMap<>();
    for (RecordRef r : all) {
      fullClusters.put(r, clusterOf(clusters, r));
      fullTruth.put(r, entityOf(truth, r));
    }
    PairwiseScore pairwise = PairwiseScore.of(fullClusters, fullTruth, crossSourceOnly);

    double precisionSum = 0;
    double recallSum = 0;
    for (RecordRef r : all) {
      String c = fullClusters.get(r);
      String t = fullTruth.get(r);
      int both = Objects.requireNonNull(joint.get(c + "\u0000" + t));
      precisionSum += (double) both / Objects.requireNonNull(byCluster.get(c)).size();
      recallSum += (double) both / Objects.requireNonNull(byEntity.get(t)).size();
    }
    long exact = 0;
    for (Map.Entry<String, List<RecordRef>> e : byCluster.entrySet()) {
      List<RecordRef> members = e.getValue();
      String t = fullTruth.get(members.get(0));
      if (Objects.requireNonNull(byEntity.get(t)).size() == members.size()
          && Objects.requireNonNull(joint.get(e.getKey() + "\u0000" + t)) == members.size()) {
        exact++;
      }
    }
    int n = all.size();
    ClusterScore cs = new ClusterScore(n == 0 ? 1 : precisionSum / n, n == 0 ? 1 : recallSum / n,
        byCluster.isEmpty() ? 1 : (double) exact / byCluster.size(),
        byEntity.isEmpty() ? 1 : (double) exact / byEntity.size(), byCluster.size(), byEntity.size());

    List<Mistake> falseLinks = new ArrayList<>();
    long falseCount = mistakesWithin(byCluster, fullTruth, crossSourceOnly, true, falseLinks);
    List<Mistake> missed = new ArrayList<>();
    long missedCount = mistakesWithin(byEntity, fullClusters, crossSourceOnly, false, missed);
    List<RecordRef[]> groups = new ArrayList<>();
    for (List<RecordRef> g : byEntity.values()) {
      if (g.size() > 1) {
        groups.add(g.toArray(new RecordRef[0]));
      }
    }
    groups.sort(Comparator.comparing(g -> g[0]));
    List<String[]> groupClusters = new ArrayList<>(groups.size());
    for (RecordRef[] members : groups) {
      String[] cl = new String[members.length];
      for (int x = 0; x < members.length; x++) {
        cl[x] = Objects.requireNonNull(fullClusters.get(members[x]));
      }
      groupClusters.add(cl);
    }
    return new DedupeEvaluation(pairwise, cs, falseLinks, missed, falseCount, missedCount, groups, groupClusters,
        crossSourceOnly);
  }

  /**
   * Evaluates predicted cluster ids against labelled pairs: precision is the share of labelled
   * pairs put together that are matches, recall the share of labelled matches put together.
   * Pairs naming a record the clustering does not hold are skipped; a pair labelled both ways
   * counts as labelled twice.
   *
   * @param clusters each record's cluster id
   * @param labels labelled pairs, ids written as {@link RecordRef#toString()} writes them
   */
  public static DedupeEvaluation ofLabelledPairs(Map<RecordRef, String> clusters, List<LabelledPair> labels) {
    Map<String, RecordRef> byName = new HashMap<>();
    for (RecordRef r : clusters.keySet()) {
      byName.put(r.toString(), r);
    }
    long tp = 0;
    long predicted = 0;
    long actual = 0;
    List<Mistake> falseLinks = new ArrayList<>();
    List<Mistake> missed = new ArrayList<>();
    long falseCount = 0;
    long missedCount = 0;
    List<RecordRef[]> matches = new ArrayList<>();
    List<String[]> matchClusters = new ArrayList<>();
    for (LabelledPair p : labels) {
      RecordRef a = byName.get(p.idA().strip());
      RecordRef b = byName.get(p.idB().strip());
      if (a == null || b == null || a.equals(b)) {
        continue;
      }
      if (a.compareTo(b) > 0) {
        RecordRef t = a;
        a = b;
        b = t;
      }
      boolean together = Objects.equals(clusters.get(a), clusters.get(b));
      if (together) {
        predicted++;
      }
      if (p.match()) {
        actual++;
        matches.add(new RecordRef[] {a, b});
        matchClusters.add(new String[] {Objects.requireNonNull(clusters.get(a)),
            Objects.requireNonNull(clusters.get(b))});
        if (together) {
          tp++;
        } else {
          missedCount++;
          if (missed.size() < MAX_LISTED) {
            missed.add(new Mistake(a, b, false));
          }
        }
      } else if (together) {
        falseCount++;
        if (falseLinks.size() < MAX_LISTED) {
          falseLinks.add(new Mistake(a, b, true));
        }
      }
    }
    Comparator<Mistake> order = Comparator.comparing(Mistake::a).thenComparing(Mistake::b);
    falseLinks.sort(order);
    missed.sort(order);
    return new DedupeEvaluation(new PairwiseScore(tp, predicted, actual), null, falseLinks, missed, falseCount,
        missedCount, matches, matchClusters, false);
  }

  /**
   * Lists, within each group, the pairs whose records the other grouping puts apart: within
   * predicted clusters those are false links, within true entities missed pairs. Returns the count.
   */
  private static long mistakesWithin(Map<String, List<RecordRef>> groups, Map<RecordRef, String> other,
      boolean crossSourceOnly, boolean predicted, List<Mistake> out) {
    List<String> keys = new ArrayList<>(groups.keySet());
    keys.sort(Comparator.comparing(k -> Objects.requireNonNull(groups.get(k)).get(0)));
    long count = 0;
    for (String k : keys) {
      List<RecordRef> g = Objects.requireNonNull(groups.get(k));
      if (g.size() < 2) {
        continue;
      }
      // Members by their group in the other grouping: pairs across those sub-groups are mistakes.
      Map<String, Integer> sizes = new HashMap<>();
      for (RecordRef r : g) {
        sizes.merge(Objects.requireNonNull(other.get(r)), 1, Integer::sum);
      }
      if (sizes.size() == 1) {
        continue;
      }
      for (int x = 0; x < g.size(); x++) {
        for (int y = x + 1; y < g.size(); y++) {
          RecordRef a = g.get(x);
          RecordRef b = g.get(y);
          if (Objects.equals(other.get(a), other.get(b)) || (crossSourceOnly && a.source().equals(b.source()))) {
            continue;
          }
          count++;
          if (out.size() < MAX_LISTED) {
            out.add(new Mistake(a, b, predicted));
          }
        }
      }
    }
    return count;
  }

  private static String clusterOf(Map<RecordRef, String> clusters, RecordRef r) {
    String c = clusters.get(r);
    return c != null ? "c:" + c : "r:" + r;
  }

  private static String entityOf(Map<RecordRef, String> truth, RecordRef r) {
    String t = truth.get(r);
    return t != null ? "e:" + t : "r:" + r;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }

  /**
   * Breaks the true pairs down by the evidence their records share in {@code result}, a run over
   * the same records (normally the run that made the clustering): which fields agree, how many
   * such pairs the clustering found, and how many blocking never compared; pairs whose records
   * share only a name are told apart from those with identifying evidence (see {@link
   * EvidenceBreakdown}). With labelled pairs, the labelled matches are the true pairs. True pairs
   * with a record that is not in {@code result} are counted apart.
   */
  public EvidenceBreakdown evidence(DedupeResult result) {
    EvidenceBreakdown.Builder b = new EvidenceBreakdown.Builder(result);
    for (int g = 0; g < trueGroups.size(); g++) {
      RecordRef[] members = trueGroups.get(g);
      String[] cl = groupClusters.get(g);
      for (int x = 0; x < members.length; x++) {
        for (int y = x + 1; y < members.length; y++) {
          if (crossSourceOnly && members[x].source().equals(members[y].source())) {
            continue;
          }
          b.add(members[x], members[y], cl[x].equals(cl[y]));
        }
      }
    }
    return b.build();
  }

  /** Returns the pairwise precision, recall and F1. */
  public PairwiseScore pairwise() {
    return pairwise;
  }

  /** Returns the cluster-level figures, or null when the truth was labelled pairs. */
  public @Nullable ClusterScore clusters() {
    return clusterScore;
  }

  /** Returns how many predicted pairs are false links. */
  public long falseLinkCount() {
    return falseLinkCount;
  }

  /** Returns how many true pairs were missed. */
  public long missedPairCount() {
    return missedPairCount;
  }

  /** Returns the false links, at most {@link #MAX_LISTED}, in record order. */
  public List<Mistake> falseLinks() {
    return falseLinks;
  }

  /** Returns the missed pairs, at most {@link #MAX_LISTED}, in record order. */
  public List<Mistake> missedPairs() {
    return missedPairs;
  }

  /**
   * Returns the {@code limit} false links with the highest match probability (the most confident
   * mistakes), ties in record order.
   */
  public List<Mistake> worstFalseLinks(int limit, ToDoubleBiFunction<RecordRef, RecordRef> probability) {
    return ranked(falseLinks, limit, probability, true);
  }

  /**
   * Returns the {@code limit} missed pairs with the lowest match probability (the true pairs the
   * model was surest were different), ties in record order.
   */
  public List<Mistake> worstMissedPairs(int limit, ToDoubleBiFunction<RecordRef, RecordRef> probability) {
    return ranked(missedPairs, limit, probability, false);
  }

  private static List<Mistake> ranked(List<Mistake> list, int limit, ToDoubleBiFunction<RecordRef, RecordRef> p,
      boolean highestFirst) {
    double[] score = new double[list.size()];
    Integer[] order = new Integer[list.size()];
    for (int i = 0; i < score.length; i++) {
      score[i] = p.applyAsDouble(list.get(i).a(), list.get(i).b());
      order[i] = i;
    }
    java.util.Arrays.sort(order, (x, y) -> {
      int c = Double.compare(score[x], score[y]);
      return c != 0 ? (highestFirst ? -c : c) : Integer.compare(x, y);
    });
    List<Mistake> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, order.length); i++) {
      out.add(list.get(order[i]));
    }
    return out;
  }
}
