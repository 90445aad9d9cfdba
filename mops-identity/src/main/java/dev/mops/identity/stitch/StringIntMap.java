package dev.mops.identity.stitch;

/**
 * An open-addressing index from strings to the dense non-negative ids the graph gives them,
 * without boxing and without its own copy of the keys: a {@code long} slot array holds each key's
 * 32-bit hash beside its id (plus one, so an empty slot is zero), with linear probing at a load of
 * at most one half; the key of id {@code i} is read from the caller's array, {@code keysById[i]},
 * only when the hashes agree. An insertion thus writes one random slot, and the key goes to the
 * caller's array in id order (8 to 16 bytes a key here).
 *
 * <p>Thread safety: not thread-safe; the graph guards it with its lock.
 */
final class StringIntMap {
  private long[] slots;
  private int size;
  private int mask;

  StringIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[cap];
    mask = cap - 1;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  private static long slot(int hash, int value) {
    return ((long) hash << 32) | (value + 1L);
  }

  /** Returns the id of {@code key}, or -1; {@code keysById[i]} is the key of id {@code i}. */
  int get(String key, String[] keysById) {
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == h && keysById[(int) s - 1].equals(key)) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Returns the id of {@code key}, adding {@code value} for it when absent (the caller then stores
   * the key at {@code keysById[value]}); {@code keysById[i]} is the key of every id {@code i} added
   * before.
   */
  int putIfAbsent(String key, int value, String[] keysById) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        slots[i] = slot(h, value);
        if (++size * 2 > slots.length) {
          grow();
        }
        return value;
      }
      if ((int) (s >>> 32) == h && keysById[(int) s - 1].equals(key)) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    long[] oldSlots = slots;
    int cap = oldSlots.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many identifiers of one type");
    }
    slots = new long[cap];
    mask = cap - 1;
    for (int j = 0; j < oldSlots.length; j++) {
      long s = oldSlots[j];
      if (s != 0) {
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = s;
      }
    }
  }

  @Override
  public String toString() {
    return "StringIntMap[" + size + " of " + slots.length + "]";
  }
}
