package dev.mops.identity.stitch;

import java.util.Objects;

/**
 * An identifier seen with too many distinct profiles (a shared office phone, a kiosk's cookie,
 * {@code test@test.com}): a candidate for the blocklist.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param identifier the identifier (normalized)
 * @param profiles the number of distinct profiles it was seen with (its own and those it was refused into)
 * @param refusals how many times it was refused
 * @param profileId the profile it belongs to, or {@code ""} when it belongs to none
 */
public record SuspectedJunk(Identifier identifier, int profiles, int refusals, String profileId) {

  /** Validates the components. */
  public SuspectedJunk {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(profileId, "profileId");
  }
}
