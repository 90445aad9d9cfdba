package dev.mops.core.io;

/**
 * HTML escaping for the self-contained pages the SDK writes (quality and monitor reports, funnels,
 * attribution, operations, capacity and budget pages): one escaper for every module.
 *
 * <p>Thread safety: stateless.
 */
public final class HtmlText {

  private HtmlText() {}

  /** Returns {@code text} with {@code & < > " '} escaped, safe in element text and quoted attributes. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
