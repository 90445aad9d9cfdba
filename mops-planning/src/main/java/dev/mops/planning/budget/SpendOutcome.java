package dev.mops.planning.budget;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What became of one spend entry: counted in a budget line, or not, with findings.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param number the entry's 1-based position in the spend input
 * @param program its program as written ({@code ""} when missing)
 * @param budgetLine the 1-based number of the budget line it was counted in, or 0 when none
 * @param findings problems with it ({@code UNBUDGETED_SPEND}, {@code FUTURE_SPEND}, bad fields)
 */
public record SpendOutcome(long number, String program, long budgetLine, List<Finding> findings) {
  /** Validates and copies the components. */
  public SpendOutcome {
    Objects.requireNonNull(program, "program");
    findings = List.copyOf(findings);
  }

  /** Returns whether the entry was counted in a budget line. */
  public boolean counted() {
    return budgetLine > 0;
  }
}
