package dev.mops.benchmarks;

import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.testkit.HarderLeads;
import dev.mops.testkit.SyntheticLeads;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Dedupes N synthetic leads once and prints wall time, peak heap and pairwise accuracy: the
 * million-lead figures of docs/benchmarks.md. Usage: {@code java -Xmx4g -cp benchmarks.jar
 * dev.mops.benchmarks.DedupeScaleRun [records] [seed] [synthetic|harder]}: {@code synthetic}
 * (the default) dedupes {@code SyntheticLeads} with their hand-written config, {@code harder}
 * dedupes {@code HarderLeads} with no config (inferred, as {@code mops dedupe} without
 * {@code --config}). With a fourth argument, a folder, it writes the leads there as {@code
 * leads.csv} and their truth as {@code truth.csv} ({@code id,entity_id}) instead, for timing the
 * whole CLI run ({@code mops dedupe}, then {@code mops dedupe-eval}).
 *
 * <p>Thread safety: a program; not for concurrent use.
 */
public final class DedupeScaleRun {

  private DedupeScaleRun() {}

  private static void write(SyntheticLeads.Dataset data, List<String> columns, java.nio.file.Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
      try (java.io.BufferedWriter w = java.nio.file.Files.newBufferedWriter(dir.resolve("leads.csv"));
          java.io.BufferedWriter t = java.nio.file.Files.newBufferedWriter(dir.resolve("truth.csv"))) {
        w.write(String.join(",", columns));
        w.newLine();
        t.write("id,entity_id");
        t.newLine();
        for (dev.mops.core.record.Record r : data.records()) {
          StringBuilder line = new StringBuilder();
          for (int c = 0; c < columns.size(); c++) {
            Object v = r.get(columns.get(c));
            if (c > 0) {
              line.append(',');
            }
            if (v != null) {
              String text = v.toString();
              line.append(text.indexOf(',') >= 0 || text.indexOf('"') >= 0
                  ? '"' + text.replace("\"", "\"\"") + '"' : text);
            }
          }
          w.write(line.toString());
          w.newLine();
          String id = String.valueOf(r.get("id"));
          t.write(id + "," + data.entityOf().get(id));
          t.newLine();
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs the measurement. */
  public static void main(String[] args) {
    PrintStream out = System.out;
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 7;
    long t0 = System.nanoTime();
    boolean harder = args.length > 2 && args[2].equals("harder");
    SyntheticLeads.Dataset data = harder ? HarderLeads.generate(n, seed) : SyntheticLeads.generate(n, seed);
    long t1 = System.nanoTime();
    if (args.length > 3) {
      write(data, harder ? HarderLeads.COLUMNS : SyntheticLeads.COLUMNS, java.nio.file.Path.of(args[3]));
      out.printf(Locale.ROOT, "wrote %,d leads to %s in %.1f s%n", n, args[3], (System.nanoTime() - t0) / 1e9);
      return;
    }
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    DedupeConfig config;
    if (harder) {
      List<String> columns = new ArrayList<>(HarderLeads.COLUMNS);
      columns.remove("id");
      config = DedupeConfigs.infer(columns, data.records());
    } else {
      config = DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml());
    }
    DedupeResult result = Deduplicator.of(config).dedupe(data.records(), "id");
    long t2 = System.nanoTime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    PairwiseScore s = PairwiseScore.of(result, RecordRef.truthOf(data.entityOf()));
    out.printf(Locale.ROOT, "records %,d  generate %.1f s  dedupe %.1f s  peak heap %.2f GB  candidates %,d%n",
        n, (t1 - t0) / 1e9, (t2 - t1) / 1e9, peak / 1e9, result.blockingReport().candidatePairs());
    out.printf(Locale.ROOT, "precision %.4f  recall %.4f  F1 %.4f  blocking recall %.4f  clusters %,d  processors %d  max heap %.1f GB%n",
        s.precision(), s.recall(), s.f1(), result.blockingRecall(RecordRef.truthOf(data.entityOf())), result.clusters().size(),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9);
    result.blockingReport().passes().forEach(p -> out.println("  " + p));
    result.findings().stream().filter(f -> f.code().equals("PAIR_BUDGET")).forEach(f -> out.println("  " + f.message()));
  }
}
