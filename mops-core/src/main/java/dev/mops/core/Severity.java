package dev.mops.core;

/**
 * How serious a {@link Finding} is, ordered from least to most serious.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum Severity {
  /** Worth knowing, nothing to fix. */
  INFO,
  /** Probably wrong; the value was still used. */
  WARNING,
  /** Wrong; the value could not be used as it stands. */
  ERROR;

  /**
   * Parses a severity name case-insensitively ({@code info}, {@code warning}/{@code warn},
   * {@code error}).
   *
   * @throws IllegalArgumentException naming the value when it is none of those
   */
  public static Severity parse(String name) {
    switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "info":
        return INFO;
      case "warn":
      case "warning":
        return WARNING;
      case "error":
        return ERROR;
      default:
        throw new IllegalArgumentException(
            "unknown severity '" + name + "', expected one of info, warning, error");
    }
  }

  /** Returns the lower-case name used in files and on the command line. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
