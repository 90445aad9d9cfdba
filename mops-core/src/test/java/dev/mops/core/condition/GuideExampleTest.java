package dev.mops.core.condition;

import static dev.mops.core.condition.Conditions.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example of docs/conditions.md, kept runnable. */
class GuideExampleTest {

  @Test
  void guideExampleWorksAsWritten() {
    Schema schema = Schema.builder()
        .field("country", ValueType.STRING)
        .field("employees", ValueType.NUMBER)
        .field("last_visit", ValueType.INSTANT)
        .build();
    Condition hot = all(
        in("country", "US", "CA"),
        gte("employees", 200),
        withinLast("last_visit", Duration.ofDays(30)));
    Condition same = ConditionYaml.parse("hot.yaml", """
        all:
          - in: {field: country, values: [US, CA]}
          - gte: {field: employees, value: 200}
          - within_last: {field: last_visit, duration: 30d}
        """);
    assertThat(same).isEqualTo(hot);
    CompiledCondition compiled = CompiledCondition.compile(hot, schema);
    Instant now = Instant.parse("2026-01-31T00:00:00Z");
    List<Finding> findings = new ArrayList<>();
    ArrayRow row = schema.row(Records.of(Map.of(
        "country", "US", "employees", "250", "last_visit", "2026-01-20T10:00:00Z")), findings::add);
    assertThat(compiled.test(row, now)).isTrue();
    assertThat(findings).isEmpty();
    assertThat(compiled.explain(row, now).describe()).isEqualTo("""
        true
          country in ['US', 'CA']: actual 'US' -> true
          employees gte 200: actual 250 -> true
          last_visit within_last PT720H: actual 2026-01-20T10:00:00Z -> true""");
  }

  @Test
  void readmeTourWorksAsWritten() {
    Schema schema = Schema.builder()
        .field("country", ValueType.STRING)
        .field("employees", ValueType.NUMBER)
        .field("last_visit", ValueType.INSTANT)
        .build();
    CompiledCondition hot = CompiledCondition.compile(
        all(in("country", "US", "CA"), gte("employees", 200), withinLast("last_visit", Duration.ofDays(30))),
        schema);
    List<Finding> findings = new ArrayList<>();
    ArrayRow lead = schema.row(Records.of(Map.of("country", "US", "employees", "n/a",
        "last_visit", "2026-01-20T10:00:00Z")), findings::add);
    Instant now = Instant.parse("2026-01-31T00:00:00Z");
    assertThat(findings).extracting(Finding::shortForm).containsExactly("NOT_A_NUMBER:employees");
    assertThat(hot.test(lead, now)).isFalse();
    assertThat(hot.explain(lead, now).describe()).endsWith("employees gte 200: actual (missing) -> false");
  }
}
