package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.RecordRef;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Prints accuracy and time of mops and Duke 1.2 side by side on the FEBRL files: pairwise
 * precision, recall and F1, and the median wall time of several runs after one warm-up run. Duke
 * runs with its untuned config ({@code duke-febrl.xml}) and with the hand-tuned one ({@code
 * duke-febrl-tuned.xml}); a Duke time is the whole run (config, Lucene index, candidate search,
 * scoring), as a mops time is the whole dedupe. Usage, from the repository root: {@code java
 * -Xmx2g -cp benchmarks/target/benchmarks.jar dev.mops.benchmarks.DedupePeerReport [runs]}.
 *
 * <p>Thread safety: a program; not for concurrent use.
 */
public final class DedupePeerReport {

  private DedupePeerReport() {}

  /** Runs the comparison. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    out.printf(Locale.ROOT, "%s UTC, JDK %s, %d cores, load average (1 min) %.2f at start%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    out.printf(Locale.ROOT, "%-10s %-34s %9s %9s %9s %11s%n", "file", "engine", "precision", "recall", "F1", "median s");
    for (String file : List.of("febrl1.csv", "febrl2.csv")) {
      List<Record> records = BenchmarkData.dataCsv(file);
      Map<RecordRef, String> truth = BenchmarkData.febrlTruth(records);
      DedupeConfig config = BenchmarkData.febrlConfig();
      DedupeConfig inferred = DedupeConfigs.infer(DukeFebrl.columns(), records);
      report(out, file, "mops (febrl.yaml)", runs, truth,
          () -> clusters(Deduplicator.of(config).dedupe(records, "rec_id")));
      report(out, file, "mops (no config)", runs, truth,
          () -> clusters(Deduplicator.of(inferred).dedupe(records, "rec_id")));
      List<no.priv.garshol.duke.Record> duke = DukeFebrl.toDuke(records);
      report(out, file, "Duke 1.2 untuned (default search)", runs, truth,
          () -> DukeFebrl.dedupe(duke, DukeFebrl.Config.UNTUNED, null));
      report(out, file, "Duke 1.2 untuned (100 hits)", runs, truth,
          () -> DukeFebrl.dedupe(duke, DukeFebrl.Config.UNTUNED, 100));
      report(out, file, "Duke 1.2 tuned", runs, truth, () -> DukeFebrl.dedupe(duke, DukeFebrl.Config.TUNED, null));
    }
    out.printf(Locale.ROOT, "%s UTC, load average (1 min) %.2f at end%n", Instant.now().truncatedTo(ChronoUnit.SECONDS),
        loadAverage());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static Map<RecordRef, String> clusters(DedupeResult r) {
    return r.clusterIds();
  }

  private static void report(PrintStream out, String file, String engine, int runs, Map<RecordRef, String> truth,
      Supplier<Map<RecordRef, String>> run) {
    Map<RecordRef, String> clusters = run.get(); // warm-up
    double[] secs = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      clusters = run.get();
      secs[i] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(secs);
    PairwiseScore s = PairwiseScore.of(clusters, truth, false);
    out.printf(Locale.ROOT, "%-10s %-34s %9.4f %9.4f %9.4f %11.3f%n", file, engine, s.precision(), s.recall(), s.f1(),
        secs[runs / 2]);
  }
}
