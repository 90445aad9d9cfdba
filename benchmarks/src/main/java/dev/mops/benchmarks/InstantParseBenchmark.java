package dev.mops.benchmarks;

import dev.mops.core.record.Values;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading ISO-8601 UTC timestamps as the CSV columns of events, observations and SLA tickets hold
 * them ({@code 2026-03-10T14:00:00Z}, a third with milliseconds): {@link Values#asInstant}, which
 * reads this form by hand, beside {@code OffsetDateTime.parse(s).toInstant()}, what a user writes
 * and what {@code asInstant} did for every such value before. The setup checks that both agree.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar InstantParseBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InstantParseBenchmark {

  static final int N = 4_096;

  String[] values = new String[0];

  /** Makes the timestamps and checks that both readers agree on each. */
  @Setup
  public void setup() {
    Random r = new Random(11);
    values = new String[N];
    for (int i = 0; i < N; i++) {
      long second = 1_700_000_000L + r.nextInt(100_000_000);
      String s = Instant.ofEpochSecond(second).toString();
      if (i % 3 == 0) {
        s = s.substring(0, s.length() - 1) + String.format(Locale.ROOT, ".%03dZ", r.nextInt(1000));
      }
      values[i] = s;
      @Nullable Instant a = Values.asInstant(s);
      if (a == null || !a.equals(OffsetDateTime.parse(s).toInstant())) {
        throw new IllegalStateException("readers disagree on " + s);
      }
    }
  }

  /** mops: the hand-read path of {@code Values.asInstant}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void mopsAsInstant(Blackhole bh) {
    for (String s : values) {
      bh.consume(Values.asInstant(s));
    }
  }

  /** The baseline: {@code OffsetDateTime.parse}. */
  @Benchmark
  @OperationsPerInvocation(N)
  public void offsetDateTimeParse(Blackhole bh) {
    for (String s : values) {
      bh.consume(OffsetDateTime.parse(s).toInstant());
    }
  }
}
