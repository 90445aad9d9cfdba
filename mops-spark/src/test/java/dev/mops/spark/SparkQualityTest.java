package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.record.Record;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.FieldProfile;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import dev.mops.quality.profile.RuleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Contract validation and quality profiles on Spark equal the single-machine results. */
class SparkQualityTest {

  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  /** The example lead contract, self-contained: its allowed-value file inlined. */
  static String contract() throws Exception {
    Path dir = LocalSpark.repo().resolve("examples/quality");
    List<String> industries = Files.readAllLines(dir.resolve("industries.txt")).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> "\"" + l.strip() + "\"").collect(Collectors.toList());
    return Files.readString(dir.resolve("lead-contract.yaml"))
        .replace("allowed_file: industries.txt", "allowed: [" + String.join(", ", industries) + "]");
  }

  static Dataset<Row> leads() {
    return LocalSpark.csv(LocalSpark.repo().resolve("examples/quality/leads.csv"));
  }

  @Test
  void violationsEqualTheValidatorsRowByRow() throws Exception {
    String yaml = contract();
    DataContract contract = DataContracts.parse("contract", yaml);
    List<Row> rows = MopsSpark.validate(leads().repartition(3), yaml, NOW).collectAsList();
    assertThat(rows).hasSize(240);
    long withViolations = 0;
    for (Row r : rows) {
      List<ContractViolation> expected = contract.validator().validate(SparkScoringTest.record(r), NOW);
      List<Row> got = r.getList(r.fieldIndex("violations"));
      assertThat(got).extracting(v -> v.getString(1) + "/" + v.getString(2) + "/" + v.getString(4))
          .containsExactlyElementsOf(expected.stream().map(v -> v.rule() + "/" + v.code() + "/" + v.rawValue()).toList());
      withViolations += got.isEmpty() ? 0 : 1;
    }
    assertThat(withViolations).as("the example file has bad rows").isGreaterThan(5);
  }

  @Test
  void mergedPartitionProfilesEqualTheSingleMachineProfile() throws Exception {
    String yaml = contract();
    DataContract contract = DataContracts.parse("contract", yaml);
    Dataset<Row> leads = leads();
    ProfileBuilder b = QualityProfile.builder(contract).asOf(NOW);
    for (Row r : leads.collectAsList()) {
      b.add(SparkScoringTest.record(r));
    }
    QualityProfile single = b.build();
    for (int partitions : new int[] {1, 4, 7}) {
      QualityProfile spark = MopsSpark.profile(leads.repartition(partitions), yaml, NOW);
      assertSameProfile(spark, single);
      QualityReport a = QualityReport.of(contract, spark, NOW);
      QualityReport e = QualityReport.of(contract, single, NOW);
      assertThat(a.overallScore()).isCloseTo(e.overallScore(), within(1e-9));
      assertThat(a.results()).extracting(SparkQualityTest::result).containsExactlyElementsOf(
          e.results().stream().map(SparkQualityTest::result).toList());
    }
    QualityReport viaSpark = MopsSpark.qualityReport(leads.repartition(3), yaml, NOW);
    assertThat(viaSpark.profile().rows()).isEqualTo(240);
  }

  @Test
  void profilesWithoutAContractMergeToo() {
    Dataset<Row> leads = leads();
    ProfileBuilder b = QualityProfile.builder(List.of(leads.schema().fieldNames())).asOf(NOW);
    for (Row r : leads.collectAsList()) {
      Record rec = SparkScoringTest.record(r);
      b.add(rec);
    }
    assertSameProfile(MopsSpark.profile(leads.repartition(5), NOW), b.build());
  }

  /**
   * A rule's result without the sample of a unique rule: that sample holds the duplicates found
   * inside one partition, so it depends on the split (documented in the quality guide).
   */
  static String result(RuleResult r) {
    boolean unique = r.rule().kind() == dev.mops.quality.contract.RuleKind.UNIQUE;
    return r.rule().id() + " " + r.status() + " " + r.failures() + "/" + r.population() + " " + r.measured() + " "
        + r.score() + (unique ? "" : " " + r.samples()) + " " + r.note();
  }

  /** Means and deviations combine by Chan's formula: equal up to floating-point rounding. */
  static void assertClose(double actual, double expected, String field) {
    if (Double.isNaN(expected)) {
      assertThat(actual).as(field).isNaN();
    } else {
      assertThat(actual).as(field).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
    }
  }

  static void assertSameProfile(QualityProfile actual, QualityProfile expected) {
    assertThat(actual.rows()).isEqualTo(expected.rows());
    assertThat(actual.fieldNames()).isEqualTo(expected.fieldNames());
    for (FieldProfile e : expected.fields()) {
      FieldProfile a = actual.field(e.name());
      assertThat(a).isNotNull();
      assertThat(List.of(a.count(), a.nulls(), a.empties(), a.distinct(), a.measured()))
          .as(e.name()).isEqualTo(List.of(e.count(), e.nulls(), e.empties(), e.distinct(), e.measured()));
      assertThat(a.topValues()).as(e.name()).isEqualTo(e.topValues());
      assertThat(List.of(a.minLength(), a.maxLength())).isEqualTo(List.of(e.minLength(), e.maxLength()));
      assertThat(List.of(a.min(), a.max(), a.p50(), a.p95(), a.p99())).as(e.name())
          .isEqualTo(List.of(e.min(), e.max(), e.p50(), e.p95(), e.p99()));
      assertClose(a.mean(), e.mean(), e.name());
      assertClose(a.stddev(), e.stddev(), e.name());
      assertThat(a.invalidByRule()).isEqualTo(e.invalidByRule());
      assertThat(a.inferredTypes()).isEqualTo(e.inferredTypes());
    }
  }
}
