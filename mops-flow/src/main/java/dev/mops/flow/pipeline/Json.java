package dev.mops.flow.pipeline;

import dev.mops.core.io.JsonText;
import dev.mops.core.record.Record;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes plain values (maps, lists, records, text, numbers, booleans, instants) as JSON. */
final class Json {

  private Json() {}

  static void value(StringBuilder sb, @Nullable Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof Boolean b) {
      sb.append(b.booleanValue());
    } else if (v instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) {
        sb.append("null");
      } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        sb.append((long) d.doubleValue()).append(".0");
      } else {
        sb.append(d.doubleValue());
      }
    } else if (v instanceof Float f) {
      value(sb, (double) f.floatValue());
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      sb.append(((Number) v).longValue());
    } else if (v instanceof BigDecimal bd) {
      sb.append(bd.toPlainString());
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        JsonText.quote(sb, String.valueOf(e.getKey()));
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
        JsonText.quote(sb, f);
        sb.append(':');
        value(sb, r.get(f));
      }
      sb.append('}');
    } else if (v instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        value(sb, o);
      }
      sb.append(']');
    } else {
      JsonText.quote(sb, v.toString());
    }
  }

  static String of(@Nullable Object v) {
    StringBuilder sb = new StringBuilder(256);
    value(sb, v);
    return sb.toString();
  }
}
