package dev.mops.taxonomy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One problem a taxonomy lint found in a URL: the finding, a suggestion, and whether {@link
 * TaxonomyLinter#fix} can correct it on its own.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param finding the code, parameter (field), raw value, severity and message
 * @param suggestion the proposed value ({@code facebook} for {@code Facebook}), or {@code null}
 * @param fixable whether the fix is certain enough to apply automatically
 */
public record LintIssue(Finding finding, @Nullable String suggestion, boolean fixable) {

  /** Validates the components. */
  public LintIssue {
    Objects.requireNonNull(finding, "finding");
  }

  /** Returns the finding's code. */
  public String code() {
    return finding.code();
  }

  /** Returns the parameter name, or {@code ""} for a problem with the whole URL. */
  public String parameter() {
    return finding.field();
  }

  /** Returns the finding's severity. */
  public Severity severity() {
    return finding.severity();
  }

  /** Returns {@code CODE:parameter}. */
  public String shortForm() {
    return finding.shortForm();
  }
}
