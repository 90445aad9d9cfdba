package dev.mops.core.io;

import java.util.Locale;

/**
 * JSON string literals for the SDK's hand-written JSON (explanations, reports, saved models,
 * monitor history lines): one escaper for every module.
 *
 * <p>Escapes {@code "} and {@code \}, writes {@code \n}, {@code \r} and {@code \t} as such, and
 * every other control character and the line and paragraph separators U+2028 and U+2029 as
 * {@code \}{@code uXXXX}, so a string never breaks a JSON line or a script that embeds it.
 *
 * <p>Thread safety: stateless.
 */
public final class JsonText {

  private JsonText() {}

  /** Appends {@code s} to {@code sb} as a quoted JSON string. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Returns {@code s} as a quoted JSON string. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }
}
