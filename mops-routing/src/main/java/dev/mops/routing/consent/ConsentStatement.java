package dev.mops.routing.consent;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One consent statement: a person's email, a channel, a purpose, a state, when it was given and
 * until when it holds.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param email the person's email address (normalized when added to a ledger)
 * @param channel the channel
 * @param purpose the purpose
 * @param state granted, denied or revoked
 * @param at when the statement was made
 * @param expires when it stops holding, or null for never
 * @param source where it came from (a form, a preference centre), or null
 */
public record ConsentStatement(
    String email, Channel channel, Purpose purpose, ConsentState state, Instant at, @Nullable Instant expires,
    @Nullable String source) {

  /** Validates the components. */
  public ConsentStatement {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(at, "at");
    if (expires != null && !expires.isAfter(at)) {
      throw new IllegalArgumentException("consent expires (" + expires + ") before it is given (" + at + ")");
    }
  }
}
