package dev.mops.planning.budget;

import dev.mops.planning.RecordOutcome;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The result of a {@link BudgetTracker}: one {@link BudgetLine} per valid budget record, and one
 * {@link SpendOutcome} per spend record; budget records that could not be read are in {@link
 * #rejectedLines()}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param asOf the day the report is computed for
 * @param lines the budget lines, in input order
 * @param rejectedLines budget records that could not be read, with their findings
 * @param spend every spend entry's outcome, in input order
 */
public record BudgetReport(LocalDate asOf, List<BudgetLine> lines, List<RecordOutcome> rejectedLines,
    List<SpendOutcome> spend) {

  /** Validates and copies the components. */
  public BudgetReport {
    Objects.requireNonNull(asOf, "asOf");
    lines = List.copyOf(lines);
    rejectedLines = List.copyOf(rejectedLines);
    spend = List.copyOf(spend);
  }

  /** Returns the lines of one status. */
  public List<BudgetLine> withStatus(String status) {
    return lines.stream().filter(l -> l.status().equals(status)).toList();
  }
}
