package dev.mops.planning.preflight;

import java.util.Objects;

/**
 * A link found in an HTML page: the URL as the attribute holds it (entities decoded), where it
 * stands, and the text people click.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param url the attribute's value, entities decoded, not trimmed
 * @param element the element's tag name ({@code a}, {@code area}, {@code v:roundrect}, {@code form})
 * @param attribute the attribute ({@code href} or {@code action})
 * @param line the 1-based line of the attribute's value in the source
 * @param column the 1-based column of the attribute's value in the source
 * @param text the element's text, whitespace collapsed, at most 80 characters ({@code alt} of an image link)
 */
public record PageLink(String url, String element, String attribute, int line, int column, String text) {
  /** Validates the components. */
  public PageLink {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(element, "element");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(text, "text");
  }
}
