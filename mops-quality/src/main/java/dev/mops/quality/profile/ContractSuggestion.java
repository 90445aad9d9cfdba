package dev.mops.quality.profile;

import dev.mops.quality.contract.LogicalType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a starter native contract from a profile made without one: the first type (boolean, integer,
 * number, date, timestamp, email, url, domain, country, phone) that at least 95% of the values read as, required when no value was missing, unique when every value was distinct, allowed
 * values for low-cardinality text, and observed ranges and lengths as comments.
 *
 * <p>Thread safety: stateless.
 */
final class ContractSuggestion {

  /** The share of present values that must read as a type for it to be suggested. */
  static final double MOSTLY = 0.95;

  private ContractSuggestion() {}

  static String suggest(QualityProfile p, String name) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Starter contract suggested by 'mops profile' from ").append(p.rows()).append(" records.\n");
    sb.append("# Review every line: it describes what was seen, not what should be.\n");
    sb.append("contract: ").append(yaml(name)).append('\n');
    sb.append("version: 1\n");
    sb.append("fields:\n");
    String firstUnique = null;
    for (FieldProfile f : p.fields()) {
      long present = f.count() - f.nulls() - f.empties();
      LogicalType type = LogicalType.STRING;
      long misfits = 0;
      if (present > 0) {
        for (Map.Entry<String, Long> e : f.inferredTypes().entrySet()) {
          if (e.getValue() >= MOSTLY * present) {
            type = LogicalType.parse(e.getKey());
            misfits = present - e.getValue();
            break;
          }
        }
      }
      sb.append("  ").append(yaml(f.name())).append(":\n");
      sb.append("    type: ").append(type.label());
      if (misfits > 0) {
        sb.append("   # ").append(misfits).append(" of ").append(present).append(" values did not read as ").append(type.label());
      }
      sb.append('\n');
      if (present == f.count() && f.count() > 0) {
        sb.append("    required: true\n");
      }
      boolean unique = f.distinctExact() && present > 1 && f.distinct() == present;
      if (unique) {
        sb.append("    unique: true\n");
        if (firstUnique == null) {
          firstUnique = f.name();
        }
      }
      if (type == LogicalType.STRING && f.distinctExact() && f.distinct() > 0 && f.distinct() <= 12 && present >= 3 * f.distinct()) {
        sb.append("    allowed: [");
        List<Map.Entry<String, Long>> top = f.topValues();
        for (int i = 0; i < top.size(); i++) {
          sb.append(i == 0 ? "" : ", ").append(yaml(top.get(i).getKey()));
        }
        sb.append("]\n");
      }
      if ((type == LogicalType.INTEGER || type == LogicalType.NUMBER) && f.measured() > 0) {
        sb.append("    # seen: ").append(num(f.min())).append(" .. ").append(num(f.max())).append('\n');
        sb.append("    min: ").append(num(Math.min(0, f.min()))).append('\n');
      }
      if (type == LogicalType.STRING && f.maxLength() > 0) {
        sb.append("    max_length: ").append(Math.max(f.maxLength(), 1) * 2).append("   # longest seen: ").append(f.maxLength()).append('\n');
      }
    }
    return sb.toString();
  }

  private static String num(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
  }

  static String yaml(String s) {
    if (s.matches("[A-Za-z_][A-Za-z0-9_ .-]*") && !s.matches("(?i)(true|false|yes|no|null|on|off|y|n)") && !s.endsWith(" ")) {
      return s;
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
