package dev.mops.quality.profile;

import java.util.Locale;

/**
 * The outcome of one contract rule on a profile.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum RuleStatus {
  /** The measured value keeps to the rule's threshold. */
  PASS,
  /** The threshold is broken and the rule's severity is warning or info. */
  WARN,
  /** The threshold is broken and the rule's severity is error. */
  FAIL,
  /** mops could not evaluate the rule (custom SQL, no data); never counted as a pass. */
  NOT_EVALUATED;

  /** Returns the lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
