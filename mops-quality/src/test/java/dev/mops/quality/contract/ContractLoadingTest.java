package dev.mops.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigException;
import dev.mops.quality.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContractLoadingTest {

  @Test
  void leadContractLoadsWithTwentyFieldsAndEveryRuleKindItDeclares() {
    DataContract c = DataContracts.load(TestFiles.example("lead-contract.yaml"));
    assertThat(c.name()).isEqualTo("leads");
    assertThat(c.version()).isEqualTo("3");
    assertThat(c.format()).isEqualTo(DataContract.Format.NATIVE);
    assertThat(c.fields()).hasSize(20);
    assertThat(c.contentHash()).startsWith("sha256:");
    assertThat(c.rules()).extracting(ContractRule::kind).contains(
        RuleKind.REQUIRED, RuleKind.TYPE, RuleKind.ALLOWED_VALUES, RuleKind.PATTERN, RuleKind.LENGTH, RuleKind.RANGE,
        RuleKind.CROSS_FIELD, RuleKind.UNIQUE, RuleKind.ROW_COUNT, RuleKind.FRESHNESS);
    ContractRule emailUnique = c.rule("email.unique");
    assertThat(emailUnique.threshold()).isEqualTo(Threshold.atMostPercent(0.5));
    assertThat(c.rule("person-at-company").fields()).containsExactly("first_name", "last_name", "company");
    assertThat(c.rule("person-at-company").severity()).isEqualTo(Severity.WARNING);
    assertThat(c.rule("first_name.required").severity()).isEqualTo(Severity.WARNING);
    assertThat(c.rule("industry.allowed").expectation()).contains("Software");
    assertThat(c.rule("us-needs-state").dimension()).isEqualTo(QualityDimension.CONSISTENCY);
    assertThat(c.weights().get(QualityDimension.COMPLETENESS)).isEqualTo(2.0);
    assertThat(c.rule("freshness.last_visit")).isNull();
    assertThat(c.rule("freshness.last_activity").threshold().value()).isEqualTo(2 * 86400);
  }

  static Stream<Path> odcsExamples() throws IOException {
    try (Stream<Path> s = Files.list(TestFiles.odcsFolder())) {
      List<Path> files = s.filter(p -> p.toString().endsWith(".odcs.yaml")).sorted().toList();
      assertThat(files).hasSizeGreaterThanOrEqualTo(6);
      return Stream.concat(files.stream(), Stream.of(TestFiles.example("leads.odcs.yaml")));
    }
  }

  @ParameterizedTest
  @MethodSource("odcsExamples")
  void everyOdcsExampleLoads(Path file) {
    DataContract c = DataContracts.load(file);
    assertThat(c.format()).isEqualTo(DataContract.Format.ODCS);
    assertThat(c.name()).isNotEmpty();
  }

  @Test
  void odcsFullExampleMapsTypesKeysMetricsAndKeepsUnknownKeys() {
    DataContract c = DataContracts.load(TestFiles.odcsFolder().resolve("full-example.odcs.yaml"));
    assertThat(c.name()).isEqualTo("tbl");
    assertThat(c.fields()).extracting(FieldSpec::name).containsExactly("transaction_reference_date", "rcvr_id", "rcvr_cntry_code");
    assertThat(c.field("transaction_reference_date").type()).isEqualTo(LogicalType.DATE);
    assertThat(c.rule("rcvr_id.primaryKey").kind()).isEqualTo(RuleKind.UNIQUE);
    ContractRule nulls = c.rule("rcvr_cntry_code.nullValues");
    assertThat(nulls.kind()).isEqualTo(RuleKind.NULL_VALUES);
    assertThat(nulls.threshold()).isEqualTo(Threshold.of(Threshold.Comparison.EQ, 0, Threshold.Unit.ROWS));
    ContractRule rows = c.rule("row_count");
    assertThat(rows.threshold()).isEqualTo(Threshold.of(Threshold.Comparison.GT, 1_000_000, Threshold.Unit.ROWS));
    // latency on tab1.txn_ref_dt: txn_ref_dt is the physical name of transaction_reference_date
    assertThat(c.rule("freshness.transaction_reference_date").threshold().value()).isEqualTo(4 * 86400);
    assertThat(c.notes()).anyMatch(n -> n.contains("receivers"));
    assertThat(c.notes()).anyMatch(n -> n.contains("retention"));
  }

  @Test
  void odcsObjectCanBeChosenByName() {
    DataContract c = DataContracts.load(TestFiles.odcsFolder().resolve("full-example.odcs.yaml"), "receivers");
    assertThat(c.rule("primaryKey(id,country_code)").fields()).containsExactly("id", "country_code");
    assertThat(c.rule("id.unique")).isNotNull();
    assertThat(c.rule("receiver_name.required")).isNotNull();
  }

  @Test
  void odcsCustomSqlIsReportedAsNotEvaluatedNeverPassed() {
    DataContract c = DataContracts.load(TestFiles.odcsFolder().resolve("column-accuracy.odcs.yaml"));
    ContractRule sql = c.rules().stream().filter(r -> r.kind() == RuleKind.UNSUPPORTED).findFirst().orElseThrow();
    assertThat(sql.note()).contains("SQL");
    assertThat(sql.evaluable()).isFalse();
  }

  @Test
  void odcsLogicalTypeOptionsBecomeRules() {
    DataContract c = DataContracts.load(TestFiles.odcsFolder().resolve("all-data-types.odcs.yaml"));
    ContractValidator v = c.validator();
    assertThat(c.rule("account_id.pattern")).isNotNull();
    assertThat(c.rule("account_id.length").expectation()).isEqualTo("11 to 11");
    assertThat(c.rule("txn_ref_date.format").kind()).isEqualTo(RuleKind.FORMAT);
    assertThat(c.rule("age.range").expectation()).isEqualTo(">= 18 and < 100");
    assertThat(codes(v, "age", 100)).containsExactly("ABOVE_MAXIMUM");
    assertThat(codes(v, "age", 99)).isEmpty();
    assertThat(codes(v, "txn_ref_date", "2020-01-01")).containsExactly("BELOW_MINIMUM");
    assertThat(codes(v, "txn_ref_date", "2020-01-02")).isEmpty();
    assertThat(codes(v, "txn_ref_date", "02/01/2020")).containsExactly("BAD_FORMAT");
    assertThat(codes(v, "txn_timestamp", "2020-06-01 10:00:00")).isEmpty();
    assertThat(codes(v, "txn_timestamp", "2022-06-01 10:00:00")).containsExactly("ABOVE_MAXIMUM");
    assertThat(codes(v, "txn_time", "25:00:00")).containsExactly("BAD_FORMAT");
    assertThat(codes(v, "account_id", "ACC1234567")).containsExactly("PATTERN_MISMATCH", "TOO_SHORT");
    assertThat(c.notes()).anyMatch(n -> n.contains("maxItems"));
  }

  private static List<String> codes(ContractValidator v, String field, Object value) {
    return v.validate(dev.mops.core.record.Records.of(java.util.Map.of(field, value))).stream()
        .filter(x -> x.field().equals(field)).map(ContractViolation::code).toList();
  }

  static Stream<Arguments> badContracts() {
    return Stream.of(
        Arguments.of("contract: x\nfields:\n  a: {type: strng}\n", "bad.yaml:3:", "unknown type 'strng'"),
        Arguments.of("contract: x\nfields:\n  a: {type: string, requird: true}\n", "bad.yaml:3:", "did you mean 'required'"),
        Arguments.of("contract: x\nfields:\n  a:\n    type: string\n    pattern: \"([a-z\"\n", "bad.yaml:5:", "bad pattern"),
        Arguments.of("contract: x\nfields:\n  a: {type: integer, min: 10, max: 1}\n", "bad.yaml:3:", "range is empty"),
        Arguments.of("contract: x\nfields:\n  a: {type: string, min: 1}\n", "bad.yaml:3:", "min/max apply to"),
        Arguments.of("contract: x\nfields:\n  a: {type: string, severity: fatal}\n", "bad.yaml:3:", "unknown severity"),
        Arguments.of("contract: x\nfields:\n  a: {type: string, max_failures: lots}\n", "bad.yaml:3:", "a percent"),
        Arguments.of("contract: x\nfields:\n  a: string\nunique:\n  - [a, b]\n", "bad.yaml:5:", "unknown field 'b'"),
        Arguments.of("contract: x\nfields:\n  a: string\nrules:\n  - name: r\n    then: {exists: zz}\n", "bad.yaml:6:", "zz"),
        Arguments.of("contract: x\nfields:\n  a: string\nrules:\n  - name: r\n    compare: {field: a, op: after, other: a}\n", "bad.yaml:6:", "ordered"),
        Arguments.of("contract: x\nfields:\n  a: {type: date}\nfreshness:\n  - {field: a, max_age: soon}\n", "bad.yaml:5:", "duration"),
        Arguments.of("contract: x\nfields:\n  a: {type: string, format: yyyy}\n", "bad.yaml:3:", "format applies"),
        Arguments.of("contract: x\nfields:\n  a: {type: date, min: yesterday}\n", "bad.yaml:3:", "expected a date bound"),
        Arguments.of("contract: x\nfield:\n  a: string\n", "bad.yaml:2:", "did you mean 'fields'"),
        Arguments.of("apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: t\n    properties:\n      - name: a\n"
            + "        logicalType: strin\n", "bad.yaml:7:", "unknown type"),
        Arguments.of("apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: t\n    properties:\n      - name: a\n"
            + "        quality:\n          - metric: invalidValues\n            mustBe: 0\n", "bad.yaml:8:", "validValues"),
        Arguments.of("apiVersion: v3.1.0\nkind: DataContract\nschema:\n  - name: t\n    properties:\n      - name: a\n"
            + "        quality:\n          - metric: nullValues\n            mustBeBetween: [5]\n", "bad.yaml:9:", "two numbers"),
        Arguments.of("apiVersion: v2.2.0\nkind: DataContract\n", "bad.yaml:1:", "v3"));
  }

  @ParameterizedTest
  @MethodSource("badContracts")
  void badContractsFailAtLoadNamingLineAndColumn(String yaml, String position, String problem) {
    assertThatThrownBy(() -> DataContracts.parse("bad.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(position)
        .hasMessageContaining(problem);
  }
}
