package dev.mops.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Severity;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class RuleTypesTest {

  static final DataContract C = DataContracts.parse("t.yaml", String.join("\n",
      "contract: t",
      "fields:",
      "  s: {type: string, required: true, length: {min: 2, max: 5}}",
      "  i: {type: integer, min: 0, max: 10, exclusive_max: true}",
      "  n: {type: number}",
      "  b: {type: boolean}",
      "  d: {type: date}",
      "  df: {type: date, format: dd/MM/yyyy}",
      "  ts: {type: timestamp, min: '2020-01-01T00:00:00Z'}",
      "  tm: {type: time}",
      "  e: {type: email}",
      "  p: {type: phone}",
      "  c: {type: country}",
      "  u: {type: url}",
      "  dom: {type: domain}",
      "  a: {type: string, allowed: [red, green], ignore_case: true}",
      "  re: {type: string, pattern: '[A-Z]{2}-[0-9]+'}",
      "  created: {type: date}",
      "  closed: {type: date}",
      "  country: {type: string}",
      "  state: {type: string}",
      "rules:",
      "  - name: us-state",
      "    when: {eq: {field: country, value: US}}",
      "    then: {exists: state}",
      "  - name: closed-after-created",
      "    compare: {field: closed, op: after, other: created}",
      ""));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("s", null, "MISSING_REQUIRED"), Arguments.of("s", "  ", "MISSING_REQUIRED"),
        Arguments.of("s", "a", "TOO_SHORT"), Arguments.of("s", "abcdef", "TOO_LONG"), Arguments.of("s", "abc", null),
        Arguments.of("s", "\uD83D\uDE00\uD83D\uDE00", null),
        Arguments.of("i", "7", null), Arguments.of("i", 7L, null), Arguments.of("i", "-1", "BELOW_MINIMUM"),
        Arguments.of("i", "10", "ABOVE_MAXIMUM"), Arguments.of("i", "7.5", "NOT_AN_INTEGER"), Arguments.of("i", "x", "NOT_AN_INTEGER"),
        Arguments.of("n", "-3.25e2", null), Arguments.of("n", "1,5", "NOT_A_NUMBER"), Arguments.of("n", "NaN", "NOT_A_NUMBER"),
        Arguments.of("b", "yes", null), Arguments.of("b", true, null), Arguments.of("b", "maybe", "NOT_A_BOOLEAN"),
        Arguments.of("d", "2026-02-28", null), Arguments.of("d", "2026-02-30", "NOT_A_DATE"), Arguments.of("d", "2026-02-28T10:00:00Z", "NOT_A_DATE"),
        Arguments.of("df", "28/02/2026", null), Arguments.of("df", "2026-02-28", "BAD_FORMAT"),
        Arguments.of("ts", "2026-01-31T09:30:00+01:00", null), Arguments.of("ts", "2026-01-31 09:30", null),
        Arguments.of("ts", Instant.parse("2026-01-01T00:00:00Z"), null),
        Arguments.of("ts", "2019-12-31T23:59:59Z", "BELOW_MINIMUM"), Arguments.of("ts", "31 Jan", "NOT_A_TIMESTAMP"),
        Arguments.of("tm", "09:30", null), Arguments.of("tm", "9h30", "NOT_A_TIME"),
        Arguments.of("e", "ana@example.co.uk", null), Arguments.of("e", "ana.@example.com", "NOT_AN_EMAIL"),
        Arguments.of("e", "ana@localhost", "NOT_AN_EMAIL"), Arguments.of("e", "a b@example.com", "NOT_AN_EMAIL"),
        Arguments.of("p", "+1 (415) 555-0100 ext. 12", null), Arguments.of("p", "555-01", "NOT_A_PHONE"),
        Arguments.of("p", "call me", "NOT_A_PHONE"),
        Arguments.of("c", "us", null), Arguments.of("c", "DEU", null), Arguments.of("c", "Germany", null), Arguments.of("c", "UK", null),
        Arguments.of("c", "Narnia", "NOT_A_COUNTRY"),
        Arguments.of("u", "https://example.com/a?b=c", null), Arguments.of("u", "http://localhost:8080/", null),
        Arguments.of("u", "ftp://example.com", "NOT_A_URL"), Arguments.of("u", "https://exa mple.com", "NOT_A_URL"),
        Arguments.of("dom", "sub.example.co.uk", null), Arguments.of("dom", "-bad.com", "NOT_A_DOMAIN"),
        Arguments.of("dom", "example", "NOT_A_DOMAIN"),
        Arguments.of("a", "RED", null), Arguments.of("a", "blue", "NOT_ALLOWED"),
        Arguments.of("re", "AB-12", null), Arguments.of("re", "xAB-12", "PATTERN_MISMATCH"), Arguments.of("re", "AB-12x", "PATTERN_MISMATCH"));
  }

  @ParameterizedTest(name = "{0}={1} -> {2}")
  @MethodSource("cases")
  void eachFieldRuleReportsItsCode(String field, Object value, String code) {
    Map<String, Object> m = new HashMap<>();
    m.put("s", "ok");
    m.put(field, value);
    List<ContractViolation> v = C.validator().validate(Records.of(m));
    if (code == null) {
      assertThat(v).isEmpty();
    } else {
      assertThat(v).singleElement().satisfies(x -> {
        assertThat(x.code()).isEqualTo(code);
        assertThat(x.field()).isEqualTo(field);
        assertThat(x.severity()).isEqualTo(Severity.ERROR);
        assertThat(x.rawValue()).isEqualTo(value == null ? null : value.toString());
        assertThat(C.rule(x.rule())).isNotNull();
      });
    }
  }

  @Test
  void crossFieldConditionsAndComparisons() {
    ContractValidator v = C.validator();
    assertThat(v.validate(Records.of(Map.of("s", "ok", "country", "US")))).extracting(ContractViolation::rule).containsExactly("us-state");
    assertThat(v.validate(Records.of(Map.of("s", "ok", "country", "US", "state", "CA")))).isEmpty();
    assertThat(v.validate(Records.of(Map.of("s", "ok", "country", "FR")))).isEmpty();
    List<ContractViolation> bad = v.validate(Records.of(Map.of("s", "ok", "created", "2026-02-01", "closed", "2026-01-01")));
    assertThat(bad).singleElement().satisfies(x -> {
      assertThat(x.code()).isEqualTo("RULE_FAILED");
      assertThat(x.rule()).isEqualTo("closed-after-created");
      assertThat(x.field()).isEqualTo("closed");
      assertThat(x.message()).contains("after");
    });
    assertThat(v.validate(Records.of(Map.of("s", "ok", "created", "2026-02-01", "closed", "2026-02-01")))).hasSize(1);
    assertThat(v.validate(Records.of(Map.of("s", "ok", "created", "2026-02-01")))).isEmpty();
  }

  @Test
  void hotPathReusesARowAndCountsViolations() {
    ContractValidator v = C.validator();
    ArrayRow row = new ArrayRow(v.schema());
    row.set(v.schema().slot("s"), "x");
    row.set(v.schema().slot("e"), "nope");
    int[] seen = {0};
    assertThat(v.validate(row, Instant.EPOCH, x -> seen[0]++)).isEqualTo(2);
    assertThat(seen[0]).isEqualTo(2);
  }

  @Test
  void rulesThatReadTheClockNeedNow() {
    DataContract c = DataContracts.parse("c.yaml", "contract: c\nfields:\n  seen: {type: timestamp}\n  a: string\nrules:\n"
        + "  - name: recent\n    then: {within_last: {field: seen, duration: 7d}}\n");
    assertThatThrownBy(() -> c.validator().validate(Records.of(Map.of("seen", "2026-01-01T00:00:00Z"))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("now");
    assertThat(c.validator().validate(Records.of(Map.of("seen", "2026-01-01T00:00:00Z")), Instant.parse("2026-01-03T00:00:00Z"))).isEmpty();
    assertThat(c.validator().validate(Records.of(Map.of("seen", "2026-01-01T00:00:00Z")), Instant.parse("2026-02-03T00:00:00Z"))).hasSize(1);
  }

  @Test
  void odcsMetricsCountNullMissingAndInvalidValues() {
    DataContract c = DataContracts.parse("o.yaml", String.join("\n",
        "apiVersion: v3.1.0", "kind: DataContract", "schema:", "  - name: t", "    properties:", "      - name: status",
        "        quality:",
        "          - {metric: nullValues, mustBe: 0}",
        "          - {metric: missingValues, arguments: {missingValues: ['n/a', 'none']}, mustBeLessThan: 5, unit: percent}",
        "          - {metric: invalidValues, arguments: {validValues: [open, closed, null]}, mustBe: 0}",
        "          - {metric: invalidValues, arguments: {pattern: '[a-z]+'}, mustBe: 0, name: lower}", ""));
    ContractValidator v = c.validator();
    assertThat(codes(v, null)).containsExactly("NULL_VALUE", "MISSING_VALUE");
    assertThat(codes(v, "n/a")).containsExactly("MISSING_VALUE", "INVALID_VALUE", "INVALID_VALUE");
    assertThat(codes(v, "open")).isEmpty();
    assertThat(codes(v, "Open")).containsExactly("INVALID_VALUE", "INVALID_VALUE");
    assertThat(c.rule("lower")).isNotNull();
    assertThat(c.rule("status.invalidValues").threshold().unit()).isEqualTo(Threshold.Unit.ROWS);
    assertThat(c.rule("status.missingValues").threshold().unit()).isEqualTo(Threshold.Unit.PERCENT);
  }

  private static List<String> codes(ContractValidator v, Object value) {
    Map<String, Object> m = new HashMap<>();
    m.put("status", value);
    return v.validate(Records.of(m)).stream().map(ContractViolation::code).toList();
  }

  @Test
  void thresholdsCompareRowsPercentAndRanges() {
    assertThat(Threshold.parseMaxFailures("1.5%").accepts(Threshold.parseMaxFailures("1.5%").measure(3, 200))).isTrue();
    assertThat(Threshold.parseMaxFailures("1.5%").accepts(Threshold.parseMaxFailures("1.5%").measure(4, 200))).isFalse();
    assertThat(Threshold.parseMaxFailures("3").accepts(3)).isTrue();
    assertThat(new Threshold(Threshold.Comparison.NOT_BETWEEN, 1, 2, Threshold.Unit.ROWS).accepts(1.5)).isFalse();
    assertThat(Threshold.atMostPercent(0.5).describe()).isEqualTo("<= 0.5%");
    assertThatThrownBy(() -> Threshold.parseMaxFailures("120%")).isInstanceOf(IllegalArgumentException.class);
  }
}
