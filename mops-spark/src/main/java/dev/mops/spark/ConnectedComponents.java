package dev.mops.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.min;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Connected components of an undirected graph held as a Dataset of edges, by the large-star /
 * small-star algorithm (Kiveris, Lattanzi, Mirrokni, Rastogi and Vassilvitskii, "Connected
 * Components in MapReduce and Beyond", SoCC 2014): each round of a large-star and a small-star
 * step moves every node's edges closer to the smallest node of its component, until every
 * component is a star around its smallest node; O(log² n) rounds, in practice a handful.
 *
 * <p>Vertices are strings; any total order works, so Spark's own ordering of strings is used.
 * Each round is checkpointed locally so that the plan does not grow with the rounds.
 *
 * <p>Thread safety: stateless.
 */
final class ConnectedComponents {

  /** More rounds than this means something is wrong: the algorithm needs O(log² n). */
  static final int MAX_ROUNDS = 200;

  private ConnectedComponents() {}

  /**
   * Returns {@code (id, component)} for every vertex of an edge of {@code edges} (columns {@code a}
   * and {@code b}; self-loops and duplicates are ignored), {@code component} being the smallest
   * vertex of the vertex's component.
   */
  static Dataset<Row> of(Dataset<Row> edges) {
    // Undirected edges, canonical as (hi, lo) with hi > lo.
    Dataset<Row> e = edges.select(greatest(col("a"), col("b")).as("hi"), least(col("a"), col("b")).as("lo"))
        .where(col("hi").notEqual(col("lo"))).distinct().localCheckpoint();
    long size = e.count();
    for (int round = 0; ; round++) {
      if (round == MAX_ROUNDS) {
        throw new IllegalStateException("connected components did not converge in " + MAX_ROUNDS + " rounds");
      }
      Dataset<Row> next = smallStar(largeStar(e)).localCheckpoint();
      long nextSize = next.count();
      // Both sets hold distinct edges: equal sizes and nothing new means the same set, a fixed point.
      boolean same = nextSize == size && next.except(e).isEmpty();
      e = next;
      size = nextSize;
      if (same) {
        break;
      }
    }
    return e.select(col("hi").as("id"), col("lo").as("component"))
        .union(e.select(col("lo").as("id"), col("lo").as("component")))
        .distinct();
  }

  /** Connects each node's larger neighbours to the smallest of the node and its neighbours. */
  static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.select(col("hi").as("u"), col("lo").as("v"))
        .union(e.select(col("lo").as("u"), col("hi").as("v")));
    Dataset<Row> mins = both.groupBy("u").agg(min("v").as("m"));
    return both.join(mins, "u").where(col("v").gt(col("u")))
        .select(col("v").as("hi"), least(col("u"), col("m")).as("lo"))
        .where(col("hi").notEqual(col("lo"))).distinct();
  }

  /** Connects each node and its smaller neighbours to the smallest of them. */
  static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> mins = e.groupBy("hi").agg(min("lo").as("m"));
    Dataset<Row> j = e.join(mins, "hi");
    Dataset<Row> spokes = j.select(greatest(col("lo"), col("m")).as("hi"), least(col("lo"), col("m")).as("lo"))
        .where(col("hi").notEqual(col("lo")));
    Dataset<Row> self = mins.select(col("hi"), col("m").as("lo"));
    return spokes.union(self).distinct();
  }
}
