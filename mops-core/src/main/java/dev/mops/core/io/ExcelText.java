package dev.mops.core.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders an Excel number cell as Excel shows it, from its value and its number format: dates and
 * times ({@code yyyy-mm-dd}, {@code m/d/yyyy h:mm AM/PM}, ...), fixed decimals, thousands
 * separators, percentages, scientific notation, currency and literal text, zero-padded codes
 * ({@code 00000}) and digit layouts such as {@code (###) ###-####}, with sections for negative
 * numbers and {@code [<=9999999]} conditions.
 *
 * <p>Where Excel's output depends on the column width or the machine, this renders what a wide
 * column shows on an English (United States) system: {@code General} numbers in full (up to 15
 * significant digits, Excel's precision), built-in format 14 as {@code m/d/yyyy}, English month and
 * day names. Fractions ({@code # ?/?}) are shown as decimals.
 *
 * <p>Thread safety: stateless.
 */
final class ExcelText {

  private ExcelText() {}

  private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_UP);

  /** Returns the format string of a built-in format id, or null when it is not one. */
  static @Nullable String builtIn(int id) {
    switch (id) {
      case 0: return "General";
      case 1: return "0";
      case 2: return "0.00";
      case 3: return "#,##0";
      case 4: return "#,##0.00";
      case 5: return "$#,##0_);($#,##0)";
      case 6: return "$#,##0_);[Red]($#,##0)";
      case 7: return "$#,##0.00_);($#,##0.00)";
      case 8: return "$#,##0.00_);[Red]($#,##0.00)";
      case 9: return "0%";
      case 10: return "0.00%";
      case 11: return "0.00E+00";
      case 12: return "# ?/?";
      case 13: return "# ??/??";
      case 14: return "m/d/yyyy";
      case 15: return "d-mmm-yy";
      case 16: return "d-mmm";
      case 17: return "mmm-yy";
      case 18: return "h:mm AM/PM";
      case 19: return "h:mm:ss AM/PM";
      case 20: return "h:mm";
      case 21: return "h:mm:ss";
      case 22: return "m/d/yyyy h:mm";
      case 37: return "#,##0_);(#,##0)";
      case 38: return "#,##0_);[Red](#,##0)";
      case 39: return "#,##0.00_);(#,##0.00)";
      case 40: return "#,##0.00_);[Red](#,##0.00)";
      case 45: return "mm:ss";
      case 46: return "[h]:mm:ss";
      case 47: return "mm:ss.0";
      case 48: return "##0.0E+0";
      case 49: return "@";
      default: return null;
    }
  }

  /**
   * Returns the text Excel shows for the number {@code raw} (as stored in the sheet) in {@code
   * format} (null: General); {@code raw} itself when it is not a number.
   */
  static String format(String raw, @Nullable String format, boolean date1904) {
    BigDecimal v;
    try {
      v = new BigDecimal(raw.trim());
    } catch (NumberFormatException e) {
      return raw;
    }
    if (format == null || format.isBlank() || format.equalsIgnoreCase("general")) {
      return general(v);
    }
    List<String> sections = sections(format);
    String section = sections.get(0);
    boolean negate = false;
    BigDecimal[] bound = new BigDecimal[1];
    String op = condition(section, bound);
    if (op != null) {
      if (!holds(v, op, bound[0])) {
        section = sections.size() > 1 ? sections.get(1) : section;
        String op2 = condition(section, bound);
        if (op2 != null && !holds(v, op2, bound[0]) && sections.size() > 2) {
          section = sections.get(2);
        }
      }
    } else if (v.signum() < 0 && sections.size() > 1) {
      section = sections.get(1);
      negate = true;
    } else if (v.signum() == 0 && sections.size() > 2) {
      section = sections.get(2);
    }
    String plain = section.replaceAll("\\[[^\\]]*\\]", "").trim();
    if (plain.equals("@") || plain.equalsIgnoreCase("general") || plain.contains("?/")) {
      return general(v);
    }
    if (isDate(section)) {
      return date(v, section, date1904);
    }
    return number(negate ? v.negate() : v, section);
  }

  /** Excel's General: the value in full to 15 significant digits, without trailing zeros. */
  static String general(BigDecimal v) {
    if (v.signum() == 0) {
      return "0";
    }
    BigDecimal r = v.round(EXCEL_PRECISION).stripTrailingZeros();
    int exponent = r.precision() - r.scale() - 1;
    if (exponent > 20 || exponent < -9) {
      return scientific(r, 5, true, 2, true);
    }
    return r.toPlainString();
  }

  private static List<String> sections(String format) {
    List<String> out = new ArrayList<>(3);
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '\\' && !quoted && i + 1 < format.length()) {
        cur.append(c).append(format.charAt(++i));
        continue;
      } else if (c == ';' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }

  private static @Nullable String condition(String section, BigDecimal[] bound) {
    int i = section.indexOf('[');
    while (i >= 0) {
      int j = section.indexOf(']', i);
      if (j < 0) {
        return null;
      }
      String inner = section.substring(i + 1, j).trim();
      for (String op : new String[] {"<=", ">=", "<>", "<", ">", "="}) {
        if (inner.startsWith(op)) {
          try {
            bound[0] = new BigDecimal(inner.substring(op.length()).trim());
            return op;
          } catch (NumberFormatException e) {
            return null;
          }
        }
      }
      i = section.indexOf('[', j);
    }
    return null;
  }

  private static boolean holds(BigDecimal v, String op, BigDecimal bound) {
    int c = v.compareTo(bound);
    switch (op) {
      case "<=": return c <= 0;
      case ">=": return c >= 0;
      case "<>": return c != 0;
      case "<": return c < 0;
      case ">": return c > 0;
      default: return c == 0;
    }
  }

  /** Whether a section formats dates or times: y, m, d, h or s outside quotes and brackets. */
  static boolean isDate(String section) {
    boolean quoted = false;
    for (int i = 0; i < section.length(); i++) {
      char c = section.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (quoted) {
        // quoted text is literal: none of the rules below applies to it
      } else if (c == '\\' || c == '_' || c == '*') {
        i++;
      } else if (c == '[') {
        int j = section.indexOf(']', i);
        String inner = j < 0 ? "" : section.substring(i + 1, j).toLowerCase(Locale.ROOT);
        if (inner.matches("h+|m+|s+")) {
          return true;
        }
        i = j < 0 ? section.length() : j;
      } else if ("yYdDhHsS".indexOf(c) >= 0 || c == 'm' || c == 'M') {
        return true;
      }
    }
    return false;
  }

  // ---- dates ----

  private static String date(BigDecimal serial, String section, boolean date1904) {
    if (serial.signum() < 0) {
      return general(serial);
    }
    long days = serial.setScale(0, RoundingMode.FLOOR).longValueExact();
    BigDecimal fraction = serial.subtract(BigDecimal.valueOf(days));
    boolean fractions = section.matches("(?s).*s+\\.0+.*");
    long millis = fraction.multiply(BigDecimal.valueOf(86_400_000L)).setScale(0, RoundingMode.HALF_UP).longValue();
    if (!fractions) {
      millis = (millis + 500) / 1000 * 1000;
    }
    long elapsed = serial.multiply(BigDecimal.valueOf(86_400L)).setScale(0, RoundingMode.HALF_UP).longValue();
    LocalDate day;
    if (date1904) {
      day = LocalDate.of(1904, 1, 1).plusDays(days);
    } else if (days == 60) {
      return render(LocalDateTime.of(1900, 2, 28, 0, 0).plusNanos(millis * 1_000_000L), section, 29, elapsed);
    } else {
      day = days < 60 ? LocalDate.of(1899, 12, 31).plusDays(days) : LocalDate.of(1899, 12, 30).plusDays(days);
    }
    return render(day.atStartOfDay().plusNanos(millis * 1_000_000L), section, 0, elapsed);
  }

  /**
   * Renders a date-time in a section; {@code fakeDay} is 29 only for Excel's 29 February 1900;
   * {@code elapsed} is the serial in seconds, for {@code [h]}, {@code [m]} and {@code [s]}.
   */
  private static String render(LocalDateTime t, String section, int fakeDay, long elapsed) {
    // tokenize
    List<String> tokens = new ArrayList<>();
    boolean ampm = false;
    for (int i = 0; i < section.length(); ) {
      char c = section.charAt(i);
      if (c == '"') {
        int j = section.indexOf('"', i + 1);
        j = j < 0 ? section.length() : j;
        tokens.add("'" + section.substring(i + 1, j));
        i = j + 1;
      } else if (c == '\\' && i + 1 < section.length()) {
        tokens.add("'" + section.charAt(i + 1));
        i += 2;
      } else if (c == '_' && i + 1 < section.length()) {
        tokens.add("' ");
        i += 2;
      } else if (c == '*' && i + 1 < section.length()) {
        i += 2;
      } else if (c == '[') {
        int j = section.indexOf(']', i);
        j = j < 0 ? section.length() - 1 : j;
        String inner = section.substring(i + 1, j).toLowerCase(Locale.ROOT);
        if (inner.matches("h+|m+|s+")) {
          tokens.add("[" + inner);
        }
        i = j + 1;
      } else if (section.regionMatches(true, i, "AM/PM", 0, 5)) {
        tokens.add("AM/PM");
        ampm = true;
        i += 5;
      } else if (section.regionMatches(true, i, "A/P", 0, 3)) {
        tokens.add("A/P");
        ampm = true;
        i += 3;
      } else if ("yYmMdDhHsS".indexOf(c) >= 0) {
        char lower = Character.toLowerCase(c);
        int j = i;
        while (j < section.length() && Character.toLowerCase(section.charAt(j)) == lower) {
          j++;
        }
        tokens.add(section.substring(i, j).toLowerCase(Locale.ROOT));
        i = j;
      } else if (c == '.' && !tokens.isEmpty() && tokens.get(tokens.size() - 1).startsWith("s")) {
        int j = i + 1;
        while (j < section.length() && section.charAt(j) == '0') {
          j++;
        }
        tokens.add("." + section.substring(i + 1, j));
        i = j;
      } else {
        tokens.add("'" + c);
        i++;
      }
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < tokens.size(); k++) {
      String tok = tokens.get(k);
      char c = tok.charAt(0);
      int n = tok.length();
      switch (c) {
        case '\'':
          out.append(tok, 1, n);
          break;
        case 'y':
          int year = t.getYear();
          out.append(n <= 2 ? String.format(Locale.ROOT, "%02d", year % 100) : String.format(Locale.ROOT, "%04d", year));
          break;
        case 'm':
          if (n <= 2 && isMinute(tokens, k)) {
            out.append(pad(t.getMinute(), n));
          } else if (n <= 2) {
            out.append(pad(t.getMonthValue(), n));
          } else if (n == 3) {
            out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.US));
          } else if (n == 4) {
            out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.US));
          } else {
            out.append(t.getMonth().getDisplayName(TextStyle.NARROW, Locale.US));
          }
          break;
        case 'd':
          int day = fakeDay != 0 ? fakeDay : t.getDayOfMonth();
          if (n <= 2) {
            out.append(pad(day, n));
          } else {
            out.append(t.getDayOfWeek().getDisplayName(n == 3 ? TextStyle.SHORT : TextStyle.FULL, Locale.US));
          }
          break;
        case 'h':
          int h = t.getHour();
          if (ampm) {
            h = h % 12 == 0 ? 12 : h % 12;
          }
          out.append(pad(h, n));
          break;
        case 's':
          out.append(pad(t.getSecond(), n));
          break;
        case '.':
          String ms = String.format(Locale.ROOT, "%03d", t.getNano() / 1_000_000);
          out.append('.').append(ms, 0, Math.min(3, n - 1));
          break;
        case '[':
          char unit = tok.charAt(1);
          long value = unit == 'h' ? elapsed / 3600 : unit == 'm' ? elapsed / 60 : elapsed;
          out.append(pad(value, n - 1));
          break;
        case 'A':
          boolean pm = t.getHour() >= 12;
          out.append(tok.equals("AM/PM") ? (pm ? "PM" : "AM") : (pm ? "P" : "A"));
          break;
        default:
          out.append(tok);
      }
    }
    return out.toString();
  }

  /** An {@code m} or {@code mm} is minutes right after hours or right before seconds. */
  private static boolean isMinute(List<String> tokens, int k) {
    for (int i = k - 1; i >= 0; i--) {
      String t = tokens.get(i);
      if (t.startsWith("'")) {
        continue;
      }
      if (t.startsWith("h") || t.startsWith("[h")) {
        return true;
      }
      break;
    }
    for (int i = k + 1; i < tokens.size(); i++) {
      String t = tokens.get(i);
      if (t.startsWith("'")) {
        continue;
      }
      return t.startsWith("s") || t.startsWith("[s");
    }
    return false;
  }

  private static String pad(long v, int width) {
    String s = Long.toString(v);
    StringBuilder sb = new StringBuilder();
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    return sb.append(s).toString();
  }

  // ---- numbers ----

  private static String number(BigDecimal v, String section) {
    StringBuilder prefix = new StringBuilder();
    StringBuilder suffix = new StringBuilder();
    StringBuilder intPattern = new StringBuilder();
    StringBuilder fracPattern = new StringBuilder();
    StringBuilder expPattern = null;
    boolean seenDigit = false;
    boolean inFraction = false;
    boolean grouping = false;
    int percents = 0;
    int scale = 0;
    boolean expPlus = false;
    for (int i = 0; i < section.length(); i++) {
      char c = section.charAt(i);
      StringBuilder lit = seenDigit ? suffix : prefix;
      if (c == '"') {
        int j = section.indexOf('"', i + 1);
        j = j < 0 ? section.length() : j;
        lit.append(section, i + 1, j);
        i = j;
      } else if (c == '\\' && i + 1 < section.length()) {
        lit.append(section.charAt(++i));
      } else if (c == '_' && i + 1 < section.length()) {
        i++;
        lit.append(' ');
      } else if (c == '*' && i + 1 < section.length()) {
        i++;
      } else if (c == '[') {
        int j = section.indexOf(']', i);
        j = j < 0 ? section.length() - 1 : j;
        String inner = section.substring(i + 1, j);
        if (inner.startsWith("$")) {
          int dash = inner.indexOf('-');
          lit.append(dash < 0 ? inner.substring(1) : inner.substring(1, dash));
        }
        i = j;
      } else if (c == '%') {
        percents++;
        lit.append('%');
      } else if ((c == 'E' || c == 'e') && i + 1 < section.length() && (section.charAt(i + 1) == '+' || section.charAt(i + 1) == '-')
          && seenDigit) {
        expPlus = section.charAt(i + 1) == '+';
        expPattern = new StringBuilder();
        i++;
      } else if (c == '0' || c == '#' || c == '?') {
        if (!suffix.isEmpty() && expPattern == null && !inFraction) {
          // a literal between digit placeholders: part of the digit layout, such as (###) ###-####
          intPattern.append('\'').append(suffix).append('\'');
          suffix.setLength(0);
        }
        seenDigit = true;
        if (expPattern != null) {
          expPattern.append(c);
        } else if (inFraction) {
          fracPattern.append(c);
        } else {
          intPattern.append(c);
        }
      } else if (c == '.' && expPattern == null && !inFraction) {
        inFraction = true;
        seenDigit = true;
      } else if (c == ',' && seenDigit && !inFraction && expPattern == null) {
        boolean digitFollows = i + 1 < section.length() && "0#?".indexOf(section.charAt(i + 1)) >= 0;
        if (digitFollows) {
          grouping = true;
        } else {
          scale++;
        }
      } else {
        lit.append(c);
      }
    }
    BigDecimal x = v.abs().movePointRight(2 * percents).movePointLeft(3 * scale);
    String sign = v.signum() < 0 ? "-" : "";
    int minFrac = count(fracPattern, '0') + count(fracPattern, '?');
    int maxFrac = fracPattern.length();
    String body;
    if (expPattern != null) {
      body = scientific(x, maxFrac, minFrac < maxFrac, Math.max(1, expPattern.length()), expPlus);
    } else {
      BigDecimal r = x.setScale(maxFrac, RoundingMode.HALF_UP);
      String digits = r.toPlainString();
      int dot = digits.indexOf('.');
      String intDigits = dot < 0 ? digits : digits.substring(0, dot);
      String frac = dot < 0 ? "" : digits.substring(dot + 1);
      while (frac.length() > minFrac && frac.endsWith("0")) {
        frac = frac.substring(0, frac.length() - 1);
      }
      if (intDigits.equals("0")) {
        intDigits = "";
      }
      if (r.signum() == 0) {
        sign = "";
      }
      String intText = layoutInteger(intDigits, intPattern.toString(), grouping);
      body = intText + (frac.isEmpty() ? "" : "." + frac);
    }
    return sign + prefix + body + suffix;
  }

  private static int count(CharSequence s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** Lays the integer digits into the pattern from the right: 0 pads, # may vanish, ? pads with a space. */
  private static String layoutInteger(String digits, String pattern, boolean grouping) {
    if (grouping) {
      int min = count(pattern, '0');
      StringBuilder d = new StringBuilder(digits);
      while (d.length() < min) {
        d.insert(0, '0');
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < d.length(); i++) {
        if (i > 0 && (d.length() - i) % 3 == 0) {
          out.append(',');
        }
        out.append(d.charAt(i));
      }
      return out.toString();
    }
    // tokens: placeholders and quoted literals
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int j = pattern.indexOf('\'', i + 1);
        tokens.add("'" + pattern.substring(i + 1, j));
        i = j;
      } else {
        tokens.add(String.valueOf(c));
      }
    }
    int leftmost = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).startsWith("'")) {
        leftmost = i;
        break;
      }
    }
    StringBuilder out = new StringBuilder();
    int next = digits.length() - 1;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String t = tokens.get(i);
      if (t.startsWith("'")) {
        out.insert(0, t.substring(1));
        continue;
      }
      if (i == leftmost) {
        String rest = next >= 0 ? digits.substring(0, next + 1) : "";
        if (rest.isEmpty()) {
          rest = t.equals("0") ? "0" : t.equals("?") ? " " : "";
        }
        out.insert(0, rest);
        next = -1;
      } else if (next >= 0) {
        out.insert(0, digits.charAt(next--));
      } else if (t.equals("0")) {
        out.insert(0, '0');
      } else if (t.equals("?")) {
        out.insert(0, ' ');
      }
    }
    return out.toString();
  }

  private static String scientific(BigDecimal x, int decimals, boolean trim, int expDigits, boolean plus) {
    if (x.signum() == 0) {
      return "0" + (decimals > 0 && !trim ? "." + "0".repeat(decimals) : "") + "E" + (plus ? "+" : "") + "0".repeat(expDigits);
    }
    BigDecimal a = x.abs();
    int exponent = a.precision() - a.scale() - 1;
    BigDecimal mantissa = a.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
    if (mantissa.compareTo(BigDecimal.TEN) >= 0) {
      exponent++;
      mantissa = a.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP);
    }
    String m = mantissa.toPlainString();
    if (trim && m.contains(".")) {
      m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    String e = pad(Math.abs(exponent), expDigits);
    return (x.signum() < 0 ? "-" : "") + m + "E" + (exponent < 0 ? "-" : plus ? "+" : "") + e;
  }
}
