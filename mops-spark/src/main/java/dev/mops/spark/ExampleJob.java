package dev.mops.spark;

import static org.apache.spark.sql.functions.col;

import dev.mops.quality.profile.QualityReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A runnable Spark job: scores leads (with their events), checks them against a data contract,
 * profiles them, deduplicates them, and stitches identity observations, writing every result to
 * an output folder.
 *
 * <pre>
 * spark-submit --class dev.mops.spark.ExampleJob mops-spark-0.1.0-SNAPSHOT-spark.jar \
 *     --leads leads.csv --events events.csv --model model.yaml --contract lead-contract.yaml \
 *     --dedupe dedupe.yaml --id-column id --as-of 2026-01-31T00:00:00Z --output out/ \
 *     --observations observations.csv --stitch identity.yaml
 * </pre>
 *
 * <p>Writes {@code out/scored} (JSON Lines: every lead with its {@code score}, {@code
 * score_findings}, {@code violations} and {@code contract_valid}), {@code out/clusters} (JSON Lines:
 * {@code id, cluster_id, cluster_size}) when {@code --dedupe} is given, {@code out/identifiers}
 * (JSON Lines: {@code type, identifier, profile_id}) when {@code --stitch} is given (with {@code
 * --observations}, whose id column is {@code observation_id} or {@code --observation-id-column}), {@code
 * out/quality-report.json} and {@code out/summary.txt}. Inputs are CSV files with a header, read
 * as text. Without {@code spark-submit} (a plain {@code java} run), {@code --master local[2]}
 * picks the master.
 *
 * <p>Thread safety: a program; {@link #run} may be called once per Spark session at a time.
 */
public final class ExampleJob {

  private ExampleJob() {}

  /** Runs the job; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    Map<String, String> a = arguments(args);
    SparkSession.Builder builder = SparkSession.builder().appName("mops-example");
    if (a.containsKey("master")) {
      builder.master(a.get("master")).config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    try {
      run(spark, a);
    } finally {
      spark.stop();
    }
  }

  /** Runs the job on a session the caller owns; returns the summary it also writes. */
  public static String run(SparkSession spark, Map<String, String> a) throws IOException {
    Instant now = Instant.parse(required(a, "as-of"));
    Path out = Path.of(required(a, "output"));
    String idColumn = a.getOrDefault("id-column", "id");
    Dataset<Row> leads = csv(spark, required(a, "leads"));
    SparkScoring scoring = MopsSpark.scoring(Path.of(required(a, "model"))).asOf(now).leadId(idColumn);
    if (a.containsKey("events")) {
      scoring.events(csv(spark, a.get("events")), a.getOrDefault("event-lead-column", "lead_id"));
    }
    Dataset<Row> scored = scoring.apply(leads);
    StringBuilder summary = new StringBuilder();
    summary.append("model ").append(scoring.modelIdentity()).append('\n');
    if (a.containsKey("contract")) {
      String contract = Files.readString(Path.of(a.get("contract")), StandardCharsets.UTF_8);
      scored = MopsSpark.validate(scored, contract, now);
      QualityReport report = MopsSpark.qualityReport(leads, contract, now);
      Files.createDirectories(out);
      Files.writeString(out.resolve("quality-report.json"), report.toJson(), StandardCharsets.UTF_8);
      summary.append(String.format(Locale.ROOT, "quality score %.2f (%s), %d rows profiled%n", report.overallScore(),
          report.worstStatus(), report.profile().rows()));
    }
    scored.write().mode("overwrite").json(out.resolve("scored").toString());
    Dataset<Row> written = spark.read().json(out.resolve("scored").toString());
    summary.append("leads scored ").append(written.count()).append('\n');
    List<String> thresholds = List.of(written.select("score.thresholds.*").columns());
    for (String t : thresholds) {
      summary.append("threshold ").append(t).append(": ")
          .append(written.where(col("score.thresholds." + t)).count()).append('\n');
    }
    if (a.containsKey("dedupe")) {
      SparkDedupeResult d = SparkDedupe.of(Path.of(a.get("dedupe"))).run(leads, idColumn);
      d.clusters().write().mode("overwrite").json(out.resolve("clusters").toString());
      long clusters = d.clusters().select("cluster_id").distinct().count();
      summary.append("dedupe: ").append(d.clusters().count()).append(" records in ").append(clusters)
          .append(" clusters, ").append(d.pairs().where(col("decision").equalTo("MATCH")).count()).append(" matching pairs\n");
      d.unpersist();
    }
    if (a.containsKey("stitch")) {
      SparkStitchResult st = SparkStitch.of(Path.of(a.get("stitch")))
          .run(csv(spark, required(a, "observations")), a.getOrDefault("observation-id-column", "observation_id"));
      st.identifiers().write().mode("overwrite").json(out.resolve("identifiers").toString());
      StitchTotals t = st.totals();
      summary.append(String.format(Locale.ROOT, "stitch: %d observations, %d identifiers in %d profiles, stitching rate"
          + " %.3f, %d merges, %d refused, %d suspected junk%n", t.observations(), t.identifiers(), t.profiles(),
          t.stitchingRate(), t.merges(), t.totalRefusals(), st.suspectedJunk().size()));
      st.unpersist();
    }
    Files.createDirectories(out);
    Files.writeString(out.resolve("summary.txt"), summary.toString(), StandardCharsets.UTF_8);
    return summary.toString();
  }

  private static Dataset<Row> csv(SparkSession spark, String file) {
    return spark.read().option("header", "true").csv(file);
  }

  private static String required(Map<String, String> a, String name) {
    String v = a.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing --" + name);
    }
    return v;
  }

  static Map<String, String> arguments(String[] args) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 == args.length) {
        throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
      }
      out.put(args[i].substring(2), args[++i]);
    }
    return out;
  }
}
