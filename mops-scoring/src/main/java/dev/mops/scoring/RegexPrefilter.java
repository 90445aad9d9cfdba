package dev.mops.scoring;

import dev.mops.core.condition.Condition;
import dev.mops.core.condition.Conditions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Puts a cheap literal test in front of {@code matches} conditions whose regex can only match text
 * that contains one of a few literal words, so that RE2/J runs only when it might match.
 *
 * <p>A pattern qualifies when it has, at its top level (outside any other group, with no top-level
 * {@code |} and no character class), a group of plain alternatives such as {@code
 * (chief|ceo|founder)} that no quantifier follows; the alternatives are ASCII letters, digits,
 * spaces, {@code _} and {@code -}, and the only flag is a leading {@code (?i)}. Any match of such a
 * pattern contains one of the alternatives, so {@code matches(f, p)} equals {@code all(any(contains(f,
 * alt)...), matches(f, p))}: the rewrite never changes an answer (RE2/J's case folding of ASCII
 * letters is covered by {@link String#regionMatches(boolean, int, String, int, int)}, which the
 * {@code contains} of mops-core uses). Patterns that do not qualify are left as they are.
 *
 * <p>This belongs in mops-core's compiler (a required-literal prefilter for every {@code matches});
 * it lives here until then.
 */
final class RegexPrefilter {

  private RegexPrefilter() {}

  /** Returns an equivalent condition with literal prefilters in front of qualifying regexes. */
  static Condition rewrite(Condition c) {
    if (c instanceof Condition.All) {
      List<Condition> out = new ArrayList<>();
      for (Condition x : ((Condition.All) c).conditions()) {
        out.add(rewrite(x));
      }
      return Conditions.all(out);
    }
    if (c instanceof Condition.Any) {
      List<Condition> out = new ArrayList<>();
      for (Condition x : ((Condition.Any) c).conditions()) {
        out.add(rewrite(x));
      }
      return Conditions.any(out);
    }
    if (c instanceof Condition.Not) {
      return new Condition.Not(rewrite(((Condition.Not) c).condition()));
    }
    if (c instanceof Condition.Matches) {
      Condition.Matches m = (Condition.Matches) c;
      Literals lits = requiredLiterals(m.pattern());
      if (lits != null) {
        List<Condition> any = new ArrayList<>();
        for (String lit : lits.words) {
          any.add(Conditions.contains(m.field(), lit, lits.ignoreCase));
        }
        return Conditions.all(Conditions.any(any), m);
      }
    }
    return c;
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
