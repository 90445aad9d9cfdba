package dev.mops.core.io;

import dev.mops.core.record.Record;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * JSON string literals and plain values for the SDK's hand-written JSON (explanations, reports,
 * saved models, monitor history lines, pipeline outputs, diff reports): one writer for every module.
 *
 * <p>Escapes {@code "} and {@code \}, writes {@code \n}, {@code \r} and {@code \t} as such, and
 * every other control character and the line and paragraph separators U+2028 and U+2029 as
 * {@code \}{@code uXXXX}, so a string never breaks a JSON line or a script that embeds it.
 *
 * <p>Thread safety: stateless.
 */
public final class JsonText {

  private JsonText() {}

  /** Appends {@code s} to {@code sb} as a quoted JSON string. */
  public static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Returns {@code s} as a quoted JSON string. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }

  /**
   * Appends a plain value as JSON: {@code null}; booleans; whole numbers as such; a {@code double}
   * or {@code float} as a number (a whole one with {@code .0}, NaN and infinities as {@code null},
   * which JSON cannot hold); {@code BigDecimal} and {@code BigInteger} with every digit; any other
   * number by its {@code double} value; a {@link Map} as an object (keys as text, in the map's order);
   * a {@link dev.mops.core.record.Record} as an object of its fields; an {@link Iterable} as an
   * array; anything else (instants, dates, enums, text) as its {@code toString()} in quotes.
   *
   * @param sb where to append
   * @param v the value; nested maps, records and iterables are written recursively
   */
  public static void value(StringBuilder sb, @Nullable Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        sb.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sb.append((long) d).append(".0");
      } else {
        sb.append(d);
      }
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      sb.append(((Number) v).longValue());
    } else if (v instanceof BigDecimal bd) {
      sb.append(bd.toPlainString());
    } else if (v instanceof BigInteger bi) {
      sb.append(bi);
    } else if (v instanceof Number n) {
      value(sb, n.doubleValue());
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, String.valueOf(e.getKey()));
        sb.append(':');
        value(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof Record r) {
      sb.append('{');
      boolean first = true;
      for (String f : r.fieldNames()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        quote(sb, f);
        sb.append(':');
        value(sb, r.get(f));
      }
      sb.append('}');
    } else if (v instanceof Iterable<?> it) {
      sb.append('[');
      boolean first = true;
      for (Object o : it) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        value(sb, o);
      }
      sb.append(']');
    } else {
      quote(sb, v.toString());
    }
  }

  /** Returns a plain value as JSON text, as {@link #value(StringBuilder, Object)} writes it. */
  public static String value(@Nullable Object v) {
    StringBuilder sb = new StringBuilder(256);
    value(sb, v);
    return sb.toString();
  }
}
