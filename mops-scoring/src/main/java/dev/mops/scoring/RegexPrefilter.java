package dev.mops.scoring;

import dev.mops.core.condition.Condition;
import dev.mops.core.record.Schema;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Cheap literal guards in front of {@code matches} conditions whose regex can only match text that
 * contains one of a few literal words, so that RE2/J runs only when it might match.
 *
 * <p>A pattern qualifies when it has, at its top level (outside any other group, with no top-level
 * {@code |}, no character class and no {@code \\Q}), a group of plain alternatives such as {@code
 * (chief|ceo|founder)} that no quantifier follows; the alternatives are ASCII letters, digits,
 * spaces, {@code _} and {@code -}, and the only flag is a leading {@code (?i)}. Any match of such a
 * pattern contains one of the alternatives. A {@link Guard} is built for each qualifying {@code
 * matches} that is the rule's whole condition or one of the conditions of its top-level {@code
 * all}, so a guard that fails proves the rule's condition false. Guards never decide "true": the
 * compiled condition still runs when a guard passes.
 *
 * <p>This belongs in mops-core's compiler (a required-literal prefilter for every {@code matches});
 * it lives here until then.
 */
final class RegexPrefilter {

  private RegexPrefilter() {}

  /** The guards that the rule's condition implies, possibly none. */
  static Guard[] guards(Condition c, Schema schema) {
    List<Guard> out = new ArrayList<>();
    if (c instanceof Condition.Matches) {
      add((Condition.Matches) c, schema, out);
    } else if (c instanceof Condition.All) {
      for (Condition x : ((Condition.All) c).conditions()) {
        if (x instanceof Condition.Matches) {
          add((Condition.Matches) x, schema, out);
        }
      }
    }
    return out.toArray(new Guard[0]);
  }

  private static void add(Condition.Matches m, Schema schema, List<Guard> out) {
    Literals lits = requiredLiterals(m.pattern());
    int slot = schema.slot(m.field());
    if (lits != null && slot >= 0) {
      out.add(new Guard(slot, lits));
    }
  }

  /**
   * A necessary condition of one {@code matches}: the field's text contains one of the literals.
   * Text with any non-ASCII character, and values that are not strings, always pass (RE2/J folds
   * some non-ASCII letters, such as the Kelvin sign, to ASCII ones).
   */
  static final class Guard {
    final int slot;
    final String[] words;
    final boolean ignoreCase;

    Guard(int slot, Literals lits) {
      this.slot = slot;
      this.ignoreCase = lits.ignoreCase;
      this.words = new String[lits.words.size()];
      for (int i = 0; i < words.length; i++) {
        String w = lits.words.get(i);
        words[i] = ignoreCase ? w.toLowerCase(java.util.Locale.ROOT) : w;
      }
    }

    /** Returns false only when the guarded regex cannot match the row's value. */
    boolean mayMatch(dev.mops.core.record.Row row) {
      Object v = row.get(slot);
      if (!(v instanceof String)) {
        return true;
      }
      String s = (String) v;
      if (!ignoreCase) {
        for (String w : words) {
          if (s.contains(w)) {
            return true;
          }
        }
        return false;
      }
      int n = s.length();
      for (int i = 0; i < n; i++) {
        if (s.charAt(i) >= 0x80) {
          return true;
        }
      }
      for (String w : words) {
        if (containsAsciiIgnoreCase(s, w)) {
          return true;
        }
      }
      return false;
    }

    private static boolean containsAsciiIgnoreCase(String s, String lower) {
      int m = lower.length();
      char first = lower.charAt(0);
      for (int i = 0, last = s.length() - m; i <= last; i++) {
        if (fold(s.charAt(i)) != first) {
          continue;
        }
        int k = 1;
        while (k < m && fold(s.charAt(i + k)) == lower.charAt(k)) {
          k++;
        }
        if (k == m) {
          return true;
        }
      }
      return false;
    }

    private static char fold(char c) {
      return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
  }

  /** The literal words one of which every match contains. */
  static final class Literals {
    final List<String> words;
    final boolean ignoreCase;

    Literals(List<String> words, boolean ignoreCase) {
      this.words = words;
      this.ignoreCase = ignoreCase;
    }
  }

  /** Returns the literals every match of {@code pattern} must contain one of, or null when unsure. */
  static @Nullable Literals requiredLiterals(String pattern) {
    String p = pattern;
    boolean ignoreCase = false;
    if (p.startsWith("(?i)")) {
      ignoreCase = true;
      p = p.substring(4);
    }
    if (p.indexOf('[') >= 0 || p.contains("\\Q") || p.contains("(?i") || p.contains("(?s") || p.contains("(?m") || p.contains("(?U")) {
      return null;
    }
    int depth = 0;
    List<String> best = null;
    for (int i = 0; i < p.length(); i++) {
      char ch = p.charAt(i);
      if (ch == '\\') {
        i++;
        continue;
      }
      if (ch == '|' && depth == 0) {
        return null;
      }
      if (ch == ')') {
        depth--;
        if (depth < 0) {
          return null;
        }
        continue;
      }
      if (ch != '(') {
        continue;
      }
      if (depth == 0 && best == null) {
        int start = i + 1;
        if (p.startsWith("?:", start)) {
          start += 2;
        } else if (start < p.length() && p.charAt(start) == '?') {
          return null;
        }
        int end = p.indexOf(')', start);
        if (end > start) {
          String body = p.substring(start, end);
          boolean quantified = end + 1 < p.length() && "?*{+".indexOf(p.charAt(end + 1)) >= 0;
          List<String> words = words(body);
          if (words != null && !quantified) {
            best = words;
            i = end;
            continue;
          }
        }
      }
      depth++;
    }
    if (depth != 0 || best == null) {
      return null;
    }
    return new Literals(best, ignoreCase);
  }

  private static @Nullable List<String> words(String body) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (true) {
      int bar = body.indexOf('|', from);
      String w = bar < 0 ? body.substring(from) : body.substring(from, bar);
      if (w.isEmpty()) {
        return null;
      }
      for (int k = 0; k < w.length(); k++) {
        char c = w.charAt(k);
        boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == ' ' || c == '_' || c == '-';
        if (!plain) {
          return null;
        }
      }
      out.add(w);
      if (bar < 0) {
        return out;
      }
      from = bar + 1;
    }
  }
}
