package dev.mops.core.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The literal words one of which every match of a regex must contain, found by a conservative
 * reading of the pattern, so that text holding none of them is refused without running RE2/J.
 *
 * <p>A pattern qualifies when it has, at its top level (outside any other group, with no top-level
 * {@code |}, no character class, no {@code \Q} and no flags but a leading {@code (?i)}), a group of
 * plain alternatives such as {@code (chief|ceo|founder)} that no quantifier follows, each of ASCII
 * letters, digits, spaces, {@code _} and {@code -}. Every match of such a pattern contains one of
 * the alternatives. The guard never decides "true": the regex still runs when it passes. Text with
 * any non-ASCII character always passes, since RE2/J folds some non-ASCII letters (the Kelvin sign,
 * the long s) to ASCII ones under {@code (?i)}.
 */
final class RequiredLiterals {

  private final String[] words;
  private final boolean ignoreCase;

  private RequiredLiterals(List<String> words, boolean ignoreCase) {
    this.ignoreCase = ignoreCase;
    this.words = new String[words.size()];
    for (int i = 0; i < this.words.length; i++) {
      this.words[i] = ignoreCase ? words.get(i).toLowerCase(Locale.ROOT) : words.get(i);
    }
  }

  /** Returns false only when no match of the pattern can be found in {@code s}. */
  boolean mayMatch(String s) {
    if (!ignoreCase) {
      for (String w : words) {
        if (s.contains(w)) {
          return true;
        }
      }
      return false;
    }
    for (int i = 0, n = s.length(); i < n; i++) {
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
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  /** Returns the required literals of {@code pattern}, or null when the pattern does not qualify. */
  static @Nullable RequiredLiterals of(String pattern) {
    String p = pattern;
    boolean ignoreCase = false;
    if (p.startsWith("(?i)")) {
      ignoreCase = true;
      p = p.substring(4);
    }
    if (p.indexOf('[') >= 0 || p.contains("\\Q") || p.contains("(?i") || p.contains("(?s")
        || p.contains("(?m") || p.contains("(?U")) {
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
          boolean quantified = end + 1 < p.length() && "?*{+".indexOf(p.charAt(end + 1)) >= 0;
          List<String> words = plainAlternatives(p.substring(start, end));
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
    return new RequiredLiterals(best, ignoreCase);
  }

  private static @Nullable List<String> plainAlternatives(String body) {
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
