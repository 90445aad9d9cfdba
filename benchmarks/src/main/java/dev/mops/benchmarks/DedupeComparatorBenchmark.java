package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.StringSimilarity;
import dev.mops.testkit.SyntheticLeads;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;
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

/**
 * Comparator throughput: mops's Jaro-Winkler and Levenshtein against Apache Commons Text's, on
 * 1,024 pairs of names and emails from the synthetic leads (half of them near-duplicates).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar DedupeComparatorBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DedupeComparatorBenchmark {

  static final int PAIRS = 1024;

  /** The implementation measured. */
  public enum Impl { MOPS, COMMONS_TEXT }

  /**
   * The comparator measured: Jaro-Winkler, Levenshtein without a limit, and Levenshtein bounded at
   * 2 edits (what a dedupe field with thresholds up to 2 calls; Commons Text's thresholded
   * {@code LevenshteinDistance(2)} beside it).
   */
  public enum Algorithm { JARO_WINKLER, LEVENSHTEIN, LEVENSHTEIN_LIMIT_2 }

  @Param
  Impl impl;

  @Param
  Algorithm algorithm;

  String[] left = new String[PAIRS];
  String[] right = new String[PAIRS];
  final JaroWinklerSimilarity commonsJw = new JaroWinklerSimilarity();
  final LevenshteinDistance commonsLev = LevenshteinDistance.getDefaultInstance();
  final LevenshteinDistance commonsLev2 = new LevenshteinDistance(2);

  @Setup
  public void setup() {
    List<Record> leads = SyntheticLeads.generate(4 * PAIRS, 11).records();
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < PAIRS; i++) {
      String field = i % 2 == 0 ? "last_name" : "email";
      String a = text(leads.get(i), field);
      String b = rnd.nextBoolean() ? text(leads.get(i + PAIRS), field) : a.length() > 3
          ? a.substring(0, 2) + a.charAt(3) + a.charAt(2) + a.substring(4) : a + "x";
      left[i] = a;
      right[i] = b;
    }
  }

  private static String text(Record r, String field) {
    Object v = r.get(field);
    return v == null ? "" : v.toString().toLowerCase(Locale.ROOT);
  }

  /** Compares every pair once; the result is per pair. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public double compare() {
    double sum = 0;
    if (algorithm == Algorithm.JARO_WINKLER) {
      if (impl == Impl.MOPS) {
        for (int i = 0; i < PAIRS; i++) {
          sum += StringSimilarity.jaroWinkler(left[i], right[i]);
        }
      } else {
        for (int i = 0; i < PAIRS; i++) {
          sum += commonsJw.apply(left[i], right[i]);
        }
      }
    } else if (algorithm == Algorithm.LEVENSHTEIN_LIMIT_2) {
      if (impl == Impl.MOPS) {
        for (int i = 0; i < PAIRS; i++) {
          sum += StringSimilarity.levenshtein(left[i], right[i], 2);
        }
      } else {
        for (int i = 0; i < PAIRS; i++) {
          sum += commonsLev2.apply(left[i], right[i]);
        }
      }
    } else {
      if (impl == Impl.MOPS) {
        for (int i = 0; i < PAIRS; i++) {
          sum += StringSimilarity.levenshtein(left[i], right[i]);
        }
      } else {
        for (int i = 0; i < PAIRS; i++) {
          sum += commonsLev.apply(left[i], right[i]);
        }
      }
    }
    return sum;
  }
}
