package dev.mops.routing.consent;

import java.util.Locale;

/**
 * A channel consent is given for.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum Channel {
  /** Email. */
  EMAIL,
  /** Text messages. */
  SMS,
  /** Calls. */
  PHONE,
  /** Advertising audiences (custom audiences, retargeting). */
  ADS;

  /** Returns the lower-case label. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label, ignoring case. */
  public static Channel parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown channel '" + s + "', expected email, sms, phone or ads", e);
    }
  }
}
