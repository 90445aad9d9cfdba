package dev.mops.quality.profile;

import java.util.concurrent.TimeUnit;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The distinct-count sketch of quality profiles (the package-private {@link DistinctSketch}, a
 * DataSketches CPC sketch read through its union form, hence this benchmark's package) beside the
 * hand-written {@link HyperLogLog} it replaced and plain Apache DataSketches HLL_8 and CPC at the
 * same lgK: adding values (operations are values) and merging two sketches of 41,000 values each.
 * Accuracy is measured separately and recorded with these figures in {@code docs/benchmarks.md}.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar DistinctCountBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DistinctCountBenchmark {

  /** The sketch under test. */
  public enum Impl { PROFILE_CPC, OLD_HAND_WRITTEN_HLL, DATASKETCHES_HLL8, DATASKETCHES_CPC }

  static final int VALUES = 41_000;

  @Param
  Impl impl;

  String[] values;
  HyperLogLog mine;
  DistinctSketch profile;
  DistinctSketch profileB;
  HllSketch hll;
  CpcSketch cpc;
  HyperLogLog mineB;
  HllSketch hllB;
  CpcSketch cpcB;

  @Setup
  public void setup() {
    values = new String[VALUES];
    for (int i = 0; i < VALUES; i++) {
      values[i] = "lead-" + i + "@acme.example";
    }
    mine = new HyperLogLog();
    profile = new DistinctSketch();
    profileB = new DistinctSketch();
    hll = new HllSketch(14, TgtHllType.HLL_8);
    cpc = new CpcSketch(14);
    mineB = new HyperLogLog();
    hllB = new HllSketch(14, TgtHllType.HLL_8);
    cpcB = new CpcSketch(14);
    for (String v : values) {
      mine.add(v);
      profile.add(v);
      profileB.add("b" + v);
      hll.update(v);
      cpc.update(v);
      mineB.add("b" + v);
      hllB.update("b" + v);
      cpcB.update("b" + v);
    }
  }

  @Benchmark
  @OperationsPerInvocation(VALUES)
  public long add() {
    switch (impl) {
      case PROFILE_CPC -> {
        DistinctSketch s = new DistinctSketch();
        for (String v : values) {
          s.add(v);
        }
        return s.estimate();
      }
      case OLD_HAND_WRITTEN_HLL -> {
        HyperLogLog s = new HyperLogLog();
        for (String v : values) {
          s.add(v);
        }
        return s.estimate();
      }
      case DATASKETCHES_HLL8 -> {
        HllSketch s = new HllSketch(14, TgtHllType.HLL_8);
        for (String v : values) {
          s.update(v);
        }
        return (long) s.getEstimate();
      }
      default -> {
        CpcSketch s = new CpcSketch(14);
        for (String v : values) {
          s.update(v);
        }
        return (long) s.getEstimate();
      }
    }
  }

  @Benchmark
  public long mergeAndEstimate() {
    switch (impl) {
      case PROFILE_CPC -> {
        DistinctSketch s = profile.copy();
        s.merge(profileB);
        return s.estimate();
      }
      case OLD_HAND_WRITTEN_HLL -> {
        HyperLogLog s = mine.copy();
        s.merge(mineB);
        return s.estimate();
      }
      case DATASKETCHES_HLL8 -> {
        Union u = new Union(14);
        u.update(hll);
        u.update(hllB);
        return (long) u.getResult(TgtHllType.HLL_8).getEstimate();
      }
      default -> {
        org.apache.datasketches.cpc.CpcUnion u = new org.apache.datasketches.cpc.CpcUnion(14);
        u.update(cpc);
        u.update(cpcB);
        return (long) u.getResult().getEstimate();
      }
    }
  }
}
