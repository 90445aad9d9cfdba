package dev.mops.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.hash;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.mops.core.Finding;
import dev.mops.core.record.Values;
import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import dev.mops.identity.stitch.Refusal;
import dev.mops.identity.stitch.RefusalReason;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.StitchListener;
import dev.mops.identity.stitch.StitchMetrics;
import dev.mops.identity.stitch.StitchOutcome;
import dev.mops.identity.stitch.SuspectedJunk;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.jspecify.annotations.Nullable;

/**
 * Identity stitching on Spark: the single-machine stitcher ({@code IdentityGraph}) with all its
 * guards, run on each connected component of the identifier links.
 *
 * <pre>{@code
 * SparkStitchResult r = SparkStitch.of(Path.of("identity.yaml")).run(observations, "observation_id");
 * r.observations();   // every input row once, with profile_id, stitch_refusals, stitch_findings
 * r.identifiers();    // type, identifier, profile_id: every identifier a profile holds
 * r.totals();         // stitching rate, confident share, merges, refusals by reason
 * r.suspectedJunk();  // identifiers refused into many profiles
 * }</pre>
 *
 * <p>Input: one row per observation, with an id column, optionally {@code timestamp} (a Spark
 * timestamp or ISO-8601 text; text without a zone is UTC) and {@code source}, and one column per
 * identifier type named as in the config (types without a column are absent; other columns are
 * carried through). An empty cell is an absent identifier.
 *
 * <p>How it runs:
 * <ol>
 *   <li><b>Link keys.</b> Each identifier is screened and normalized by the stitcher's own code
 *       (blocked and invalid values link nothing) and named by a 64-bit hash of its normalized
 *       value; each observation links its identifiers' keys.</li>
 *   <li><b>Components.</b> The links go through the distributed connected-components pass
 *       (large-star / small-star).</li>
 *   <li><b>The stitcher, per component.</b> Each component's observations are gathered in one task
 *       and added to an {@code IdentityGraph} in the order {@code addAll} uses (timestamp, without
 *       one first, then id). The stitcher only ever reads and changes the profiles of the
 *       identifiers of the observation at hand, which lie in its component, so every rule
 *       ({@code unique}, {@code limit} and its window, {@code weak_link}, {@code profile_size}),
 *       every refusal, merge, profile id and the suspected junk come out as on one machine.</li>
 * </ol>
 *
 * <p>Limits: observation ids must be unique (a missing id is named {@code #} and a number, with
 * an {@code OBSERVATION_ID_MISSING} finding); a component is stitched in one task and may hold at
 * most {@link #maxComponentObservations(int)} observations (1,000,000 by default): shared values
 * that are not blocked (a kiosk's cookie, an office phone) join components, so block the
 * suspected junk a run reports to keep them small.
 *
 * <p>Thread safety: a builder, for one thread.
 */
public final class SparkStitch {

  /** The column of the profile id (null when nothing of the observation was stitched). */
  public static final String PROFILE_ID = "profile_id";

  /** The column of the identifiers refused in the observation. */
  public static final String REFUSALS = "stitch_refusals";

  /** The column of the findings about the observation's row (missing id, unreadable timestamp). */
  public static final String FINDINGS = "stitch_findings";

  /** The default of {@link #maxComponentObservations(int)}. */
  public static final int DEFAULT_MAX_COMPONENT_OBSERVATIONS = 1_000_000;

  /** Observations without any identifier are spread over this many groups (they link nothing). */
  private static final int LONE_BUCKETS = 64;

  /** One refused identifier: type, identifier (as refused), reason code, detail. */
  static final StructType REFUSAL = new StructType(new StructField[] {
      DataTypes.createStructField("type", DataTypes.StringType, false),
      DataTypes.createStructField("identifier", DataTypes.StringType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, false),
      DataTypes.createStructField("detail", DataTypes.StringType, false)});

  /** The rows a component's stitching gives: observations (0), identifiers (1), totals (2), junk (3). */
  private static final StructType STITCHED = new StructType(new StructField[] {
      DataTypes.createStructField("kind", DataTypes.IntegerType, false),
      DataTypes.createStructField("a", DataTypes.StringType, true),
      DataTypes.createStructField("b", DataTypes.StringType, true),
      DataTypes.createStructField("c", DataTypes.StringType, true),
      DataTypes.createStructField("refusals", DataTypes.createArrayType(REFUSAL, false), true),
      DataTypes.createStructField("findings", Columns.FINDINGS, true),
      DataTypes.createStructField("nums", DataTypes.createArrayType(DataTypes.LongType, false), true)});

