package dev.mops.core.condition;

import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Comparisons of field values with ordering literals, shared by compiled nodes. */
final class Ordering {

  /** Returned when a value cannot be compared with the literal. */
  static final int INCOMPARABLE = Integer.MIN_VALUE;

  private Ordering() {}

  static int compareLiterals(Object a, Object b) {
    int c = compareValue(a, b);
    if (c == INCOMPARABLE) {
      throw new IllegalArgumentException("cannot compare " + a + " with " + b);
    }
    return c;
  }

  /** Compares a field value with a literal of ordering kind; {@link #INCOMPARABLE} when it cannot. */
  static int compareValue(@Nullable Object value, Object literal) {
    if (value == null) {
      return INCOMPARABLE;
    }
    if (literal instanceof Number) {
      return compareNumber(value, (Number) literal);
    }
    if (literal instanceof Instant) {
      Instant t = value instanceof Instant ? (Instant) value : Values.asInstant(value);
      return t == null ? INCOMPARABLE : Integer.signum(t.compareTo((Instant) literal));
    }
    if (literal instanceof LocalDate) {
      LocalDate d = value instanceof LocalDate ? (LocalDate) value : Values.asDate(value);
      return d == null ? INCOMPARABLE : Integer.signum(d.compareTo((LocalDate) literal));
    }
    String s = value instanceof String ? (String) value : Values.asString(value);
    return s == null ? INCOMPARABLE : Integer.signum(s.compareTo((String) literal));
  }

  static int compareNumber(Object value, Number literal) {
    if (literal instanceof BigDecimal) {
      Number n = value instanceof Number ? (Number) value : Values.asNumber(value);
      if (n == null) {
        return INCOMPARABLE;
      }
      return toBigDecimal(n).compareTo((BigDecimal) literal);
    }
    if (value instanceof Long && literal instanceof Long) {
      return Long.compare((Long) value, (Long) literal);
    }
    double d;
    if (value instanceof Long) {
      d = (Long) value;
    } else if (value instanceof Double) {
      d = (Double) value;
    } else if (value instanceof Integer) {
      d = (Integer) value;
    } else if (value instanceof BigDecimal) {
      return ((BigDecimal) value).compareTo(toBigDecimal(literal));
    } else {
      Number n = Values.asNumber(value);
      if (n == null) {
        return INCOMPARABLE;
      }
      if (n instanceof BigDecimal) {
        return ((BigDecimal) n).compareTo(toBigDecimal(literal));
      }
      if (n instanceof Long && literal instanceof Long) {
        return Long.compare(n.longValue(), (Long) literal);
      }
      d = n.doubleValue();
    }
    if (Double.isNaN(d)) {
      return INCOMPARABLE;
    }
    return Double.compare(d, literal.doubleValue()) < 0 ? -1 : d == literal.doubleValue() ? 0 : 1;
  }

  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }
}
