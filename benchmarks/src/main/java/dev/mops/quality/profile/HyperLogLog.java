package dev.mops.quality.profile;

import java.util.Arrays;
import java.util.Base64;

/**
 * The hand-written HyperLogLog that quality profiles used before DataSketches CPC replaced it
 * (issue 11), kept here only as the baseline of {@link DistinctCountBenchmark} and
 * {@link DistinctCountAccuracy}: a HyperLogLog distinct-count sketch with 2^14 registers (standard error about 0.8%), with the
 * small-range (linear counting) correction. Its state is a function of the set of values added, so
 * merging is exactly associative and commutative.
 *
 * <p>Thread safety: not thread-safe.
 */
final class HyperLogLog {

  static final int P = 14;
  static final int M = 1 << P;
  private final byte[] registers;

  HyperLogLog() {
    this.registers = new byte[M];
  }

  private HyperLogLog(byte[] registers) {
    this.registers = registers;
  }

  void add(String value) {
    addHash(Hashing.hash(value, 0x5bd1e995L));
  }

  void addHash(long h) {
    int idx = (int) (h >>> (64 - P));
    int rank = Long.numberOfLeadingZeros((h << P) | (1L << (P - 1))) + 1;
    if (rank > registers[idx]) {
      registers[idx] = (byte) rank;
    }
  }

  void merge(HyperLogLog other) {
    for (int i = 0; i < M; i++) {
      if (other.registers[i] > registers[i]) {
        registers[i] = other.registers[i];
      }
    }
  }

  HyperLogLog copy() {
    return new HyperLogLog(registers.clone());
  }

  long estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte r : registers) {
      sum += 1.0 / (1L << r);
      if (r == 0) {
        zeros++;
      }
    }
    double alpha = 0.7213 / (1 + 1.079 / M);
    double e = alpha * M * (double) M / sum;
    if (e <= 2.5 * M && zeros > 0) {
      e = M * Math.log((double) M / zeros);
    }
    return Math.round(e);
  }

  String encode() {
    return Base64.getEncoder().encodeToString(registers);
  }

  static HyperLogLog decode(String text) {
    byte[] b = Base64.getDecoder().decode(text);
    if (b.length != M) {
      throw new IllegalArgumentException("bad HyperLogLog state: " + b.length + " registers, expected " + M);
    }
    return new HyperLogLog(b);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HyperLogLog hyperLogLog && Arrays.equals(registers, hyperLogLog.registers);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(registers);
  }
}
