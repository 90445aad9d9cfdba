package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Turns matched pairs into clusters: edges are joined strongest first (ties broken by record
 * order) under a cluster-size cap, then bridges weaker than the weak-link probability that alone
 * hold two groups of two or more records together are cut.
 *
 * <p>Records are indexed in {@link RecordRef} order, so the result does not depend on input order.
 * {@link GuardedClustering} is its public entry point for callers that find the matches themselves.
 *
 * <p>Thread safety: stateless.
 */
final class Clusterer {

  private Clusterer() {}

  /** The match probability of two records, computed on demand. */
  interface PairProbability {
    double of(int a, int b);
  }

  /** Returns, per record, the index of its cluster's smallest record. */
  static int[] cluster(
      int n, int[] ea, int[] eb, double[] ep, DedupeConfig config, IntFunction<String> refs, Consumer<Finding> findings,
      PairProbability probability) {
    int m = ea.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int c = Double.compare(ep[y], ep[x]);
      if (c != 0) {
        return c;
      }
      c = Integer.compare(ea[x], ea[y]);
      return c != 0 ? c : Integer.compare(eb[x], eb[y]);
    });
    UnionFind uf = new UnionFind(n);
    int cap = config.maxClusterSize();
    for (int k = 0; k < m; k++) {
      int e = order[k];
      int ra = uf.find(ea[e]);
      int rb = uf.find(eb[e]);
      if (ra == rb) {
        continue;
      }
      if (uf.size[ra] + uf.size[rb] > cap) {
        findings.accept(Finding.warning("CLUSTER_SIZE_CAP", "", refs.apply(ea[e]) + " ~ " + refs.apply(eb[e]),
            "match not merged: the clusters would hold " + (uf.size[ra] + uf.size[rb])
                + " records, over max_cluster_size " + cap));
        continue;
      }
      if (config.minLinkShare() > 0 && uf.size[ra] * uf.size[rb] > 1
          && !enoughLinks(uf.members(ra), uf.members(rb), config, probability)) {
        findings.accept(Finding.info("CLUSTER_MERGE_REFUSED", "", refs.apply(ea[e]) + " ~ " + refs.apply(eb[e]),
            "clusters of " + uf.size[ra] + " and " + uf.size[rb] + " records not merged: under "
                + config.minLinkShare() + " of their cross pairs reach the review threshold"));
        continue;
      }
      uf.union(ra, rb);
    }
    if (config.weakLinkProbability() > 0) {
      uf = splitWeakLinks(n, ea, eb, ep, order, uf, config.weakLinkProbability(), refs, findings);
    }
    int[] out = new int[n];
    int[] min = new int[n];
    Arrays.fill(min, Integer.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      int r = uf.find(i);
      min[r] = Math.min(min[r], i);
    }
    for (int i = 0; i < n; i++) {
      out[i] = min[uf.find(i)];
    }
    return out;
  }

  private static boolean enoughLinks(int[] a, int[] b, DedupeConfig config, PairProbability probability) {
    long total = (long) a.length * b.length;
    long needed = (long) Math.ceil(config.minLinkShare() * total);
    long linked = 0;
    long seen = 0;
    for (int x : a) {
      for (int y : b) {
        seen++;
        if (probability.of(x, y) >= config.reviewThreshold()) {
          linked++;
          if (linked >= needed) {
            return true;
          }
        }
        if (linked + (total - seen) < needed) {
          return false;
        }
      }
    }
    return linked >= needed;
  }

  private static UnionFind splitWeakLinks(
      int n, int[] ea, int[] eb, double[] ep, Integer[] order, UnionFind uf, double weak, IntFunction<String> refs,
      Consumer<Finding> findings) {
    Map<Integer, List<Integer>> byCluster = new HashMap<>();
    for (int k = 0; k < order.length; k++) {
      int e = order[k];
      int r = uf.find(ea[e]);
      if (r == uf.find(eb[e]) && uf.size[r] >= 4) {
        byCluster.computeIfAbsent(r, x -> new ArrayList<>()).add(e);
      }
    }
    boolean[] cut = new boolean[ea.length];
    for (List<Integer> edges : byCluster.values()) {
      // the list is strongest first: walk it weakest first
      for (int k = edges.size() - 1; k >= 0; k--) {
        int e = edges.get(k);
        if (ep[e] >= weak) {
          break;
        }
        Map<Integer, List<Integer>> adj = adjacency(edges, ea, eb, cut, e);
        Set<Integer> sideA = reachable(adj, ea[e]);
        if (sideA.contains(eb[e])) {
          continue;
        }
        Set<Integer> sideB = reachable(adj, eb[e]);
        if (sideA.size() >= 2 && sideB.size() >= 2) {
          cut[e] = true;
          findings.accept(Finding.info("WEAK_LINK_SPLIT", "", refs.apply(ea[e]) + " ~ " + refs.apply(eb[e]),
              String.format(Locale.ROOT,
                  "cluster split at a lone link of probability %.4f, below weak_link_probability %.4f", ep[e], weak)));
        }
      }
    }
    UnionFind next = new UnionFind(n);
    for (int e = 0; e < ea.length; e++) {
      if (!cut[e] && uf.find(ea[e]) == uf.find(eb[e])) {
        next.union(ea[e], eb[e]);
      }
    }
    return next;
  }

  private static Set<Integer> reachable(Map<Integer, List<Integer>> adj, int start) {
    ArrayDeque<Integer> q = new ArrayDeque<>();
    Set<Integer> seen = new HashSet<>();
    q.add(start);
    seen.add(start);
    while (!q.isEmpty()) {
      int x = q.poll();
      for (int y : adj.getOrDefault(x, List.of())) {
        if (seen.add(y)) {
          q.add(y);
        }
      }
    }
    return seen;
  }

  private static Map<Integer, List<Integer>> adjacency(
      List<Integer> edges, int[] ea, int[] eb, boolean[] cut, int skip) {
    Map<Integer, List<Integer>> adj = new HashMap<>();
    for (int e : edges) {
      if (e == skip || cut[e]) {
        continue;
      }
      adj.computeIfAbsent(ea[e], x -> new ArrayList<>()).add(eb[e]);
      adj.computeIfAbsent(eb[e], x -> new ArrayList<>()).add(ea[e]);
    }
    return adj;
  }

  /** Union-find with sizes and path halving. */
  static final class UnionFind {
    final int[] parent;
    final int[] size;
    private final int[] @Nullable [] members;

    UnionFind(int n) {
      parent = new int[n];
      size = new int[n];
      members = new int[n] @Nullable [];
      for (int i = 0; i < n; i++) {
        parent[i] = i;
        size[i] = 1;
      }
    }

    int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    void union(int ra, int rb) {
      ra = find(ra);
      rb = find(rb);
      if (ra == rb) {
        return;
      }
      if (size[ra] < size[rb] || (size[ra] == size[rb] && ra > rb)) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      int[] ma = members(ra);
      int[] mb = members(rb);
      int[] merged = java.util.Arrays.copyOf(ma, ma.length + mb.length);
      System.arraycopy(mb, 0, merged, ma.length, mb.length);
      members[ra] = merged;
      members[rb] = null;
      size[ra] += size[rb];
    }

    /** Returns the members of the cluster whose root is {@code root}. */
    int[] members(int root) {
      int[] m = members[root];
      return m == null ? new int[] {root} : m;
    }
  }
}
