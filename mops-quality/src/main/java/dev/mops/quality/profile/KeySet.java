package dev.mops.quality.profile;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * An open-addressing set of 128-bit key hashes, for exact duplicate counting of unique keys. Two
 * keys collide only when both 64-bit halves do (probability about n^2/2^129).
 *
 * <p>Thread safety: not thread-safe.
 */
final class KeySet {

  private long[] table;
  private int size;

  KeySet() {
    table = new long[32];
  }

  int size() {
    return size;
  }

  /** Adds a key; returns false when it was already there. */
  boolean add(long h1, long h2) {
    if (h1 == 0 && h2 == 0) {
      h2 = 1;
    }
    if ((size + 1) * 4 > table.length) {
      grow();
    }
    int cap = table.length / 2;
    int i = (int) (Hashing.fmix(h1 ^ h2) & (cap - 1));
    while (true) {
      long a = table[2 * i];
      long b = table[2 * i + 1];
      if (a == 0 && b == 0) {
        table[2 * i] = h1;
        table[2 * i + 1] = h2;
        size++;
        return true;
      }
      if (a == h1 && b == h2) {
        return false;
      }
      i = (i + 1) & (cap - 1);
    }
  }

  private void grow() {
    long[] old = table;
    table = new long[old.length * 2];
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0 || old[i + 1] != 0) {
        add(old[i], old[i + 1]);
      }
    }
  }

  void addAll(KeySet other) {
    long[] t = other.table;
    for (int i = 0; i < t.length; i += 2) {
      if (t[i] != 0 || t[i + 1] != 0) {
        add(t[i], t[i + 1]);
      }
    }
  }

  KeySet copy() {
    KeySet k = new KeySet();
    k.table = table.clone();
    k.size = size;
    return k;
  }

  /** Returns the keys, sorted, as base64 of big-endian long pairs (a canonical form). */
  String encode() {
    long[][] pairs = new long[size][];
    int n = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != 0 || table[i + 1] != 0) {
        pairs[n++] = new long[] {table[i], table[i + 1]};
      }
    }
    Arrays.sort(pairs, (x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    ByteBuffer buf = ByteBuffer.allocate(size * 16);
    for (long[] p : pairs) {
      buf.putLong(p[0]).putLong(p[1]);
    }
    return Base64.getEncoder().encodeToString(buf.array());
  }

  static KeySet decode(String text) {
    ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(text));
    if (buf.remaining() % 16 != 0) {
      throw new IllegalArgumentException("bad key set state");
    }
    KeySet k = new KeySet();
    while (buf.hasRemaining()) {
      k.add(buf.getLong(), buf.getLong());
    }
    return k;
  }
}
