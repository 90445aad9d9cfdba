package dev.mops.benchmarks;

import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.testkit.HarderLeads;
import dev.mops.testkit.SyntheticLeads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dedupe of synthetic leads at scale, single shot under a 4 GB heap; the pairwise F1 of the last
 * run is printed at tear-down. {@link DedupeScaleRun} measures the same with peak heap.
 *
 * <p>{@code mode}: {@code config} runs the hand-written config of {@code SyntheticLeads} (the
 * baseline), {@code inferred} the config {@code mops dedupe} infers without {@code --config}
 * (inferred once at setup; the run includes what no-config mode adds inside the engine: adaptive
 * blocking's key estimates and refinements). {@code harder} runs {@code HarderLeads} instead,
 * always with the inferred config (it has no hand-written one).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DedupeScaleBenchmark -p records=1000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
public class DedupeScaleBenchmark {

  @Param({"100000"})
  int records;

  @Param({"config", "inferred"})
  String mode;

  SyntheticLeads.Dataset data;
  DedupeConfig config;
  DedupeResult last;

  @Setup(Level.Trial)
  public void setup() {
    boolean harder = mode.equals("harder");
    data = harder ? HarderLeads.generate(records, 12) : SyntheticLeads.generate(records, 7);
    if (mode.equals("config")) {
      config = DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml());
    } else {
      java.util.List<String> columns = new java.util.ArrayList<>(harder ? HarderLeads.COLUMNS : SyntheticLeads.COLUMNS);
      columns.remove("id");
      config = DedupeConfigs.infer(columns, data.records());
    }
  }

  @Benchmark
  public DedupeResult dedupe() {
    last = Deduplicator.of(config).dedupe(data.records(), "id");
    return last;
  }

  @TearDown(Level.Trial)
  @SuppressWarnings("SystemOut")
  public void report() {
    if (last != null) {
      PairwiseScore s = PairwiseScore.of(last, RecordRef.truthOf(data.entityOf()));
      System.out.printf(java.util.Locale.ROOT, "%n%,d leads (%s): precision %.4f recall %.4f F1 %.4f%n",
          records, mode, s.precision(), s.recall(), s.f1());
      System.out.printf(java.util.Locale.ROOT, "mode %s: %,d candidate pairs%n", mode,
          last.blockingReport().candidatePairs());
    }
  }
}
