package dev.mops.metrics.attribution;

import java.util.Arrays;

/**
 * A map from non-negative {@code long} keys to {@code int} values with open addressing and no
 * boxing, for the Markov chain's states and transitions (tens of millions of lookups a run).
 *
 * <p>Thread safety: not thread-safe; each chain builds its own.
 */
final class LongIntMap {

  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    Arrays.fill(keys, EMPTY);
    mask = capacity - 1;
  }

  /** Returns the number of keys. */
  int size() {
    return size;
  }

  /** Returns the value of {@code key}, or -1 when it has none. */
  int get(long key) {
    int i = slot(key);
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Puts {@code value} for {@code key}, which must not be in the map yet. */
  void putNew(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = slot(key);
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    size++;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        putNew(oldKeys[i], oldValues[i]);
      }
    }
  }
}
