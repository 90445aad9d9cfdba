package dev.mops.identity.stitch;

import java.util.List;
import java.util.Objects;

/**
 * One stitched profile: its stable id and its identifiers (normalized), ordered by the
 * configuration's type order, then value.
 *
 * <p>Thread safety: an immutable value (a snapshot; the graph may have changed since).
 *
 * @param id the profile id ({@code p-} and 16 hex digits)
 * @param identifiers the identifiers
 */
public record Profile(String id, List<Identifier> identifiers) {

  /** Validates the components and copies the list. */
  public Profile {
    Objects.requireNonNull(id, "id");
    identifiers = List.copyOf(identifiers);
  }
}
