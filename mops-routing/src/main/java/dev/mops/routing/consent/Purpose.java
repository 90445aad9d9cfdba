package dev.mops.routing.consent;

import java.util.Locale;

/**
 * A purpose consent is given for.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum Purpose {
  /** Marketing messages (newsletters, nurture, campaigns). */
  MARKETING,
  /** Sales outreach (a rep contacting the lead). */
  SALES;

  /** Returns the lower-case label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, ignoring case. */
  public static Purpose parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown purpose '" + s + "', expected marketing or sales", e);
    }
  }
}
