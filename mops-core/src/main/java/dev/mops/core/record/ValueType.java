package dev.mops.core.record;

import java.util.Locale;

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
  STRING_LIST;

  /** The names {@link #ofName} reads, for error messages. */
  public static final String NAMES = "string, number, boolean, instant, date, list, any";

  /**
   * Reads a field type as configs spell it: {@code string} (or {@code text}), {@code number}, {@code boolean},
   * {@code instant} (or {@code timestamp}), {@code date}, {@code list} or {@code any}, in any case and with
   * surrounding blanks ignored.
   *
   * @param name the type's name in a config
   * @return the type
   * @throws IllegalArgumentException naming the unknown type and the expected names
   */
  public static ValueType ofName(String name) {
    switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "string":
      case "text":
        return STRING;
      case "number":
        return NUMBER;
      case "boolean":
        return BOOLEAN;
      case "instant":
      case "timestamp":
        return INSTANT;
      case "date":
        return DATE;
      case "list":
        return STRING_LIST;
      case "any":
        return ANY;
      default:
        throw new IllegalArgumentException("unknown field type '" + name + "', expected one of " + NAMES);
    }
  }
}
