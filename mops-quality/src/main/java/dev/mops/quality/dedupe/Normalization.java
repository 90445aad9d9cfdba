package dev.mops.quality.dedupe;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import dev.mops.core.record.Values;
import org.jspecify.annotations.Nullable;

/**
 * Normalization of field values before comparison, by {@link FieldKind}.
 *
 * <p>These are small matching-oriented normalizers. When the shared normalizers of
 * {@code dev.mops.core.normalize} (email, phone E.164, names and nicknames, company names) reach
 * main, EMAIL, PHONE, FIRST_NAME and COMPANY should delegate to them.
 *
 * <p>Thread safety: stateless.
 */
final class Normalization {

  /** Longest value compared, in characters; longer values are cut (a documented resource limit). */
  static final int MAX_VALUE_LENGTH = 200;

  private static final Set<String> NULL_WORDS =
      Set.of("n/a", "null", "none", "unknown", "nil", "-", "--", "?", "tbd", "nan", "undefined");

  private static final Set<String> JUNK_EMAIL_LOCALS =
      Set.of("test", "example", "noreply", "no-reply", "none", "null", "na", "asdf", "abc", "xxx", "nobody");

  private static final Set<String> JUNK_EMAIL_DOMAINS =
      Set.of("example.com", "example.org", "test.com", "domain.com", "nomail.com", "none.com");

  private static final Set<String> COMPANY_SUFFIXES =
      Set.of("inc", "incorporated", "llc", "ltd", "limited", "corp", "corporation", "co", "company",
          "plc", "gmbh", "ag", "sa", "bv", "pty", "the", "srl", "sarl", "oy", "ab", "nv", "lp", "llp");

  private static final Map<String, String> ADDRESS_WORDS =
      Map.ofEntries(
          Map.entry("street", "st"), Map.entry("road", "rd"), Map.entry("avenue", "ave"),
          Map.entry("av", "ave"), Map.entry("boulevard", "blvd"), Map.entry("drive", "dr"),
          Map.entry("lane", "ln"), Map.entry("place", "pl"), Map.entry("court", "ct"),
          Map.entry("crescent", "cres"), Map.entry("circuit", "cct"), Map.entry("terrace", "tce"),
          Map.entry("highway", "hwy"), Map.entry("parade", "pde"), Map.entry("square", "sq"),
          Map.entry("suite", "ste"), Map.entry("apartment", "apt"), Map.entry("north", "n"),
          Map.entry("south", "s"), Map.entry("east", "e"), Map.entry("west", "w"));

  private static final Set<String> SECOND_LEVEL =
      Set.of("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gv");

  private Normalization() {}

  /** Returns whether the folded text is one of the words that mean "no value". */
  static boolean nullWord(String folded) {
    return folded.isEmpty() || NULL_WORDS.contains(folded);
  }

  /**
   * Returns the normalized value, or {@code null} when the value is missing, empty or says "no
   * value".
   */
  static @Nullable String normalize(FieldKind kind, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    if (kind == FieldKind.DATE && !(value instanceof CharSequence)) {
      LocalDate d = Values.asDate(value);
      return d == null ? null : compactDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }
    String raw = value.toString().strip();
    if (raw.length() > MAX_VALUE_LENGTH) {
      raw = raw.substring(0, MAX_VALUE_LENGTH);
    }
    if (raw.isEmpty() || NULL_WORDS.contains(lower(raw))) {
      return null;
    }
    String out;
    switch (kind) {
      case EMAIL:
        out = email(raw);
        break;
      case PHONE:
        out = phone(raw);
        break;
      case DATE:
        out = date(raw);
        break;
      case POSTCODE:
      case IDENTIFIER:
        out = alnum(raw);
        break;
      case NUMBER:
        out = number(raw);
        break;
      case COMPANY:
        out = company(raw);
        break;
      case ADDRESS:
        out = address(raw);
        break;
      case DOMAIN:
        out = domain(raw);
        break;
      case TEXT:
      case NAME:
      case FIRST_NAME:
      default:
        out = fold(raw);
        break;
    }
    return out == null || out.isEmpty() ? null : out;
  }

  /** Returns whether a normalized value is a known junk value for its kind ({@code test@test.com}). */
  static boolean knownJunk(FieldKind kind, String normalized) {
    switch (kind) {
      case EMAIL: {
        int at = normalized.indexOf('@');
        String local = normalized.substring(0, at);
        String domain = normalized.substring(at + 1);
        return JUNK_EMAIL_LOCALS.contains(local) || JUNK_EMAIL_DOMAINS.contains(domain);
      }
      case PHONE:
      case IDENTIFIER: {
        if (normalized.length() >= 4 && allSame(normalized)) {
          return true;
        }
        return "1234567890".contains(normalized) && normalized.length() >= 6;
      }
      default:
        return false;
    }
  }

  private static boolean allSame(String s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return true;
  }