  private static final int MAX_JUNK = 10_000;

  private final ConfigText configText;
  private final StitchConfig config;
  private String timestampColumn = "timestamp";
  private String sourceColumn = "source";
  private int maxComponent = DEFAULT_MAX_COMPONENT_OBSERVATIONS;

  private SparkStitch(ConfigText configText) {
    this.configText = configText;
    this.config = StitchConfig.parse(configText.source(), configText.text());
  }

  /** Returns a run of the config given as YAML text (parsed now: a bad config fails here). */
  public static SparkStitch of(String configYaml) {
    return new SparkStitch(new ConfigText("stitch config", Objects.requireNonNull(configYaml, "configYaml")));
  }

  /** Returns a run of a config file (read on the driver; its name appears in errors). */
  public static SparkStitch of(Path configFile) {
    return new SparkStitch(ConfigText.read(configFile));
  }

  /** Sets the timestamp column ({@code timestamp} by default; ignored when the input lacks it). */
  public SparkStitch timestampColumn(String column) {
    this.timestampColumn = Objects.requireNonNull(column, "column");
    return this;
  }

  /** Sets the source column ({@code source} by default; ignored when the input lacks it). */
  public SparkStitch sourceColumn(String column) {
    this.sourceColumn = Objects.requireNonNull(column, "column");
    return this;
  }

  /** Sets the most observations one connected component may hold (at least 1). */
  public SparkStitch maxComponentObservations(int observations) {
    if (observations < 1) {
      throw new IllegalArgumentException("max component observations must be at least 1: " + observations);
    }
    this.maxComponent = observations;
    return this;
  }

  /** Returns the config as the driver parsed it. */
  public StitchConfig config() {
    return config;
  }

