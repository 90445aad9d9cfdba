package dev.mops.spark;

import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * The entry point of mops on Spark: scoring, URL classification, normalisation and contract
 * validation as Dataset transformations, and quality profiles as an aggregation.
 *
 * <p>Every operation takes its config as YAML text (or a file the driver reads), parses it once on
 * the driver so that a bad config fails before any task runs, broadcasts the text, and compiles it
 * once per partition inside {@code mapPartitions}. Every input row is in the output exactly once,
 * with the columns the operation adds; bad values in rows become findings in an array column
 * ({@code code, field, raw_value, severity, message}), never a failed task. A column the operation
 * adds that the input already has is refused with an {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * Dataset<Row> leads = spark.read().option("header", true).csv("leads.csv");
 * Dataset<Row> scored = MopsSpark.score(leads, modelYaml, Instant.parse("2026-01-31T00:00:00Z"));
 * Dataset<Row> urls = MopsSpark.classifyUrls(sessions, "landing_page", null);
 * Dataset<Row> clean = MopsSpark.normalize(leads, "US");
 * Dataset<Row> checked = MopsSpark.validate(leads, contractYaml, now);
 * QualityReport report = MopsSpark.qualityReport(leads, contractYaml, now);
 * }</pre>
 *
 * <p>Thread safety: stateless; every method may be called from any thread of the driver.
 */
public final class MopsSpark {

  private MopsSpark() {}

  /** Returns a scoring builder for a model given as YAML text. */
  public static SparkScoring scoring(String modelYaml) {
    return new SparkScoring(new ConfigText("scoring model", Objects.requireNonNull(modelYaml, "modelYaml")));
  }

  /** Returns a scoring builder for a model file (read on the driver; its name appears in errors). */
  public static SparkScoring scoring(Path modelFile) {
    return SparkScoring.of(modelFile);
  }

  /**
   * Scores leads with fit rules only (no events) at {@code now}: the leads with {@code score} and
   * {@code score_findings} added. See {@link SparkScoring} for events and explanations.
   */
  public static Dataset<Row> score(Dataset<Row> leads, String modelYaml, Instant now) {
    return scoring(modelYaml).asOf(now).apply(leads);
  }

  /**
   * Parses each row's landing-page URL and classifies its channel: adds {@code url_channel} (host,
   * path, the UTM values, the click id, the channel and the rule that gave it) and {@code
   * url_findings}.
   *
   * @param channelGroupYaml a custom channel group as YAML, or {@code null} for GA4's default group
   */
  public static Dataset<Row> classifyUrls(Dataset<Row> rows, String urlColumn, @Nullable String channelGroupYaml) {
    return SparkUrls.apply(rows, urlColumn, channelGroupYaml == null ? null : new ConfigText("channel group", channelGroupYaml));
  }

  /**
   * Normalizes the contact columns found by name, as {@code mops normalize} does: adds {@code
   * email_normalized}, {@code phone_e164}, {@code domain}, {@code company_normalized}, {@code
   * country_code}, title and name keys (for the columns present) and {@code normalize_findings}.
   *
   * @param defaultRegion the ISO 3166-1 region of phone numbers without a country code when the
   *     row has no country, or {@code null}
   */
  public static Dataset<Row> normalize(Dataset<Row> rows, @Nullable String defaultRegion) {
    return SparkNormalization.apply(rows, defaultRegion);
  }

  /**
   * Validates every row against a data contract (native YAML or ODCS v3) at {@code now}: adds
   * {@code violations} (field, rule, code, severity, raw value, message) and {@code
   * contract_valid} (no violation of severity {@code ERROR}). The contract must be self-contained:
   * executors cannot read allowed-value files next to it.
   */
  public static Dataset<Row> validate(Dataset<Row> rows, String contractYaml, Instant now) {
    return SparkContracts.validate(rows, new ConfigText("contract", Objects.requireNonNull(contractYaml, "contractYaml")), now);
  }

  /**
   * Profiles every row against a contract: one mergeable profile per partition, merged. The result
   * equals the profile one {@code ProfileBuilder} makes of the same rows (means and standard
   * deviations up to floating-point rounding; see the quality guide).
   */
  public static QualityProfile profile(Dataset<Row> rows, String contractYaml, Instant now) {
    return SparkContracts.profile(rows, new ConfigText("contract", Objects.requireNonNull(contractYaml, "contractYaml")), now);
  }

  /** Profiles every column of the rows without a contract (types are inferred, as by {@code mops profile}). */
  public static QualityProfile profile(Dataset<Row> rows, Instant now) {
    return SparkContracts.profile(rows, null, now);
  }

  /** Profiles the rows against a contract and scores the merged profile: the report of {@code mops quality}. */
  public static QualityReport qualityReport(Dataset<Row> rows, String contractYaml, Instant now) {
    ConfigText text = new ConfigText("contract", Objects.requireNonNull(contractYaml, "contractYaml"));
    return QualityReport.of(SparkContracts.parse(text), SparkContracts.profile(rows, text, now), now);
  }
}
