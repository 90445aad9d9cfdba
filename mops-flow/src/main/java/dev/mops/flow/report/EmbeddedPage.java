package dev.mops.flow.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A self-contained page rendered by a feature module (the quality, attribution or operations
 * page), lifted into one section of a larger page: its {@code <main>} without the page title, its
 * ids prefixed with the section's id, and its style sheet scoped to the section, so that two pages
 * with the same class or id names do not restyle each other.
 *
 * <p>Thread safety: immutable.
 */
final class EmbeddedPage {

  /** Elements a lifted page must not carry into the report (the pages never write them; this is a guard). */
  private static final String FORBIDDEN = "script, link, iframe, object, embed, base, meta, img[src], form";

  private final String body;
  private final String css;

  private EmbeddedPage(String body, String css) {
    this.body = body;
    this.css = css;
  }

  /**
   * Lifts {@code html} into the section whose id is {@code scope}.
   *
   * @throws IllegalArgumentException when the scope is not a plain id (letters, digits, dashes)
   */
  static EmbeddedPage lift(String html, String scope) {
    if (!scope.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException("not a section id: " + scope);
    }
    Document d = Jsoup.parse(html);
    StringBuilder css = new StringBuilder();
    for (Element style : d.select("style")) {
      css.append(style.data());
    }
    Element main = d.selectFirst("main");
    Element content = main != null ? main : d.body();
    content.select("h1").remove();
    content.select(FORBIDDEN).remove();
    for (Element e : content.select("[id]")) {
      e.id(scope + "-" + e.id());
    }
    for (Element e : content.getAllElements()) {
      // no inline event handlers, whatever the page held
      List<String> handlers = new ArrayList<>();
      e.attributes().forEach(a -> {
        if (a.getKey().toLowerCase(Locale.ROOT).startsWith("on")) {
          handlers.add(a.getKey());
        }
      });
      handlers.forEach(e::removeAttr);
    }
    d.outputSettings().prettyPrint(false);
    return new EmbeddedPage(content.html(), scopeCss(css.toString(), "#" + scope));
  }

  /** Returns the page's content, ready to place inside the section. */
  String body() {
    return body;
  }

  /** Returns the page's style sheet with every selector scoped to the section. */
  String css() {
    return css;
  }

  /**
   * Prefixes every selector of {@code css} with {@code scope}. Rules for {@code html}, {@code body}
   * and {@code main} are dropped (the report styles the page); rules inside {@code @media} and
   * {@code @supports} blocks are scoped too; other at-rules are dropped.
   */
  static String scopeCss(String css, String scope) {
    StringBuilder out = new StringBuilder(css.length() + 256);
    int i = 0;
    int n = css.length();
    while (i < n) {
      int open = css.indexOf('{', i);
      if (open < 0) {
        break;
      }
      String prelude = stripComments(css.substring(i, open)).trim();
      int close = matching(css, open);
      String block = css.substring(open + 1, Math.min(close, n));
      if (prelude.startsWith("@")) {
        String at = prelude.toLowerCase(Locale.ROOT);
        if (at.startsWith("@media") || at.startsWith("@supports")) {
          out.append(prelude).append('{').append(scopeCss(block, scope)).append('}');
        }
      } else {
        List<String> selectors = new ArrayList<>();
        for (String s : prelude.split(",", -1)) {
          String sel = s.trim();
          if (sel.isEmpty() || sel.equals("html") || sel.equals("body") || sel.equals("main")) {
            continue;
          }
          if (sel.startsWith("body ") || sel.startsWith("main ") || sel.startsWith("html ")) {
            sel = sel.substring(5).trim();
          }
          selectors.add(scope + " " + sel);
        }
        if (!selectors.isEmpty()) {
          out.append(String.join(",", selectors)).append('{').append(block.trim()).append('}');
        }
      }
      i = close + 1;
    }
    return out.toString();
  }

  private static int matching(String css, int open) {
    int depth = 0;
    for (int j = open; j < css.length(); j++) {
      char c = css.charAt(j);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return j;
      }
    }
    return css.length();
  }

  private static String stripComments(String s) {
    return s.replaceAll("(?s)/\\*.*?\\*/", "");
  }
}
