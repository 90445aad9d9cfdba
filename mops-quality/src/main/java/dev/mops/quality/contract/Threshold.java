package dev.mops.quality.contract;

import java.util.Locale;
import java.util.Objects;

/**
 * The bound a rule's measured value must keep to pass: a comparison with one number (or two for
 * {@code between}), in rows, percent of rows, or seconds.
 *
 * <p>For record-level and uniqueness rules the measured value is the number of failing rows (or
 * their percentage of all rows, or of keyed rows for uniqueness); for {@link RuleKind#ROW_COUNT}
 * it is the number of rows; for {@link RuleKind#FRESHNESS} the age of the newest value in seconds.
 * The native format writes {@code max_failures: 0}, {@code max_failures: 25} or {@code
 * max_failures: 1.5%}; ODCS writes {@code mustBe}, {@code mustBeLessOrEqualTo}, ... with {@code
 * unit: rows|percent}.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param comparison how the measured value is compared
 * @param value the bound (the lower bound for {@code between})
 * @param upper the upper bound for {@code between}/{@code not between}; otherwise equal to {@code value}
 * @param unit what the measured value counts
 */
public record Threshold(Comparison comparison, double value, double upper, Unit unit) {

  /** How a measured value is compared with the bound. */
  public enum Comparison {
    /** Equal to. */
    EQ("="),
    /** Not equal to. */
    NE("!="),
    /** Greater than. */
    GT(">"),
    /** Greater than or equal to. */
    GE(">="),
    /** Less than. */
    LT("<"),
    /** Less than or equal to. */
    LE("<="),
    /** Within {@code [value, upper]}. */
    BETWEEN("between"),
    /** Outside {@code [value, upper]}. */
    NOT_BETWEEN("not between");

    private final String symbol;

    Comparison(String symbol) {
      this.symbol = symbol;
    }

    /** Returns the symbol used in reports ({@code <=}, {@code between}, ...). */
    public String symbol() {
      return symbol;
    }
  }

  /** What a measured value counts. */
  public enum Unit {
    /** A number of rows. */
    ROWS,
    /** A percentage (0-100) of rows. */
    PERCENT,
    /** A duration in seconds. */
    SECONDS;

    /** Returns the lower-case name. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The default of record-level rules: no failing row at all. */
  public static final Threshold NO_FAILURES = new Threshold(Comparison.LE, 0, 0, Unit.ROWS);

  /** Validates the components. */
  public Threshold {
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(unit, "unit");
    if (Double.isNaN(value) || Double.isNaN(upper)) {
      throw new IllegalArgumentException("threshold bounds must be numbers");
    }
    if ((comparison == Comparison.BETWEEN || comparison == Comparison.NOT_BETWEEN) && upper < value) {
      throw new IllegalArgumentException("threshold range is empty: " + value + " > " + upper);
    }
    if (unit == Unit.PERCENT && (value < 0 || upper > 100)) {
      throw new IllegalArgumentException("a percent threshold must lie in 0..100, got " + value);
    }
  }

  /** Returns a threshold allowing at most {@code rows} failing rows. */
  public static Threshold atMostRows(long rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("max failures must be >= 0, got " + rows);
    }
    return new Threshold(Comparison.LE, rows, rows, Unit.ROWS);
  }

  /** Returns a threshold allowing at most {@code percent} percent of rows to fail. */
  public static Threshold atMostPercent(double percent) {
    return new Threshold(Comparison.LE, percent, percent, Unit.PERCENT);
  }

  /** Returns a threshold comparing with one bound. */
  public static Threshold of(Comparison comparison, double value, Unit unit) {
    return new Threshold(comparison, value, value, unit);
  }

  /**
   * Parses the native {@code max_failures} form: a whole number of rows ({@code 25}) or a percent
   * ({@code 1.5%}).
   *
   * @throws IllegalArgumentException naming the text when it is neither
   */
  public static Threshold parseMaxFailures(String text) {
    String s = text.trim();
    try {
      if (s.endsWith("%")) {
        double p = Double.parseDouble(s.substring(0, s.length() - 1).trim());
        if (!(p >= 0 && p <= 100)) {
          throw new IllegalArgumentException("max failures must be a percent in 0..100, got '" + text + "'");
        }
        return atMostPercent(p);
      }
      return atMostRows(Long.parseLong(s));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "expected a number of rows (25) or a percent (1.5%), got '" + text + "'", e);
    }
  }

  /** Returns whether a measured value keeps to this threshold. */
  public boolean accepts(double measured) {
    switch (comparison) {
      case EQ: return measured == value;
      case NE: return measured != value;
      case GT: return measured > value;
      case GE: return measured >= value;
      case LT: return measured < value;
      case LE: return measured <= value;
      case BETWEEN: return measured >= value && measured <= upper;
      case NOT_BETWEEN: return measured < value || measured > upper;
      default: throw new AssertionError(comparison);
    }
  }

  /**
   * Returns the measured value of a failure count: the count itself in rows, or its percentage of
   * {@code population} (0 when the population is empty).
   */
  public double measure(long failures, long population) {
    if (unit == Unit.PERCENT) {
      return population == 0 ? 0 : 100.0 * failures / population;
    }
    return failures;
  }

  /** Returns a short form such as {@code <= 1.5%}, {@code = 0 rows}, {@code between 10 and 20 rows}. */
  public String describe() {
    String u = unit == Unit.PERCENT ? "%" : " " + unit.label();
    if (comparison == Comparison.BETWEEN || comparison == Comparison.NOT_BETWEEN) {
      return comparison.symbol() + " " + number(value) + " and " + number(upper) + u;
    }
    return comparison.symbol() + " " + number(value) + u;
  }

  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.4g", d).replaceAll("\\.?0+$", "");
  }
}
