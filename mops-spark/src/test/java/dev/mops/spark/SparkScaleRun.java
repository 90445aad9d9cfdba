package dev.mops.spark;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.scoring.BatchScorer;
import dev.mops.scoring.ScoringModel;
import dev.mops.testkit.SyntheticLeads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * The scale run of docs/benchmarks.md (a runner, not a test and not JMH: a Spark job is timed
 * end to end): synthetic inbound leads scored with the example model and profiled against a lead
 * contract, on the plain library in one thread and on Spark in local mode with 1 and 2 cores.
 *
 * <p>Arguments: {@code records [repeats]}. The leads are generated on the executors (one seeded
 * slice per partition), cached, counted, and then scored and profiled in one pass per run.
 */
final class SparkScaleRun {

  static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");
  static final int SLICE = 100_000;
  static final List<String> COLUMNS = List.of("id", "country", "industry", "employees", "title", "email", "phone",
      "company", "last_visit", "tags", "lead_source");
  static final String CONTRACT = """
      contract: inbound-leads
      version: 1
      fields:
        id: {type: string, required: true, unique: true}
        country: {type: country, required: true}
        employees: {type: integer, min: 1}
        title: {type: string, max_length: 120}
        email: {type: email, required: true}
        phone: {type: phone, severity: warning}
        company: {type: string, required: true}
        last_visit: {type: timestamp}
      """;

  private SparkScaleRun() {}

  public static void main(String[] args) throws Exception {
    int records = Integer.parseInt(args[0]);
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    String model = Files.readString(LocalSpark.repo().resolve("examples/scoring/model.yaml"));
    System.out.printf(Locale.ROOT, "records %,d, repeats %d, %d cores, JDK %s%n", records, repeats,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println("load average before: " + Files.readString(Path.of("/proc/loadavg")).strip());
    double plain = plain(records, model, repeats);
    System.out.printf(Locale.ROOT, "plain library, 1 thread: %.0f ns/record (%.1f s)%n", plain, plain * records / 1e9);
    for (int cores : new int[] {1, 2}) {
      double[] t = spark(records, model, repeats, cores);
      System.out.printf(Locale.ROOT, "spark local[%d]: runs %s s; best %.1f s = %.0f ns/record of wall time, %.0f ns/record of core time%n",
          cores, Arrays.toString(t), t[0], t[0] * 1e9 / records, t[0] * 1e9 * cores / records);
    }
    System.out.println("load average after: " + Files.readString(Path.of("/proc/loadavg")).strip());
  }

  /** Scores and profiles on one thread, slice by slice; returns the best ns per record. */
  static double plain(int records, String modelYaml, int repeats) {
    ScoringModel model = ScoringModel.parse("model.yaml", modelYaml);
    double best = Double.MAX_VALUE;
    for (int r = 0; r < repeats; r++) {
      BatchScorer batch = model.scorer().batch();
      ProfileBuilder profile = QualityProfile.builder(DataContracts.parse("contract", CONTRACT)).asOf(NOW);
      long nanos = 0;
      for (int start = 0; start < records; start += SLICE) {
        List<Record> slice = slice(start / SLICE, Math.min(SLICE, records - start));
        long t0 = System.nanoTime();
        for (Record lead : slice) {
          ArrayRow row = model.leadRow(lead, FindingSink.IGNORE);
          batch.score(row, List.of(), NOW);
          profile.add(lead);
        }
        nanos += System.nanoTime() - t0;
      }
      if (profile.build().rows() != records) {
        throw new IllegalStateException("profiled rows differ");
      }
      best = Math.min(best, (double) nanos / records);
    }
    return best;
  }

  /** Leads of one slice, as the records a CSV of them would give (every value as text, tags a list). */
  static List<Record> slice(int index, int count) {
    List<Record> out = new ArrayList<>(count);
    int i = 0;
    for (Map<String, Object> m : SyntheticLeads.inbound(count, 20_261_202L + index, NOW)) {
      Map<String, Object> r = new HashMap<>();
      r.put("id", "L-" + index + "-" + i++);
      m.forEach((k, v) -> {
        if (v != null) {
          r.put(k, v instanceof List ? v : v.toString());
        }
      });
      out.add(Records.of(r));
    }
    return out;
  }

  /** Returns the sorted wall times in seconds of scoring and profiling on local[cores]. */
  static double[] spark(int records, String model, int repeats, int cores) {
    SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("mops-scale")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", Integer.toString(cores * 2))
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    try {
      List<StructField> fields = new ArrayList<>();
      for (String c : COLUMNS) {
        fields.add(DataTypes.createStructField(c,
            c.equals("tags") ? DataTypes.createArrayType(DataTypes.StringType) : DataTypes.StringType, true));
      }
      StructType schema = new StructType(fields.toArray(new StructField[0]));
      int slices = (records + SLICE - 1) / SLICE;
      Dataset<Row> leads = spark.range(0, slices, 1, Math.max(cores * 2, Math.min(slices, 64)))
          .flatMap((FlatMapFunction<Long, Row>) s -> {
            int index = s.intValue();
            List<Row> rows = new ArrayList<>();
            for (Record r : slice(index, Math.min(SLICE, records - index * SLICE))) {
              Object[] v = new Object[COLUMNS.size()];
              for (int c = 0; c < v.length; c++) {
                Object x = r.get(COLUMNS.get(c));
                v[c] = x instanceof List ? ((List<?>) x).toArray() : x;
              }
              rows.add(RowFactory.create(v));
            }
            return rows.iterator();
          }, Encoders.row(schema))
          .persist(StorageLevel.MEMORY_AND_DISK());
      if (leads.count() != records) {
        throw new IllegalStateException("generated rows differ");
      }
      double[] times = new double[repeats];
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        QualityProfile p = MopsSpark.profile(MopsSpark.score(leads, model, NOW), CONTRACT, NOW);
        times[r] = Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
        if (p.rows() != records) {
          throw new IllegalStateException("profiled rows differ");
        }
      }
      leads.unpersist();
      Arrays.sort(times);
      return times;
    } finally {
      spark.stop();
    }
  }
}
