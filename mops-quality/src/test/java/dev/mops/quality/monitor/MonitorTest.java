package dev.mops.quality.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.Records;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTest {

  static final String YAML = String.join("\n",
      "version: 3",
      "name: leads",
      "dataset: crm_leads",
      "metrics:",
      "  - name: rows",
      "    metric: row_count",
      "    alert: [{min: 3}, {band: {runs: 5, k: 2, min_runs: 3}}]",
      "  - name: email",
      "    metric: completeness",
      "    field: email",
      "    alert: [{max_drop: 10%}]",
      "  - name: countries",
      "    metric: distinct_count",
      "    field: country",
      "    severity: warning",
      "    alert: [{max: 2}]",
      "  - name: us",
      "    metric: share",
      "    field: country",
      "    values: [US, CA]",
      "  - name: p50",
      "    metric: percentile",
      "    field: employees",
      "    percentile: 50",
      "  - name: mean",
      "    metric: mean",
      "    field: employees",
      "    alert: [{seasonal: {weeks: 3, k: 3, min_runs: 2, min_width: 1}}]",
      "");

  static final Instant MONDAY = Instant.parse("2026-02-02T06:00:00Z");

  @TempDir Path dir;

  static Monitor monitor(String yaml) {
    return Monitor.from(ConfigLoader.standard().loadString("monitor.yaml", yaml), null);
  }

  static MonitorRun run(Monitor m, Instant at, String... rows) {
    MonitorRun r = m.newRun(at);
    for (String row : rows) {
      String[] v = row.split(",", -1);
      Map<String, Object> rec = new HashMap<>();
      rec.put("email", v[0]);
      rec.put("country", v[1]);
      rec.put("employees", v[2]);
      r.add(Records.of(rec));
    }
    return r;
  }

  static MonitorSnapshot snap(Monitor m, Instant at, double rows, double mean) {
    Map<String, Double> v = new HashMap<>();
    v.put("rows", rows);
    v.put("mean", mean);
    v.put("email", 1.0);
    return new MonitorSnapshot(m.name(), m.version(), m.contentHash(), m.dataset(), at, (long) rows, v, List.of());
  }

  @Test
  void measuresEveryKindOfMetric() {
    Monitor m = monitor(YAML);
    MonitorSnapshot s = run(m, MONDAY, "a@x.com,US,10", ",CA,20", "c@x.com,FR,n/a", "d@x.com,US,").snapshot();
    assertThat(s.value("rows")).isEqualTo(4);
    assertThat(s.value("email")).isEqualTo(0.75);
    assertThat(s.value("countries")).isEqualTo(3);
    assertThat(s.value("us")).isEqualTo(0.75);
    assertThat(s.value("mean")).isEqualTo(15);
    assertThat(s.value("p50")).isCloseTo(10, within(0.2));
    MonitorRun r = run(m, MONDAY, "a@x.com,US,x");
    assertThat(r.snapshot().value("mean")).isNaN();
    assertThat(r.notes()).containsExactly("p50: 1 values of employees are not numbers and were left out",
        "mean: 1 values of employees are not numbers and were left out");
  }

  @Test
  void absoluteChangeBandAndSeasonalThresholds() {
    Monitor m = monitor(YAML);
    List<MonitorSnapshot> past = new ArrayList<>();
    // four weeks of daily runs: 10 rows on weekdays; the mean is 20 on Mondays, 50 on other days
    for (int d = 28; d >= 1; d--) {
      Instant at = MONDAY.minus(Duration.ofDays(d));
      boolean monday = d % 7 == 0;
      past.add(snap(m, at, 10 + (d % 2), monday ? 20 + (d % 3) : 50));
    }
    MonitorSnapshot today = run(m, MONDAY, "a@x.com,US,20", ",CA,21", "c@x.com,FR,22").snapshot();
    MonitorResult r = MonitorResult.evaluate(m, today, past, List.of());
    assertThat(r.past()).hasSize(28);
    // rows: 3 >= min 3; band of the last 5 runs (10/11) is about 10.6 ± 2 sd -> 3 alerts
    assertThat(r.checks()).extracting(MonitorResult.CheckResult::status).containsExactly(
        MonitorResult.Status.PASS, MonitorResult.Status.ALERT, MonitorResult.Status.ALERT, MonitorResult.Status.ALERT,
        MonitorResult.Status.PASS);
    assertThat(r.alerts().get(0).message()).startsWith("rows = 3: outside ");
    // email: 2/3 after 1.0 is a 33% drop, over 10%
    assertThat(r.alerts().get(1).message())
        .isEqualTo("email = 0.666667: -33.3% since the last run (1); expected drops by at most 10% from the last run");
    // countries: 3 distinct over the absolute max of 2, a warning
    assertThat(r.alerts().get(2).message()).isEqualTo("countries = 3: above 2 (at most 2)");
    assertThat(r.alerts().get(2).severity()).isEqualTo(dev.mops.core.Severity.WARNING);
    // mean 21 on a Monday: Mondays were 20-22 (the other days 50), so the seasonal band holds
    assertThat(r.checks().get(4).status()).isEqualTo(MonitorResult.Status.PASS);
    assertThat(r.snapshot().alerts()).containsExactly("rows", "email", "countries");
    assertThat(r.failed()).isTrue();
    assertThat(r.findings()).hasSize(3).first().extracting(f -> f.code()).isEqualTo("MONITOR_ALERT");
  }

  @Test
  void checksLearnUntilTheyHaveEnoughHistoryAndIgnoreLaterAndOtherMonitorsRuns() {
    Monitor m = monitor(YAML);
    MonitorSnapshot today = snap(m, MONDAY, 10, 20);
    List<MonitorSnapshot> past = List.of(snap(m, MONDAY.minus(Duration.ofDays(1)), 10, 20),
        snap(m, MONDAY.plus(Duration.ofDays(1)), 1000, 1000),
        new MonitorSnapshot("other", "1", "", "x", MONDAY.minus(Duration.ofDays(2)), 5, Map.of("rows", 1000.0), List.of()));
    MonitorResult r = MonitorResult.evaluate(m, today, past, List.of());
    assertThat(r.past()).hasSize(1);
    assertThat(r.checks().get(1).status()).isEqualTo(MonitorResult.Status.LEARNING);
    assertThat(r.checks().get(1).message()).contains("not enough earlier runs yet");
    assertThat(r.alerts()).isEmpty();
  }

  @Test
  void aMetricWithoutValueIsReportedNotAlerted() {
    Monitor m = monitor(YAML);
    MonitorResult r = MonitorResult.evaluate(m, run(m, MONDAY).snapshot(), List.of(), List.of());
    assertThat(r.checks().get(0).status()).as("0 rows < min 3").isEqualTo(MonitorResult.Status.ALERT);
    assertThat(r.checks().get(2).status()).as("completeness of no rows").isEqualTo(MonitorResult.Status.NO_VALUE);
  }

  @Test
  void badMonitorConfigFailsAtLoadWithPositionAndPath() {
    assertThatThrownBy(() -> monitor(YAML.replace("metric: row_count", "metric: row_cnt")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("monitor.yaml:6:")
        .hasMessageContaining("unknown metric 'row_cnt'").hasMessageContaining("metrics[0].metric");
    assertThatThrownBy(() -> monitor(YAML.replace("{max_drop: 10%}", "{max_drop: ten}")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("monitor.yaml:11:")
        .hasMessageContaining("expected a fraction such as 0.2 or 20%, found 'ten'");
    assertThatThrownBy(() -> monitor(YAML.replace("k: 2, min_runs: 3", "k: 2, min_runs: 9")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("min_runs must be between 2 and 5, not 9");
    assertThatThrownBy(() -> monitor(YAML.replace("    field: email\n", "")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("completeness needs a 'field'");
    assertThatThrownBy(() -> monitor(YAML.replace("severity: warning", "severity: loud")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("expected error or warning");
    assertThatThrownBy(() -> monitor(YAML.replace("    alert: [{min: 3}", "    alrt: [{min: 3}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'alrt' (did you mean 'alert'?)");
    assertThatThrownBy(() -> monitor(YAML + "  - name: q\n    metric: quality_score\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("quality_score needs the monitor's 'contract'");
    assertThatThrownBy(() -> monitor(YAML + "  - name: rows\n    metric: row_count\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("duplicate metric name 'rows'");
  }

  @Test
  void historyAppendsOneLinePerRunAndSkipsCorruptLines() throws Exception {
    Monitor m = monitor(YAML);
    Path file = dir.resolve("h.jsonl");
    MonitorHistory h = MonitorHistory.at(file);
    h.record(m, run(m, MONDAY.minus(Duration.ofDays(2)), "a@x.com,US,1", "a@x.com,US,1", "a@x.com,US,1"));
    // a crash left half a line without its newline
    Files.writeString(file, Files.readString(file) + "{\"monitor\":\"leads\",\"as_of\":\"2026-", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
    MonitorResult r = h.record(m, run(m, MONDAY, "a@x.com,US,1", "a@x.com,US,1", "a@x.com,US,1"));
    assertThat(r.past()).hasSize(1);
    assertThat(r.notes()).singleElement().asString().startsWith("history line 2 skipped: incomplete last line;");
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(2)).startsWith("{\"monitor\":\"leads\",\"monitor_version\":\"3\"");
    List<String> notes = new ArrayList<>();
    List<MonitorSnapshot> all = h.read(notes);
    assertThat(all).hasSize(2);
    assertThat(all.get(1).value("rows")).isEqualTo(3);
    assertThat(notes).hasSize(1);
    assertThat(MonitorHistory.snapshot(all.get(1).toJsonLine())).isEqualTo(all.get(1));
  }

  @Test
  void htmlDrawsEachMetricWithItsBandAndAlerts() {
    Monitor m = monitor(YAML);
    List<MonitorSnapshot> past = new ArrayList<>();
    for (int d = 10; d >= 1; d--) {
      past.add(snap(m, MONDAY.minus(Duration.ofDays(d)), 10 + d % 2, 20));
    }
    String html = MonitorResult.evaluate(m, run(m, MONDAY, "a@x.com,US,1", "b@x.com,US,2", "c@x.com,CA,3").snapshot(),
        past, List.of()).toHtml();
    assertThat(html).startsWith("<!DOCTYPE html>").contains("<polygon").contains("fill=\"#dc2626\"")
        .contains("History of rows").doesNotContain("<script").doesNotContain("src=");
  }
}
