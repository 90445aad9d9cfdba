package dev.mops.quality.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that race on one history file, as threads of one JVM and as separate processes: every line
 * is whole and parses, and every run is there exactly once.
 */
class MonitorHistoryConcurrencyTest {

  static final String YAML = "version: 1\nname: race\nmetrics:\n  - name: rows\n    metric: row_count\n"
      + "    alert: [{band: {runs: 20, k: 3}}]\n";

  @TempDir Path dir;

  static void assertWhole(Path file, int expected) throws Exception {
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(expected);
    Set<Instant> seen = new HashSet<>();
    for (String line : lines) {
      MonitorSnapshot s = MonitorHistory.snapshot(line);
      assertThat(seen.add(s.asOf())).as("each run once: %s", line).isTrue();
      assertThat(s.toJsonLine()).isEqualTo(line);
    }
  }

  @Test
  void threadsOfOneJvmNeverInterleaveLines() throws Exception {
    Monitor m = MonitorTest.monitor(YAML);
    Path file = dir.resolve("threads.jsonl");
    int threads = 4;
    int runs = 40;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<List<Integer>>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      futures.add(pool.submit(() -> {
        start.await();
        List<Integer> pastSizes = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          // every run has an instant of its own, so every line must be there once
          Instant at = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofSeconds((long) i * threads + id));
          MonitorResult r = MonitorHistory.at(file).record(m,
              new MonitorSnapshot("race", m.version(), m.contentHash(), m.dataset(), at, 1, Map.of("rows", 1.0 * i),
                  List.of()), List.of());
          pastSizes.add(r.past().size());
        }
        return pastSizes;
      }));
    }
    start.countDown();
    for (Future<List<Integer>> f : futures) {
      assertThat(f.get(60, TimeUnit.SECONDS)).hasSize(runs);
    }
    pool.shutdown();
    assertWhole(file, threads * runs);
  }

  @Test
  void twoProcessesNeverCorruptALine() throws Exception {
    Path file = dir.resolve("processes.jsonl");
    Path monitor = dir.resolve("race.yaml");
    Files.writeString(monitor, YAML);
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    int runs = 60;
    List<Process> ps = new ArrayList<>();
    for (int p = 0; p < 2; p++) {
      ps.add(new ProcessBuilder(javaBin, "-cp", cp, HistoryRaceMain.class.getName(), file.toString(), monitor.toString(),
          Integer.toString(runs), Integer.toString(p), "2").redirectErrorStream(true).start());
    }
    for (Process p : ps) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as(output).isZero();
    }
    assertWhole(file, 2 * runs);
  }
}
