package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.PhoneticCodes;
import dev.mops.identity.dedupe.StringSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Double Metaphone throughput: mops's encoder against Apache commons-codec's
 * {@code DoubleMetaphone}, on the same 1,024 surnames of {@code data/febrl2.csv} (distinct,
 * lower case, a seeded sample), codes of at most 4 characters.
 *
 * <p>{@code BOTH} asks for the primary and the alternate code: one call for mops, two for
 * commons-codec, whose API encodes once per code. {@code PRIMARY} asks for the primary code only.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar PhoneticBenchmark}
 *
 * <p>Thread safety: JMH state, one instance per benchmark run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PhoneticBenchmark {

  static final int NAMES = 1024;

  /** The implementation measured. */
  public enum Impl { MOPS, COMMONS_CODEC }

  /** The codes asked for. */
  public enum Codes { BOTH, PRIMARY }

  @Param
  Impl impl;

  @Param
  Codes codes;

  String[] names = new String[NAMES];
  final DoubleMetaphone commons = new DoubleMetaphone();

  @Setup
  public void setup() {
    TreeSet<String> distinct = new TreeSet<>();
    for (Record r : BenchmarkData.dataCsv("febrl2.csv")) {
      Object v = r.get("surname");
      String s = v == null ? "" : v.toString().strip().toLowerCase(Locale.ROOT);
      if (!s.isEmpty()) {
        distinct.add(s);
      }
    }
    List<String> all = new ArrayList<>(distinct);
    SplittableRandom rnd = new SplittableRandom(5);
    for (int i = all.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = all.get(i);
      all.set(i, all.get(j));
      all.set(j, t);
    }
    if (all.size() < NAMES) {
      throw new IllegalStateException("febrl2.csv has " + all.size() + " distinct surnames, fewer than " + NAMES);
    }
    for (int i = 0; i < NAMES; i++) {
      names[i] = all.get(i);
    }
    commons.setMaxCodeLen(4);
  }

  /** Encodes every surname once; the result is per surname. */
  @Benchmark
  @OperationsPerInvocation(NAMES)
  public void encode(Blackhole bh) {
    if (impl == Impl.MOPS) {
      if (codes == Codes.BOTH) {
        for (int i = 0; i < NAMES; i++) {
          PhoneticCodes c = StringSimilarity.doubleMetaphone(names[i]);
          bh.consume(c.primary());
          bh.consume(c.alternate());
        }
      } else {
        for (int i = 0; i < NAMES; i++) {
          bh.consume(StringSimilarity.phoneticKey(names[i]));
        }
      }
    } else {
      if (codes == Codes.BOTH) {
        for (int i = 0; i < NAMES; i++) {
          bh.consume(commons.doubleMetaphone(names[i]));
          bh.consume(commons.doubleMetaphone(names[i], true));
        }
      } else {
        for (int i = 0; i < NAMES; i++) {
          bh.consume(commons.doubleMetaphone(names[i]));
        }
      }
    }
  }
}
