package dev.mops.core.condition;

import java.util.List;

/**
 * An immutable set of strings looked up without allocating, exactly or without regard to case: an
 * open-addressing table hashed on the characters (case-folded when ignoring case) and compared
 * with {@link String#equals} or {@link String#equalsIgnoreCase}.
 */
final class TextSet {

  private final String[] table;
  private final int mask;
  private final boolean ignoreCase;

  TextSet(List<String> values, boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
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

  private int hash(String s) {
    int h;
    if (ignoreCase) {
      h = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        int folded = c < 0x80
            ? (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)
            : Character.toLowerCase(Character.toUpperCase(c));
        h = 31 * h + folded;
      }
    } else {
      h = s.hashCode();
    }
    return h ^ (h >>> 16);
  }

  boolean contains(String s) {
    int i = hash(s) & mask;
    String candidate;
    while ((candidate = table[i]) != null) {
      if (ignoreCase ? candidate.equalsIgnoreCase(s) : candidate.equals(s)) {
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }
}
