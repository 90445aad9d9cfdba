package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.EntityCluster;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.ScoredPair;
import dev.mops.testkit.SyntheticLeads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Distributed dedupe gives the single-machine clusters and pairs, on FEBRL and on synthetic leads. */
class SparkDedupeTest {

  @Test
  void febrlClustersEqualTheSingleMachineClusters() throws Exception {
    Path config = LocalSpark.repo().resolve("examples/dedupe/febrl.yaml");
    Dataset<Row> febrl = LocalSpark.csv(LocalSpark.repo().resolve("data/febrl1.csv")).repartition(4);
    assertThat(febrl.columns()).contains("rec_id", "given_name", "soc_sec_id");
    List<Record> local = records(febrl);
    DedupeResult single = Deduplicator.of(DedupeConfigs.load(config)).dedupe(local, "rec_id");

    SparkDedupeResult spark = SparkDedupe.of(config).run(febrl, "rec_id");
    assertThat(spark.model()).isEqualTo(single.model());
    assertSameClusters(spark, single, local.size());
    assertSamePairs(spark, single);
    assertThat(spark.clusters().count()).isEqualTo(1000);
  }

  @Test
  void syntheticLeadClustersEqualTheSingleMachineClusters() {
    SyntheticLeads.Dataset data = SyntheticLeads.generate(2_000, 20_261_202L);
    // The shipped config, with every over-merge guard biting: a small size cap and weak-link cuts
    // (min_link_share is 0.5 by default); fewer random pairs keep the test short.
    String yaml = SyntheticLeads.configYaml().replace("random_pairs: 300000", "random_pairs: 50000")
        .replace("max_cluster_size: 50", "max_cluster_size: 3\n  weak_link_probability: 0.99999");
    assertThat(yaml).contains("weak_link_probability");
    DedupeConfig config = DedupeConfigs.parse("synthetic-leads.yaml", yaml);
    Dataset<Row> leads = dataset(data.records()).repartition(3);
    long t0 = System.nanoTime();
    DedupeResult single = Deduplicator.of(config).dedupe(records(leads), "id");
    long t1 = System.nanoTime();

    SparkDedupeResult spark = SparkDedupe.of(yaml).withModel(single.model(), single.junkValues()).run(leads, "id");
    long t2 = System.nanoTime();
    System.out.printf("single %d ms, spark %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    assertSameClusters(spark, single, data.records().size());
    assertSamePairs(spark, single);
    // The size cap bites (over 100 times: both sides keep 100 findings of a code, in their own
    // order, so the lists are not compared; the clusters above are).
    assertThat(guardFindings(single.findings())).anyMatch(f -> f.startsWith("CLUSTER_SIZE_CAP"));
    assertThat(guardFindings(spark.findings())).anyMatch(f -> f.startsWith("CLUSTER_SIZE_CAP"));
    long multi = single.clusters().stream().filter(c -> c.size() > 1).count();
    assertThat(multi).as("the synthetic file has duplicates").isGreaterThan(100);
  }

  @Test
  void idsMustBeUnique() {
    Dataset<Row> twice = LocalSpark.session().sql("select * from values ('a', 'x'), ('a', 'y') as t(id, email)");
    assertThatThrownBy(() -> SparkDedupe.of(SyntheticLeads.configYaml()).run(twice, "id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' x2");
  }

  /** The clustering guards' findings, as code and pair. */
  static Set<String> guardFindings(List<dev.mops.core.Finding> findings) {
    Set<String> out = new TreeSet<>();
    for (dev.mops.core.Finding f : findings) {
      if (Set.of("CLUSTER_SIZE_CAP", "CLUSTER_MERGE_REFUSED", "WEAK_LINK_SPLIT").contains(f.code())) {
        out.add(f.code() + " " + f.rawValue());
      }
    }
    return out;
  }

  static void assertSameClusters(SparkDedupeResult spark, DedupeResult single, int records) {
    Map<String, Set<String>> byCluster = new HashMap<>();
    for (Row r : spark.clusters().collectAsList()) {
      byCluster.computeIfAbsent(r.getString(1), k -> new TreeSet<>()).add(r.getString(0));
    }
    Set<Set<String>> actual = new HashSet<>(byCluster.values());
    Set<Set<String>> expected = new HashSet<>();
    for (EntityCluster c : single.clusters()) {
      Set<String> ids = new TreeSet<>();
      for (RecordRef ref : c.members()) {
        ids.add(ref.id());
      }
      expected.add(ids);
    }
    assertThat(actual.stream().mapToInt(Set::size).sum()).isEqualTo(records);
    assertThat(actual).isEqualTo(expected);
  }

  static void assertSamePairs(SparkDedupeResult spark, DedupeResult single) {
    Set<String> actual = new HashSet<>();
    for (Row r : spark.pairs().collectAsList()) {
      actual.add(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(4));
    }
    Set<String> expected = new HashSet<>();
    for (ScoredPair p : single.pairs()) {
      expected.add(p.a().id() + "|" + p.b().id() + "|" + p.decision());
    }
    assertThat(actual).isEqualTo(expected);
  }

  static List<Record> records(Dataset<Row> ds) {
    List<Record> out = new ArrayList<>();
    for (Row r : ds.collectAsList()) {
      out.add(SparkScoringTest.record(r));
    }
    return out;
  }

  /** The records as a Dataset of string columns (values as text, as a CSV would hold them). */
  static Dataset<Row> dataset(List<Record> records) {
    List<String> columns = new ArrayList<>(SyntheticLeads.COLUMNS);
    StructField[] fields = new StructField[columns.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = DataTypes.createStructField(columns.get(i), DataTypes.StringType, true);
    }
    List<Row> rows = new ArrayList<>();
    for (Record r : records) {
      Object[] v = new Object[columns.size()];
      for (int i = 0; i < v.length; i++) {
        Object x = r.get(columns.get(i));
        v[i] = x == null ? null : x.toString();
      }
      rows.add(RowFactory.create(v));
    }
    return LocalSpark.session().createDataFrame(rows, new StructType(fields));
  }
}
