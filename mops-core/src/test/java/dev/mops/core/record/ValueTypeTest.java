package dev.mops.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueTypeTest {

  @ParameterizedTest
  @CsvSource({
    "string, STRING", "text, STRING", "number, NUMBER", "boolean, BOOLEAN", "instant, INSTANT",
    "timestamp, INSTANT", "date, DATE", "list, STRING_LIST", "any, ANY", "' Number ', NUMBER", "DATE, DATE"
  })
  void readsTheConfigNames(String name, ValueType expected) {
    assertThat(ValueType.ofName(name)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "str", "integer", "string_list"})
  void refusesOtherNamesSayingWhatIsExpected(String name) {
    assertThatThrownBy(() -> ValueType.ofName(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown field type '" + name + "'")
        .hasMessageContaining(ValueType.NAMES);
  }
}
