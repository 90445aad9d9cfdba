package dev.mops.planning.calendar;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the calendar check says about one input record: the campaign read from it (or none when it
 * could not be read), the findings about its fields, and the conflicts it takes part in.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param number the record's 1-based position in the input
 * @param id the campaign id as written ({@code ""} when missing)
 * @param campaign the campaign, or {@code null} when a required field was missing or bad
 * @param findings problems with the record's fields
 * @param conflicts the conflicts this campaign takes part in
 */
public record CampaignResult(
    long number, String id, @Nullable Campaign campaign, List<Finding> findings, List<Conflict> conflicts) {

  /** Validates and copies the components. */
  public CampaignResult {
    Objects.requireNonNull(id, "id");
    findings = List.copyOf(findings);
    conflicts = List.copyOf(conflicts);
  }

  /** Returns {@code invalid} (not checked), {@code conflict} or {@code ok}. */
  public String status() {
    return campaign == null ? "invalid" : conflicts.isEmpty() ? "ok" : "conflict";
  }
}
