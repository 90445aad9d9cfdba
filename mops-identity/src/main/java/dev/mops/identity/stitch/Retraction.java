package dev.mops.identity.stitch;

import java.util.List;
import java.util.Objects;

/**
 * What retracting an observation did: the profile it had been part of and the profiles that
 * profile became once recomputed without it.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param observationId the retracted observation
 * @param found false when the graph holds no observation of that id (nothing was changed)
 * @param previousProfileId the profile the observation was part of, or {@code ""}
 * @param profileIds the profiles its former identifiers belong to now, sorted; empty when none is left
 * @param identifiersRemoved how many identifiers no longer belong to any profile
 */
public record Retraction(
    String observationId, boolean found, String previousProfileId, List<String> profileIds, int identifiersRemoved) {

  /** Validates the components and copies the list. */
  public Retraction {
    Objects.requireNonNull(observationId, "observationId");
    Objects.requireNonNull(previousProfileId, "previousProfileId");
    profileIds = List.copyOf(profileIds);
  }
}
