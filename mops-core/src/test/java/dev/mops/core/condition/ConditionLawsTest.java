package dev.mops.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.ArrayRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Laws of the condition language over seeded random trees and rows. */
class ConditionLawsTest {

  static Stream<Long> seeds() {
    return RandomConditions.seeds(300);
  }

  private static List<ArrayRow> rows(Random r) {
    List<ArrayRow> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(RandomConditions.row(r));
    }
    return rows;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void doubleNegationIsIdentity(long seed) {
    Random r = new Random(seed);
    Condition c = RandomConditions.condition(r, 3);
    CompiledCondition plain = CompiledCondition.compile(c, RandomConditions.SCHEMA);
    CompiledCondition twice = CompiledCondition.compile(new Condition.Not(new Condition.Not(c)), RandomConditions.SCHEMA);
    CompiledCondition factory = CompiledCondition.compile(Conditions.not(Conditions.not(c)), RandomConditions.SCHEMA);
    for (ArrayRow row : rows(r)) {
      boolean expected = plain.test(row, RandomConditions.NOW);
      assertThat(twice.test(row, RandomConditions.NOW)).as("%s on %s", c, row).isEqualTo(expected);
      assertThat(factory.test(row, RandomConditions.NOW)).as("%s on %s", c, row).isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void simplificationPreservesResults(long seed) {
    Random r = new Random(seed);
    Condition c = RandomConditions.condition(r, 4);
    Condition s = Conditions.simplify(c);
    CompiledCondition original = CompiledCondition.compile(c, RandomConditions.SCHEMA);
    CompiledCondition simplified = CompiledCondition.compile(s, RandomConditions.SCHEMA);
    for (ArrayRow row : rows(r)) {
      assertThat(simplified.test(row, RandomConditions.NOW))
          .as("simplify(%s) = %s on %s", c, s, row)
          .isEqualTo(original.test(row, RandomConditions.NOW));
    }
    assertThat(Conditions.simplify(s)).as("simplify is idempotent").isEqualTo(s);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void deMorganAndExplanationAgreeWithTest(long seed) {
    Random r = new Random(seed);
    Condition a = RandomConditions.condition(r, 2);
    Condition b = RandomConditions.condition(r, 2);
    CompiledCondition notAll = CompiledCondition.compile(new Condition.Not(new Condition.All(List.of(a, b))), RandomConditions.SCHEMA);
    CompiledCondition anyNot =
        CompiledCondition.compile(new Condition.Any(List.of(new Condition.Not(a), new Condition.Not(b))), RandomConditions.SCHEMA);
    for (ArrayRow row : rows(r)) {
      boolean expected = anyNot.test(row, RandomConditions.NOW);
      assertThat(notAll.test(row, RandomConditions.NOW)).isEqualTo(expected);
      ConditionExplanation e = notAll.explain(row, RandomConditions.NOW);
      assertThat(e.result()).isEqualTo(expected);
      for (LeafOutcome o : e.decidedBy()) {
        assertThat(o.describe()).contains(o.field());
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void yamlAndJsonRoundTripKeepTreeAndResults(long seed) {
    Random r = new Random(seed);
    Condition c = RandomConditions.condition(r, 4);
    Condition fromYaml = ConditionYaml.parse("random.yaml", ConditionYaml.toYaml(c));
    Condition fromJson = ConditionYaml.parse("random.json", ConditionYaml.toJson(c));
    assertThat(fromYaml).as("YAML:\n%s", ConditionYaml.toYaml(c)).isEqualTo(c);
    assertThat(fromJson).isEqualTo(c);
  }
}
