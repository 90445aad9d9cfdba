package dev.mops.planning.checklist;

import dev.mops.core.Severity;
import java.util.List;
import java.util.Objects;

/**
 * A checklist's verdict on one record: every item's result, and whether the gate passes (no failed
 * item of severity error).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param checklist the checklist's name
 * @param version the checklist's version
 * @param items one result per item, in checklist order
 */
public record GateResult(String checklist, String version, List<CheckResult> items) {

  /** Validates and copies the components. */
  public GateResult {
    Objects.requireNonNull(checklist, "checklist");
    Objects.requireNonNull(version, "version");
    items = List.copyOf(items);
  }

  /** Returns whether the gate passes: no failed item of severity error. */
  public boolean passed() {
    return items.stream().noneMatch(i -> i.status() == CheckStatus.FAIL && i.severity() == Severity.ERROR);
  }

  /** Returns the items that failed. */
  public List<CheckResult> failures() {
    return items.stream().filter(i -> i.status() == CheckStatus.FAIL).toList();
  }
}
