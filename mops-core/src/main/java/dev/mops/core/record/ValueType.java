package dev.mops.core.record;

/**
 * The kind of value a field holds, declared in a {@link Schema} so that values are converted once,
 * when a row is built, rather than on every comparison.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ValueType {
  /** Whatever the source holds; conditions coerce it when they compare (strings to numbers, ...). */
  ANY,
  /** Text. */
  STRING,
  /** A number: {@code Long}, {@code Double} or {@code BigDecimal} (decimals keep their digits). */
  NUMBER,
  /** {@code true} or {@code false}; also reads yes/no, y/n, 1/0. */
  BOOLEAN,
  /** A point in time, as {@link java.time.Instant}; reads ISO-8601 with an offset, or a date at UTC midnight. */
  INSTANT,
  /** A calendar date, as {@link java.time.LocalDate}; reads {@code yyyy-MM-dd} and {@code yyyyMMdd}. */
  DATE,
  /** A list of strings; reads a {@code java.util.List} or a string split on {@code ;} or {@code |}. */
  STRING_LIST
}
