package dev.mops.quality.contract;

import java.util.Locale;

/**
 * The kind of a {@link ContractRule}: what it checks and whether it is checked record by record or
 * on the whole dataset.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum RuleKind {
  /** The field has a non-blank value. Record-level. */
  REQUIRED(true, QualityDimension.COMPLETENESS),
  /** The value reads as the field's logical type. Record-level. */
  TYPE(true, QualityDimension.VALIDITY),
  /** The value reads with the field's explicit date/time format. Record-level. */
  FORMAT(true, QualityDimension.VALIDITY),
  /** The value is one of a list. Record-level. */
  ALLOWED_VALUES(true, QualityDimension.VALIDITY),
  /** The value matches a regular expression (RE2/J, whole value). Record-level. */
  PATTERN(true, QualityDimension.VALIDITY),
  /** The value's length in characters is within bounds. Record-level. */
  LENGTH(true, QualityDimension.VALIDITY),
  /** The value is within a numeric, date or time range. Record-level. */
  RANGE(true, QualityDimension.VALIDITY),
  /** ODCS {@code nullValues}: counts null or blank values. Record-level. */
  NULL_VALUES(true, QualityDimension.COMPLETENESS),
  /** ODCS {@code missingValues}: counts values listed as meaning "missing". Record-level. */
  MISSING_VALUES(true, QualityDimension.COMPLETENESS),
  /** ODCS {@code invalidValues}: counts values outside a list of valid values or a pattern. Record-level. */
  INVALID_VALUES(true, QualityDimension.VALIDITY),
  /** A cross-field rule written as mops conditions or a field-to-field comparison. Record-level. */
  CROSS_FIELD(true, QualityDimension.CONSISTENCY),
  /** A single or composite key identifies one record: counts duplicate rows, exactly. Dataset-level. */
  UNIQUE(false, QualityDimension.UNIQUENESS),
  /** The number of records is within bounds. Dataset-level. */
  ROW_COUNT(false, QualityDimension.COMPLETENESS),
  /** The newest value of a timestamp field is recent enough. Dataset-level. */
  FRESHNESS(false, QualityDimension.TIMELINESS),
  /** A rule mops cannot evaluate (ODCS custom SQL, text); reported as not evaluated, never passed. */
  UNSUPPORTED(false, QualityDimension.VALIDITY);

  private final boolean recordLevel;
  private final QualityDimension defaultDimension;

  RuleKind(boolean recordLevel, QualityDimension defaultDimension) {
    this.recordLevel = recordLevel;
    this.defaultDimension = defaultDimension;
  }

  /** Returns whether the rule is checked on each record (as opposed to on the whole dataset). */
  public boolean recordLevel() {
    return recordLevel;
  }

  /** Returns the dimension a rule of this kind counts toward unless the contract says otherwise. */
  public QualityDimension defaultDimension() {
    return defaultDimension;
  }

  /** Returns the lower-case name used in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
