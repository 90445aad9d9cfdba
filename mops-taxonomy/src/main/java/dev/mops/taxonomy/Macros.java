package dev.mops.taxonomy;

import org.jspecify.annotations.Nullable;

/**
 * Finds unfilled ad-platform and email macros in a value: {@code {keyword}}, {@code {{name}}},
 * {@code ${x}}, {@code [source]}, {@code %%medium%%} and Mailchimp's {@code *|MERGE|*}.
 */
final class Macros {

  private static final int MAX_INNER = 64;

  private Macros() {}

  /** Returns the first macro in {@code v}, or {@code null}. */
  static @Nullable String find(String v) {
    int n = v.length();
    for (int i = 0; i < n; i++) {
      char c = v.charAt(i);
      String close;
      int innerStart;
      if (c == '{') {
        close = "}";
        innerStart = i + 1;
      } else if (c == '[') {
        close = "]";
        innerStart = i + 1;
      } else if (c == '%' && i + 1 < n && v.charAt(i + 1) == '%') {
        close = "%%";
        innerStart = i + 2;
      } else if (c == '*' && i + 1 < n && v.charAt(i + 1) == '|') {
        close = "|*";
        innerStart = i + 2;
      } else {
        continue;
      }
      int end = v.indexOf(close, innerStart);
      if (end > innerStart && end - innerStart <= MAX_INNER && isName(v, innerStart, end)) {
        return v.substring(i, end + close.length());
      }
    }
    return null;
  }

  private static boolean isName(String v, int from, int to) {
    boolean letter = false;
    for (int i = from; i < to; i++) {
      char c = v.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        letter = true;
      } else if (!((c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':' || c == '{' || c == '}' || c == ' ')) {
        return false;
      }
    }
    return letter;
  }
}