  /**
   * Stitches the observations; {@code idColumn} holds each observation's unique id. Runs the link
   * keys, the connected components and the stitching now; the returned Datasets read cached results.
   *
   * @throws IllegalArgumentException when the input has no identifier column, already has a
   *     column this adds, or repeats an observation id
   * @throws IllegalStateException when a component holds more than {@link
   *     #maxComponentObservations(int)} observations
   */
  public SparkStitchResult run(Dataset<Row> observations, String idColumn) {
    StructType schema = observations.schema();
    List<String> names = List.of(schema.fieldNames());
    if (!names.contains(idColumn)) {
      throw new IllegalArgumentException("no column '" + idColumn + "' (the observation id) in " + names);
    }
    Columns.extend(schema, DataTypes.createStructField(PROFILE_ID, DataTypes.StringType, true),
        DataTypes.createStructField(REFUSALS, DataTypes.createArrayType(REFUSAL, false), false),
        DataTypes.createStructField(FINDINGS, Columns.FINDINGS, false));
    List<String> typeNames = new ArrayList<>();
    for (var t : config.types()) {
      if (names.contains(t.name())) {
        typeNames.add(t.name());
      }
    }
    if (typeNames.isEmpty()) {
      List<String> expected = new ArrayList<>();
      config.types().forEach(t -> expected.add(t.name()));
      throw new IllegalArgumentException("no identifier column in " + names + ": expected columns named as the "
          + "identifier types " + expected);
    }

    // The observations with a unique key each (a generated one for a missing id), cached so that
    // the generated keys stay the same in every job below.
    Column id = col(idColumn).cast(DataTypes.StringType);
    Column missing = id.isNull().or(trim(id).equalTo(""));
    Dataset<Row> prepared = observations
        .withColumn("_mops_named", missing.unary_$bang())
        .withColumn("_mops_obs", when(missing, concat(lit("#"), monotonically_increasing_id().cast(DataTypes.StringType)))
            .otherwise(id))
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> repeated = prepared.groupBy("_mops_obs").count().where(col("count").gt(1)).limit(5).collectAsList();
    if (!repeated.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (Row r : repeated) {
        shown.add("'" + r.getString(0) + "' x" + r.getLong(1));
      }
      prepared.unpersist();
      throw new IllegalArgumentException("observation ids in column '" + idColumn + "' must be unique: " + shown);
    }

    // The columns the stitching reads: key, named, timestamp, source, then the identifier types.
    List<Column> read = new ArrayList<>();
    read.add(col("_mops_obs"));
    read.add(col("_mops_named"));
    boolean hasTs = names.contains(timestampColumn);
    boolean hasSource = names.contains(sourceColumn);
    read.add(hasTs ? col(timestampColumn).as("_mops_ts") : lit(null).cast(DataTypes.StringType).as("_mops_ts"));
    read.add(hasSource ? col(sourceColumn).cast(DataTypes.StringType).as("_mops_source")
        : lit(null).cast(DataTypes.StringType).as("_mops_source"));
    int[] typeIndex = new int[typeNames.size()];
    for (int i = 0; i < typeIndex.length; i++) {
      read.add(col(typeNames.get(i)).cast(DataTypes.StringType).as("_mops_t" + i));
      typeIndex[i] = 4 + i;
    }
    Dataset<Row> obs = prepared.select(read.toArray(new Column[0]));
    StitchJob job = new StitchJob(configText, typeNames.toArray(new String[0]), typeIndex, 2, 3);

    // 1. Link keys: (observation, its first key, each key).
    StructType linkType = new StructType(new StructField[] {
        DataTypes.createStructField("obs", DataTypes.StringType, false),
        DataTypes.createStructField("a", DataTypes.StringType, false),
        DataTypes.createStructField("b", DataTypes.StringType, false)});
    Dataset<Row> links = obs.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      IdentifierKeys keys = job.keys();
      List<Row> out = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        String first = null;
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < job.types.length; i++) {
          int at = job.typeIndex[i];
          if (r.isNullAt(at)) {
            continue;
          }
          String k = keys.key(job.types[i], r.getString(at));
          if (k != null && seen.add(k)) {
            if (first == null) {
              first = k;
            }
            out.add(RowFactory.create(r.getString(0), first, k));
          }
        }
      }
      return out.iterator();
    }, Encoders.row(linkType)).persist(StorageLevel.MEMORY_AND_DISK());

    // 2. Components of the keys; an observation is in the component of its first key.
    Dataset<Row> components = ConnectedComponents.of(links.select("a", "b"))
        .select(col("id").as("_mops_key"), col("component").as("_mops_component"));
    Dataset<Row> firstKeys = links.where(col("a").equalTo(col("b"))).select(col("obs").as("_mops_o"), col("a").as("_mops_first"));
    Dataset<Row> placed = obs
        .join(firstKeys, col("_mops_obs").equalTo(col("_mops_o")), "left").drop("_mops_o")
        .join(components, col("_mops_first").equalTo(col("_mops_key")), "left")
        .select(col("*"), coalesce(col("_mops_component"), col("_mops_first"),
            concat(lit("x-"), pmod(hash(col("_mops_obs")), lit(LONE_BUCKETS)).cast(DataTypes.StringType))).as("_mops_group"))
        .drop("_mops_key", "_mops_component", "_mops_first")
        .persist(StorageLevel.MEMORY_AND_DISK());
    Row biggest = placed.where(col("_mops_group").startsWith("p-")).groupBy("_mops_group").count()
        .agg(max(col("count"))).first();
    long largest = biggest.isNullAt(0) ? 0 : biggest.getLong(0);
    if (largest > maxComponent) {
      placed.unpersist();
      links.unpersist();
      prepared.unpersist();
      throw new IllegalStateException("a connected component of the identifier links holds " + largest
          + " observations, over " + maxComponent + ": block the shared values that join it (run on a sample and"
          + " read suspectedJunk()) or raise maxComponentObservations");
    }

    // 3. The stitcher, per component.
    StructType placedSchema = placed.schema();
    DataType tsType = placedSchema.fields()[2].dataType();
    int groupIndex = placedSchema.fieldIndex("_mops_group");
    Dataset<Row> stitched = placed
        .groupByKey((MapFunction<Row, String>) r -> r.getString(groupIndex), Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Row, Row>) (group, rows) -> stitchComponent(rows, job, tsType),
            Encoders.row(STITCHED))
        .persist(StorageLevel.MEMORY_AND_DISK());

    Dataset<Row> perObservation = stitched.where(col("kind").equalTo(0))
        .select(col("a").as("_mops_k"), col("b").as(PROFILE_ID), col("refusals").as(REFUSALS), col("findings").as(FINDINGS));
    List<Column> out = new ArrayList<>();
    for (String n : names) {
      out.add(col("o.`" + n.replace("`", "``") + "`"));
    }
    out.add(col(PROFILE_ID));
    out.add(col(REFUSALS));
    out.add(col(FINDINGS));
    Dataset<Row> result = prepared.as("o").join(perObservation, col("o._mops_obs").equalTo(col("_mops_k")))
        .select(out.toArray(new Column[0]));
    Dataset<Row> identifiers = stitched.where(col("kind").equalTo(1))
        .select(col("a").as("type"), col("b").as("identifier"), col("c").as(PROFILE_ID));
    StitchTotals totals = totals(stitched.where(col("kind").equalTo(2)).select("nums"));
    List<SuspectedJunk> junk = new ArrayList<>();
    for (Row r : stitched.where(col("kind").equalTo(3)).orderBy(col("nums").getItem(0).desc(), col("a"), col("b"))
        .limit(MAX_JUNK).collectAsList()) {
      List<Long> nums = r.getList(6);
      junk.add(new SuspectedJunk(new Identifier(r.getString(1), r.getString(2)), nums.get(0).intValue(),
          nums.get(1).intValue(), r.getString(3)));
    }
    junk.sort(Comparator.comparingInt(SuspectedJunk::profiles).reversed()
        .thenComparing(s -> s.identifier().type()).thenComparing(s -> s.identifier().value()));
    return new SparkStitchResult(config, result, identifiers, List.of(prepared, links, placed, stitched), totals, junk);
  }

  /** Sums the components' totals (Spark sums the arrays position by position). */
  private StitchTotals totals(Dataset<Row> nums) {
    int nTypes = config.types().size();
    int reasons = RefusalReason.values().length;
    int width = 7 + reasons + 2 * nTypes;
    Column[] sums = new Column[width];
    for (int i = 0; i < width; i++) {
      sums[i] = org.apache.spark.sql.functions.sum(col("nums").getItem(i));
    }
    Row s = nums.agg(sums[0], java.util.Arrays.copyOfRange(sums, 1, width)).first();
    long[] v = new long[width];
    for (int i = 0; i < width; i++) {
      v[i] = s.isNullAt(i) ? 0 : s.getLong(i);
    }
    Map<RefusalReason, Long> byReason = new java.util.EnumMap<>(RefusalReason.class);
    RefusalReason[] all = RefusalReason.values();
    for (int i = 0; i < all.length; i++) {
      byReason.put(all[i], v[7 + i]);
    }
    Map<String, Long> idsByType = new java.util.LinkedHashMap<>();
    Map<String, Long> stitchedByType = new java.util.LinkedHashMap<>();
    for (int t = 0; t < nTypes; t++) {
      String name = config.types().get(t).name();
      idsByType.put(name, v[7 + reasons + t]);
      stitchedByType.put(name, v[7 + reasons + nTypes + t]);
    }
    return new StitchTotals(v[0], v[1], v[2], v[3], v[4], config.confidenceThreshold(), v[5], v[6], byReason,
        idsByType, stitchedByType);
  }

  /** The order of {@code IdentityGraph.addAll}: by timestamp (none first), then by id. */
  static final Comparator<Observation> ORDER = Comparator
      .comparingLong((Observation o) -> o.timestamp() == null ? Long.MIN_VALUE : o.timestamp().toEpochMilli())
      .thenComparing(Observation::id);

  /** Stitches one component: its observations in timestamp order through one graph. */
  private static Iterator<Row> stitchComponent(Iterator<Row> rows, StitchJob job, DataType tsType) {
    StitchConfig config = job.config();
    List<Observation> observations = new ArrayList<>();
    Map<String, List<Finding>> findings = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String obsId = r.getString(0);
      List<Finding> fs = new ArrayList<>(0);
      if (!r.getBoolean(1)) {
        fs.add(Finding.warning("OBSERVATION_ID_MISSING", "", null, "an observation has no id; named " + obsId));
      }
      Instant ts = null;
      Object raw = SparkRecord.value(r, job.timestampIndex, tsType);
      if (!Values.isEmpty(raw)) {
        ts = Values.asInstant(raw);
        if (ts == null) {
          fs.add(Finding.warning("TIMESTAMP_UNREADABLE", "timestamp", String.valueOf(raw),
              "observation " + obsId + ": not an ISO-8601 timestamp; ordered as one without a timestamp"));
        }
      }
      if (!fs.isEmpty()) {
        findings.put(obsId, fs);
      }
      String source = r.isNullAt(job.sourceIndex) ? "" : r.getString(job.sourceIndex);
      List<Identifier> ids = new ArrayList<>(job.types.length);
      for (int i = 0; i < job.types.length; i++) {
        int at = job.typeIndex[i];
        if (!r.isNullAt(at) && !r.getString(at).isBlank()) {
          ids.add(new Identifier(job.types[i], r.getString(at)));
        }
      }
      observations.add(new Observation(obsId, ts, source, ids));
    }
    observations.sort(ORDER);
    Map<String, List<Row>> refused = new HashMap<>();
    IdentityGraph graph = IdentityGraph.builder(config).retainObservations(false).listener(new StitchListener() {
      @Override
      public void refused(Refusal refusal) {
        refused.computeIfAbsent(refusal.observationId(), k -> new ArrayList<>(2)).add(RowFactory.create(
            refusal.identifier().type(), refusal.identifier().value(), refusal.reason().code(), refusal.detail()));
      }
    }).build();
    @Nullable String[] atTime = new String[observations.size()];
    for (int i = 0; i < atTime.length; i++) {
      StitchOutcome o = graph.add(observations.get(i));
      atTime[i] = o.kept() == 0 ? null : o.profileId();
    }

    // Every identifier with its final profile; the key of each (the id of a profile anchored at it)
    // maps a profile id of any time (the key of its anchor then, which stays in the profile) to
    // the profile that holds it at the end.
    List<String[]> held = new ArrayList<>();
    Map<String, Integer> sizes = new HashMap<>();
    try {
      graph.forEachIdentifier((type, value, profileId) -> {
        held.add(new String[] {type, value, profileId});
        sizes.merge(profileId, 1, Integer::sum);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    IdentifierKeys keys = job.keys();
    Map<String, String> finalOf = new HashMap<>();
    for (String[] h : held) {
      String k = keys.key(h[0], h[1]);
      if (k != null) {
        finalOf.put(k, h[2]);
      }
    }
    List<Row> out = new ArrayList<>(observations.size() + held.size() + 1);
    for (int i = 0; i < atTime.length; i++) {
      Observation o = observations.get(i);
      String profile = null;
      String then = atTime[i];
      if (then != null) {
        profile = finalOf.get(then);
        if (profile == null) {
          throw new IllegalStateException("observation " + o.id() + ": profile " + then + " has no identifier"
              + " whose key is its id (the normalization of a normalized value changed it)");
        }
      }
      List<Row> rs = refused.getOrDefault(o.id(), List.of());
      List<Finding> fs = findings.getOrDefault(o.id(), List.of());
      out.add(RowFactory.create(0, o.id(), profile, null, rs.toArray(new Row[0]), Columns.findings(fs), null));
    }
    int nTypes = config.types().size();
    Map<String, Integer> typeOf = new HashMap<>();
    for (int t = 0; t < nTypes; t++) {
      typeOf.put(config.types().get(t).name(), t);
    }
    long[] idsByType = new long[nTypes];
    long[] stitchedByType = new long[nTypes];
    for (String[] h : held) {
      out.add(RowFactory.create(1, h[0], h[1], h[2], null, null, null));
      int t = typeOf.getOrDefault(h[0], 0);
      idsByType[t]++;
      if (sizes.getOrDefault(h[2], 0) > 1) {
        stitchedByType[t]++;
      }
    }
    StitchMetrics m = graph.metrics();
    RefusalReason[] reasons = RefusalReason.values();
    Long[] nums = new Long[7 + reasons.length + 2 * nTypes];
    nums[0] = m.observations();
    nums[1] = m.emptyObservations();
    nums[2] = m.identifiers();
    nums[3] = m.profiles();
    nums[4] = m.stitchedIdentifiers();
    nums[5] = m.confidentlyStitched();
    nums[6] = m.merges();
    for (int i = 0; i < reasons.length; i++) {
      nums[7 + i] = m.refusals().getOrDefault(reasons[i], 0L);
    }
    for (int t = 0; t < nTypes; t++) {
      nums[7 + reasons.length + t] = idsByType[t];
      nums[7 + reasons.length + nTypes + t] = stitchedByType[t];
    }
    out.add(RowFactory.create(2, null, null, null, null, null, nums));
    for (SuspectedJunk j : graph.suspectedJunk()) {
      out.add(RowFactory.create(3, j.identifier().type(), j.identifier().value(), j.profileId(), null, null,
          new Long[] {Long.valueOf(j.profiles()), Long.valueOf(j.refusals())}));
    }
    return out.iterator();
  }

  /** The key of an identifier, for tests: the id of a profile holding only it, or null. */
  static @Nullable String keyOf(StitchConfig config, String type, String raw) {
    return new IdentifierKeys(config).key(type, raw);
  }
}
