package dev.mops.quality.profile;

/**
 * 64-bit hashes of strings for sketches and key sets: two independent seeds give a 128-bit key.
 *
 * <p>Thread safety: stateless.
 */
final class Hashing {

  private Hashing() {}

  static long hash(CharSequence s, long seed) {
    long h = seed ^ 0xcbf29ce484222325L;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= n;
    return fmix(h + seed * 0x9E3779B97F4A7C15L);
  }

  static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
