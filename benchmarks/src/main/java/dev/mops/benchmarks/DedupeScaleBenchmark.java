package dev.mops.benchmarks;

import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.PairwiseScore;
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

  SyntheticLeads.Dataset data;
  DedupeConfig config;
  DedupeResult last;

  @Setup(Level.Trial)
  public void setup() {
    data = SyntheticLeads.generate(records, 7);
    config = DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml());
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
      System.out.printf(java.util.Locale.ROOT, "%n%,d leads: precision %.4f recall %.4f F1 %.4f%n",
          records, s.precision(), s.recall(), s.f1());
    }
  }
}
