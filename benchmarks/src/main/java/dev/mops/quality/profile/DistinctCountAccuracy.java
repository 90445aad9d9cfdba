package dev.mops.quality.profile;

import java.util.Locale;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;

/**
 * The accuracy half of {@link DistinctCountBenchmark}: relative error of the profiles'
 * {@link DistinctSketch}, of the hand-written {@link HyperLogLog} it replaced, and of plain
 * DataSketches HLL_8 and CPC (all at 2^14) at 1,000, 41,000 (where a
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
    String[] names = {"old hand-written HyperLogLog p=14", "DataSketches HLL_8 lgK=14 (stream estimate)",
        "DataSketches CPC lgK=14 (stream estimate)", "profile DistinctSketch (CPC lgK=14, union estimate)"};
    int k = names.length;
    for (int n : new int[] {1_000, 41_000, 1_000_000}) {
      double[] sumSquares = new double[k];
      double[] sumAbsolute = new double[k];
      double[] largest = new double[k];
      for (int t = 0; t < trials; t++) {
        HyperLogLog mine = new HyperLogLog();
        HllSketch hll = new HllSketch(14, TgtHllType.HLL_8);
        CpcSketch cpc = new CpcSketch(14);
        DistinctSketch profile = new DistinctSketch();
        for (int i = 0; i < n; i++) {
          String v = "lead-" + t + "-" + i + "@acme.example";
          mine.add(v);
          hll.update(v);
          cpc.update(v);
          profile.add(v);
        }
        double[] estimates = {mine.estimate(), hll.getEstimate(), cpc.getEstimate(), profile.estimate()};
        for (int j = 0; j < k; j++) {
          double e = (estimates[j] - n) / n;
          sumSquares[j] += e * e;
          sumAbsolute[j] += Math.abs(e);
          largest[j] = Math.max(largest[j], Math.abs(e));
        }
      }
      for (int j = 0; j < k; j++) {
        System.out.printf(Locale.ROOT, "| %,d | %s | %.2f%% | %.2f%% | %.2f%% |%n", n, names[j],
            100 * Math.sqrt(sumSquares[j] / trials), 100 * sumAbsolute[j] / trials, 100 * largest[j]);
      }
    }
  }
}
