package dev.mops.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.GuardedClustering;
import dev.mops.identity.dedupe.IndexMatch;
import dev.mops.identity.dedupe.MatchIndex;
import dev.mops.identity.dedupe.MatchModel;
import dev.mops.identity.dedupe.RecordRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Deduplication on Spark: the single-machine engine's blocking, comparators, Fellegi-Sunter model
 * and guarded clustering, spread over a cluster.
 *
 * <pre>{@code
 * SparkDedupeResult r = SparkDedupe.of(Path.of("febrl.yaml")).run(records, "rec_id");
 * r.clusters();   // id, cluster_id, cluster_size: every record once
 * r.pairs();      // id_a, id_b, match_weight, probability, decision: pairs at or above review
 * r.model();      // the model the pairs were scored with
 * }</pre>
 *
 * <p>How it runs:
 * <ol>
 *   <li><b>Model, once.</b> Unless a model is given ({@link #withModel}), the driver runs the
 *       single-machine engine on the records, or on a random sample of {@link
 *       #estimationSample(int)} of them (100,000 by default), and keeps its model and junk values.
 *       On data no larger than the sample this is the single-machine model exactly.</li>
 *   <li><b>Blocking keys as columns.</b> Each record's keys ({@code MatchIndex.blockingKeys}, one
 *       per pass) become rows {@code (id, pass, key)}; blocks are counted with a {@code groupBy},
 *       and blocks larger than {@code max_block_size} are skipped and reported ({@code
 *       BLOCK_TOO_LARGE}) without ever being gathered.</li>
 *   <li><b>Candidate pairs within blocks.</b> Records are shuffled by block and each block is
 *       scored by a {@code MatchIndex} with the model: the same comparators and weights as one
 *       machine. A pair found in several blocks is kept once.</li>
 *   <li><b>Clusters.</b> Match edges go through a distributed connected-components pass
 *       (large-star / small-star), then each component is clustered with the engine's over-merge
 *       guards ({@code max_cluster_size}, {@code min_link_share}, {@code weak_link_probability}),
 *       which decide inside a component only.</li>
 * </ol>
 *
 * <p>Limits: ids must be unique and non-blank (they are the record references); a component of
 * the match graph is clustered in one task and may hold at most {@link #MAX_COMPONENT_RECORDS}
 * records (past that, tighten the thresholds or blocking); the single-machine pair budget that
 * lowers the block-size cut on a small heap does not apply (each block is scored in its own task).
 *
 * <p>Thread safety: a builder, for one thread.
 */
public final class SparkDedupe {

  /** The default number of records the driver estimates the model on. */
  public static final int DEFAULT_ESTIMATION_SAMPLE = 100_000;

  /** The most records one connected component of the match graph may hold. */
  public static final int MAX_COMPONENT_RECORDS = 200_000;

  private static final int MAX_FINDINGS_PER_CODE = 100;

  private final ConfigText configText;
  private final DedupeConfig config;
  private @Nullable MatchModel model;
  private Map<String, List<String>> junk = Map.of();
  private int sample = DEFAULT_ESTIMATION_SAMPLE;

  private SparkDedupe(ConfigText configText) {
    this.configText = configText;
    this.config = DedupeConfigs.parse(configText.source(), configText.text());
  }

  /** Returns a run of the config given as YAML text (parsed now: a bad config fails here). */
  public static SparkDedupe of(String configYaml) {
    return new SparkDedupe(new ConfigText("dedupe config", Objects.requireNonNull(configYaml, "configYaml")));
  }

  /** Returns a run of a config file (read on the driver; its name appears in errors). */
  public static SparkDedupe of(Path configFile) {
    return new SparkDedupe(ConfigText.read(configFile));
  }

  /**
   * Scores with a saved or trained model instead of estimating one.
   *
   * @param junkValues field to values treated as missing (such as a batch run's {@code
   *     DedupeResult.junkValues()}), or an empty map
   */
  public SparkDedupe withModel(MatchModel model, Map<String, List<String>> junkValues) {
    Deduplicator.withModel(config, Objects.requireNonNull(model, "model"));
    this.model = model;
    this.junk = Map.copyOf(junkValues);
    return this;
  }

  /** Sets how many records the driver estimates the model on (at least 1,000). */
  public SparkDedupe estimationSample(int records) {
    if (records < 1_000 || records > Deduplicator.MAX_RECORDS) {
      throw new IllegalArgumentException("estimation sample must be 1,000 to " + Deduplicator.MAX_RECORDS + ": " + records);
    }
    this.sample = records;
    return this;
  }

  /** Returns the config as the driver parsed it. */
  public DedupeConfig config() {
    return config;
  }

  /**
   * Deduplicates the records; {@code idColumn} holds each record's unique id. Runs the Spark jobs
   * of the model, blocking and connected components now; the returned Datasets are cached.
   *
   * @throws IllegalArgumentException when an id is missing or repeated
   * @throws IllegalStateException when a component of the match graph is over {@link #MAX_COMPONENT_RECORDS}
   */
  public SparkDedupeResult run(Dataset<Row> records, String idColumn) {
    SparkRecord.Binding binding = new SparkRecord.Binding(records.schema());
    binding.require(idColumn);
    Dataset<Row> ids = records.select(col(idColumn).cast(DataTypes.StringType).as("id"));
    checkIds(ids, idColumn);
    List<Finding> findings = new ArrayList<>();

    // 1. The model, once.
    MatchModel m = model;
    Map<String, List<String>> junkValues = junk;
    if (m == null) {
      long n = records.count();
      Dataset<Row> s = n <= sample ? records : records.sample(false, Math.min(1.0, 1.2 * sample / n), config.seed()).limit(sample);
      List<Record> local = new ArrayList<>();
      StructType schema = records.schema();
      SparkRecord.Binding b = new SparkRecord.Binding(schema);
      for (Row r : s.collectAsList()) {
        local.add(b.of(r));
      }
      DedupeResult estimated = Deduplicator.of(config).dedupe(local, idColumn);
      m = estimated.model();
      junkValues = estimated.junkValues();
      for (Finding f : estimated.findings()) {
        if (f.code().equals("JUNK_VALUE")) {
          findings.add(f);
        }
      }
    }
    DedupeJob job = new DedupeJob(configText, m, junkValues);
    int idIndex = binding.require(idColumn);
    StructType schema = records.schema();

    // 2. Blocking keys as columns.
    StructType keyType = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("pass", DataTypes.IntegerType, false),
        DataTypes.createStructField("key", DataTypes.StringType, false)});
    Dataset<Row> keys = records.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      MatchIndex index = job.newIndex();
      SparkRecord.Binding bb = new SparkRecord.Binding(schema);
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String id = SparkRecord.id(r, idIndex);
        var ks = index.blockingKeys(bb.of(r));
        for (int k = 0; k < ks.size(); k++) {
          String key = ks.get(k);
          if (key != null) {
            out.add(RowFactory.create(id, k, key));
          }
        }
      }
      return out.iterator();
    }, Encoders.row(keyType)).persist();
    Dataset<Row> blocks = keys.groupBy("pass", "key").agg(count(lit(1)).as("size")).persist();
    int maxBlock = config.maxBlockSize();
    Dataset<Row> oversized = blocks.where(col("size").gt(maxBlock));
    for (Row o : oversized.orderBy(col("size").desc(), col("pass"), col("key")).limit(MAX_FINDINGS_PER_CODE).collectAsList()) {
      int pass = o.getInt(0);
      findings.add(Finding.warning("BLOCK_TOO_LARGE", "", o.getString(1),
          "block of " + o.getLong(2) + " records under key " + config.blockingKeys().get(pass).describe()
              + " skipped: over max_block_size " + maxBlock));
    }

    // 3. Candidate pairs within blocks, scored by the model.
    Dataset<Row> members = keys.join(blocks.where(col("size").between(2, maxBlock)), new String[] {"pass", "key"})
        .select(col("id").as("_mops_id"), concat_ws("\u0001", col("pass").cast(DataTypes.StringType), col("key")).as("_mops_block"));
    Dataset<Row> blocked = records.join(members, col(idColumn).cast(DataTypes.StringType).equalTo(col("_mops_id")))
        .drop("_mops_id")
        .repartition(col("_mops_block"))
        .sortWithinPartitions(col("_mops_block"));
    StructType blockedSchema = blocked.schema();
    StructType pairType = new StructType(new StructField[] {
        DataTypes.createStructField("id_a", DataTypes.StringType, false),
        DataTypes.createStructField("id_b", DataTypes.StringType, false),
        DataTypes.createStructField("match_weight", DataTypes.DoubleType, false),
        DataTypes.createStructField("probability", DataTypes.DoubleType, false)});
    int blockIndex = blockedSchema.fieldIndex("_mops_block");
    Dataset<Row> scored = blocked.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> scoreBlocks(rows, job, blockedSchema, blockIndex, idIndex),
        Encoders.row(pairType));
    double matchAt = config.matchThreshold();
    Dataset<Row> pairs = scored.dropDuplicates("id_a", "id_b")
        .withColumn("decision", when(col("probability").geq(matchAt), lit("MATCH")).otherwise(lit("REVIEW")))
        .persist();

    // 4. Clusters: connected components of the match edges, then the guards inside each.
    Dataset<Row> edges = pairs.where(col("probability").geq(matchAt))
        .select(col("id_a").as("a"), col("id_b").as("b"), col("probability").as("p"));
    Dataset<Row> components = ConnectedComponents.of(edges.select("a", "b"))
        .select(col("id").as("_mops_node"), col("component").as("_mops_component")).persist();
    Row biggest = components.groupBy("_mops_component").count().agg(max(col("count"))).first();
    long largest = biggest.isNullAt(0) ? 0 : biggest.getLong(0);
    if (largest > MAX_COMPONENT_RECORDS) {
      throw new IllegalStateException("a connected component of the match graph holds " + largest
          + " records, over " + MAX_COMPONENT_RECORDS + ": raise thresholds.match or tighten blocking");
    }
    Dataset<Row> componentRecords = records.join(components,
        col(idColumn).cast(DataTypes.StringType).equalTo(col("_mops_node"))).drop("_mops_node");
    StructType crSchema = componentRecords.schema();
    int compIndex = crSchema.fieldIndex("_mops_component");
    Dataset<Row> componentEdges = edges.join(components, col("a").equalTo(col("_mops_node"))).drop("_mops_node");
    StructType clusterType = new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("cluster_id", DataTypes.StringType, false),
        DataTypes.createStructField("findings", Columns.FINDINGS, false)});
    Dataset<Row> clustered = componentRecords
        .groupByKey((MapFunction<Row, String>) r -> r.getString(compIndex), Encoders.STRING())
        .cogroup(componentEdges.groupByKey((MapFunction<Row, String>) r -> r.getString(3), Encoders.STRING()),
            (CoGroupFunction<String, Row, Row, Row>) (component, recs, es) ->
                clusterComponent(recs, es, job, crSchema, idIndex),
            Encoders.row(clusterType))
        .persist();
    for (Row f : clustered.select(explode(col("findings")).as("f")).select("f.*").limit(10_000).collectAsList()) {
      findings.add(new Finding(f.getString(0), f.getString(1), f.getString(2), dev.mops.core.Severity.valueOf(f.getString(3)),
          f.getString(4)));
    }
    Dataset<Row> clusterOf = ids.join(clustered.select(col("id").as("_cid"), col("cluster_id")),
            col("id").equalTo(col("_cid")), "left")
        .select(col("id"), coalesce(col("cluster_id"), col("id")).as("cluster_id"));
    Dataset<Row> sizes = clusterOf.groupBy(col("cluster_id").as("_k")).agg(count(lit(1)).as("cluster_size"));
    Dataset<Row> clusters = clusterOf.join(sizes, col("cluster_id").equalTo(col("_k"))).drop("_k").persist();
    return new SparkDedupeResult(config, m, junkValues, clusters, pairs, capped(findings));
  }

  private static void checkIds(Dataset<Row> ids, String idColumn) {
    List<Row> bad = ids.groupBy("id").count().where(col("id").isNull().or(col("count").gt(1))).limit(5).collectAsList();
    if (!bad.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (Row r : bad) {
        shown.add((r.isNullAt(0) ? "(missing)" : "'" + r.getString(0) + "'") + " x" + r.getLong(1));
      }
      throw new IllegalArgumentException("ids in column '" + idColumn + "' must be present and unique: " + shown);
    }
  }

  /** Scores the blocks of a partition sorted by block: each block is one run of equal block keys. */
  private static Iterator<Row> scoreBlocks(Iterator<Row> rows, DedupeJob job, StructType schema, int blockIndex, int idIndex) {
    SparkRecord.Binding binding = new SparkRecord.Binding(schema);
    List<Row> out = new ArrayList<>();
    List<Row> block = new ArrayList<>();
    String current = null;
    while (rows.hasNext()) {
      Row r = rows.next();
      String b = r.getString(blockIndex);
      if (current != null && !current.equals(b)) {
        scoreBlock(block, job, binding, idIndex, out);
        block.clear();
      }
      current = b;
      block.add(r);
    }
    if (!block.isEmpty()) {
      scoreBlock(block, job, binding, idIndex, out);
    }
    return out.iterator();
  }

  /**
   * Scores every pair of one block at or above the review threshold. The block is put in id
   * order; an index holds every record but the first, and each record is queried against it, so
   * each pair is compared once as (smaller, larger), as one machine compares it.
   */
  private static void scoreBlock(List<Row> block, DedupeJob job, SparkRecord.Binding binding, int idIndex, List<Row> out) {
    if (block.size() < 2) {
      return;
    }
    block.sort((x, y) -> SparkRecord.id(x, idIndex).compareTo(SparkRecord.id(y, idIndex)));
    MatchIndex index = job.newIndex();
    for (int i = 1; i < block.size(); i++) {
      Row r = block.get(i);
      index.add(RecordRef.of(SparkRecord.id(r, idIndex)), binding.of(r));
    }
    for (Row q : block) {
      String qid = SparkRecord.id(q, idIndex);
      for (IndexMatch hit : index.matches(binding.of(q))) {
        if (qid.compareTo(hit.ref().id()) < 0) {
          out.add(RowFactory.create(qid, hit.ref().id(), hit.matchWeight(), hit.probability()));
        }
      }
    }
  }

  /** Clusters one component: its records and its match edges, with the engine's guards. */
  private static Iterator<Row> clusterComponent(Iterator<Row> recs, Iterator<Row> es, DedupeJob job, StructType schema,
      int idIndex) {
    SparkRecord.Binding binding = new SparkRecord.Binding(schema);
    List<Row> rows = new ArrayList<>();
    recs.forEachRemaining(rows::add);
    rows.sort((x, y) -> SparkRecord.id(x, idIndex).compareTo(SparkRecord.id(y, idIndex)));
    int n = rows.size();
    String[] refs = new String[n];
    Map<String, Integer> indexOf = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      refs[i] = SparkRecord.id(rows.get(i), idIndex);
      indexOf.put(refs[i], i);
    }
    List<int[]> pairs = new ArrayList<>();
    List<Double> ps = new ArrayList<>();
    es.forEachRemaining(e -> {
      pairs.add(new int[] {indexOf.get(e.getString(0)), indexOf.get(e.getString(1))});
      ps.add(e.getDouble(2));
    });
    int[] ea = new int[pairs.size()];
    int[] eb = new int[pairs.size()];
    double[] ep = new double[pairs.size()];
    for (int k = 0; k < ea.length; k++) {
      ea[k] = pairs.get(k)[0];
      eb[k] = pairs.get(k)[1];
      ep[k] = ps.get(k);
    }
    DedupeConfig config = job.config();
    MatchIndex[] lazy = new MatchIndex[1];
    GuardedClustering.PairProbability probability = (x, y) -> {
      int a = Math.min(x, y);
      int b = Math.max(x, y);
      if (lazy[0] == null) {
        MatchIndex index = job.newIndex();
        for (int i = 0; i < n; i++) {
          index.add(RecordRef.of(refs[i]), binding.of(rows.get(i)));
        }
        lazy[0] = index;
      }
      return lazy[0].explain(binding.of(rows.get(a)), RecordRef.of(refs[b])).probability();
    };
    List<Finding> findings = new ArrayList<>();
    int[] head = GuardedClustering.cluster(n, ea, eb, ep, config, Arrays.asList(refs), findings, probability);
    List<Row> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(RowFactory.create(refs[i], refs[head[i]], i == 0 ? Columns.findings(findings) : new Row[0]));
    }
    return out.iterator();
  }

  private static List<Finding> capped(List<Finding> findings) {
    Map<String, Integer> perCode = new LinkedHashMap<>();
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      int seen = perCode.merge(f.code(), 1, Integer::sum);
      if (seen <= MAX_FINDINGS_PER_CODE) {
        out.add(f);
      }
    }
    perCode.forEach((code, n) -> {
      if (n > MAX_FINDINGS_PER_CODE) {
        out.add(Finding.info("FINDINGS_CAPPED", "", code, n + " " + code + " findings, " + MAX_FINDINGS_PER_CODE + " kept"));
      }
    });
    return out;
  }
}
