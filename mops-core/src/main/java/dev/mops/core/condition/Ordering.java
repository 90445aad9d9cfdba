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
    if (literal instanceof Number number) {
      return compareNumber(value, number);
    }
    if (literal instanceof Instant bound) {
      Instant t = value instanceof Instant instant ? instant : Values.asInstant(value);
      return t == null ? INCOMPARABLE : Integer.signum(t.compareTo(bound));
    }
    if (literal instanceof LocalDate bound) {
      LocalDate d = value instanceof LocalDate date ? date : Values.asDate(value);
      return d == null ? INCOMPARABLE : Integer.signum(d.compareTo(bound));
    }
    String s = value instanceof String string ? string : Values.asString(value);
    return s == null ? INCOMPARABLE : Integer.signum(s.compareTo((String) literal));
  }

  static int compareNumber(Object value, Number literal) {
    if (literal instanceof BigDecimal bound) {
      Number n = value instanceof Number number ? number : Values.asNumber(value);
      if (n == null) {
        return INCOMPARABLE;
      }
      return toBigDecimal(n).compareTo(bound);
    }
    if (value instanceof Long v && literal instanceof Long bound) {
      return Long.compare(v, bound);
    }
    double d;
    if (value instanceof Long v) {
      d = v;
    } else if (value instanceof Double v) {
      d = v;
    } else if (value instanceof Integer v) {
      d = v;
    } else if (value instanceof BigDecimal v) {
      return v.compareTo(toBigDecimal(literal));
    } else {
      Number n = Values.asNumber(value);
      if (n == null) {
        return INCOMPARABLE;
      }
      if (n instanceof BigDecimal big) {
        return big.compareTo(toBigDecimal(literal));
      }
      if (n instanceof Long && literal instanceof Long bound) {
        return Long.compare(n.longValue(), bound);
      }
      d = n.doubleValue();
    }
    if (Double.isNaN(d)) {
      return INCOMPARABLE;
    }
    return Double.compare(d, literal.doubleValue()) < 0 ? -1 : d == literal.doubleValue() ? 0 : 1;
  }

  static BigDecimal toBigDecimal(Number n) {
    if (n instanceof BigDecimal big) {
      return big;
    }
    if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }
}
