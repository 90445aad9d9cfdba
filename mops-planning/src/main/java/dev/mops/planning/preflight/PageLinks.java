package dev.mops.planning.preflight;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * The link finder of pre-flight QA: parses HTML with jsoup, as a browser would (unclosed tags,
 * comments, conditional comments for Outlook), and returns every link with the line and column of
 * its URL.
 *
 * <p>Links are the {@code href} of every element but {@code link} and {@code base} ({@code a},
 * {@code area}, and VML buttons such as {@code v:roundrect} in Outlook markup) and the {@code
 * action} of forms. Links inside HTML comments are not links and are not returned.
 *
 * <p>Limits: a page of at most {@link #MAX_HTML_CHARS} characters.
 *
 * <p>Thread safety: stateless; safe to call from any thread.
 */
public final class PageLinks {

  /** The largest page accepted, in characters (8 MiB). */
  public static final int MAX_HTML_CHARS = 8 * 1024 * 1024;

  private PageLinks() {}

  /**
   * Returns the links of {@code html} in document order.
   *
   * @throws IllegalArgumentException when the page is longer than {@link #MAX_HTML_CHARS}
   */
  public static List<PageLink> extract(String html) {
    if (html.length() > MAX_HTML_CHARS) {
      throw new IllegalArgumentException(
          "page of " + html.length() + " characters is over the limit of " + MAX_HTML_CHARS);
    }
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = parser.parseInput(html, "");
    List<PageLink> out = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      String tag = e.normalName();
      if (e.hasAttr("href") && !tag.equals("link") && !tag.equals("base")) {
        out.add(link(e, "href"));
      } else if (tag.equals("form") && e.hasAttr("action")) {
        out.add(link(e, "action"));
      }
    }
    return out;
  }

  private static PageLink link(Element e, String attribute) {
    Range.AttributeRange r = e.attributes().sourceRange(attribute);
    Range.Position p = r.valueRange().isTracked() ? r.valueRange().start()
        : r.nameRange().isTracked() ? r.nameRange().start() : e.sourceRange().start();
    String text = e.text().trim();
    if (text.isEmpty()) {
      Element img = e.selectFirst("img[alt]");
      if (img != null) {
        text = img.attr("alt").trim();
      }
    }
    if (text.length() > 80) {
      text = text.substring(0, 79) + "\u2026";
    }
    return new PageLink(e.attr(attribute), e.tagName(), attribute, Math.max(p.lineNumber(), 0),
        Math.max(p.columnNumber(), 0), text);
  }
}
