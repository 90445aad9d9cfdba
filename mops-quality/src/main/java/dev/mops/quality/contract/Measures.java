package dev.mops.quality.contract;

/**
 * Fast readers of the common text forms of numbers, dates and timestamps, used on the validation
 * hot path before the lenient readers of {@code Values}: each returns {@code NaN} when the text is
 * not in its form.
 *
 * <p>Thread safety: stateless.
 */
final class Measures {

  private Measures() {}

  /** Reads optional sign and 1 to 18 digits; NaN otherwise. */
  static double parseInteger(String s) {
    int n = s.length();
    int i = 0;
    if (n == 0) {
      return Double.NaN;
    }
    boolean neg = false;
    char c0 = s.charAt(0);
    if (c0 == '-' || c0 == '+') {
      neg = c0 == '-';
      i = 1;
    }
    if (i == n || n - i > 18) {
      return n - i > 18 ? parseBigInteger(s) : Double.NaN;
    }
    long v = 0;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Double.NaN;
      }
      v = v * 10 + (c - '0');
    }
    return neg ? -v : v;
  }

  private static double parseBigInteger(String s) {
    try {
      return new java.math.BigInteger(s).doubleValue();
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Reads a decimal number ({@code -3.5}, {@code 1e6}); NaN otherwise. Rejects NaN and infinities. */
  static double parseNumber(String s) {
    int n = s.length();
    if (n == 0 || n > 64) {
      return Double.NaN;
    }
    double fast = parseInteger(s);
    if (!Double.isNaN(fast)) {
      return fast;
    }
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
        return Double.NaN;
      }
    }
    try {
      double d = Double.parseDouble(s);
      return Double.isInfinite(d) ? Double.NaN : d;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Reads {@code yyyy-MM-dd} as days since 1970-01-01; NaN otherwise. */
  static double parseIsoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return Double.NaN;
    }
    int y = digits(s, 0, 4);
    int m = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > monthLength(y, m)) {
      return Double.NaN;
    }
    return epochDay(y, m, d);
  }

  /**
   * Reads {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]][Z|+hh:mm|-hh:mm|+hhmm]} (UTC when no offset)
   * as seconds since the epoch; NaN otherwise.
   */
  static double parseIsoTimestamp(String s) {
    int n = s.length();
    if (n < 16 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':') {
      return Double.NaN;
    }
    char t = s.charAt(10);
    if (t != 'T' && t != ' ' && t != 't') {
      return Double.NaN;
    }
    int y = digits(s, 0, 4);
    int mo = digits(s, 5, 2);
    int d = digits(s, 8, 2);
    int h = digits(s, 11, 2);
    int mi = digits(s, 14, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > monthLength(y, mo) || h < 0 || h > 23 || mi < 0 || mi > 59) {
      return Double.NaN;
    }
    int i = 16;
    int sec = 0;
    double frac = 0;
    if (i < n && s.charAt(i) == ':') {
      sec = n >= i + 3 ? digits(s, i + 1, 2) : -1;
      if (sec < 0 || sec > 59) {
        return Double.NaN;
      }
      i += 3;
      if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
        int start = ++i;
        double scale = 0.1;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          frac += (s.charAt(i) - '0') * scale;
          scale /= 10;
          i++;
        }
        if (i == start || i - start > 9) {
          return Double.NaN;
        }
      }
    }
    int offset = 0;
    if (i < n) {
      char z = s.charAt(i);
      if ((z == 'Z' || z == 'z') && i == n - 1) {
        offset = 0;
      } else if (z == '+' || z == '-') {
        int oh;
        int om;
        if (n - i == 6 && s.charAt(i + 3) == ':') {
          oh = digits(s, i + 1, 2);
          om = digits(s, i + 4, 2);
        } else if (n - i == 5) {
          oh = digits(s, i + 1, 2);
          om = digits(s, i + 3, 2);
        } else if (n - i == 3) {
          oh = digits(s, i + 1, 2);
          om = 0;
        } else {
          return Double.NaN;
        }
        if (oh < 0 || oh > 18 || om < 0 || om > 59) {
          return Double.NaN;
        }
        offset = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
      } else {
        return Double.NaN;
      }
    }
    return epochDay(y, mo, d) * 86400.0 + h * 3600 + mi * 60 + sec - offset + frac;
  }

  private static int digits(String s, int from, int count) {
    int v = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  static int monthLength(int y, int m) {
    switch (m) {
      case 2:
        return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28;
      case 4: case 6: case 9: case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
  static long epochDay(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
  }
}
