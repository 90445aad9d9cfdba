package dev.mops.core.condition;

import static dev.mops.core.condition.Conditions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ConditionYamlTest {

  static Stream<Condition> everyKind() {
    return Stream.of(
        always(),
        never(),
        new Condition.All(List.of()),
        new Condition.Any(List.of(eq("a", "x"))),
        new Condition.Not(eq("a", "x")),
        eq("a", "x"),
        eq("a", "5"),
        eq("a", "true"),
        eq("a", "null"),
        eq("a", " padded "),
        eq("a", "multi\nline: 'quoted' \"too\" # not a comment"),
        eq("a", 5),
        eq("a", 2.5),
        eq("a", new BigDecimal("12345678901234567890.123")),
        eq("a", true),
        eqIgnoreCase("a", "Ümlaut"),
        in("a", "US", "CA"),
        in("a", List.of(1L, "two", 3.5, false), true),
        contains("a", "market", true),
        startsWith("a", "vp", false),
        endsWith("a", "@gmail.com", true),
        matches("a", "(?i)^(vp|head)\\b.*$"),
        gt("a", 10),
        gte("a", 2.75),
        lt("a", Instant.parse("2026-01-31T10:15:30Z")),
        lte("a", LocalDate.of(2026, 2, 28)),
        before("a", "2026-01-01T00:00:00.123456789Z"),
        after("a", "zeta"),
        between("a", 1, 100),
        between("a", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
        exists("a"),
        isEmpty("a"),
        withinLast("a", Duration.ofDays(30)),
        olderThan("a", Duration.ofMinutes(90).plusSeconds(5)),
        listContainsAny("a", "abm", "vip"),
        new Condition.ListContains("a", List.of("x"), true, true),
        not(all(eq("a", 1), any(eq("b", 2), not(exists("c"))))));
  }

  @ParameterizedTest
  @MethodSource("everyKind")
  void everyKindRoundTripsThroughYamlAndJson(Condition c) {
    String yaml = ConditionYaml.toYaml(c);
    assertThat(ConditionYaml.parse("c.yaml", yaml)).as(yaml).isEqualTo(c);
    assertThat(ConditionYaml.parse("c.json", ConditionYaml.toJson(c))).isEqualTo(c);
  }

  @Test
  void readsShorthandsAndAliases() {
    assertThat(ConditionYaml.parse("c", "exists: email")).isEqualTo(exists("email"));
    assertThat(ConditionYaml.parse("c", "is_empty: {field: email}")).isEqualTo(isEmpty("email"));
    assertThat(ConditionYaml.parse("c", "ne: {field: a, value: 1}")).isEqualTo(not(eq("a", 1)));
    assertThat(ConditionYaml.parse("c", "not_in: {field: a, values: [x]}")).isEqualTo(not(in("a", "x")));
    assertThat(ConditionYaml.parse("c", "before: {field: a, value: '2026-01-01'}")).isEqualTo(lt("a", LocalDate.of(2026, 1, 1)));
    assertThat(ConditionYaml.parse("c", "within_last: {field: a, duration: 2w}")).isEqualTo(withinLast("a", Duration.ofDays(14)));
    assertThat(ConditionYaml.parse("c", "within_last: {field: a, duration: PT36H}")).isEqualTo(withinLast("a", Duration.ofHours(36)));
    assertThat(ConditionYaml.parse("c", "true")).isEqualTo(always());
  }

  @Test
  void durations() {
    assertThat(ConditionYaml.parseDuration("30d")).isEqualTo(Duration.ofDays(30));
    assertThat(ConditionYaml.parseDuration("12h")).isEqualTo(Duration.ofHours(12));
    assertThat(ConditionYaml.parseDuration("15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(ConditionYaml.parseDuration("45s")).isEqualTo(Duration.ofSeconds(45));
    assertThat(ConditionYaml.parseDuration("p1d")).isEqualTo(Duration.ofDays(1));
    assertThatThrownBy(() -> ConditionYaml.parseDuration("3y")).hasMessageContaining("unknown duration unit 'y'");
    assertThatThrownBy(() -> ConditionYaml.parseDuration("soon")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> ConditionYaml.parseDuration("99999999999999999w")).hasMessageContaining("out of range");
  }

  private static ConfigException error(String yaml) {
    try {
      ConditionYaml.parse("rule.yaml", yaml);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("expected a ConfigException for " + yaml);
  }

  @Test
  void errorsNamePositionPathAndExpectation() {
    assertThat(error("all:\n  - eq: {field: a, value: 1}\n  - eqq: {field: b, value: 2}\n").getMessage())
        .isEqualTo("rule.yaml:3:5: at all[1].eqq: unknown key 'eqq' (did you mean 'eq'?), expected one of "
            + new java.util.TreeSet<>(ConditionYaml.OPERATORS));
    assertThat(error("all:\n  - gte: {field: b, value: true}\n").getMessage())
        .isEqualTo("rule.yaml:2:28: at all[0].gte.value: cannot order by a boolean literal: true");
    assertThat(error("any: {eq: {field: a, value: 1}}").getMessage())
        .isEqualTo("rule.yaml:1:6: at any: expected a list of conditions (a list), found a map");
    assertThat(error("eq: {field: a}").getMessage())
        .isEqualTo("rule.yaml:1:5: at eq: missing key 'value': expected a value");
    assertThat(error("eq: {field: a, value: 1, ignorecase: true}").getMessage())
        .contains("unknown key 'ignorecase' (did you mean 'ignore_case'?)");
    assertThat(error("eq: {field: a, value: [1, 2]}").getMessage())
        .contains("at eq.value: expected a single value (text, number or boolean), found a list");
    assertThat(error("matches: {field: a, pattern: '(x'}").getMessage())
        .startsWith("rule.yaml:1:30: at matches.pattern: invalid regex on 'a'");
    assertThat(error("within_last: {field: a, duration: 3 fortnights}").getMessage())
        .contains("at within_last.duration: not a duration");
    assertThat(error("between: {field: a, low: 9, high: 1}").getMessage()).contains("above high");
    assertThat(error("{eq: {field: a, value: 1}, ne: {field: a, value: 2}}").getMessage())
        .contains("exactly one operator key, found keys [eq, ne]");
    assertThat(error("in: {field: a, values: []}").getMessage()).contains("at least one value");
    assertThat(error("eq: {field: a, value: null}").getMessage()).contains("found null");
    assertThat(error("- a").getMessage()).contains("expected a condition");
  }

  @Test
  void schemaCheckedFieldsFailAtLoad() {
    Schema s = Schema.of("country", "employees");
    var node = ConfigLoader.standard().parseNode("r.yaml", "all:\n  - eq: {field: country, value: US}\n  - gt: {field: Employees, value: 5}\n");
    assertThatThrownBy(() -> ConditionYaml.read(node, s))
        .isInstanceOf(ConfigException.class)
        .hasMessage("r.yaml:3:17: at all[1].gt.field: unknown field 'Employees' (did you mean 'employees'?), expected one of [country, employees]");
  }
}
