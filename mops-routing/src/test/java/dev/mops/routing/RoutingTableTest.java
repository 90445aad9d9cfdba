package dev.mops.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

  static final String REPS = "reps: [{id: a, manager: m}, {id: b}]\npools: [{name: p, reps: [a, b]}]\n";

  static ConfigException error(String yaml) {
    try {
      RoutingTable.parse("t.yaml", yaml);
    } catch (ConfigException e) {
      return e;
    }
    throw new AssertionError("no error for:\n" + yaml);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rules: []|missing key 'default'",
      "rules: []\\ndefault: {pool: nope}|pool 'nope' is not declared",
      "rules: []\\ndefault: {owner: zed}|owner 'zed' is not a declared rep",
      "rules: []\\ndefault: {queue: q, pool: p}|expected exactly one of owner, queue or pool",
      "rules: []\\ndefault: {queu: q}|unknown key 'queu' (did you mean 'queue'?)",
      "rules: [{name: x, route: {queue: q}}, {name: x, route: {queue: q}}]\\ndefault: {queue: q}|duplicate rule name 'x'",
      "rules: [{name: x, when: {eq: {field: f}}, route: {queue: q}}]\\ndefault: {queue: q}|value",
      "rules: [{name: x, route: {pool: p}, fallback: {escalate: manager}}]\\ndefault: {queue: q}|needs an owner destination",
      "rules: [{name: x, route: {pool: p}, fallback: {park: q}}]\\ndefault: {queue: q}|unknown key 'park'",
      "rules: []\\ndefault: {queue: q}\\nfallback: {escalate: manager}|cannot be 'escalate: manager'",
  })
  void badTablesFailAtLoadWithPositionAndPath(String body, String message) {
    ConfigException e = error(REPS + body.replace("\\n", "\n"));
    assertThat(e.getMessage()).startsWith("t.yaml:").contains(message);
  }

  @Test
  void errorsNameLineColumnAndPath() {
    ConfigException e = error("reps:\n  - {id: a, time_zone: Mars/Olympus}\nrules: []\ndefault: {owner: a}\n");
    assertThat(e.location().line()).isEqualTo(2);
    assertThat(e.location().path()).isEqualTo("reps[0].time_zone");
    assertThat(e.getMessage()).contains("expected an IANA time zone");
    ConfigException pool = error("reps: [{id: a}]\npools:\n  - {name: p, strategy: random, reps: [a]}\nrules: []\ndefault: {pool: p}\n");
    assertThat(pool.location().path()).isEqualTo("pools[0].strategy");
    assertThat(pool.getMessage()).contains("expected round_robin, weighted, least_loaded or account_owner_first");
    ConfigException member = error("reps: [{id: a}]\npools:\n  - {name: p, reps: [a, ghost]}\nrules: []\ndefault: {pool: p}\n");
    assertThat(member.getMessage()).contains("unknown rep 'ghost'");
    ConfigException ooo = error("reps: [{id: a, out_of_office: [{from: 2026-03-05, to: 2026-03-01}]}]\nrules: []\ndefault: {owner: a}\n");
    assertThat(ooo.getMessage()).contains("ends (2026-03-01) before it starts");
    ConfigException zones = error("calendars: {c: {zone: UTC, hours: {weekdays: '09:00-17:00'}}}\n"
        + "reps: [{id: a, working_hours: c, time_zone: Asia/Tokyo}]\nrules: []\ndefault: {owner: a}\n");
    assertThat(zones.getMessage()).contains("give one zone");
    ConfigException cal = error("reps: [{id: a, working_hours: nope}]\nrules: []\ndefault: {owner: a}\n");
    assertThat(cal.location().path()).isEqualTo("reps[0].working_hours");
    ConfigException cap = error("reps: [{id: a, caps: {day: -1}}]\nrules: []\ndefault: {owner: a}\n");
    assertThat(cap.location().path()).isEqualTo("reps[0].caps.day");
  }

  @Test
  void tablesCarryTheirIdentityAndFields() {
    RoutingTable t = RoutingTable.parse("t.yaml", "version: 7\nname: demo\n" + REPS
        + "rules: [{name: us, when: {eq: {field: country, value: US}}, route: {pool: p}}]\ndefault: {queue: q}\n");
    assertThat(t.name()).isEqualTo("demo");
    assertThat(t.version()).isEqualTo("7");
    assertThat(t.shortHash()).hasSize(12);
    assertThat(t.fieldsRead()).containsExactly("country", "account_owner");
    assertThat(t.pools().get("p").strategy()).isEqualTo(PoolStrategy.ROUND_ROBIN);
    assertThat(t.fallback()).isEqualTo(Fallback.DEFAULT);
  }

  @Test
  void tablesBuiltInCodeAreCheckedToo() {
    RoutingTable.Builder b = RoutingTable.builder("code").rep(Rep.builder("a").build());
    assertThatThrownBy(() -> b.pool(Pool.builder("p", PoolStrategy.WEIGHTED).member("zz").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown rep 'zz'");
    assertThatThrownBy(b::build).hasMessageContaining("needs a default destination");
    RoutingTable t = b.defaultDestination(new Destination.Owner("a")).build();
    assertThat(Router.create(t).route(dev.mops.core.record.Records.empty(), java.time.Instant.EPOCH).owner()).isEqualTo("a");
  }
}
