package dev.mops.planning.preflight;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The pre-flight verdict on one link: the link, whether it went through the URL lint (a tracked
 * link), and every finding about it.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param link the link
 * @param tracked whether the taxonomy's URL lint checked it (a web link to a tracked domain)
 * @param findings the findings, offline checks first
 */
public record LinkResult(PageLink link, boolean tracked, List<Finding> findings) {
  /** Validates and copies the components. */
  public LinkResult {
    Objects.requireNonNull(link, "link");
    findings = List.copyOf(findings);
  }

  /** Returns {@code fail} when a finding is an error, {@code warn} when one is a warning, else {@code pass}. */
  public String status() {
    Severity worst = null;
    for (Finding f : findings) {
      if (worst == null || f.severity().compareTo(worst) > 0) {
        worst = f.severity();
      }
    }
    return worst == Severity.ERROR ? "fail" : worst == Severity.WARNING ? "warn" : "pass";
  }

  /** Returns the findings' short forms joined by {@code ;}, the form used in CSV columns. */
  public String issueSummary() {
    StringBuilder sb = new StringBuilder();
    for (Finding f : findings) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(f.shortForm());
    }
    return sb.toString();
  }
}
