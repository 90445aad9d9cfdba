package dev.mops.core.record;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Explicit conversions between the values records hold and the typed values mops compares.
 *
 * <p>The {@code as...} methods are lenient readers: they return {@code null} when a value cannot be
 * read as the type asked for, and never throw on bad data. {@link #convert} does the same
 * conversion and reports each failure as a {@link Finding} (codes {@code NOT_A_NUMBER}, {@code
 * NOT_A_BOOLEAN}, {@code NOT_AN_INSTANT}, {@code NOT_A_DATE}). Nothing here depends on the
 * machine's locale or time zone: text without an offset is read as UTC.
 *
 * <p>Thread safety: stateless, safe to call from any thread.
 */
public final class Values {

  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private Values() {}

  /**
   * Converts {@code raw} to {@code type}, reporting a finding on {@code sink} when it cannot.
   *
   * @return the converted value; {@code null} when {@code raw} is null, an empty string (for
   *     every type but {@link ValueType#STRING} and {@link ValueType#ANY}), or not convertible
   */
  public static @Nullable Object convert(
      ValueType type, String field, @Nullable Object raw, FindingSink sink) {
    if (raw == null) {
      return null;
    }
    switch (type) {
      case ANY:
        return raw;
      case STRING:
        return asString(raw);
      default:
        break;
    }
    if (raw instanceof String string && string.isBlank()) {
      return null;
    }
    Object converted;
    String code;
    String what;
    switch (type) {
      case NUMBER:
        converted = asNumber(raw);
        code = "NOT_A_NUMBER";
        what = "a number";
        break;
      case BOOLEAN:
        converted = asBoolean(raw);
        code = "NOT_A_BOOLEAN";
        what = "true or false";
        break;
      case INSTANT:
        converted = asInstant(raw);
        code = "NOT_AN_INSTANT";
        what = "an ISO-8601 timestamp";
        break;
      case DATE:
        converted = asDate(raw);
        code = "NOT_A_DATE";
        what = "a date (yyyy-MM-dd)";
        break;
      case STRING_LIST:
        converted = asStringList(raw);
        code = "NOT_A_LIST";
        what = "a list of strings";
        break;
      default:
        throw new AssertionError(type);
    }
    if (converted == null) {
      sink.accept(Finding.error(code, field, raw, "expected " + what + " in '" + field + "'"));
    }
    return converted;
  }

  /** Returns whether a value counts as empty: null, a blank string, or an empty collection. */
  public static boolean isEmpty(@Nullable Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof CharSequence s) {
      
      for (int i = 0; i < s.length(); i++) {
        if (!Character.isWhitespace(s.charAt(i))) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Collection) {
      return ((Collection<?>) value).isEmpty();
    }
    return false;
  }

  /**
   * Reads a value as text: strings as they are, instants in ISO-8601 UTC, decimals without an
   * exponent, lists joined by {@code ;}.
   */
  public static @Nullable String asString(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof String string) {
      return string;
    }
    if (value instanceof BigDecimal bigDecimal) {
      return bigDecimal.toPlainString();
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Collection) {
      StringBuilder sb = new StringBuilder();
      for (Object o : (Collection<?>) value) {
        if (sb.length() > 0) {
          sb.append(';');
        }
        sb.append(asString(o));
      }
      return sb.toString();
    }
    return value.toString();
  }

  /**
   * Reads a value as a number: numbers as they are; text in plain decimal notation (an optional
   * sign, digits, an optional fraction and exponent) as a {@code Long} when it is a whole number
   * that fits, otherwise a {@code Double}, or a {@code BigDecimal} when a double would lose digits.
   * Returns {@code null} for anything else, including {@code NaN}, infinities and grouping
   * separators.
   */
  public static @Nullable Number asNumber(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Number n) {
      
      if (n instanceof Double || n instanceof Float) {
        double d = n.doubleValue();
        return Double.isFinite(d) ? n : null;
      }
      return n;
    }
    if (value instanceof Boolean || !(value instanceof CharSequence)) {
      return null;
    }
    return parseNumber(value.toString().trim());
  }

  private static @Nullable Number parseNumber(String s) {
    int n = s.length();
    if (n == 0 || n > 400) {
      return null;
    }
    int i = 0;
    char c0 = s.charAt(0);
    if (c0 == '+' || c0 == '-') {
      i++;
    }
    int digits = 0;
    int intDigits = 0;
    boolean fraction = false;
    boolean exponent = false;
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
        if (!fraction) {
          intDigits++;
        }
      } else if (c == '.' && !fraction && !exponent) {
        fraction = true;
      } else if ((c == 'e' || c == 'E') && !exponent && digits > 0) {
        exponent = true;
        if (i + 1 < n && (s.charAt(i + 1) == '+' || s.charAt(i + 1) == '-')) {
          i++;
        }
        if (i + 1 >= n) {
          return null;
        }
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    try {
      if (!fraction && !exponent) {
        if (intDigits <= 18) {
          return Long.parseLong(s.charAt(0) == '+' ? s.substring(1) : s);
        }
        BigInteger big = new BigInteger(s.charAt(0) == '+' ? s.substring(1) : s);
        if (big.bitLength() < 64) {
          return big.longValue();
        }
        return new BigDecimal(big);
      }
      if (digits <= 15) {
        double d = Double.parseDouble(s);
        return Double.isFinite(d) ? d : null;
      }
      return new BigDecimal(s);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /**
   * Reads a value as a boolean: {@code Boolean} as it is; the text {@code true/false, yes/no, y/n,
   * 1/0, on/off} in any case; the numbers 1 and 0. Returns {@code null} for anything else.
   */
  public static @Nullable Boolean asBoolean(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      return d == 1 ? Boolean.TRUE : d == 0 ? Boolean.FALSE : null;
    }
    if (!(value instanceof CharSequence)) {
      return null;
    }
    switch (value.toString().trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "y":
      case "1":
      case "on":
        return Boolean.TRUE;
      case "false":
      case "no":
      case "n":
      case "0":
      case "off":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * Reads a value as an instant: {@link Instant}, {@link OffsetDateTime}, {@link ZonedDateTime},
   * {@link Date}; a {@link LocalDate} or {@link LocalDateTime} at UTC; text in ISO-8601 with an
   * offset ({@code 2026-01-31T09:30:00Z}, {@code 2026-01-31T09:30:00+01:00}), without one (read as
   * UTC, a space may stand for the {@code T}), or a date alone (UTC midnight). Numbers are not read
   * as instants: an epoch number says nothing of its unit. Returns {@code null} otherwise.
   */
  public static @Nullable Instant asInstant(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof OffsetDateTime offsetDateTime) {
      return offsetDateTime.toInstant();
    }
    if (value instanceof ZonedDateTime zonedDateTime) {
      return zonedDateTime.toInstant();
    }
    if (value instanceof LocalDateTime localDateTime) {
      return localDateTime.toInstant(ZoneOffset.UTC);
    }
    if (value instanceof LocalDate localDate) {
      return localDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof Date date) {
      return date.toInstant();
    }
    if (!(value instanceof CharSequence)) {
      return null;
    }
    String s = value.toString().trim();
    if (s.length() < 8 || s.length() > 64) {
      return null;
    }
    if (s.length() > 10 && s.charAt(10) == ' ') {
      s = s.substring(0, 10) + 'T' + s.substring(11);
    }
    Instant fast = utcInstant(s);
    return fast != null ? fast : parseInstant(s);
  }

  /**
   * The common exchange form {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} read by hand, without the
   * formatter's field maps (timestamp parsing was an eighth of the CPU of {@code mops stitch});
   * {@code null} for anything else (including an impossible date or time), which then takes the
   * general path. Same answers as that path ({@code ValuesInstantTest} compares them).
   */
  private static @Nullable Instant utcInstant(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || n == 21 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    char z = s.charAt(n - 1);
    if (z != 'Z' && z != 'z') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59
        || month < 1 || month > 12 || day < 1 || (day > 28 && day > LocalDate.of(year, month, 1).lengthOfMonth())) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (s.charAt(19) != '.') {
        return null;
      }
      int f = digits(s, 20, n - 1);
      if (f < 0) {
        return null;
      }
      nanos = f;
      for (int i = n - 1 - 20; i < 9; i++) {
        nanos *= 10;
      }
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The value of the decimal digits {@code s[from, to)}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** The general path of {@link #asInstant} for trimmed text with a {@code T} or date only. */
  static @Nullable Instant parseInstant(String s) {
    try {
      if (s.indexOf('T') < 0) {
        LocalDate d = asDate(s);
        return d == null ? null : d.atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      char last = s.charAt(s.length() - 1);
      if (last == 'Z' || last == 'z') {
        return OffsetDateTime.parse(s.substring(0, s.length() - 1) + 'Z').toInstant();
      }
      int t = s.indexOf('T');
      if (s.indexOf('+', t) > 0 || s.indexOf('-', t) > 0) {
        return OffsetDateTime.parse(s).toInstant();
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * Reads a value as a calendar date: {@link LocalDate}; the UTC date of an instant; text as
   * {@code yyyy-MM-dd} or {@code yyyyMMdd}, or the date part of an ISO-8601 timestamp. Returns
   * {@code null} otherwise, including impossible dates such as {@code 2026-02-30}.
   */
  public static @Nullable LocalDate asDate(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof LocalDate localDate) {
      return localDate;
    }
    if (value instanceof CharSequence) {
      String s = value.toString().trim();
      try {
        if (s.length() == 10 && s.charAt(4) == '-') {
          return LocalDate.parse(s);
        }
        if (s.length() == 8 && isDigits(s)) {
          return LocalDate.parse(s, BASIC_DATE);
        }
      } catch (DateTimeParseException e) {
        return null;
      }
      if (s.length() > 10 && (s.charAt(10) == 'T' || s.charAt(10) == ' ')) {
        Instant i = asInstant(s);
        return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
      }
      return null;
    }
    Instant i = asInstant(value);
    return i == null ? null : LocalDate.ofInstant(i, ZoneOffset.UTC);
  }

  /**
   * Reads a value as a list of strings: a {@link Collection} element by element (nulls dropped);
   * text split on {@code ;} or, when it has none, on {@code |}, each part trimmed and empty parts
   * dropped; any other single value as a one-element list. The result is unmodifiable.
   */
  public static @Nullable List<String> asStringList(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    if (value instanceof Collection) {
      for (Object o : (Collection<?>) value) {
        String s = asString(o);
        if (s != null) {
          out.add(s);
        }
      }
      return Collections.unmodifiableList(out);
    }
    String s = asString(value);
    if (s == null) {
      return null;
    }
    char sep = s.indexOf(';') >= 0 ? ';' : '|';
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == sep) {
        String part = s.substring(start, i).trim();
        if (!part.isEmpty()) {
          out.add(part);
        }
        start = i + 1;
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
