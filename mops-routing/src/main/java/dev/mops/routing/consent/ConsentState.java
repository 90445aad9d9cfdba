package dev.mops.routing.consent;

import java.util.Locale;

/**
 * The state a consent statement records.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ConsentState {
  /** The person agreed. */
  GRANTED,
  /** The person refused when asked. */
  DENIED,
  /** The person withdrew an earlier agreement. */
  REVOKED;

  /** Returns the lower-case label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, ignoring case. */
  public static ConsentState parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown consent state '" + s + "', expected granted, denied or revoked", e);
    }
  }
}
