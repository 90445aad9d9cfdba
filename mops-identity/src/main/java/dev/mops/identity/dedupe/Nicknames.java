package dev.mops.identity.dedupe;

import dev.mops.core.normalize.PersonNameNormalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Given-name nicknames, read from the shared nickname table of
 * {@link PersonNameNormalizer#defaultNicknames()} (the table {@code mops normalize} uses), as the
 * set of formal names a folded given name may stand for.
 *
 * <p>A name's <em>formal set</em> is written as one string, its members sorted and joined by
 * {@code |}: {@code fred} gives {@code alfred|fred|frederick} ({@code fred} is a formal name of
 * its own too), {@code bob} gives {@code robert}, a name the table does not know gives itself. Two
 * given names are compatible when their formal sets share a member ({@link #compatible}), the
 * rule {@link dev.mops.core.normalize.PersonName#sameFirstName} follows; the first member is the
 * one blocking uses, since a blocking key must be a single value.
 *
 * <p>Thread safety: immutable after class initialization.
 */
final class Nicknames {

  /** Separator of the members of a formal set. */
  static final char SEPARATOR = '|';

  private static final Map<String, String> FORMAL_SET = build();

  private Nicknames() {}

  private static Map<String, String> build() {
    Map<String, Set<String>> sets = new HashMap<>();
    Set<String> formalNames = new HashSet<>();
    for (Map.Entry<String, Set<String>> e : PersonNameNormalizer.defaultNicknames().entrySet()) {
      String formal = Normalization.fold(e.getKey());
      formalNames.add(formal);
      for (String nick : e.getValue()) {
        String n = Normalization.fold(nick);
        if (!n.isEmpty() && !n.equals(formal)) {
          sets.computeIfAbsent(n, k -> new TreeSet<>()).add(formal);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    for (Map.Entry<String, Set<String>> e : sets.entrySet()) {
      Set<String> members = e.getValue();
      if (formalNames.contains(e.getKey())) {
        members.add(e.getKey());
      }
      out.put(e.getKey(), String.join(String.valueOf(SEPARATOR), members));
    }
    return Map.copyOf(out);
  }

  /** Returns the formal set of a folded given name (the name itself when it is no nickname). */
  static String formalSet(String name) {
    return FORMAL_SET.getOrDefault(name, name);
  }

  /** Returns whether a folded word is a given name (or nickname) of the shared table. */
  static boolean known(String name) {
    return FORMAL_SET.containsKey(name);
  }

  /** Returns the first member of a formal set, the single value blocking uses. */
  static String first(String formalSet) {
    int bar = formalSet.indexOf(SEPARATOR);
    return bar < 0 ? formalSet : formalSet.substring(0, bar);
  }

  /**
   * Returns whether two formal sets share a member. Both are sorted, so one merge walk over the
   * two strings decides it without allocating.
   */
  static boolean compatible(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.indexOf(SEPARATOR) < 0 && b.indexOf(SEPARATOR) < 0) {
      return false;
    }
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ei = end(a, i);
      int ej = end(b, j);
      int c = compare(a, i, ei, b, j, ej);
      if (c == 0) {
        return true;
      }
      if (c < 0) {
        i = ei + 1;
      } else {
        j = ej + 1;
      }
    }
    return false;
  }

  private static int end(String s, int from) {
    int bar = s.indexOf(SEPARATOR, from);
    return bar < 0 ? s.length() : bar;
  }

  /** Compares s1[from1, to1) with s2[from2, to2) as String.compareTo would. */
  private static int compare(String s1, int from1, int to1, String s2, int from2, int to2) {
    int n1 = to1 - from1;
    int n2 = to2 - from2;
    int n = Math.min(n1, n2);
    for (int k = 0; k < n; k++) {
      char c1 = s1.charAt(from1 + k);
      char c2 = s2.charAt(from2 + k);
      if (c1 != c2) {
        return c1 - c2;
      }
    }
    return n1 - n2;
  }
}
