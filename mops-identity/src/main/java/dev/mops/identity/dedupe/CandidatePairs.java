package dev.mops.identity.dedupe;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The candidate pairs of a run without a set of pairs: per blocking pass, the blocks that are
 * compared (in key order) and, per record, a 64-bit hash of its key in that pass (0 when it has
 * no key or its block was not compared).
 *
 * <p>A pair is made by the first pass whose compared block holds both records; a later pass that
 * finds it again drops it because the two records' keys of an earlier pass are equal. So the
 * distinct pairs are enumerated pass by pass, block by block, in a fixed order, twice (comparing,
 * then scoring) without holding them: memory is {@code passes x records x 12} bytes plus one
 * comparison pattern (8 bytes) per pair, where a hash set of pairs took 16 to 48 bytes a pair on
 * top. Keys are compared by their 64-bit FNV-1a hash: two different keys of one pass with equal
 * hashes (probability about {@code pairs x passes / 2^64}) would drop a pair.
 *
 * <p>Thread safety: immutable after construction; enumeration may run from several threads.
 */
final class CandidatePairs {

  /** Visits one pair. */
  @FunctionalInterface
  interface Visitor {
    void visit(int i, int j, long index);
  }

  private final long[][] keyHash;
  private final int[][][] blocks;
  private final int[] source;
  private final boolean linkOnly;
  /** Per pass, per block: the index of the block's first new pair; the last entry is the pass's end. */
  private final long[][] offsets;

  CandidatePairs(long[][] keyHash, int[][][] blocks, int[] source, boolean linkOnly) {
    this.keyHash = keyHash;
    this.blocks = blocks;
    this.source = source;
    this.linkOnly = linkOnly;
    this.offsets = new long[blocks.length][];
    long at = 0;
    for (int k = 0; k < blocks.length; k++) {
      int pass = k;
      long[] counts = new long[blocks[k].length];
      IntStream.range(0, blocks[k].length).parallel().forEach(b -> counts[b] = countNew(pass, blocks[pass][b]));
      offsets[k] = new long[blocks[k].length + 1];
      for (int b = 0; b < counts.length; b++) {
        offsets[k][b] = at;
        at += counts[b];
      }
      offsets[k][counts.length] = at;
    }
  }

  /** 64-bit FNV-1a hash of a key, never 0. */
  static long hash(String key) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x100000001b3L;
    }
    return h == 0 ? 1 : h;
  }

  /** Number of distinct candidate pairs. */
  long size() {
    return offsets.length == 0 ? 0 : offsets[offsets.length - 1][offsets[offsets.length - 1].length - 1];
  }

  /** Pairs that pass {@code k} made and no earlier pass did. */
  long newPairs(int k) {
    return offsets[k][offsets[k].length - 1] - offsets[k][0];
  }

  /** Whether records {@code i} and {@code j} are a candidate pair. */
  boolean contains(int i, int j) {
    if (i == j || (linkOnly && source[i] == source[j])) {
      return false;
    }
    for (long[] h : keyHash) {
      if (h[i] != 0 && h[i] == h[j]) {
        return true;
      }
    }
    return false;
  }

  private boolean seenEarlier(int k, int i, int j) {
    for (int e = 0; e < k; e++) {
      long h = keyHash[e][i];
      if (h != 0 && h == keyHash[e][j]) {
        return true;
      }
    }
    return false;
  }

  private long countNew(int k, int[] m) {
    long c = 0;
    for (int x = 0; x < m.length; x++) {
      for (int y = x + 1; y < m.length; y++) {
        if ((!linkOnly || source[m[x]] != source[m[y]]) && !seenEarlier(k, m[x], m[y])) {
          c++;
        }
      }
    }
    return c;
  }

  /** Number of blocks of pass {@code k}. */
  int blockCount(int k) {
    return blocks[k].length;
  }

  /** Index of the first pair of block {@code b} of pass {@code k}. */
  long offset(int k, int b) {
    return offsets[k][b];
  }

  /**
   * Visits each new pair of block {@code b} of pass {@code k}, with consecutive indexes from
   * {@link #offset(int, int)}, records in ascending order ({@code i < j}).
   */
  void visitBlock(int k, int b, Visitor v) {
    int[] m = blocks[k][b];
    long index = offsets[k][b];
    for (int x = 0; x < m.length; x++) {
      for (int y = x + 1; y < m.length; y++) {
        int i = m[x];
        int j = m[y];
        if ((!linkOnly || source[i] != source[j]) && !seenEarlier(k, i, j)) {
          v.visit(i, j, index++);
        }
      }
    }
  }

  /** Returns a block's members sorted, as blocks are stored. */
  static int[] sorted(int[] members, int size) {
    int[] m = Arrays.copyOf(members, size);
    Arrays.sort(m);
    return m;
  }
}
