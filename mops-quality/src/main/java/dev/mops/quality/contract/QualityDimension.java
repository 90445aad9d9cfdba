package dev.mops.quality.contract;

import java.util.Locale;

/**
 * A dimension of data quality that contract rules are grouped and scored by.
 *
 * <p>ODCS dimensions map onto these: {@code accuracy} and {@code conformity} to {@link #VALIDITY},
 * {@code coverage} to {@link #COMPLETENESS}.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum QualityDimension {
  /** Values that should be there are there. */
  COMPLETENESS,
  /** Values have the right type, format, pattern, range and allowed value. */
  VALIDITY,
  /** Keys identify one record each. */
  UNIQUENESS,
  /** The data is recent enough. */
  TIMELINESS,
  /** Fields agree with each other (cross-field rules). */
  CONSISTENCY;

  /** Returns the lower-case name used in contracts and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a dimension name case-insensitively, including the ODCS names.
   *
   * @throws IllegalArgumentException naming the value when it is unknown
   */
  public static QualityDimension parse(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "completeness": case "coverage": return COMPLETENESS;
      case "validity": case "conformity": case "accuracy": return VALIDITY;
      case "uniqueness": return UNIQUENESS;
      case "timeliness": case "freshness": return TIMELINESS;
      case "consistency": return CONSISTENCY;
      default:
        throw new IllegalArgumentException(
            "unknown dimension '" + name + "', expected one of completeness, validity, uniqueness, "
                + "timeliness, consistency (or the ODCS accuracy, conformity, coverage)");
    }
  }
}
