package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Records;
import dev.mops.quality.TestFiles;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.contract.QualityDimension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityReportTest {

  static final Instant AS_OF = Instant.parse("2026-11-01T00:00:00Z");

  static QualityProfile leads(DataContract c, List<ContractViolation> sink) throws IOException {
    ProfileBuilder b = QualityProfile.builder(c).asOf(AS_OF).onViolation(sink::add);
    Path csv = TestFiles.example("leads.csv");
    try (InputStream in = Files.newInputStream(csv); RecordReader r = RecordReader.open("leads.csv", in, RecordReader.Format.CSV)) {
      for (InputRecord rec; (rec = r.next()) != null; ) {
        b.add(rec.record());
      }
    }
    return b.build();
  }

  @Test
  void leadExampleFindsEveryPlantedProblem() throws IOException {
    DataContract c = DataContracts.load(TestFiles.example("lead-contract.yaml"));
    List<ContractViolation> v = new ArrayList<>();
    QualityProfile p = leads(c, v);
    QualityReport r = QualityReport.of(c, p, AS_OF);
    assertThat(p.rows()).isEqualTo(240);
    assertThat(v).extracting(ContractViolation::code).contains(
        "NOT_AN_EMAIL", "MISSING_REQUIRED", "NOT_ALLOWED", "NOT_AN_INTEGER", "ABOVE_MAXIMUM", "RULE_FAILED", "NOT_A_DATE",
        "PATTERN_MISMATCH", "NOT_A_URL", "NOT_A_PHONE", "NOT_A_BOOLEAN", "DUPLICATE_KEY", "NOT_A_TIMESTAMP", "TOO_SHORT");
    // a value that is not a country at all is reported once, under the type rule
    assertThat(p.failures("country.type")).isEqualTo(1);
    assertThat(p.samples("country.type")).containsExactly("Narnia");
    assertThat(p.failures("country.allowed")).isZero();
    assertThat(p.duplicates("email.unique")).isEqualTo(1);
    assertThat(p.duplicates("person-at-company")).isGreaterThanOrEqualTo(1);
    RuleResult emailUnique = result(r, "email.unique");
    // 1 duplicate in 239 keyed rows is 0.42%, within the 0.5% threshold
    assertThat(emailUnique.status()).isEqualTo(RuleStatus.PASS);
    assertThat(emailUnique.failurePercent()).isCloseTo(100.0 / 239, within(1e-9));
    assertThat(result(r, "id.pattern").status()).isEqualTo(RuleStatus.FAIL);
    assertThat(result(r, "us-needs-state").status()).isIn(RuleStatus.PASS, RuleStatus.WARN);
    assertThat(result(r, "row_count").status()).isEqualTo(RuleStatus.PASS);
    RuleResult fresh = result(r, "freshness.last_activity");
    assertThat(fresh.status()).isEqualTo(RuleStatus.PASS);
    assertThat(fresh.measured()).isLessThanOrEqualTo(2 * 86400);
    assertThat(r.dimensions().get(QualityDimension.VALIDITY).score()).isBetween(90.0, 100.0);
    assertThat(r.overallScore()).isBetween(90.0, 100.0);
    assertThat(r.worstStatus()).isEqualTo(RuleStatus.FAIL);
    assertThat(r.toJson()).contains("\"overallScore\"", "\"email.unique\"", "\"Narnia\"");
    // freshness moves with the explicit now, not the wall clock
    assertThat(result(QualityReport.of(c, p, AS_OF.plusSeconds(10 * 86400)), "freshness.last_activity").status()).isEqualTo(RuleStatus.WARN);
  }

  @Test
  void duplicateRatesBelowOnePercentAreExact() {
    DataContract c = DataContracts.parse("d.yaml", "contract: d\nfields:\n  email: {type: string, unique: {max_failures: 0.05%}}\n");
    ProfileBuilder b1 = QualityProfile.builder(c);
    ProfileBuilder b2 = QualityProfile.builder(c);
    for (int i = 0; i < 200_000; i++) {
      (i % 2 == 0 ? b1 : b2).add(Records.of(Map.of("email", "person" + i + "@example.com")));
    }
    // 97 duplicates spread across both partitions: 0.0485% of 200,097 keyed rows
    for (int i = 0; i < 97; i++) {
      (i % 2 == 0 ? b2 : b1).add(Records.of(Map.of("email", "person" + (i * 1013) + "@example.com")));
    }
    QualityProfile merged = b1.build().merge(b2.build());
    assertThat(merged.duplicates("email.unique")).isEqualTo(97);
    QualityReport r = QualityReport.of(c, merged, AS_OF);
    assertThat(r.results().get(0).status()).isEqualTo(RuleStatus.PASS);
    assertThat(r.results().get(0).failures()).isEqualTo(97);
    // distinct values beyond the bound are estimated (DataSketches CPC, about 0.5% here)
    FieldProfile f = merged.field("email");
    assertThat(f.distinctExact()).isFalse();
    assertThat((double) f.distinct()).isCloseTo(200_000, within(200_000 * 0.015));
  }

  @Test
  void unsupportedRulesAreNotEvaluatedAndDoNotScore() {
    DataContract c = DataContracts.load(TestFiles.odcsFolder().resolve("column-accuracy.odcs.yaml"));
    QualityProfile p = QualityProfile.builder(c).add(Records.of(Map.of("DataValue", "12.5"))).build();
    QualityReport r = QualityReport.of(c, p, AS_OF);
    assertThat(r.results()).allSatisfy(x -> assertThat(x.status()).isIn(RuleStatus.NOT_EVALUATED, RuleStatus.PASS));
    assertThat(r.results()).anySatisfy(x -> assertThat(x.status()).isEqualTo(RuleStatus.NOT_EVALUATED));
    assertThat(r.worstRules()).extracting(RuleResult::status).containsOnly(RuleStatus.NOT_EVALUATED);
    assertThat(r.toJson()).contains("not_evaluated");
  }

  @Test
  void scoresAreComputedFromMergedStateNotAveraged() {
    DataContract c = DataContracts.parse("s.yaml", "contract: s\nfields:\n  a: {type: string, required: true}\n");
    ProfileBuilder small = QualityProfile.builder(c);
    small.add(Records.of(Map.of("a", "")));
    ProfileBuilder big = QualityProfile.builder(c);
    for (int i = 0; i < 99; i++) {
      big.add(Records.of(Map.of("a", "x")));
    }
    QualityReport r = QualityReport.of(c, small.build().merge(big.build()), AS_OF);
    // 1 failing row of 100: 99, not the average of 0 and 100
    assertThat(r.dimensions().get(QualityDimension.COMPLETENESS).score()).isEqualTo(99.0);
    assertThat(r.overallScore()).isEqualTo(99.0);
  }

  @Test
  void profilesOfOtherContractsDoNotMerge() {
    DataContract a = DataContracts.parse("a.yaml", "contract: a\nfields:\n  x: string\n");
    DataContract b = DataContracts.parse("b.yaml", "contract: b\nfields:\n  x: integer\n");
    assertThatThrownBy(() -> QualityProfile.builder(a).build().merge(QualityProfile.builder(b).build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot merge");
    assertThatThrownBy(() -> QualityReport.of(b, QualityProfile.builder(a).build(), AS_OF))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualityProfile.fromJson("{\"format\": \"x\"}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fieldStatisticsAndPercentiles() {
    DataContract c = DataContracts.parse("n.yaml", "contract: n\nfields:\n  v: {type: number}\n  t: {type: string}\n");
    ProfileBuilder b = QualityProfile.builder(c);
    for (int i = 1; i <= 1000; i++) {
      b.add(Records.of(Map.of("v", Integer.toString(i), "t", i % 3 == 0 ? "fizz" : "plain")));
    }
    b.add(Records.of(Map.of("t", " ")));
    FieldProfile v = b.build().field("v");
    assertThat(v.nulls()).isEqualTo(1);
    assertThat(v.min()).isEqualTo(1);
    assertThat(v.max()).isEqualTo(1000);
    assertThat(v.mean()).isCloseTo(500.5, within(1e-9));
    assertThat(v.stddev()).isCloseTo(288.819, within(0.001));
    assertThat(v.p50()).isCloseTo(500, within(10.0));
    assertThat(v.p95()).isCloseTo(950, within(19.0));
    FieldProfile t = b.build().field("t");
    assertThat(t.empties()).isEqualTo(1);
    assertThat(t.topValues()).containsExactly(Map.entry("plain", 667L), Map.entry("fizz", 333L));
  }

  @Test
  void builderSettingsAreValidatedAndFixedBeforeTheFirstRecord() {
    DataContract c = DataContracts.parse("x.yaml", "contract: x\nfields:\n  a: string\n");
    assertThatThrownBy(() -> QualityProfile.builder(c).distinctLimit(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> QualityProfile.builder(c).sampleSize(5000)).isInstanceOf(IllegalArgumentException.class);
    ProfileBuilder b = QualityProfile.builder(c).add(Records.of(Map.of("a", "1")));
    assertThatThrownBy(() -> b.sampleSize(2)).isInstanceOf(IllegalStateException.class);
  }

  static RuleResult result(QualityReport r, String id) {
    return r.results().stream().filter(x -> x.rule().id().equals(id)).findFirst().orElseThrow();
  }
}
