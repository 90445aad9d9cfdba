package dev.mops.quality.profile;

import java.util.Locale;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The accuracy half of {@link DistinctCountBenchmark}: relative error of the profiles'
 * {@link HyperLogLog} and of DataSketches HLL_8 and CPC (all at 2^14) at 1,000, 41,000 (where a
 * plain HLL hands over from linear counting and is weakest) and 1,000,000 distinct values, over
 * independent trials. Prints one markdown table row per size and sketch: RMS, mean and largest
 * relative error.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar dev.mops.quality.profile.DistinctCountAccuracy 10}
 * (the argument is the number of trials).
 */
public final class DistinctCountAccuracy {

  private DistinctCountAccuracy() {}

  /** Runs the trials; {@code args[0]} is how many (default 10). */
  public static void main(String[] args) {
    int trials = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    String[] names = {"mops HyperLogLog p=14", "DataSketches HLL_8 lgK=14", "DataSketches CPC lgK=14"};
    for (int n : new int[] {1_000, 41_000, 1_000_000}) {
      double[] sumSquares = new double[3];
      double[] sumAbsolute = new double[3];
      double[] largest = new double[3];
      for (int t = 0; t < trials; t++) {
        HyperLogLog mine = new HyperLogLog();
        HllSketch hll = new HllSketch(14, TgtHllType.HLL_8);
        CpcSketch cpc = new CpcSketch(14);
        for (int i = 0; i < n; i++) {
          String v = "lead-" + t + "-" + i + "@acme.example";
          mine.add(v);
          hll.update(v);
          cpc.update(v);
        }
        double[] estimates = {mine.estimate(), hll.getEstimate(), cpc.getEstimate()};
        for (int k = 0; k < 3; k++) {
          double e = (estimates[k] - n) / n;
          sumSquares[k] += e * e;
          sumAbsolute[k] += Math.abs(e);
          largest[k] = Math.max(largest[k], Math.abs(e));
        }
      }
      for (int k = 0; k < 3; k++) {
        System.out.printf(Locale.ROOT, "| %,d | %s | %.2f%% | %.2f%% | %.2f%% |%n", n, names[k],
            100 * Math.sqrt(sumSquares[k] / trials), 100 * sumAbsolute[k] / trials, 100 * largest[k]);
      }
    }
  }
}
