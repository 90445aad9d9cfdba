package dev.mops.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How commands find the columns they need in an input's header, and what they say when a column
 * is missing: what was expected, what the input has, and the nearest column ("did you mean").
 *
 * <p>Two rules. Columns that a command looks for by a fixed name ({@code email} in {@code mops
 * normalize}, {@code url} in {@code mops lint-urls}) match case- and space-insensitively, with
 * spaces, hyphens, underscores and dots alike: {@code Email}, {@code EMAIL} and {@code " email "}
 * are {@code email}; {@code First Name} is {@code first_name}. Columns a person names (by
 * {@code --id-column}, in a condition, a contract, a scoring model or a dedupe config) match
 * exactly, and a near miss is only suggested.
 *
 * <p>Thread safety: stateless.
 */
final class Columns {

  private Columns() {}

  /** Returns {@code name} folded for matching: lower case, without spaces, hyphens, underscores or dots. */
  static String fold(String name) {
    StringBuilder sb = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isWhitespace(c) && c != '_' && c != '-' && c != '.' && c != '\uFEFF') {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the header column that is {@code wanted} case- and space-insensitively (the exact one
   * first), or null.
   */
  static @Nullable String find(List<String> header, String wanted) {
    if (header.contains(wanted)) {
      return wanted;
    }
    String w = fold(wanted);
    for (String h : header) {
      if (fold(h).equals(w)) {
        return h;
      }
    }
    return null;
  }

  /**
   * Returns the column of {@code header} nearest to {@code wanted}, or null when none is near: one
   * equal to it but for case and spaces, else one containing it ({@code E-mail Address} for
   * {@code email}) or contained in it, else one within a small edit distance.
   */
  static @Nullable String suggest(String wanted, Collection<String> header) {
    String w = fold(wanted);
    if (w.isEmpty()) {
      return null;
    }
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String h : header) {
      String f = fold(h);
      if (f.isEmpty() || h.equals(wanted)) {
        continue;
      }
      int score;
      if (f.equals(w)) {
        score = 0;
      } else if (Math.min(f.length(), w.length()) >= 3 && (f.contains(w) || w.contains(f))) {
        score = 1 + Math.abs(f.length() - w.length());
      } else {
        int d = distance(w, f);
        score = d <= Math.max(1, w.length() / 3) ? 100 + d : Integer.MAX_VALUE;
      }
      if (score < bestScore) {
        bestScore = score;
        best = h;
      }
    }
    return best;
  }

  /**
   * Checks that {@code header} has the column {@code column}, named by {@code option} (exactly).
   *
   * @throws UsageException naming the input, the column, the columns it has and the nearest one
   */
  static void require(String input, List<String> header, String column, String option) {
    if (!header.contains(column)) {
      throw new UsageException(describe(input) + " has no column '" + column + "' (" + option + ")"
          + didYouMean(column, header) + "; its columns: " + header);
    }
  }

  /**
   * Returns the error of a command that found none of the columns it reads.
   *
   * @param expected the columns the command reads
   */
  static UsageException noneOf(String input, List<String> header, List<String> expected, String what) {
    List<String> hints = new ArrayList<>();
    for (String e : expected) {
      String s = suggest(e, header);
      if (s != null) {
        hints.add("'" + s + "' for '" + e + "'");
      }
    }
    return new UsageException(describe(input) + " has none of the columns " + what + " " + expected
        + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)") + "; its columns: " + header);
  }

  /** Returns {@code " (did you mean 'x'?)"} for the column nearest to {@code wanted}, or {@code ""}. */
  static String didYouMean(String wanted, Collection<String> header) {
    String s = suggest(wanted, header);
    return s == null ? "" : " (did you mean '" + s + "'?)";
  }

  private static String describe(String input) {
    return input.equals(InputOptions.STDIN) ? "stdin" : input;
  }

  /** Optimal string alignment distance: a transposition of neighbours counts as one edit. */
  private static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
