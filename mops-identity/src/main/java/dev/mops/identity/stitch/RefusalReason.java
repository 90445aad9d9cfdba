package dev.mops.identity.stitch;

import java.util.Locale;

/**
 * Why an identifier of an observation was not stitched.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum RefusalReason {
  /** The value is blocked (an exact value or a pattern, for its type or for every type). */
  BLOCKED,
  /** The value cannot be normalized: not an email, not a phone number, or too long. */
  INVALID,
  /** Keeping it would give one profile two different values of a unique type. */
  UNIQUE,
  /** Keeping it would give one profile more values of a type than its limit (within its window, if any). */
  LIMIT,
  /**
   * A value of a type that does not link (such as a shared phone) would have been the only tie
   * between the observation and a profile.
   */
  WEAK_LINK,
  /** Keeping it would make a profile larger than the largest profile allowed. */
  PROFILE_SIZE,
  /** The observation names a type the configuration does not have. */
  UNKNOWN_TYPE;

  /** Returns the reason's code in lower case ({@code unique}), as written in merge logs. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
