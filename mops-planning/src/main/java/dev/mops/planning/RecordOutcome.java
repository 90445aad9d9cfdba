package dev.mops.planning;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * What became of one input record of a planning check: used, or rejected with its findings.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param input which input it came from, such as {@code people}, {@code work} or {@code budgets}
 * @param number its 1-based position in that input
 * @param id its id (a person, a work item, a program; {@code ""} when missing)
 * @param used whether it took part in the plan
 * @param findings problems with it
 */
public record RecordOutcome(String input, long number, String id, boolean used, List<Finding> findings) {
  /** Validates and copies the components. */
  public RecordOutcome {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(id, "id");
    findings = List.copyOf(findings);
  }
}
