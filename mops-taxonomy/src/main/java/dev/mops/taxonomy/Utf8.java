package dev.mops.taxonomy;

/** UTF-8 encoding and validation on byte buffers, without allocation. */
final class Utf8 {

  private Utf8() {}

  /** Writes {@code cp} as UTF-8 at {@code n}; returns the new length. */
  static int put(byte[] buf, int n, int cp) {
    if (cp < 0x80) {
      buf[n++] = (byte) cp;
    } else if (cp < 0x800) {
      buf[n++] = (byte) (0xC0 | (cp >> 6));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buf[n++] = (byte) (0xE0 | (cp >> 12));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    } else {
      buf[n++] = (byte) (0xF0 | (cp >> 18));
      buf[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
      buf[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
      buf[n++] = (byte) (0x80 | (cp & 0x3F));
    }
    return n;
  }

  /** Returns whether the first {@code n} bytes are well-formed UTF-8 (no overlongs, no surrogates). */
  static boolean isValid(byte[] b, int n) {
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xFF;
      if (c < 0x80) {
        i++;
        continue;
      }
      int need;
      int min;
      if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        min = 0x80;
      } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        min = 0x800;
      } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        min = 0x10000;
      } else {
        return false;
      }
      int cp = c & (0x3F >> need);
      for (int k = 1; k <= need; k++) {
        if (i + k >= n) {
          return false;
        }
        int d = b[i + k] & 0xFF;
        if ((d & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (d & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }
}
