package dev.mops.testkit;

import java.util.SplittableRandom;

/**
 * The one typing error the generators make: a swap of two neighbours, a dropped letter or a wrong
 * letter, never at the first or last character.
 *
 * <p>Thread safety: stateless (the caller's random source is not thread-safe).
 */
final class Typos {

  private Typos() {}

  /**
   * Returns {@code s} with one typing error, or {@code s} itself when it is shorter than {@code
   * minLength} (no random draw) or, with {@code keepWords}, when the chosen place touches a space
   * (after one draw), so that words are not joined or split.
   */
  static String typo(String s, SplittableRandom rnd, int minLength, boolean keepWords) {
    if (s.length() < minLength) {
      return s;
    }
    char[] c = s.toCharArray();
    int i = 1 + rnd.nextInt(c.length - 2);
    if (keepWords && (c[i] == ' ' || c[i + 1] == ' ')) {
      return s;
    }
    switch (rnd.nextInt(3)) {
      case 0: {
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
      }
      case 1:
        return s.substring(0, i) + s.substring(i + 1);
      default:
        c[i] = (char) ('a' + rnd.nextInt(26));
        return new String(c);
    }
  }
}
