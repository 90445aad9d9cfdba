package dev.mops.planning.preflight;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * The link finder of pre-flight QA: parses HTML with jsoup, as a browser would (unclosed tags,
 * comments, conditional comments for Outlook), and returns every link with the line and column of
 * its URL.
 *
 * <p>Links are the {@code href} of every element but {@code link} and {@code base} ({@code a},
 * {@code area}, and VML buttons such as {@code v:roundrect} in Outlook markup) and the {@code
 * action} of forms. Links inside HTML comments are not links and are not returned, except inside
 * Outlook's conditional comments ({@code <!--[if mso]> ... <![endif]-->}), whose markup Outlook
 * renders: their links are returned with their position in the page.
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
    List<PageLink> out = new ArrayList<>();
    collect(html, 0, 0, 0, out);
    return out;
  }

  private static void collect(String html, int lineOffset, int firstLineColumnOffset, int depth, List<PageLink> out) {
    Parser parser = Parser.htmlParser().setTrackPosition(true);
    Document doc = parser.parseInput(html, "");
    for (Node n : allNodes(doc)) {
      if (n instanceof Element) {
        Element e = (Element) n;
        if (!e.sourceRange().isTracked() || e.sourceRange().isImplicit()) {
          // an element the parser made up (a formatting element reopened after a misnested tag):
          // its link is the original's, already counted
          continue;
        }
        String tag = e.normalName();
        if (e.hasAttr("href") && !tag.equals("link") && !tag.equals("base")) {
          out.add(link(e, "href", lineOffset, firstLineColumnOffset));
        } else if (tag.equals("form") && e.hasAttr("action")) {
          out.add(link(e, "action", lineOffset, firstLineColumnOffset));
        }
      } else if (n instanceof Comment && depth < 2) {
        // Outlook's conditional comments (<!--[if mso]> ... <![endif]-->) hold markup Outlook renders
        Comment c = (Comment) n;
        String data = c.getData();
        int open = data.indexOf("]>");
        if (data.startsWith("[if") && open > 0) {
          int close = data.lastIndexOf("<![endif]");
          String inner = data.substring(open + 2, close > open ? close : data.length());
          Range.Position at = c.sourceRange().start();
          int line = at.lineNumber();
          int column = at.columnNumber() + "<!--".length() + open + 2;
          int lo = Math.max(line - 1, 0) + lineOffset;
          collect(inner, lo, line == 1 ? firstLineColumnOffset + column - 1 : column - 1, depth + 1, out);
        }
      }
    }
  }

  private static List<Node> allNodes(Document doc) {
    List<Node> nodes = new ArrayList<>();
    doc.traverse((node, d) -> nodes.add(node));
    return nodes;
  }

  private static PageLink link(Element e, String attribute, int lineOffset, int firstLineColumnOffset) {
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
    int line = Math.max(p.lineNumber(), 0);
    int column = Math.max(p.columnNumber(), 0) + (line == 1 ? firstLineColumnOffset : 0);
    return new PageLink(e.attr(attribute), e.tagName(), attribute, line + lineOffset, column, text);
  }
}
