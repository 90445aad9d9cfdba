package dev.mops.benchmarks;

import dev.mops.identity.dedupe.RecordRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The peer: Duke 1.2 deduplicating a FEBRL file, beside {@link DedupeFebrlBenchmark}.
 * {@link DedupePeerReport} prints both engines' accuracy with their times.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DukeFebrlBenchmark}; the tuned config alone:
 * {@code ... DukeFebrlBenchmark -p config=TUNED -p maxSearchHits=0}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DukeFebrlBenchmark {

  @Param({"febrl2.csv", "febrl1.csv"})
  String file;

  /** Which Duke config: {@code UNTUNED} ({@code duke-febrl.xml}) or {@code TUNED} ({@code duke-febrl-tuned.xml}). */
  @Param({"UNTUNED", "TUNED"})
  DukeFebrl.Config config;

  /** Lucene candidates per record; 0 means the config's own setting (Duke's default for UNTUNED, 25 for TUNED). */
  @Param({"0", "100"})
  int maxSearchHits;

  List<no.priv.garshol.duke.Record> records;

  @Setup
  public void setup() {
    records = DukeFebrl.toDuke(BenchmarkData.dataCsv(file));
  }

  @Benchmark
  public Map<RecordRef, String> dedupe() {
    return DukeFebrl.dedupe(records, config, maxSearchHits == 0 ? null : maxSearchHits);
  }
}
