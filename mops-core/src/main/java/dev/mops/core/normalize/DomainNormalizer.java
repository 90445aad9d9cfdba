package dev.mops.core.normalize;

import com.google.common.net.InternetDomainName;
import dev.mops.core.Finding;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of websites, URLs, email addresses and host names to a host and a registrable
 * domain, using the public suffix list that ships with Guava.
 *
 * <p>It strips the scheme, user info, port, path, query and fragment and a leading {@code www.}
 * ({@code www2.} ...), takes the domain of an email address, lower-cases and converts IDN to
 * punycode. It is safe on what has no registrable domain: an IP address, {@code localhost} or
 * another single-label name, a name under an unknown suffix ({@code intranet.corp}) and a public
 * suffix itself ({@code co.uk}) give a host, no registrable domain and a warning.
 *
 * <p>Private suffixes (the PSL's private section: {@code github.io}, {@code herokuapp.com},
 * {@code myshopify.com} ...) count as suffixes by default, so {@code acme.github.io} is its own
 * registrable domain; {@link Builder#privateSuffixes(boolean) privateSuffixes(false)} uses only the
 * registry (ICANN) section, giving {@code github.io}.
 *
 * <pre>{@code
 * DomainNormalizer domains = DomainNormalizer.builder().build();
 * domains.normalize("https://www.eu.acme.co.uk/about").registrableDomain();  // "acme.co.uk"
 * domains.normalize("jane@mail.acme.com").registrableDomain();              // "acme.com"
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe.
 */
public final class DomainNormalizer {

  /** Longest raw value read; longer values are reported invalid. */
  public static final int MAX_INPUT_LENGTH = 2048;

  private final String field;
  private final boolean privateSuffixes;

  private DomainNormalizer(Builder b) {
    this.field = b.field;
    this.privateSuffixes = b.privateSuffixes;
  }

  /** Returns a new builder: field {@code website}, private suffixes on. */
  public static Builder builder() {
    return new Builder();
  }

  /** Normalizes one website, URL, email address or host. Never throws on bad data. */
  public NormalizedDomain normalize(@Nullable CharSequence raw) {
    if (raw == null) {
      return new NormalizedDomain("", null, null, List.of());
    }
    String original = raw.toString();
    String s = TextFolding.clean(original);
    if (s.isEmpty()) {
      return new NormalizedDomain(original, null, null, List.of());
    }
    if (s.length() > MAX_INPUT_LENGTH) {
      return invalid(original, "longer than " + MAX_INPUT_LENGTH + " characters");
    }
    String host = extractHost(s);
    if (host == null) {
      return invalid(original, "no host name found");
    }
    List<Finding> findings = new ArrayList<>(1);
    if (host.startsWith("[") && host.endsWith("]")) {
      return new NormalizedDomain(original, host.toLowerCase(Locale.ROOT), null,
          List.of(Finding.warning("DOMAIN_IP_ADDRESS", field, original,
              "the host is an IP address, which has no registrable domain")));
    }
    host = host.toLowerCase(Locale.ROOT);
    while (host.endsWith(".") && host.length() > 1) {
      host = host.substring(0, host.length() - 1);
    }
    if (!TextFolding.isAscii(host)) {
      try {
        host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException e) {
        return invalid(original, "not a valid internationalized host name");
      }
    }
    if (HostNames.isIpv4(host)) {
      return new NormalizedDomain(original, host, null,
          List.of(Finding.warning("DOMAIN_IP_ADDRESS", field, original,
              "the host is an IP address, which has no registrable domain")));
    }
    if (!HostNames.isValidAsciiHost(host, true)) {
      return invalid(original, "not a valid host name");
    }
    for (String stripped = stripWww(host); !stripped.equals(host); stripped = stripWww(host)) {
      host = stripped; // www.www.acme.com
    }
    if (host.indexOf('.') < 0) {
      findings.add(Finding.warning("DOMAIN_NOT_QUALIFIED", field, original,
          "'" + host + "' is a single-label name such as localhost, not an internet domain"));
      return new NormalizedDomain(original, host, null, findings);
    }
    InternetDomainName name;
    try {
      name = InternetDomainName.from(host);
    } catch (IllegalArgumentException e) {
      return invalid(original, "not a valid host name");
    }
    String registrable = null;
    if (privateSuffixes ? name.isPublicSuffix() : name.isRegistrySuffix()) {
      findings.add(Finding.warning("DOMAIN_IS_PUBLIC_SUFFIX", field, original,
          "'" + host + "' is a public suffix, under which others register names"));
    } else if (privateSuffixes ? name.isUnderPublicSuffix() : name.isUnderRegistrySuffix()) {
      registrable = (privateSuffixes ? name.topPrivateDomain() : name.topDomainUnderRegistrySuffix())
          .toString();
      if (privateSuffixes && name.isUnderRegistrySuffix()) {
        String registry = name.topDomainUnderRegistrySuffix().toString();
        if (!registry.equals(registrable)) {
          findings.add(Finding.info("DOMAIN_PRIVATE_SUFFIX", field, original,
              "'" + registrable + "' is under the private suffix of '" + registry
                  + "' (a hosting or platform domain)"));
        }
      }
    } else {
      findings.add(Finding.warning("DOMAIN_UNKNOWN_SUFFIX", field, original,
          "'" + host + "' does not end in a known public suffix"));
    }
    return new NormalizedDomain(original, host, registrable, findings);
  }

  private NormalizedDomain invalid(String original, String message) {
    return new NormalizedDomain(original, null, null,
        List.of(Finding.error("DOMAIN_INVALID", field, original, message)));
  }

  /** Returns the host of a URL, email address or bare host, or null when there is none. */
  static @Nullable String extractHost(String s) {
    int start = 0;
    int scheme = s.indexOf("://");
    if (scheme > 0 && isScheme(s, scheme)) {
      start = scheme + 3;
    } else if (s.startsWith("//")) {
      start = 2;
    } else if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      start = 7;
    }
    int end = s.length();
    for (int i = start; i < end; i++) {
      char c = s.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == '\\') {
        end = i;
        break;
      }
    }
    String authority = s.substring(start, end);
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      authority = authority.substring(at + 1);
    }
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close > 1 ? authority.substring(0, close + 1) : null;
    }
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      for (int i = colon + 1; i < authority.length(); i++) {
        char c = authority.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
      }
      authority = authority.substring(0, colon);
    }
    return authority.isEmpty() || authority.indexOf(' ') >= 0 ? null : authority;
  }

  private static boolean isScheme(String s, int end) {
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Removes a leading {@code www}, {@code www2} ... label when a dot remains after it. */
  static String stripWww(String host) {
    if (!host.startsWith("www")) {
      return host;
    }
    int i = 3;
    while (i < host.length() && host.charAt(i) >= '0' && host.charAt(i) <= '9') {
      i++;
    }
    if (i < host.length() && host.charAt(i) == '.' && host.indexOf('.', i + 1) > 0) {
      return host.substring(i + 1);
    }
    return host;
  }

  @Override
  public String toString() {
    return "DomainNormalizer{field=" + field + ", privateSuffixes=" + privateSuffixes + "}";
  }

  /**
   * A builder of {@link DomainNormalizer}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "website";
    private boolean fieldSet;
    private boolean privateSuffixes = true;
    private boolean privateSet;

    private Builder() {}

    /** Sets the field name written in findings (default {@code website}). */
    public Builder field(String field) {
      Checks.checkNotSet(fieldSet, "field");
      this.field = Checks.checkFieldName(field);
      fieldSet = true;
      return this;
    }

    /**
     * Sets whether the public suffix list's private section ({@code github.io},
     * {@code herokuapp.com} ...) counts (default {@code true}).
     */
    public Builder privateSuffixes(boolean use) {
      Checks.checkNotSet(privateSet, "privateSuffixes");
      this.privateSuffixes = use;
      privateSet = true;
      return this;
    }

    /** Returns a new normalizer with these options. */
    public DomainNormalizer build() {
      return new DomainNormalizer(this);
    }
  }
}
