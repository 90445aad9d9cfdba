package dev.mops.core.condition;

import static dev.mops.core.condition.Conditions.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionSemanticsTest {

  private static final Schema S = Schema.of("a", "b");
  private static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");

  private static boolean eval(Condition c, Object a) {
    return CompiledCondition.compile(c, S).test(ArrayRow.of(S, a, null), NOW);
  }

  @Test
  void eqComparesTextNumbersAndBooleans() {
    assertThat(eval(eq("a", "US"), "US")).isTrue();
    assertThat(eval(eq("a", "US"), "us")).isFalse();
    assertThat(eval(eqIgnoreCase("a", "US"), "us")).isTrue();
    assertThat(eval(eq("a", 5), "5")).isTrue();
    assertThat(eval(eq("a", 5), "5.0")).isTrue();
    assertThat(eval(eq("a", 5), 5.0)).isTrue();
    assertThat(eval(eq("a", 5), new BigDecimal("5.00"))).isTrue();
    assertThat(eval(eq("a", 5), "five")).isFalse();
    assertThat(eval(eq("a", new BigDecimal("0.10000000000000000001")), "0.10000000000000000001")).isTrue();
    assertThat(eval(eq("a", new BigDecimal("0.10000000000000000001")), "0.1")).isFalse();
    assertThat(eval(eq("a", true), "yes")).isTrue();
    assertThat(eval(eq("a", false), Boolean.FALSE)).isTrue();
    assertThat(eval(eq("a", true), "maybe")).isFalse();
    assertThat(eval(eq("a", "42"), 42L)).isTrue();
  }

  @Test
  void missingValuesMakeComparisonsFalseAndTheirNegationTrue() {
    for (Condition c : List.of(eq("a", "x"), in("a", "x", "y"), contains("a", "x", true), startsWith("a", "x", false),
        endsWith("a", "x", false), matches("a", "x"), gt("a", 1), between("a", 1, 2), exists("a"),
        withinLast("a", Duration.ofDays(1)), olderThan("a", Duration.ofDays(1)), listContainsAny("a", "x"))) {
      assertThat(eval(c, null)).as(c.toString()).isFalse();
      assertThat(eval(not(c), null)).as(c.toString()).isTrue();
    }
    assertThat(eval(isEmpty("a"), null)).isTrue();
    assertThat(eval(isEmpty("a"), "  ")).isTrue();
    assertThat(eval(isEmpty("a"), List.of())).isTrue();
    assertThat(eval(isEmpty("a"), "x")).isFalse();
    assertThat(eval(exists("a"), "")).isTrue();
  }

  @Test
  void inWithTextNumbersAndCase() {
    assertThat(eval(in("a", "US", "CA"), "CA")).isTrue();
    assertThat(eval(in("a", "US", "CA"), "ca")).isFalse();
    assertThat(eval(in("a", List.of("US", "CA"), true), "ca")).isTrue();
    assertThat(eval(in("a", List.of("straße", "İstanbul"), true), "STRASSE")).isFalse();
    assertThat(eval(in("a", List.of("Ärzte"), true), "äRZTE")).isTrue();
    assertThat(eval(in("a", 1, 2, 3), "2")).isTrue();
    assertThat(eval(in("a", 1, "two"), "two")).isTrue();
    assertThat(eval(in("a", 1, "two"), 1.0)).isTrue();
    assertThat(eval(notIn("a", "US"), "DE")).isTrue();
  }

  @Test
  void largeIgnoreCaseInSet() {
    String[] many = new String[5000];
    for (int i = 0; i < many.length; i++) {
      many[i] = "Value-" + i;
    }
    Condition c = in("a", Arrays.asList((Object[]) many), true);
    assertThat(eval(c, "VALUE-4999")).isTrue();
    assertThat(eval(c, "value-0")).isTrue();
    assertThat(eval(c, "value-5000")).isFalse();
  }

  @Test
  void textOperators() {
    assertThat(eval(contains("a", "mark", false), "VP Marketing")).isFalse();
    assertThat(eval(contains("a", "mark", true), "VP Marketing")).isTrue();
    assertThat(eval(startsWith("a", "vp", true), "VP Marketing")).isTrue();
    assertThat(eval(startsWith("a", "VP Marketing and more", true), "VP Marketing")).isFalse();
    assertThat(eval(endsWith("a", "@GMAIL.com", true), "x@gmail.com")).isTrue();
    assertThat(eval(endsWith("a", "@gmail.com", false), "x@GMAIL.com")).isFalse();
    assertThat(eval(matches("a", "(?i)^vp\\b"), "vp sales")).isTrue();
    assertThat(eval(matches("a", "^vp\\b"), "svp sales")).isFalse();
    assertThat(eval(matches("a", "sales"), "vp sales")).isTrue();
    assertThat(eval(contains("a", "5", false), 150L)).isTrue();
  }

  @Test
  void orderingOnNumbersDatesInstantsAndText() {
    assertThat(eval(gt("a", 100), "101")).isTrue();
    assertThat(eval(gt("a", 100), "100")).isFalse();
    assertThat(eval(gte("a", 100), 100L)).isTrue();
    assertThat(eval(lt("a", 100), "n/a")).isFalse();
    assertThat(eval(not(lt("a", 100)), "n/a")).isTrue();
    assertThat(eval(lte("a", "1e3"), 1000L)).isTrue();
    assertThat(eval(gt("a", Long.MAX_VALUE - 1), Long.MAX_VALUE)).isTrue();
    assertThat(eval(between("a", 10, 20), 10L)).isTrue();
    assertThat(eval(between("a", 10, 20), 20.0)).isTrue();
    assertThat(eval(between("a", 10, 20), 20.5)).isFalse();
    assertThat(eval(before("a", "2026-01-01"), "2025-12-31")).isTrue();
    assertThat(eval(before("a", "2026-01-01"), LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(eval(after("a", "2026-01-01T10:00:00Z"), "2026-01-01T10:00:01Z")).isTrue();
    assertThat(eval(after("a", "2026-01-01T10:00:00Z"), "2026-01-01T11:00:00+02:00")).isFalse();
    assertThat(eval(gt("a", "m"), "n")).isTrue();
    assertThat(new Condition.Compare("a", CompareOp.GT, "2026-01-01").value()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(new Condition.Compare("a", CompareOp.GT, "12").value()).isEqualTo(12L);
  }

  @Test
  void timeWindowsMeasureFromNow() {
    Condition within = withinLast("a", Duration.ofDays(30));
    Condition older = olderThan("a", Duration.ofDays(30));
    assertThat(eval(within, NOW.minus(Duration.ofDays(30)))).isTrue();
    assertThat(eval(within, NOW.minus(Duration.ofDays(30)).minusNanos(1))).isFalse();
    assertThat(eval(within, NOW)).isTrue();
    assertThat(eval(within, NOW.plusSeconds(1))).as("future is not within the last 30 days").isFalse();
    assertThat(eval(within, "2026-01-15")).isTrue();
    assertThat(eval(within, "not a date")).isFalse();
    assertThat(eval(older, NOW.minus(Duration.ofDays(30)))).isFalse();
    assertThat(eval(older, NOW.minus(Duration.ofDays(30)).minusNanos(1))).isTrue();
    assertThat(eval(older, "2020-01-01T00:00:00Z")).isTrue();
  }

  @Test
  void listContains() {
    assertThat(eval(listContainsAny("a", "abm", "vip"), "webinar; abm")).isTrue();
    assertThat(eval(listContainsAny("a", "abm"), "webinar|abm")).isTrue();
    assertThat(eval(listContainsAny("a", "ab"), "webinar; abm")).isFalse();
    assertThat(eval(listContainsAll("a", "abm", "vip"), List.of("vip", "abm"))).isTrue();
    assertThat(eval(listContainsAll("a", "abm", "vip"), List.of("abm"))).isFalse();
    assertThat(eval(new Condition.ListContains("a", List.of("ABM"), false, true), "abm")).isTrue();
  }

  @Test
  void factoriesSimplify() {
    Condition x = eq("a", 1);
    Condition y = eq("b", 2);
    assertThat(all()).isEqualTo(always());
    assertThat(any()).isEqualTo(never());
    assertThat(all(x)).isSameAs(x);
    assertThat(all(x, always(), x)).isSameAs(x);
    assertThat(all(x, never())).isEqualTo(never());
    assertThat(any(x, always())).isEqualTo(always());
    assertThat(all(all(x, y), x)).isEqualTo(new Condition.All(List.of(x, y)));
    assertThat(not(not(x))).isSameAs(x);
    assertThat(not(always())).isEqualTo(never());
    assertThat(simplify(new Condition.All(List.of(new Condition.Any(List.of(x)), new Condition.Constant(true))))).isEqualTo(x);
    assertThat(fieldsOf(all(x, y, not(x)))).containsExactly("a", "b");
    assertThat(usesClock(all(x, not(withinLast("b", Duration.ofDays(1)))))).isTrue();
    assertThat(describe(all(x, not(y)))).isEqualTo("(a eq 1 and not b eq 2)");
  }

  @Test
  void recordsValidateEagerly() {
    assertThatThrownBy(() -> eq(" ", "x")).hasMessageContaining("blank");
    assertThatThrownBy(() -> in("a")).hasMessageContaining("at least one value");
    assertThatThrownBy(() -> matches("a", "(unclosed")).hasMessageContaining("invalid regex on 'a'");
    assertThatThrownBy(() -> matches("a", "x".repeat(1001))).hasMessageContaining("over the limit of 1000");
    assertThatThrownBy(() -> matches("a", "(x{1,1000}){1,1000}")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> between("a", 5, 1)).hasMessageContaining("above high");
    assertThatThrownBy(() -> between("a", 1, "2026-01-01")).hasMessageContaining("mixes");
    assertThatThrownBy(() -> withinLast("a", Duration.ZERO)).hasMessageContaining("positive");
    assertThatThrownBy(() -> eq("a", List.of())).hasMessageContaining("string, number or boolean");
    assertThatThrownBy(() -> eq("a", Double.NaN)).hasMessageContaining("finite");
    assertThatThrownBy(() -> gt("a", true)).hasMessageContaining("boolean");
    assertThatThrownBy(() -> contains("a", "", true)).hasMessageContaining("non-empty");
  }

  @Test
  void compileRefusesUnknownFieldsAndClockFreeTestRefusesClockConditions() {
    assertThatThrownBy(() -> CompiledCondition.compile(eq("zz", 1), S))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("condition reads unknown field 'zz'; the schema has [a, b]");
    CompiledCondition c = CompiledCondition.compile(withinLast("a", Duration.ofDays(1)), S);
    assertThat(c.usesClock()).isTrue();
    assertThatThrownBy(() -> c.test(ArrayRow.of(S, null, null))).isInstanceOf(IllegalStateException.class);
    assertThat(CompiledCondition.compile(eq("a", 1), S).test(ArrayRow.of(S, 1L, null))).isTrue();
  }

  @Test
  void explanationsNameTheDecidingLeaves() {
    Schema s = Schema.of("country", "employees", "email");
    Condition c = all(eq("country", "US"), any(gte("employees", 200), endsWith("email", "@acme.com", true)));
    CompiledCondition cc = CompiledCondition.compile(c, s);
    ConditionExplanation no = cc.explain(ArrayRow.of(s, "CA", 500L, "x@acme.com"), NOW);
    assertThat(no.result()).isFalse();
    assertThat(no.decidedBy()).hasSize(1);
    assertThat(no.decidedBy().get(0).describe()).isEqualTo("country eq 'US': actual 'CA' -> false");
    ConditionExplanation yes = cc.explain(ArrayRow.of(s, "US", "n/a", "x@ACME.com"), NOW);
    assertThat(yes.result()).isTrue();
    assertThat(yes.decidedBy()).extracting(LeafOutcome::field).containsExactly("country", "email");
    ConditionExplanation bad = cc.explain(ArrayRow.of(s, "US", "n/a", "x@gmail.com"), NOW);
    assertThat(bad.decidedBy()).extracting(LeafOutcome::describe).containsExactly(
        "employees gte 200: actual 'n/a' (not comparable as a number) -> false",
        "email ends_with (ignoring case) '@acme.com': actual 'x@gmail.com' -> false");
    assertThat(bad.describe()).startsWith("false\n  employees");
  }

  @Test
  void worksOnMapsJsonAndPojosThroughSchemas() {
    Schema s = Schema.of("country", "employees");
    CompiledCondition cc = CompiledCondition.compile(all(eq("country", "US"), gt("employees", 10)), s);
    assertThat(cc.test(s.row(Records.of(Map.of("country", "US", "employees", 11))), NOW)).isTrue();
    assertThat(cc.test(s.row(Records.parseJson("{\"country\":\"US\",\"employees\":9}")), NOW)).isFalse();
    record Lead(String country, int employees) {}
    var adapter = dev.mops.core.record.PojoAdapter.builder(Lead.class)
        .field("country", Lead::country).field("employees", Lead::employees).build();
    CompiledCondition onPojo = CompiledCondition.compile(all(eq("country", "US"), gt("employees", 10)), adapter.schema());
    assertThat(onPojo.test(adapter.row(new Lead("US", 12)), NOW)).isTrue();
    assertThat(onPojo.test(adapter.row(new Lead("US", 10)), NOW)).isFalse();
  }
}