  static String lower(String s) {
    return s.toLowerCase(java.util.Locale.ROOT);
  }

  /** Folds text: accents removed, lower case, everything but letters and digits to one space. */
  static String fold(String raw) {
    String s = raw;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        s = Normalizer.normalize(s, Normalizer.Form.NFD);
        break;
      }
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + 32);
      }
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == '\'') {
        continue;
      } else if (Character.isLetterOrDigit(c)) {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(Character.toLowerCase(c));
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  static String alnum(String raw) {
    return fold(raw).replace(" ", "");
  }

  static @Nullable String email(String raw) {
    String s = lower(raw);
    if (s.startsWith("mailto:")) {
      s = s.substring(7);
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return null;
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1).strip();
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    if (domain.equals("googlemail.com")) {
      domain = "gmail.com";
    }
    if (domain.equals("gmail.com")) {
      local = local.replace(".", "");
    }
    return local.strip() + "@" + domain;
  }

  static @Nullable String phone(String raw) {
    StringBuilder d = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c == 'x' || c == 'X' || c == ';' || c == ',') {
        break;
      }
    }
    String s = d.toString();
    if (s.length() >= 4 && allSame(s)) {
      return s;
    }
    if (s.startsWith("00")) {
      s = s.substring(2);
    }
    if (s.length() < 7) {
      return null;
    }
    return s.length() > 10 ? s.substring(s.length() - 10) : s;
  }

  static @Nullable String date(String raw) {
    String s = raw.strip();
    int t = s.indexOf('T');
    if (t == 10) {
      s = s.substring(0, 10);
    }
    StringBuilder digits = new StringBuilder(8);
    int[] parts = new int[3];
    int[] lens = new int[3];
    int p = 0;
    boolean inNumber = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits.append(c);
        if (!inNumber) {
          if (p == 3) {
            return null;
          }
          p++;
          inNumber = true;
        }
        parts[p - 1] = parts[p - 1] * 10 + (c - '0');
        lens[p - 1]++;
        if (lens[p - 1] > 8) {
          return null;
        }
      } else {
        inNumber = false;
      }
    }
    if (p == 1 && lens[0] == 8) {
      return digits.toString();
    }
    if (p != 3) {
      return null;
    }
    if (lens[0] == 4) {
      return compactDate(parts[0], parts[1], parts[2]);
    }
    if (lens[2] == 4 || lens[2] == 2) {
      int year = lens[2] == 2 ? (parts[2] > 30 ? 1900 + parts[2] : 2000 + parts[2]) : parts[2];
      int day = parts[0];
      int month = parts[1];
      if (month > 12 && day <= 12) {
        int tmp = day;
        day = month;
        month = tmp;
      }
      return compactDate(year, month, day);
    }
    return null;
  }

  static String compactDate(int y, int m, int d) {
    if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
      return "";
    }
    char[] c = new char[8];
    c[0] = (char) ('0' + y / 1000);
    c[1] = (char) ('0' + y / 100 % 10);
    c[2] = (char) ('0' + y / 10 % 10);
    c[3] = (char) ('0' + y % 10);
    c[4] = (char) ('0' + m / 10);
    c[5] = (char) ('0' + m % 10);
    c[6] = (char) ('0' + d / 10);
    c[7] = (char) ('0' + d % 10);
    return new String(c);
  }

  static @Nullable String number(String raw) {
    try {
      return new BigDecimal(raw.replace(",", "").strip()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      String a = alnum(raw);
      return a.isEmpty() ? null : a;
    }
  }

  static String company(String raw) {
    String f = fold(raw.replace("&", " and "));
    StringBuilder out = new StringBuilder(f.length());
    for (String t : f.split(" ")) {
      if (!t.isEmpty() && !COMPANY_SUFFIXES.contains(t)) {
        if (out.length() > 0) {
          out.append(' ');
        }
        out.append(t);
      }
    }
    return out.length() == 0 ? f : out.toString();
  }

  static String address(String raw) {
    String f = fold(raw);
    StringBuilder out = new StringBuilder(f.length());
    for (String t : f.split(" ")) {
      if (t.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(ADDRESS_WORDS.getOrDefault(t, t));
    }
    return out.toString();
  }

  static @Nullable String domain(String raw) {
    String s = lower(raw.strip());
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    int scheme = s.indexOf("://");
    if (scheme >= 0) {
      s = s.substring(scheme + 3);
    }
    int end = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '/' || c == ':' || c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    s = s.substring(0, end);
    while (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    String[] labels = s.split("\\.");
    if (labels.length < 2) {
      return s.isEmpty() ? null : s;
    }
    int n = labels.length;
    int keep = 2;
    if (n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2])) {
      keep = 3;
    }
    StringBuilder out = new StringBuilder();
    for (int i = n - keep; i < n; i++) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(labels[i]);
    }
    return out.toString();
  }
}
