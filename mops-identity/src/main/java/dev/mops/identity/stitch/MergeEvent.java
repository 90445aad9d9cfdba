package dev.mops.identity.stitch;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One merge: an observation whose identifiers belonged to two or more profiles, which became one.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param observationId the observation that merged them
 * @param timestamp the observation's timestamp, or {@code null}
 * @param source the observation's source
 * @param profileId the id of the merged profile
 * @param merged each profile that was merged, with the identifier of the observation that it held
 *     (the reason it was merged)
 */
public record MergeEvent(
    String observationId, @Nullable Instant timestamp, String source, String profileId, List<Link> merged) {

  /** Validates the components and copies the list. */
  public MergeEvent {
    Objects.requireNonNull(observationId, "observationId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(profileId, "profileId");
    merged = List.copyOf(merged);
  }

  /**
   * A profile taken into a merge and the identifier that tied it to the observation.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param profileId the profile's id before the merge
   * @param via an identifier of the observation that the profile held
   */
  public record Link(String profileId, Identifier via) {

    /** Validates the components. */
    public Link {
      Objects.requireNonNull(profileId, "profileId");
      Objects.requireNonNull(via, "via");
    }
  }
}
