package dev.mops.taxonomy;

import dev.mops.core.Severity;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of linting one URL against a {@link Taxonomy}: whether it is valid, every issue, and
 * the corrected URL when every issue could be fixed automatically.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param url the URL as given
 * @param valid whether no issue is worse than {@link Severity#INFO}
 * @param issues every issue, parser findings first
 * @param fixedUrl the corrected URL when the URL is not valid and every issue is fixable (checked by
 *     linting it again), else {@code null}
 * @param parsed the parsed URL
 * @param taxonomyVersion the version of the taxonomy that produced this result
 */
public record LintResult(
    String url, boolean valid, List<LintIssue> issues, @Nullable String fixedUrl, ParsedUrl parsed,
    String taxonomyVersion) {

  /** Validates and copies the components. */
  public LintResult {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(parsed, "parsed");
    Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
    issues = List.copyOf(issues);
  }

  /** Returns the issues as {@code CODE:param} joined by {@code ;}, as in the CSV {@code issues} column. */
  public String issueSummary() {
    return issues.stream().map(LintIssue::shortForm)
        .collect(Collectors.joining(";"));
  }
}
