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

  /**
   * Returns the keys, sorted (by the first half, then the second, as signed longs), as base64 of
   * big-endian long pairs: a canonical form, equal for equal sets whatever the order of adding.
   */
  String encode() {
    long[] pairs = new long[size * 2];
    int n = 0;
    for (int i = 0; i < table.length; i += 2) {
      if (table[i] != 0 || table[i + 1] != 0) {
        pairs[n++] = table[i];
        pairs[n++] = table[i + 1];
      }
    }
    sortPairs(pairs);
    ByteBuffer buf = ByteBuffer.allocate(pairs.length * 8);
    buf.asLongBuffer().put(pairs);
    return Base64.getEncoder().encodeToString(buf.array());
  }

  /**
   * Sorts pairs {@code (a[2i], a[2i+1])} in place: a stable LSD radix sort on the first half (eight
   * passes of a byte, the sign bit flipped so that the order is signed), then the rare runs with an
   * equal first half by their second half. Linear in the number of pairs whatever the keys, with no
   * object per key.
   */
  static void sortPairs(long[] a) {
    int n = a.length / 2;
    if (n < 2) {
      return;
    }
    long[] src = a;
    long[] dst = new long[a.length];
    int[] count = new int[257];
    for (int shift = 0; shift < 64; shift += 8) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[digit(src[2 * i], shift) + 1]++;
      }
      if (count[digit(src[0], shift) + 1] == n) {
        continue; // every key has the same byte here: this pass would not move anything
      }
      for (int d = 0; d < 256; d++) {
        count[d + 1] += count[d];
      }
      for (int i = 0; i < n; i++) {
        int at = 2 * count[digit(src[2 * i], shift)]++;
        dst[at] = src[2 * i];
        dst[at + 1] = src[2 * i + 1];
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    if (src != a) {
      System.arraycopy(src, 0, a, 0, a.length);
    }
    for (int start = 0; start < n; ) {
      int end = start + 1;
      while (end < n && a[2 * end] == a[2 * start]) {
        end++;
      }
      for (int i = start + 1; i < end; i++) { // insertion sort of a run by the second half
        long h2 = a[2 * i + 1];
        int j = i - 1;
        while (j >= start && a[2 * j + 1] > h2) {
          a[2 * j + 3] = a[2 * j + 1];
          j--;
        }
        a[2 * j + 3] = h2;
      }
      start = end;
    }
  }

  private static int digit(long key, int shift) {
    return (int) (((key ^ Long.MIN_VALUE) >>> shift) & 0xFF);
  }

  static KeySet decode(String text) {
    ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(text));
    if (buf.remaining() % 16 != 0) {
      throw new IllegalArgumentException("bad key set state");
    }
    KeySet k = new KeySet();
    int keys = buf.remaining() / 16;
    int length = 32;
    while (length < 4 * (keys + 1)) { // the load add() keeps, so that no grow happens while decoding
      length *= 2;
    }
    k.table = new long[length];
    while (buf.hasRemaining()) {
      k.add(buf.getLong(), buf.getLong());
    }
    return k;
  }
}
