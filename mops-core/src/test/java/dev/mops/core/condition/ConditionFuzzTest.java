package dev.mops.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mops.core.config.ConfigException;
import dev.mops.core.record.ArrayRow;
import java.time.Instant;

/**
 * Fuzzes the YAML condition reader: any text either reads as a condition that round-trips and
 * evaluates, or fails with a {@link ConfigException}; nothing else may escape. Normal test runs
 * replay the committed corpus in {@code ConditionFuzzTestInputs}; run with {@code JAZZER_FUZZ=1}
 * to fuzz.
 */
class ConditionFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void readConditionYaml(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Condition c;
    try {
      c = ConditionYaml.parse("fuzz.yaml", text);
    } catch (ConfigException expected) {
      return;
    }
    assertThat(ConditionYaml.parse("again.yaml", ConditionYaml.toYaml(c))).isEqualTo(c);
    var schema = dev.mops.core.record.Schema.of(Conditions.fieldsOf(c));
    CompiledCondition cc = CompiledCondition.compile(c, schema);
    Object[] values = new Object[schema.size()];
    java.util.Arrays.fill(values, text.length() > 20 ? text.substring(0, 20) : text);
    ArrayRow row = ArrayRow.of(schema, values);
    assertThat(cc.explain(row, Instant.EPOCH).result()).isEqualTo(cc.test(row, Instant.EPOCH));
  }
}
