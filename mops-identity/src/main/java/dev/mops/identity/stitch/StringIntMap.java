package dev.mops.identity.stitch;

/**
 * An open-addressing map from strings to non-negative ints, without boxing: parallel arrays of
 * keys, their hashes and values, linear probing at a load of at most one half, so a probe compares
 * a hash in the array before it ever touches a key string (about 18 bytes a slot beside the key).
 *
 * <p>Thread safety: not thread-safe; the graph guards it with its lock.
 */
final class StringIntMap {
  private String[] keys;
  private int[] hashes;
  private int[] values;
  private int size;
  private int mask;

  StringIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
    hashes = new int[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 15);
  }

  /** Returns the value of {@code key}, or -1. */
  int get(String key) {
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (hashes[i] == h && k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  /** Returns the value of {@code key}, adding {@code value} for it when absent. */
  int putIfAbsent(String key, int value) {
    int h = spread(key.hashCode());
    int i = h & mask;
    while (true) {
      String k = keys[i];
      if (k == null) {
        keys[i] = key;
        hashes[i] = h;
        values[i] = value;
        if (++size * 2 > keys.length) {
          grow();
        }
        return value;
      }
      if (hashes[i] == h && k.equals(key)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldHashes = hashes;
    int[] oldValues = values;
    int cap = oldKeys.length * 2;
    if (cap <= 0) {
      throw new IllegalStateException("too many identifiers of one type");
    }
    keys = new String[cap];
    hashes = new int[cap];
    values = new int[cap];
    mask = cap - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      String k = oldKeys[j];
      if (k != null) {
        int i = oldHashes[j] & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        hashes[i] = oldHashes[j];
        values[i] = oldValues[j];
      }
    }
  }

  @Override
  public String toString() {
    return "StringIntMap[" + size + " of " + keys.length + "]";
  }
}
