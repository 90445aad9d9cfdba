package dev.mops.routing.consent;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ConsentLedger} knows about one person, channel and purpose at an instant.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param state the state of the newest statement made at or before the instant, or null when there
 *     is none
 * @param expired whether that statement had expired at the instant
 * @param statement the deciding statement, or null
 */
public record ConsentStatus(@Nullable ConsentState state, boolean expired, @Nullable ConsentStatement statement) {

  /** The status of a person with no statement. */
  public static final ConsentStatus UNKNOWN = new ConsentStatus(null, false, null);

  /** Returns whether a current grant holds. */
  public boolean granted() {
    return state == ConsentState.GRANTED && !expired;
  }

  /** Returns whether a current denial or revocation holds. */
  public boolean refused() {
    return (state == ConsentState.DENIED || state == ConsentState.REVOKED) && !expired;
  }

  /** Returns {@code granted}, {@code denied}, {@code revoked}, {@code expired} or {@code unknown}. */
  public String label() {
    if (state == null) {
      return "unknown";
    }
    return expired ? "expired" : Objects.requireNonNull(state).label();
  }
}
