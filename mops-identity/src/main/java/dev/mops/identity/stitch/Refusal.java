package dev.mops.identity.stitch;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An identifier of an observation that was not stitched, and why.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param observationId the observation's id
 * @param timestamp the observation's timestamp, or {@code null}
 * @param source the observation's source
 * @param identifier the identifier: normalized for conflicts, as found for blocked and invalid values
 * @param reason why it was refused
 * @param detail a sentence naming the rule, the counts and the profiles involved
 * @param profileId the profile the rest of the observation went to, or {@code ""} when none
 */
public record Refusal(
    String observationId,
    @Nullable Instant timestamp,
    String source,
    Identifier identifier,
    RefusalReason reason,
    String detail,
    String profileId) {

  /** Validates the components. */
  public Refusal {
    Objects.requireNonNull(observationId, "observationId");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(profileId, "profileId");
  }
}
