package dev.mops.identity.stitch;

/**
 * An open-addressing map from strings to non-negative ints, without boxing: a {@code long} slot
 * array holding each key's 32-bit hash beside its value (plus one, so an empty slot is zero) and a
 * parallel array of keys, linear probing at a load of at most one half. A probe reads one slot and
 * touches a key string only when the hashes agree, so a lookup costs about one cache miss in the
 * table plus the key comparison on a hit (about 20 bytes a slot beside the key).
 *
 * <p>Thread safety: not thread-safe; the graph guards it with its lock.
 */
final class StringIntMap {
  private String[] keys;
  private long[] slots;
  private int size;
  private int mask;

  StringIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
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

  /** Returns the value of {@code key}, or -1. */
  int get(String key) {
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        return -1;
      }
      if ((int) (s >>> 32) == h && keys[i].equals(key)) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the value of {@code key}, adding {@code value} for it when absent. */
  int putIfAbsent(String key, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative value " + value);
    }
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      long s = slots[i];
      if (s == 0) {
        keys[i] = key;
        slots[i] = slot(h, value);
        if (++size * 2 > keys.length) {
          grow();
        }
        return value;
      }
      if ((int) (s >>> 32) == h && keys[i].equals(key)) {
        return (int) s - 1;
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    long[] oldSlots = slots;
    int cap = oldKeys.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many identifiers of one type");
    }
    keys = new String[cap];
    slots = new long[cap];
    mask = cap - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long s = oldSlots[j];
      if (s != 0) {
        int i = (int) (s >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        slots[i] = s;
      }
    }
  }

  @Override
  public String toString() {
    return "StringIntMap[" + size + " of " + keys.length + "]";
  }
}
