package dev.mops.core.normalize;

/**
 * Syntax checks on ASCII host names and IP addresses, shared by the email and domain normalizers.
 *
 * <p>Thread safety: stateless.
 */
final class HostNames {

  private HostNames() {}

  /** True for a dotted-quad IPv4 address with each part 0-255 and no leading zeros. */
  static boolean isIpv4(String s) {
    int parts = 0;
    int i = 0;
    int n = s.length();
    while (i <= n) {
      int start = i;
      int value = 0;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
        if (i - start > 3) {
          return false;
        }
      }
      int len = i - start;
      if (len == 0 || value > 255 || (len > 1 && s.charAt(start) == '0')) {
        return false;
      }
      parts++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
    return parts == 4;
  }

  /**
   * True when {@code host} is lower-case ASCII letters, digits, hyphens and dots, with labels of
   * 1 to 63 characters that neither start nor end with a hyphen, 253 characters at most.
   * Underscores are accepted only when {@code allowUnderscore} (some web hosts use them, mail
   * domains may not).
   */
  static boolean isValidAsciiHost(String host, boolean allowUnderscore) {
    int n = host.length();
    if (n == 0 || n > 253) {
      return false;
    }
    int labelStart = 0;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? host.charAt(i) : '.';
      if (c == '.') {
        int len = i - labelStart;
        if (len == 0 || len > 63 || host.charAt(labelStart) == '-' || host.charAt(i - 1) == '-') {
          return false;
        }
        labelStart = i + 1;
      } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (allowUnderscore && c == '_'))) {
        return false;
      }
    }
    return true;
  }

  /** True when the label starting at {@code from} is a plausible top-level domain. */
  static boolean isPlausibleTld(String host, int from) {
    int len = host.length() - from;
    if (len < 2) {
      return false;
    }
    if (host.startsWith("xn--", from)) {
      return len > 4;
    }
    for (int i = from; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c < 'a' || c > 'z') {
        return false;
      }
    }
    return true;
  }
}
