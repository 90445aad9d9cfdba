package dev.mops.core.condition;

import java.util.List;

/**
 * An immutable set of strings looked up without regard to case and without allocating: an open
 * addressing table hashed on case-folded characters, compared with {@link
 * String#equalsIgnoreCase}.
 */
final class FoldedStringSet {

  private final String[] table;
  private final int mask;

  FoldedStringSet(List<String> values) {
    int capacity = Integer.highestOneBit(Math.max(4, values.size() * 2 - 1)) << 1;
    table = new String[capacity];
    mask = capacity - 1;
    for (String v : values) {
      if (!contains(v)) {
        int i = hash(v) & mask;
        while (table[i] != null) {
          i = (i + 1) & mask;
        }
        table[i] = v;
      }
    }
  }

  static int hash(String s) {
    int h = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int folded = c < 0x80
          ? (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)
          : Character.toLowerCase(Character.toUpperCase(c));
      h = 31 * h + folded;
    }
    return h ^ (h >>> 16);
  }

  boolean contains(String s) {
    int i = hash(s) & mask;
    String candidate;
    while ((candidate = table[i]) != null) {
      if (candidate.equalsIgnoreCase(s)) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
