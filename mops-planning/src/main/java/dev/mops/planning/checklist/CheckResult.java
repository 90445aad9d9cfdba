package dev.mops.planning.checklist;

import dev.mops.core.Severity;
import java.util.Objects;

/**
 * The outcome of one checklist item for one record, with the reason.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the item's name
 * @param status pass, fail or waived
 * @param severity the item's severity: a failed error blocks the gate, a failed warning does not
 * @param reason why: the condition's explanation, the other check's findings, or the waiver's reason
 */
public record CheckResult(String name, CheckStatus status, Severity severity, String reason) {
  /** Validates the components. */
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(reason, "reason");
  }
}
