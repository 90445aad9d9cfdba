package dev.mops.core.normalize;

import dev.mops.core.Finding;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of email addresses: trims, checks the syntax that real mail systems accept, lower
 * cases, converts IDN domains to punycode, computes a provider-aware canonical form for matching,
 * and flags role accounts, free-mail and disposable providers.
 *
 * <p>Accepted: dot-atom local parts with every RFC 5322 {@code atext} character ({@code +},
 * {@code '}, {@code /}, {@code =} ...), quoted local parts ({@code "john smith"@example.com}),
 * internationalized (UTF-8) local parts, IDN domains and address literals
 * ({@code user@[192.0.2.1]}, with a warning). Also tolerated with an info finding: a
 * {@code mailto:} prefix, a display name ({@code John <john@example.com>}) and a trailing dot on the
 * domain. Everything else is rejected with a finding whose code says why.
 *
 * <pre>{@code
 * EmailNormalizer emails = EmailNormalizer.builder().build();
 * NormalizedEmail e = emails.normalize("  J.Doe+News@GoogleMail.com ");
 * e.normalized();  // "j.doe+news@googlemail.com"
 * e.canonical();   // "jdoe@gmail.com"
 * e.flags();       // [FREE_MAIL]
 * }</pre>
 *
 * <p>Thread safety: immutable and thread-safe; build one and share it.
 */
public final class EmailNormalizer {

  /** Longest address accepted, in UTF-8 octets (RFC 5321 path limit less the angle brackets). */
  public static final int MAX_LENGTH = 254;
  /** Longest local part accepted, in UTF-8 octets (RFC 5321). */
  public static final int MAX_LOCAL_PART_LENGTH = 64;

  private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

  private final String field;
  private final boolean lowerCaseLocalPart;
  private final Set<String> freeMail;
  private final Set<String> disposable;
  private final Set<String> roles;
  private final Map<String, MailProvider> providers;

  /** How one provider treats local parts. */
  record MailProvider(String domain, String sameAs, boolean ignoreDots, boolean plusTags) {}

  private EmailNormalizer(Builder b) {
    this.field = b.field;
    this.lowerCaseLocalPart = b.lowerCaseLocalPart;
    this.freeMail = b.freeMail != null ? b.freeMail : Defaults.FREE_MAIL;
    this.disposable = b.disposable != null ? b.disposable : Defaults.DISPOSABLE;
    this.roles = b.roles != null ? b.roles : Defaults.ROLES;
    this.providers = b.providers != null ? b.providers : Defaults.PROVIDERS;
  }

  /** Returns a new builder with the bundled lists, lower-casing local parts, field {@code email}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the bundled free-mail domains, to extend and pass back to a builder. */
  public static Set<String> defaultFreeMailDomains() {
    return Defaults.FREE_MAIL;
  }

  /** Returns the bundled disposable-provider domains, to extend and pass back to a builder. */
  public static Set<String> defaultDisposableDomains() {
    return Defaults.DISPOSABLE;
  }

  /** Returns the bundled role-account local parts, to extend and pass back to a builder. */
  public static Set<String> defaultRoleAccounts() {
    return Defaults.ROLES;
  }

  /** Returns the field name used in findings. */
  public String field() {
    return field;
  }

  /**
   * Normalizes one address. Never throws on bad data: a missing value ({@code null} or blank)
   * gives a result with no address and no finding, an invalid one gives no address and an error
   * finding.
   */
  public NormalizedEmail normalize(@Nullable CharSequence raw) {
    if (raw == null) {
      return empty("");
    }
    String original = raw.toString();
    String s = original.strip();
    if (s.isEmpty()) {
      return empty(original);
    }
    if (!TextFolding.isAscii(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }
    List<Finding> findings = new ArrayList<>(2);

    if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
      s = s.substring(7);
      int q = s.indexOf('?');
      if (q >= 0) {
        s = s.substring(0, q);
      }
      s = s.strip();
      findings.add(Finding.info("EMAIL_MAILTO_REMOVED", field, original,
          "removed the mailto: prefix"));
    }
    if (s.endsWith(">")) {
      int lt = s.lastIndexOf('<');
      if (lt >= 0) {
        boolean named = !s.substring(0, lt).isBlank();
        s = s.substring(lt + 1, s.length() - 1).strip();
        if (named) {
          findings.add(Finding.info("EMAIL_DISPLAY_NAME_REMOVED", field, original,
              "kept the address inside <...> and dropped the display name"));
        }
      }
    }
    if (s.isEmpty()) {
      return invalid(original, findings, "EMAIL_MISSING_AT", "no address found");
    }

    // Split local part and domain.
    int at;
    boolean quoted = s.charAt(0) == '"';
    if (quoted) {
      int close = closingQuote(s);
      if (close < 0) {
        return invalid(original, findings, "EMAIL_UNTERMINATED_QUOTE",
            "the quoted local part has no closing quote");
      }
      at = close + 1;
      if (at >= s.length() || s.charAt(at) != '@') {
        return invalid(original, findings, at >= s.length() ? "EMAIL_MISSING_AT"
            : "EMAIL_INVALID_LOCAL_PART", "expected '@' right after the quoted local part");
      }
    } else {
      at = s.indexOf('@');
      if (at < 0) {
        return invalid(original, findings, "EMAIL_MISSING_AT", "no '@' in the address");
      }
      if (s.indexOf('@', at + 1) >= 0) {
        return invalid(original, findings, "EMAIL_MULTIPLE_AT",
            "more than one '@' outside a quoted local part");
      }
    }
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);

    // Local part.
    if (local.isEmpty()) {
      return invalid(original, findings, "EMAIL_LOCAL_PART_EMPTY", "nothing before the '@'");
    }
    if (quoted) {
      String problem = checkQuoted(local);
      if (problem != null) {
        return invalid(original, findings, "EMAIL_INVALID_LOCAL_PART", problem);
      }
      String inner = local.substring(1, local.length() - 1);
      if (!inner.isEmpty() && inner.indexOf('\\') < 0 && checkDotAtom(inner) == null) {
        // "john.smith"@x is the same mailbox as john.smith@x (RFC 5321 section 4.1.2).
        local = inner;
        quoted = false;
        findings.add(Finding.info("EMAIL_QUOTES_REMOVED", field, original,
            "removed quotes that were not needed around the local part"));
      } else {
        findings.add(Finding.info("EMAIL_QUOTED_LOCAL_PART", field, original,
            "the local part is quoted; many systems cannot send to it"));
      }
    } else {
      String code = checkDotAtom(local);
      if (code != null) {
        return invalid(original, findings, code, dotAtomMessage(code));
      }
    }
    if (utf8Length(local) > MAX_LOCAL_PART_LENGTH) {
      return invalid(original, findings, "EMAIL_LOCAL_PART_TOO_LONG",
          "the local part is longer than " + MAX_LOCAL_PART_LENGTH + " octets");
    }

    // Domain.
    if (domain.endsWith(".") && domain.length() > 1 && domain.charAt(domain.length() - 2) != '.') {
      domain = domain.substring(0, domain.length() - 1);
      findings.add(Finding.info("EMAIL_TRAILING_DOT_REMOVED", field, original,
          "removed the trailing dot of the domain"));
    }
    if (domain.isEmpty()) {
      return invalid(original, findings, "EMAIL_DOMAIN_EMPTY", "nothing after the '@'");
    }
    boolean literal = false;
    if (domain.charAt(0) == '[') {
      String lit = checkAddressLiteral(domain);
      if (lit == null) {
        return invalid(original, findings, "EMAIL_INVALID_DOMAIN",
            "the address literal is not an IPv4 or IPv6 address in brackets");
      }
      domain = lit;
      literal = true;
      findings.add(Finding.warning("EMAIL_ADDRESS_LITERAL", field, original,
          "the domain is an IP address literal, not a name"));
    } else {
      String ascii = toAsciiDomain(domain);
      if (ascii == null) {
        return invalid(original, findings, "EMAIL_INVALID_DOMAIN",
            "the domain is not a valid host name");
      }
      String code = checkHostName(ascii);
      if (code != null) {
        return invalid(original, findings, code, code.equals("EMAIL_DOMAIN_NOT_QUALIFIED")
            ? "the domain has no dot, so it cannot be reached from the internet"
            : code.equals("EMAIL_DOMAIN_TOO_LONG") ? "the domain is longer than 253 characters"
            : "the domain is not a valid host name");
      }
      domain = ascii;
    }

    String normalizedLocal = !quoted && lowerCaseLocalPart ? local.toLowerCase(Locale.ROOT) : local;
    String normalized = normalizedLocal + "@" + domain;
    if (utf8Length(normalized) > MAX_LENGTH) {
      return invalid(original, findings, "EMAIL_TOO_LONG",
          "the address is longer than " + MAX_LENGTH + " octets");
    }

    // Canonical form and flags.
    String canonicalLocal = quoted ? local : local.toLowerCase(Locale.ROOT);
    String canonicalDomain = domain;
    String baseLocal = canonicalLocal;
    if (!quoted) {
      int plus = canonicalLocal.indexOf('+');
      if (plus > 0) {
        baseLocal = canonicalLocal.substring(0, plus);
      }
      @Nullable MailProvider provider = literal ? null : providers.get(domain);
      if (provider != null) {
        canonicalDomain = provider.sameAs();
        if (provider.plusTags() && plus > 0) {
          canonicalLocal = baseLocal;
        }
        if (provider.ignoreDots() && canonicalLocal.indexOf('.') >= 0) {
          canonicalLocal = canonicalLocal.replace(".", "");
        }
      }
    }
    String canonical = canonicalLocal + "@" + canonicalDomain;
    EnumSet<EmailFlag> flags = EnumSet.noneOf(EmailFlag.class);
    if (!quoted && roles.contains(baseLocal)) {
      flags.add(EmailFlag.ROLE_ACCOUNT);
    }
    if (!literal) {
      if (freeMail.contains(domain) || freeMail.contains(canonicalDomain)) {
        flags.add(EmailFlag.FREE_MAIL);
      }
      if (isDisposable(domain)) {
        flags.add(EmailFlag.DISPOSABLE);
      }
    }
    return new NormalizedEmail(
        original, normalized, canonical, normalizedLocal, domain, flags, findings);
  }

  private boolean isDisposable(String domain) {
    String d = domain;
    while (true) {
      if (disposable.contains(d)) {
        return true;
      }
      int dot = d.indexOf('.');
      if (dot < 0 || d.indexOf('.', dot + 1) < 0) {
        return false;
      }
      d = d.substring(dot + 1);
    }
  }

  private NormalizedEmail empty(String original) {
    return new NormalizedEmail(original, null, null, null, null, Set.of(), List.of());
  }

  private NormalizedEmail invalid(
      String original, List<Finding> findings, String code, String message) {
    findings.add(Finding.error(code, field, original, message));
    return new NormalizedEmail(original, null, null, null, null, Set.of(), findings);
  }

  /** Index of the quote closing a quoted string starting at 0, or -1. */
  private static int closingQuote(String s) {
    for (int i = 1, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  private static @Nullable String checkQuoted(String local) {
    for (int i = 1, n = local.length() - 1; i < n; i++) {
      char c = local.charAt(i);
      if (c == '\\') {
        i++;
        if (i >= n) {
          return "a backslash ends the quoted local part";
        }
        char e = local.charAt(i);
        if (e < ' ' && e != '\t') {
          return "a control character in the quoted local part";
        }
      } else if ((c < ' ' && c != '\t') || c == 0x7F) {
        return "a control character in the quoted local part";
      }
    }
    return null;
  }

  private static @Nullable String checkDotAtom(String local) {
    int n = local.length();
    if (local.charAt(0) == '.' || local.charAt(n - 1) == '.') {
      return "EMAIL_LOCAL_PART_DOTS";
    }
    char prev = 0;
    for (int i = 0; i < n; i++) {
      char c = local.charAt(i);
      if (c == '.') {
        if (prev == '.') {
          return "EMAIL_LOCAL_PART_DOTS";
        }
      } else if (c < 0x80) {
        if (c <= ' ' || c == 0x7F) {
          return Character.isWhitespace(c) || c == ' ' ? "EMAIL_CONTAINS_WHITESPACE"
              : "EMAIL_INVALID_CHARACTER";
        }
        if (!isAsciiLetterOrDigit(c) && ATEXT_SPECIALS.indexOf(c) < 0) {
          return "EMAIL_INVALID_CHARACTER";
        }
      } else {
        // RFC 6531: UTF-8 is allowed; accept letters, digits and marks, reject spaces and symbols.
        int cp = local.codePointAt(i);
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
          return "EMAIL_CONTAINS_WHITESPACE";
        }
        if (!Character.isLetterOrDigit(cp) && !isMark(cp)) {
          return "EMAIL_INVALID_CHARACTER";
        }
        i += Character.charCount(cp) - 1;
      }
      prev = c;
    }
    return null;
  }

  private static String dotAtomMessage(String code) {
    switch (code) {
      case "EMAIL_LOCAL_PART_DOTS":
        return "the local part starts or ends with a dot or has two dots in a row";
      case "EMAIL_CONTAINS_WHITESPACE":
        return "the address contains a space";
      default:
        return "the local part contains a character that is only allowed inside quotes";
    }
  }

  private static boolean isMark(int cp) {
    int t = Character.getType(cp);
    return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  static boolean isAsciiLetterOrDigit(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Returns the lower-case literal, or null when it is not {@code [IPv4]} or {@code [IPv6:...]}. */
  private static @Nullable String checkAddressLiteral(String domain) {
    if (domain.length() < 3 || domain.charAt(domain.length() - 1) != ']') {
      return null;
    }
    String inner = domain.substring(1, domain.length() - 1);
    if (inner.regionMatches(true, 0, "IPv6:", 0, 5)) {
      String v6 = inner.substring(5);
      if (v6.isEmpty() || v6.indexOf(':') < 0) {
        return null;
      }
      for (int i = 0; i < v6.length(); i++) {
        char c = v6.charAt(i);
        if (!(c == ':' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')
            || (c >= 'A' && c <= 'F'))) {
          return null;
        }
      }
      return "[IPv6:" + v6.toLowerCase(Locale.ROOT) + "]";
    }
    return HostNames.isIpv4(inner) ? domain : null;
  }

  /** Lower case and punycode; null when IDNA rejects it. */
  static @Nullable String toAsciiDomain(String domain) {
    String lower = domain.toLowerCase(Locale.ROOT);
    if (TextFolding.isAscii(lower)) {
      return lower;
    }
    try {
      return IDN.toASCII(lower, 0).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Returns an error code, or null when {@code host} is a valid, qualified ASCII host name. */
  private static @Nullable String checkHostName(String host) {
    int n = host.length();
    if (n > 253) {
      return "EMAIL_DOMAIN_TOO_LONG";
    }
    if (!HostNames.isValidAsciiHost(host, false)) {
      return "EMAIL_INVALID_DOMAIN";
    }
    int lastDot = host.lastIndexOf('.');
    if (lastDot < 0) {
      return "EMAIL_DOMAIN_NOT_QUALIFIED";
    }
    return HostNames.isPlausibleTld(host, lastDot + 1) ? null : "EMAIL_INVALID_DOMAIN";
  }

  private static int utf8Length(String s) {
    return TextFolding.isAscii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The bundled lists, loaded once. */
  private static final class Defaults {
    static final Set<String> FREE_MAIL = DomainSets.resource("free-mail-domains.txt");
    static final Set<String> DISPOSABLE = DomainSets.resource("disposable-domains.txt");
    static final Set<String> ROLES = DomainSets.resource("role-accounts.txt");
    static final Map<String, MailProvider> PROVIDERS =
        loadProviders(DataFile.resource("mail-providers.txt"));
  }

  static Map<String, MailProvider> loadProviders(DataFile file) {
    Map<String, MailProvider> out = new HashMap<>();
    for (DataFile.Line line : file.lines()) {
      String[] parts = line.text().toLowerCase(Locale.ROOT).split("\\s+", 0);
      String domain = parts[0];
      String sameAs = domain;
      boolean dots = false;
      boolean plus = false;
      for (int i = 1; i < parts.length; i++) {
        String p = parts[i];
        if (p.equals("ignore-dots")) {
          dots = true;
        } else if (p.equals("plus-tags")) {
          plus = true;
        } else if (p.startsWith("same-as=") && p.length() > 8) {
          sameAs = p.substring(8);
        } else {
          throw line.error("expected ignore-dots, plus-tags or same-as=<domain>, found '"
              + parts[i] + "'");
        }
      }
      if (out.put(domain, new MailProvider(domain, sameAs, dots, plus)) != null) {
        throw line.error("provider " + domain + " is listed twice");
      }
    }
    return Map.copyOf(out);
  }

  /**
   * A builder of {@link EmailNormalizer}s. Each option can be set once; lists given here replace
   * the bundled ones (start from {@link #defaultFreeMailDomains()} and friends to extend them).
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "email";
    private boolean fieldSet;
    private boolean lowerCaseLocalPart = true;
    private boolean lowerCaseSet;
    private @Nullable Set<String> freeMail;
    private @Nullable Set<String> disposable;
    private @Nullable Set<String> roles;
    private @Nullable Map<String, MailProvider> providers;

    private Builder() {}

    /** Sets the field name written in findings (default {@code email}). */
    public Builder field(String field) {
      Checks.checkNotSet(fieldSet, "field");
      this.field = Checks.checkFieldName(field);
      fieldSet = true;
      return this;
    }

    /**
     * Sets whether the local part is lower-cased in the normalized form (default {@code true}:
     * virtually every mail system treats it case-insensitively, though RFC 5321 allows otherwise).
     * The canonical form is always lower case; quoted local parts always keep their case.
     */
    public Builder lowerCaseLocalPart(boolean lowerCase) {
      Checks.checkNotSet(lowerCaseSet, "lowerCaseLocalPart");
      this.lowerCaseLocalPart = lowerCase;
      lowerCaseSet = true;
      return this;
    }

    /** Replaces the free-mail domains with those in {@code file} (one a line, {@code #} comments). */
    public Builder freeMailDomains(Path file) {
      Checks.checkNotSet(freeMail != null, "freeMailDomains");
      freeMail = DomainSets.file(file);
      return this;
    }

    /** Replaces the free-mail domains with {@code domains}. */
    public Builder freeMailDomains(Collection<String> domains) {
      Checks.checkNotSet(freeMail != null, "freeMailDomains");
      freeMail = DomainSets.entries("freeMailDomains", domains);
      return this;
    }

    /** Replaces the disposable-provider domains with those in {@code file}. */
    public Builder disposableDomains(Path file) {
      Checks.checkNotSet(disposable != null, "disposableDomains");
      disposable = DomainSets.file(file);
      return this;
    }

    /** Replaces the disposable-provider domains with {@code domains}. */
    public Builder disposableDomains(Collection<String> domains) {
      Checks.checkNotSet(disposable != null, "disposableDomains");
      disposable = DomainSets.entries("disposableDomains", domains);
      return this;
    }

    /** Replaces the role-account local parts with those in {@code file}. */
    public Builder roleAccounts(Path file) {
      Checks.checkNotSet(roles != null, "roleAccounts");
      roles = DomainSets.file(file);
      return this;
    }

    /** Replaces the role-account local parts with {@code localParts}. */
    public Builder roleAccounts(Collection<String> localParts) {
      Checks.checkNotSet(roles != null, "roleAccounts");
      roles = DomainSets.entries("roleAccounts", localParts);
      return this;
    }

    /**
     * Replaces the provider canonicalization rules with those in {@code file}; each line reads
     * {@code domain [same-as=<domain>] [ignore-dots] [plus-tags]}.
     *
     * @throws dev.mops.core.config.ConfigException naming the line when one is malformed
     */
    public Builder mailProviders(Path file) {
      Checks.checkNotSet(providers != null, "mailProviders");
      providers = loadProviders(DataFile.file(file));
      return this;
    }

    /** Replaces the provider canonicalization rules with {@code lines} in the file format. */
    public Builder mailProviders(Collection<String> lines) {
      Checks.checkNotSet(providers != null, "mailProviders");
      providers = loadProviders(DataFile.entries("mailProviders", lines));
      return this;
    }

    /** Returns a new normalizer with these options. */
    public EmailNormalizer build() {
      return new EmailNormalizer(this);
    }
  }

  @Override
  public String toString() {
    return "EmailNormalizer{field=" + field + ", lowerCaseLocalPart=" + lowerCaseLocalPart
        + ", freeMail=" + freeMail.size() + ", disposable=" + disposable.size() + ", roles="
        + roles.size() + ", providers=" + providers.size() + "}";
  }
}
