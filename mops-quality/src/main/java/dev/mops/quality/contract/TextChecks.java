package dev.mops.quality.contract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Validators of the text logical types: email, phone, country, URL and domain. They say whether a
 * value is plausible, without network look-ups and without normalizing it.
 *
 * <p>Thread safety: stateless after class initialization.
 */
final class TextChecks {

  private static final Set<String> COUNTRIES = countries();

  private TextChecks() {}

  static boolean isEmail(String s) {
    int n = s.length();
    if (n < 3 || n > 254) {
      return false;
    }
    int at = -1;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) == '@') {
        at = i;
      }
    }
    if (at <= 0 || at > 64 || at == n - 1) {
      return false;
    }
    char prev = '.';
    for (int i = 0; i < at; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "!#$%&'*+/=?^_`{|}~.-".indexOf(c) >= 0 || c > 127;
      if (!ok || (c == '.' && prev == '.')) {
        return false;
      }
      prev = c;
    }
    if (prev == '.') {
      return false;
    }
    return isDomain(s, at + 1, n);
  }

  static boolean isDomain(String s) {
    return isDomain(s, 0, s.length());
  }

  /** A host name of at least two labels, letters/digits/hyphens (or non-ASCII), an alphabetic top-level label. */
  static boolean isDomain(String s, int from, int to) {
    int n = to - from;
    if (n < 3 || n > 253) {
      return false;
    }
    if (s.charAt(to - 1) == '.') {
      to--;
    }
    int labels = 0;
    int labelStart = from;
    boolean tldAlpha = true;
    for (int i = from; i <= to; i++) {
      char c = i < to ? s.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || s.charAt(labelStart) == '-' || s.charAt(i - 1) == '-') {
          return false;
        }
        labels++;
        tldAlpha = true;
        for (int j = labelStart; j < i; j++) {
          char d = s.charAt(j);
          if (!((d >= 'a' && d <= 'z') || (d >= 'A' && d <= 'Z') || d > 127)) {
            tldAlpha = false;
            break;
          }
        }
        if (!tldAlpha && len > 4 && s.regionMatches(true, labelStart, "xn--", 0, 4)) {
          tldAlpha = true;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c > 127)) {
        return false;
      }
    }
    return labels >= 2 && tldAlpha && to - labelStartOfLast(s, from, to) >= 2;
  }

  private static int labelStartOfLast(String s, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (s.charAt(i) == '.') {
        return i + 1;
      }
    }
    return from;
  }

  /** 7 to 15 digits, optional leading {@code +}, separators, and an optional extension. */
  static boolean isPhone(String s) {
    int n = s.length();
    if (n < 7 || n > 40) {
      return false;
    }
    int digits = 0;
    int end = n;
    String lower = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == 'x' || c == 'X' || c == 'e' || c == 'E' || c == '#') {
        lower = s.substring(i).toLowerCase(Locale.ROOT);
        end = i;
        break;
      }
    }
    if (lower != null && !lower.matches("(x|ext\\.?|#)\\s*[0-9]{1,6}")) {
      return false;
    }
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '+') {
        if (digits > 0) {
          return false;
        }
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')' && c != '/') {
        return false;
      }
    }
    return digits >= 7 && digits <= 15;
  }

  /** An ISO 3166-1 alpha-2 or alpha-3 code, {@code UK}, or an English country name. */
  static boolean isCountry(String s) {
    String t = s.trim();
    if (t.isEmpty() || t.length() > 60) {
      return false;
    }
    return COUNTRIES.contains(t.toUpperCase(Locale.ROOT));
  }

  /** An absolute http(s) URL with a host that is a domain, {@code localhost} or an IPv4 address. */
  static boolean isUrl(String s) {
    int n = s.length();
    int hostStart;
    if (s.regionMatches(true, 0, "https://", 0, 8)) {
      hostStart = 8;
    } else if (s.regionMatches(true, 0, "http://", 0, 7)) {
      hostStart = 7;
    } else {
      return false;
    }
    int hostEnd = hostStart;
    while (hostEnd < n) {
      char c = s.charAt(hostEnd);
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        break;
      }
      if (c == '@' || c <= ' ') {
        return false;
      }
      hostEnd++;
    }
    for (int i = hostEnd; i < n; i++) {
      char c = s.charAt(i);
      if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
        return false;
      }
    }
    if (hostEnd < n && s.charAt(hostEnd) == ':') {
      int p = hostEnd + 1;
      int digits = 0;
      while (p < n && Character.isDigit(s.charAt(p))) {
        p++;
        digits++;
      }
      if (digits == 0 || digits > 5 || (p < n && "/?#".indexOf(s.charAt(p)) < 0)) {
        return false;
      }
    }
    String host = s.substring(hostStart, hostEnd);
    return isDomain(host) || host.equalsIgnoreCase("localhost") || isIpv4(host);
  }

  private static boolean isIpv4(String h) {
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> countries() {
    Set<String> out = new HashSet<>();
    for (String cc : Locale.getISOCountries()) {
      Locale l = new Locale("", cc);
      out.add(cc);
      try {
        out.add(l.getISO3Country().toUpperCase(Locale.ROOT));
      } catch (java.util.MissingResourceException e) {
        // no alpha-3 code for this country in this JDK
      }
      out.add(l.getDisplayCountry(Locale.ENGLISH).toUpperCase(Locale.ROOT));
    }
    out.remove("");
    for (String extra : new String[] {"UK", "XK", "XKX", "KOSOVO", "USA", "UNITED STATES OF AMERICA", "GREAT BRITAIN", "ENGLAND", "SCOTLAND", "WALES", "SOUTH KOREA", "NORTH KOREA", "RUSSIA", "VIETNAM", "CZECH REPUBLIC", "TURKEY", "HOLLAND", "IVORY COAST"}) {
      out.add(extra);
    }
    return Set.copyOf(out);
  }
}
