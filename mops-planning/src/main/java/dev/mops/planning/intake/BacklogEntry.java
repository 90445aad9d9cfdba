package dev.mops.planning.intake;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One request in the prioritized backlog: its rank, factor levels, score, band, SLA class, the
 * adjustments that applied, and the release-train window it can ship in.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param rank 1-based position in the backlog, or 0 for a request that could not be scored
 * @param number the request's 1-based position in the input
 * @param id the request's id ({@code ""} when missing)
 * @param title its title ({@code ""} when missing)
 * @param impact the impact level (1 to the model's scale), or 0 when unreadable
 * @param effort the effort level, or 0 when unreadable
 * @param risk the risk level, or 0 when unreadable
 * @param score the priority score (0 to 100 before adjustments), or 0 when not scored
 * @param band the band the score falls in ({@code unscored} when not scored)
 * @param slaClass the SLA class the rules assign
 * @param reasons the reasons of the adjustments that applied, in model order
 * @param window the next release window it can ship in, or {@code null} when none
 * @param findings problems with the request's fields
 */
public record BacklogEntry(
    int rank, long number, String id, String title, double impact, double effort, double risk, double score,
    String band, String slaClass, List<String> reasons, @Nullable ReleaseWindow window, List<Finding> findings) {

  /** Validates and copies the components. */
  public BacklogEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(band, "band");
    Objects.requireNonNull(slaClass, "slaClass");
    reasons = List.copyOf(reasons);
    findings = List.copyOf(findings);
  }

  /** Returns whether the request could be scored. */
  public boolean scored() {
    return rank > 0;
  }
}
