package dev.mops.core.condition;

import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;

/** Normalizes literal values in conditions to the few types the language knows. */
final class Literals {

  private Literals() {}

  /**
   * A literal for equality: String, Long, Double, BigDecimal or Boolean. Numbers take one canonical
   * form, so that equal literals are equal records whatever their source: a whole BigDecimal that
   * fits becomes a Long, one with at most 15 significant digits a Double, and a longer one keeps
   * its digits without trailing zeros.
   */
  static Object forEquality(Object value) {
    if (value instanceof BigDecimal bigDecimal) {
      BigDecimal b = bigDecimal.stripTrailingZeros();
      if (b.scale() <= 0 && b.precision() - b.scale() <= 18) {
        return b.longValueExact();
      }
      if (b.precision() <= 15) {
        return b.doubleValue();
      }
      return b.scale() < 0 ? b.setScale(0) : b;
    }
    if (value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double) {
      if (value instanceof Double d && !Double.isFinite(d)) {
        throw new IllegalArgumentException("literal must be a finite number, got " + value);
      }
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return forEquality(f.doubleValue());
    }
    if (value instanceof BigInteger b) {
      
      return b.bitLength() < 64 ? (Object) b.longValue() : new BigDecimal(b);
    }
    throw new IllegalArgumentException(
        "literal must be a string, number or boolean, got " + value.getClass().getSimpleName() + " " + value);
  }

  /**
   * A literal for ordering: a number, an Instant, a LocalDate, or a String. Text that reads as a
   * number becomes a number; an ISO timestamp becomes an Instant; an ISO date a LocalDate.
   */
  static Object forOrdering(Object value) {
    if (value instanceof Instant || value instanceof LocalDate) {
      return value;
    }
    if (value instanceof String s) {
      
      Number n = Values.asNumber(s);
      if (n != null) {
        return forEquality(n);
      }
      String t = s.trim();
      if (t.length() == 10 && t.charAt(4) == '-') {
        LocalDate d = Values.asDate(t);
        if (d != null) {
          return d;
        }
      }
      if (t.length() > 10 && (t.charAt(10) == 'T' || t.charAt(10) == ' ')) {
        Instant i = Values.asInstant(t);
        if (i != null) {
          return i;
        }
      }
      return s;
    }
    if (value instanceof Boolean) {
      throw new IllegalArgumentException("cannot order by a boolean literal: " + value);
    }
    if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date) {
      Instant i = Values.asInstant(value);
      if (i != null) {
        return i;
      }
    }
    return forEquality(value);
  }

  /** Returns the literal as text for explanations: strings quoted. */
  static String show(Object literal) {
    if (literal instanceof String) {
      return "'" + literal + "'";
    }
    if (literal instanceof BigDecimal bigDecimal) {
      return bigDecimal.toPlainString();
    }
    return String.valueOf(literal);
  }

  /** Returns the kind of an ordering literal. */
  static String kind(Object literal) {
    if (literal instanceof Number) {
      return "number";
    }
    if (literal instanceof Instant) {
      return "instant";
    }
    if (literal instanceof LocalDate) {
      return "date";
    }
    return "string";
  }
}
