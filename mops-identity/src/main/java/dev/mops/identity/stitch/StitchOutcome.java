package dev.mops.identity.stitch;

import java.util.Objects;

/**
 * What adding one observation did.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param profileId the profile the observation's kept identifiers belong to, or {@code ""} when
 *     none was kept
 * @param mergedProfiles how many existing profiles the observation merged (0 or 1: no merge)
 * @param kept how many identifiers were stitched
 * @param refused how many identifiers were refused (blocked, invalid or in conflict)
 */
public record StitchOutcome(String profileId, int mergedProfiles, int kept, int refused) {

  /** Validates the components. */
  public StitchOutcome {
    Objects.requireNonNull(profileId, "profileId");
  }
}
