package dev.mops.core.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordModelTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "42|42",
        "-7|-7",
        "+7|7",
        "3.5|3.5",
        "1e3|1000.0",
        " 12 |12",
        "12345678901234567890|12345678901234567890",
        "0.1234567890123456789|0.1234567890123456789",
        "1,000|",
        "NaN|",
        "Infinity|",
        "0x10|",
        "1_000|",
        "abc|",
        "1e|",
        ".|",
        "-|",
        "5.|5.0",
        ".5|0.5"
      })
  void numbersReadFromText(String text, String expected) {
    Number n = Values.asNumber(text);
    if (expected == null) {
      assertThat(n).isNull();
    } else {
      assertThat(n).isNotNull();
      assertThat(new BigDecimal(n.toString()).compareTo(new BigDecimal(expected))).as("%s -> %s", text, n).isZero();
    }
  }

  @Test
  void booleansInstantsDatesAndLists() {
    assertThat(Values.asBoolean("Yes")).isTrue();
    assertThat(Values.asBoolean("0")).isFalse();
    assertThat(Values.asBoolean("maybe")).isNull();
    assertThat(Values.asInstant("2026-01-31T09:30:00Z")).isEqualTo(Instant.parse("2026-01-31T09:30:00Z"));
    assertThat(Values.asInstant("2026-01-31T09:30:00+01:00")).isEqualTo(Instant.parse("2026-01-31T08:30:00Z"));
    assertThat(Values.asInstant("2026-01-31 09:30:00")).as("no offset reads as UTC").isEqualTo(Instant.parse("2026-01-31T09:30:00Z"));
    assertThat(Values.asInstant("2026-01-31")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    assertThat(Values.asInstant("2026-01-31T09:30:00-05:00")).isEqualTo(Instant.parse("2026-01-31T14:30:00Z"));
    assertThat(Values.asInstant(LocalDateTime.of(2026, 1, 1, 0, 0))).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(Values.asInstant(OffsetDateTime.parse("2026-01-01T00:00:00+05:30"))).isEqualTo(Instant.parse("2025-12-31T18:30:00Z"));
    assertThat(Values.asInstant(1_700_000_000_000L)).as("epoch numbers have no unit").isNull();
    assertThat(Values.asInstant("yesterday")).isNull();
    assertThat(Values.asInstant("2026-13-01T00:00:00Z")).isNull();
    assertThat(Values.asDate("20260131")).isEqualTo(LocalDate.of(2026, 1, 31));
    assertThat(Values.asDate("2026-02-30")).isNull();
    assertThat(Values.asDate("2026-01-31T23:30:00-05:00")).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(Values.asStringList(" a ; b ;; c")).containsExactly("a", "b", "c");
    assertThat(Values.asStringList("a|b")).containsExactly("a", "b");
    assertThat(Values.asStringList(List.of(1, "x"))).containsExactly("1", "x");
    assertThat(Values.asString(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(Values.isEmpty(" \t")).isTrue();
    assertThat(Values.isEmpty(0)).isFalse();
  }

  @Test
  void convertReportsFindingsWithFieldAndRawValue() {
    List<Finding> findings = new ArrayList<>();
    assertThat(Values.convert(ValueType.NUMBER, "employees", "n/a", findings::add)).isNull();
    assertThat(Values.convert(ValueType.NUMBER, "employees", "", findings::add)).as("blank is missing, not bad").isNull();
    assertThat(Values.convert(ValueType.INSTANT, "seen", "soon", findings::add)).isNull();
    assertThat(Values.convert(ValueType.DATE, "dob", "31/01/2026", findings::add)).isNull();
    assertThat(Values.convert(ValueType.BOOLEAN, "ok", "perhaps", findings::add)).isNull();
    assertThat(Values.convert(ValueType.STRING, "s", 5L, findings::add)).isEqualTo("5");
    assertThat(findings).extracting(Finding::shortForm)
        .containsExactly("NOT_A_NUMBER:employees", "NOT_AN_INSTANT:seen", "NOT_A_DATE:dob", "NOT_A_BOOLEAN:ok");
    assertThat(findings.get(0).rawValue()).isEqualTo("n/a");
  }

  @Test
  void schemaBindsSlotsAndConvertsRows() {
    Schema s = Schema.builder().field("email", ValueType.STRING).field("employees", ValueType.NUMBER).build();
    assertThat(s.slot("employees")).isEqualTo(1);
    assertThat(s.slot("missing")).isEqualTo(-1);
    assertThatThrownBy(() -> s.requireSlot("Email")).hasMessage("unknown field 'Email'; the schema has [email, employees]");
    List<Finding> findings = new ArrayList<>();
    ArrayRow row = s.row(Records.of(Map.of("email", "a@b.c", "employees", "12", "extra", 1)), findings::add);
    assertThat(row.get(1)).isEqualTo(12L);
    assertThat(row.get("email")).isEqualTo("a@b.c");
    assertThat(findings).isEmpty();
    s.fill(row, Records.of(Map.of("employees", "many")), findings::add);
    assertThat(row.get(0)).isNull();
    assertThat(row.get(1)).isNull();
    assertThat(findings).hasSize(1);
    assertThatThrownBy(() -> Schema.of("a", "a")).hasMessageContaining("already");
    assertThatThrownBy(() -> s.fill(new ArrayRow(Schema.of("x")), Records.empty(), f -> {})).hasMessageContaining("another schema");
    assertThat(s.extendedWith(List.of("employees", "tags")).fieldNames()).containsExactly("email", "employees", "tags");
    assertThat(s.toString()).isEqualTo("Schema[email:string, employees:number]");
  }

  @Test
  void mapRecordsAreViews() {
    Map<String, Object> m = new HashMap<>();
    Record r = Records.of(m);
    m.put("a", 1);
    assertThat(r.get("a")).isEqualTo(1);
    assertThat(r.has("b")).isFalse();
  }

  @Test
  void jsonRecordsHaveTypedValuesAndDottedPaths() {
    Record r = Records.parseJson("{\"a\": 1, \"b\": 2.5, \"c\": \"x\", \"d\": true, \"e\": null, \"f\": [1, \"y\"],"
        + " \"company\": {\"size\": 120, \"name\": \"Acme\"}, \"big\": 123456789012345678901234567890}");
    assertThat(r.get("a")).isEqualTo(1L);
    assertThat(r.get("b")).isEqualTo(2.5);
    assertThat(r.get("d")).isEqualTo(true);
    assertThat(r.has("e")).isTrue();
    assertThat(r.get("e")).isNull();
    assertThat(r.get("f")).isEqualTo(List.of(1L, "y"));
    assertThat(r.get("company.size")).isEqualTo(120L);
    assertThat(r.get("company.missing")).isNull();
    assertThat(r.get("big")).isEqualTo(new BigDecimal("123456789012345678901234567890"));
    assertThat(r.fieldNames()).startsWith("a", "b", "c");
  }

  @Test
  void malformedJsonIsAPreconditionFailureWithPosition() {
    assertThatThrownBy(() -> Records.parseJson("{\"a\": }")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("column");
    assertThatThrownBy(() -> Records.parseJson("[1]")).hasMessageContaining("expected a JSON object");
    assertThatThrownBy(() -> Records.parseJson("{} {}")).hasMessageContaining("after the JSON object");
    assertThatThrownBy(() -> Records.parseJson("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void pojoAdapterReadsThroughAccessors() {
    record Lead(String email, String employees) {}
    PojoAdapter<Lead> adapter = PojoAdapter.builder(Lead.class)
        .field("email", Lead::email).field("employees", ValueType.NUMBER, Lead::employees).build();
    Row row = adapter.row(new Lead("a@b.c", "15"));
    assertThat(row.get(0)).isEqualTo("a@b.c");
    assertThat(row.get(1)).isEqualTo(15L);
    assertThat(adapter.row(new Lead("x", "lots")).get(1)).isNull();
    assertThat(adapter.record(new Lead("x", "1")).fieldNames()).containsExactly("email", "employees");
  }

  @Test
  void findingsCutLongRawValues() {
    Finding f = Finding.error("X", "f", "y".repeat(1000), "m");
    assertThat(f.rawValue()).hasSize(Finding.MAX_RAW_VALUE_LENGTH + 1);
    assertThatThrownBy(() -> Finding.error("", "f", null, "m")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Finding.warning("CODE", "", null, "m").shortForm()).isEqualTo("CODE");
  }
}
