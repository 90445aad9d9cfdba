package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Large-star / small-star gives the components union-find gives, on seeded random graphs (chains,
 * stars and sparse random edges). The seeds are logged; {@code -Dmops.test.seed=N} adds one.
 */
class ConnectedComponentsTest {

  static Stream<Long> seeds() {
    String extra = System.getProperty("mops.test.seed");
    LongStream base = LongStream.of(20_261_202L, 77L);
    return (extra == null ? base : LongStream.concat(base, LongStream.of(Long.parseLong(extra)))).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void componentsEqualUnionFind(long seed) {
    System.out.println("ConnectedComponentsTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    int n = 200;
    List<String[]> edges = new ArrayList<>();
    for (int i = 0; i + 1 < 24; i++) {            // a long chain, in shuffled names
      edges.add(new String[] {name(i * 7 % 24), name((i + 1) * 7 % 24)});
    }
    for (int i = 41; i < 60; i++) {               // a star around a large name
      edges.add(new String[] {name(59), name(i)});
    }
    for (int k = 0; k < 100; k++) {               // sparse random edges among the rest
      edges.add(new String[] {name(60 + random.nextInt(n - 60)), name(60 + random.nextInt(n - 60))});
    }
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField("a", DataTypes.StringType, false),
        DataTypes.createStructField("b", DataTypes.StringType, false)});
    List<Row> rows = new ArrayList<>();
    for (String[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> ds = LocalSpark.session().createDataFrame(rows, schema);
    Map<String, String> actual = new TreeMap<>();
    for (Row r : ConnectedComponents.of(ds).collectAsList()) {
      assertThat(actual.put(r.getString(0), r.getString(1))).as("one component per node").isNull();
    }
    assertThat(actual).isEqualTo(unionFind(edges));
  }

  static String name(int i) {
    return "n" + Integer.toString(i * 2_654_435 % 1_000_003, 36);
  }

  /** Node to the smallest node of its component (String order), for every node of an edge but self-loops alone. */
  static Map<String, String> unionFind(List<String[]> edges) {
    Map<String, String> parent = new HashMap<>();
    for (String[] e : edges) {
      if (e[0].equals(e[1])) {
        continue;
      }
      parent.putIfAbsent(e[0], e[0]);
      parent.putIfAbsent(e[1], e[1]);
      String ra = find(parent, e[0]);
      String rb = find(parent, e[1]);
      if (!ra.equals(rb)) {
        if (ra.compareTo(rb) < 0) {
          parent.put(rb, ra);
        } else {
          parent.put(ra, rb);
        }
      }
    }
    Map<String, String> out = new TreeMap<>();
    for (String x : parent.keySet()) {
      out.put(x, find(parent, x));
    }
    return out;
  }

  static String find(Map<String, String> parent, String x) {
    while (!parent.get(x).equals(x)) {
      x = parent.get(x);
    }
    return x;
  }
}
