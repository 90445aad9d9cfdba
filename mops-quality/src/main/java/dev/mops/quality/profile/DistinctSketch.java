package dev.mops.quality.profile;

import java.util.Arrays;
import java.util.Base64;
import org.apache.datasketches.cpc.CpcSketch;
import org.apache.datasketches.cpc.CpcUnion;
import org.jspecify.annotations.Nullable;

/**
 * The distinct-count sketch of a profile field past its exact limit: an Apache DataSketches CPC
 * sketch with lgK = 14 (relative error about 0.5%, measured in {@code docs/benchmarks.md}), fed
 * with the profile's own 64-bit string hash.
 *
 * <p>The sketch's state (its bit matrix) is a function of the set of values added, whatever their
 * order and however the input was split; its stream-order estimator (HIP) is not. So the estimate
 * and the serialized form are always taken from the union form (a one-sketch {@link CpcUnion}),
 * which makes both functions of the set: merging is exactly associative and commutative, and a
 * merged profile serializes to the same bytes as a one-pass profile of the same rows.
 *
 * <p>Thread safety: not thread-safe; profiles confine it to one builder.
 */
final class DistinctSketch {

  static final int LG_K = 14;
  private static final long SEED = 0x5bd1e995L;

  private CpcSketch sketch;
  private byte @Nullable [] canonical;

  DistinctSketch() {
    this.sketch = new CpcSketch(LG_K);
  }

  private DistinctSketch(CpcSketch sketch) {
    this.sketch = sketch;
  }

  void add(String value) {
    sketch.update(Hashing.hash(value, SEED));
    canonical = null;
  }

  void merge(DistinctSketch other) {
    CpcUnion u = new CpcUnion(LG_K);
    u.update(sketch);
    u.update(other.sketch);
    sketch = u.getResult();
    canonical = null;
  }

  DistinctSketch copy() {
    DistinctSketch c = new DistinctSketch(unionForm(sketch));
    c.canonical = canonical;
    return c;
  }

  private byte[] canonical() {
    byte[] c = canonical;
    if (c == null) {
      c = unionForm(sketch).toByteArray();
      canonical = c;
    }
    return c;
  }

  private static CpcSketch unionForm(CpcSketch s) {
    CpcUnion u = new CpcUnion(LG_K);
    u.update(s);
    return u.getResult();
  }

  long estimate() {
    return Math.round(CpcSketch.heapify(canonical()).getEstimate());
  }

  String encode() {
    return Base64.getEncoder().encodeToString(canonical());
  }

  /** Reads {@link #encode()}'s text; throws {@link IllegalArgumentException} on anything else. */
  static DistinctSketch decode(String text) {
    CpcSketch s;
    try {
      s = CpcSketch.heapify(Base64.getDecoder().decode(text));
    } catch (RuntimeException e) {
      // DataSketches reports a damaged image with several exception types (its own, bounds, state)
      throw new IllegalArgumentException("bad distinct sketch: " + e.getMessage(), e);
    }
    if (s.getLgK() != LG_K) {
      throw new IllegalArgumentException("bad distinct sketch: lgK " + s.getLgK() + ", expected " + LG_K);
    }
    return new DistinctSketch(s);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof DistinctSketch d && Arrays.equals(canonical(), d.canonical());
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(canonical());
  }
}
