package dev.mops.quality.dedupe;

/**
 * A phonetic key in the manner of Lawrence Philips' Metaphone (primary code only), for names
 * already folded to lower-case ASCII letters and spaces.
 *
 * <p>This is a compact implementation of the main Metaphone rules (silent letters, soft and hard
 * C and G, PH, TH, SH, CH, KN/GN/PN/WR at the start), not the full Double Metaphone with its
 * alternate codes and language-specific exceptions.
 *
 * <p>Thread safety: stateless.
 */
final class Phonetic {

  /** Longest key produced. */
  static final int MAX_KEY = 6;

  private Phonetic() {}

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }

  private static char at(String w, int i) {
    return i >= 0 && i < w.length() ? w.charAt(i) : '\0';
  }

  /** Returns the key of a string of words (spaces removed first), or {@code ""}. */
  static String key(String text) {
    StringBuilder letters = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'z') {
        letters.append(c);
      }
    }
    String w = letters.toString();
    if (w.isEmpty()) {
      return "";
    }
    int start = 0;
    String two = w.length() >= 2 ? w.substring(0, 2) : w;
    if (two.equals("kn") || two.equals("gn") || two.equals("pn") || two.equals("ae") || two.equals("wr")) {
      start = 1;
    }
    StringBuilder out = new StringBuilder(MAX_KEY);
    if (w.charAt(0) == 'x') {
      out.append('S');
      start = 1;
    } else if (two.equals("wh")) {
      out.append('W');
      start = 2;
    }
    for (int i = start; i < w.length() && out.length() < MAX_KEY; i++) {
      char c = w.charAt(i);
      if (c != 'c' && i > start && c == w.charAt(i - 1)) {
        continue;
      }
      char next = at(w, i + 1);
      char prev = at(w, i - 1);
      switch (c) {
        case 'a': case 'e': case 'i': case 'o': case 'u':
          if (i == start) {
            out.append('A');
          }
          break;
        case 'b':
          if (!(prev == 'm' && i == w.length() - 1)) {
            out.append('B');
          }
          break;
        case 'c':
          if (next == 'i' && at(w, i + 2) == 'a') {
            out.append('X');
          } else if (next == 'h') {
            out.append(prev == 's' ? 'K' : 'X');
            i++;
          } else if (next == 'i' || next == 'e' || next == 'y') {
            if (prev != 's') {
              out.append('S');
            }
          } else {
            out.append('K');
          }
          break;
        case 'd':
          if (next == 'g' && (at(w, i + 2) == 'e' || at(w, i + 2) == 'y' || at(w, i + 2) == 'i')) {
            out.append('J');
            i++;
          } else {
            out.append('T');
          }
          break;
        case 'g':
          if (next == 'h' && !(i + 2 >= w.length() || vowel(at(w, i + 2)))) {
            break;
          }
          if (next == 'n' && (i + 2 == w.length() || (at(w, i + 2) == 'e' && at(w, i + 3) == 'd'))) {
            break;
          }
          if ((next == 'i' || next == 'e' || next == 'y') && prev != 'g') {
            out.append('J');
          } else {
            out.append('K');
          }
          if (next == 'h') {
            i++;
          }
          break;
        case 'h':
          if (vowel(next) && !(prev == 'c' || prev == 's' || prev == 'p' || prev == 't' || prev == 'g')) {
            out.append('H');
          }
          break;
        case 'k':
          if (prev != 'c') {
            out.append('K');
          }
          break;
        case 'p':
          if (next == 'h') {
            out.append('F');
            i++;
          } else {
            out.append('P');
          }
          break;
        case 'q':
          out.append('K');
          break;
        case 's':
          if (next == 'h') {
            out.append('X');
            i++;
          } else if (next == 'i' && (at(w, i + 2) == 'o' || at(w, i + 2) == 'a')) {
            out.append('X');
          } else {
            out.append('S');
          }
          break;
        case 't':
          if (next == 'i' && (at(w, i + 2) == 'o' || at(w, i + 2) == 'a')) {
            out.append('X');
          } else if (next == 'h') {
            out.append('0');
            i++;
          } else if (!(next == 'c' && at(w, i + 2) == 'h')) {
            out.append('T');
          }
          break;
        case 'v':
          out.append('F');
          break;
        case 'w':
        case 'y':
          if (vowel(next)) {
            out.append(Character.toUpperCase(c));
          }
          break;
        case 'x':
          out.append('K');
          if (out.length() < MAX_KEY) {
            out.append('S');
          }
          break;
        case 'z':
          out.append('S');
          break;
        default:
          out.append(Character.toUpperCase(c));
          break;
      }
    }
    return out.toString();
  }
}
