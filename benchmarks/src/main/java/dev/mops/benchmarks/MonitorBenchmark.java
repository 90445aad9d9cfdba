package dev.mops.benchmarks;

import dev.mops.core.config.ConfigLoader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.record.Values;
import dev.mops.quality.monitor.Monitor;
import dev.mops.quality.monitor.MonitorRun;
import dev.mops.quality.monitor.MonitorSnapshot;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of a data-health monitor run ({@code examples/quality/monitor.yaml}) over the
 * example leads repeated to 16,384 records: the seven field metrics alone, the whole monitor with
 * the contract's quality score, the quality profile alone (the peer the score needs), and a
 * hand-written loop computing the seven metrics (the baseline). The setup checks that the monitor
 * and the hand-written loop agree. Scores are records per second.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar MonitorBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MonitorBenchmark {

  static final int ROWS = 16_384;
  static final Instant AS_OF = Instant.parse("2026-02-02T11:00:00Z");

  Monitor full;
  Monitor fieldsOnly;
  List<Record> records;

  @Setup
  public void setup() throws IOException {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("examples/quality/monitor.yaml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run from the repository: examples/quality/monitor.yaml not found");
    }
    Path dir = p.resolve("examples/quality");
    full = Monitor.load(dir.resolve("monitor.yaml"));
    String yaml = Files.readString(dir.resolve("monitor.yaml"));
    fieldsOnly = Monitor.from(ConfigLoader.standard().loadString("fields.yaml",
        yaml.substring(0, yaml.indexOf("  # The contract's overall quality score"))), dir);
    List<Record> leads = new ArrayList<>();
    try (RecordReader in = RecordReader.open(dir.resolve("leads.csv"))) {
      for (InputRecord r; (r = in.next()) != null; ) {
        Map<String, Object> m = new HashMap<>();
        for (String f : in.fields()) {
          String v = Values.asString(r.record().get(f));
          if (v != null) {
            m.put(f, v);
          }
        }
        leads.add(Records.of(m));
      }
    }
    records = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      records.add(leads.get(i % leads.size()));
    }
    MonitorSnapshot s = runMonitor(fieldsOnly);
    double[] hand = handWritten(records);
    String[] names = {"rows", "email_completeness", "country_completeness", "companies", "employees_median",
        "score_mean", "us_share"};
    for (int i = 0; i < names.length; i++) {
      double m = s.value(names[i]);
      double tolerance = names[i].equals("employees_median") ? 0.02 * Math.abs(hand[i]) : 1e-9;
      if (Math.abs(m - hand[i]) > tolerance) {
        throw new IllegalStateException(names[i] + ": monitor " + m + ", hand-written " + hand[i]);
      }
    }
  }

  MonitorSnapshot runMonitor(Monitor m) {
    MonitorRun run = m.newRun(AS_OF);
    for (Record r : records) {
      run.add(r);
    }
    return run.snapshot();
  }

  /** The seven field metrics as a team would write them: counters, a HashSet, a sorted array. */
  static double[] handWritten(List<Record> rows) {
    long email = 0;
    long country = 0;
    long us = 0;
    Set<String> companies = new HashSet<>();
    double[] employees = new double[rows.size()];
    int nEmployees = 0;
    double scoreSum = 0;
    long scores = 0;
    for (Record r : rows) {
      if (!blank(r.get("email"))) {
        email++;
      }
      Object c = r.get("country");
      if (!blank(c)) {
        country++;
        if (c.toString().strip().equals("US")) {
          us++;
        }
      }
      Object co = r.get("company");
      if (!blank(co)) {
        companies.add(co.toString().strip());
      }
      Double e = number(r.get("employees"));
      if (e != null) {
        employees[nEmployees++] = e;
      }
      Double s = number(r.get("score"));
      if (s != null) {
        scoreSum += s;
        scores++;
      }
    }
    double[] sorted = Arrays.copyOf(employees, nEmployees);
    Arrays.sort(sorted);
    double median = nEmployees == 0 ? Double.NaN : sorted[Math.max(0, (int) Math.ceil(0.5 * nEmployees) - 1)];
    double n = rows.size();
    return new double[] {n, email / n, country / n, companies.size(), median, scores == 0 ? Double.NaN : scoreSum / scores,
        us / n};
  }

  private static boolean blank(Object o) {
    return o == null || o.toString().isBlank();
  }

  private static Double number(Object o) {
    if (blank(o)) {
      return null;
    }
    try {
      return Double.parseDouble(o.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The monitor's seven field metrics: completeness, distinct count, median, mean, share. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double monitorFieldMetrics() {
    return runMonitor(fieldsOnly).value("score_mean");
  }

  /** The whole example monitor: the seven metrics and the contract's quality score. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double monitorWithQualityScore() {
    return runMonitor(full).value("quality");
  }

  /** The peer of the quality score: the contract's quality profile alone. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long qualityProfileAlone() {
    ProfileBuilder b = QualityProfile.builder(java.util.Objects.requireNonNull(full.contract())).asOf(AS_OF);
    for (Record r : records) {
      b.add(r);
    }
    return b.build().rows();
  }

  /** The baseline: the seven metrics hand-written. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double handWrittenFieldMetrics() {
    return handWritten(records)[5];
  }
}
