package dev.mops.identity.dedupe;

import java.util.Arrays;

/**
 * An open-addressing hash set of record pairs packed into longs ({@code i << 32 | j}, {@code i < j}),
 * so that candidate pairs from several blocking passes are counted once without boxing.
 *
 * <p>Thread safety: not thread-safe while written; safe to read from many threads afterwards.
 */
final class PairSet {
  private long[] table;
  private int size;
  private int mask;

  PairSet(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    table = new long[cap];
    mask = cap - 1;
  }

  static long pack(int i, int j) {
    return i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
  }

  static int first(long pair) {
    return (int) (pair >>> 32);
  }

  static int second(long pair) {
    return (int) pair;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29) ^ (h >>> 32));
  }

  /** Adds a packed pair (never 0); returns whether it was new. */
  boolean add(long key) {
    int i = mix(key) & mask;
    while (true) {
      long v = table[i];
      if (v == 0) {
        table[i] = key;
        if (++size * 2 > table.length) {
          grow();
        }
        return true;
      }
      if (v == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
  }

  boolean contains(long key) {
    int i = mix(key) & mask;
    while (true) {
      long v = table[i];
      if (v == 0) {
        return false;
      }
      if (v == key) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] old = table;
    if (old.length >= (1 << 30)) {
      throw new IllegalStateException("more than 2^29 candidate pairs; tighten the blocking keys or max_block_size");
    }
    table = new long[old.length * 2];
    mask = table.length - 1;
    size = 0;
    for (long v : old) {
      if (v != 0) {
        add(v);
      }
    }
  }

  /** Returns the pairs, sorted. */
  long[] toSortedArray() {
    long[] out = new long[size];
    int n = 0;
    for (long v : table) {
      if (v != 0) {
        out[n++] = v;
      }
    }
    Arrays.sort(out);
    return out;
  }
}
