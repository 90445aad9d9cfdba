package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import java.util.ArrayList;
import java.util.List;
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
 * End-to-end dedupe of a FEBRL file (prepare, block, estimate, score, cluster), with the shipped
 * config and in no-config mode. Needs {@code data} above the working directory.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DedupeFebrlBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class DedupeFebrlBenchmark {

  @Param({"febrl2.csv", "febrl1.csv"})
  String file;

  @Param({"config", "inferred"})
  String mode;

  List<Record> records;
  DedupeConfig config;

  @Setup
  public void setup() {
    records = BenchmarkData.dataCsv(file);
    if (mode.equals("config")) {
      config = BenchmarkData.febrlConfig();
    } else {
      List<String> columns = new ArrayList<>(List.of("given_name", "surname", "street_number", "address_1",
          "address_2", "suburb", "postcode", "state", "date_of_birth", "soc_sec_id"));
      config = DedupeConfigs.infer(columns, records);
    }
  }

  @Benchmark
  public DedupeResult dedupe() {
    return Deduplicator.of(config).dedupe(records, "rec_id");
  }
}
