package dev.mops.planning.preflight;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The pre-flight verdict on a page: one {@link LinkResult} per link, in document order, and
 * findings about the page as a whole (too many links).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param source the page's name, such as its file name
 * @param links one result per link checked
 * @param pageFindings findings about the page itself
 */
public record PreflightReport(String source, List<LinkResult> links, List<Finding> pageFindings) {
  /** Validates and copies the components. */
  public PreflightReport {
    Objects.requireNonNull(source, "source");
    links = List.copyOf(links);
    pageFindings = List.copyOf(pageFindings);
  }

  /** Returns how many links fail (have an error). */
  public long failing() {
    return links.stream().filter(l -> l.status().equals("fail")).count();
  }
}
