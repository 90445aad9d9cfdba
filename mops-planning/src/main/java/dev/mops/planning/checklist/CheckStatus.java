package dev.mops.planning.checklist;

/**
 * The outcome of one checklist item.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum CheckStatus {
  /** The check holds. */
  PASS,
  /** The check does not hold. */
  FAIL,
  /** The check does not hold, or was not looked at, and its waiver applies. */
  WAIVED;

  /** Returns the lower-case name used in files. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
