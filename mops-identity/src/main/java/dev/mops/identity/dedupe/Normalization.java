package dev.mops.identity.dedupe;

import dev.mops.core.normalize.AddressNormalizer;
import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedDomain;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.PhoneNormalizer;
import dev.mops.core.normalize.PlaceholderValues;
import dev.mops.core.normalize.TextFolding;
import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Normalization of field values before comparison, by {@link FieldKind}.
 *
 * <p>Emails, phones, domains and company names go through the shared normalizers of
 * {@code dev.mops.core.normalize}, so that dedupe matches on the same keys the rest of mops
 * writes: the canonical email ({@link NormalizedEmail#canonical()}), the E.164 phone number, the
 * registrable domain of the public suffix list, the company name key without legal forms. Values
 * those normalizers reject are not dropped: a matching-oriented fallback keeps them comparable (an
 * invalid email lower-cased with its plus tag removed, an invalid phone as its digits), because a
 * duplicate with a typo is still a duplicate. Given names go through {@link Nicknames}, which
 * reads the shared nickname table.
 *
 * <p>Thread safety: stateless; the shared normalizers it holds are thread-safe.
 */
final class Normalization {

  /** Longest value compared, in characters; longer values are cut (a documented resource limit). */
  static final int MAX_VALUE_LENGTH = 200;

  /** The region national phone numbers are read in when a field names none. */
  static final String DEFAULT_PHONE_REGION = "US";

  /** Regions of the North American Numbering Plan (country code 1). */
  private static final Set<String> NANP =
      Set.of("US", "CA", "AG", "AI", "AS", "BB", "BM", "BS", "DM", "DO", "GD", "GU", "JM", "KN", "KY",
          "LC", "MP", "MS", "PR", "SX", "TC", "TT", "VC", "VG", "VI");

  private static final EmailNormalizer EMAILS = EmailNormalizer.builder().build();

  private static final DomainNormalizer DOMAINS = DomainNormalizer.builder().build();

  private static final CompanyNameNormalizer COMPANIES = CompanyNameNormalizer.builder().build();

  private static final Map<String, PhoneNormalizer> PHONES = new ConcurrentHashMap<>();

  private static final AddressNormalizer ADDRESSES = AddressNormalizer.standard();

  private static final CountryNormalizer COUNTRIES = CountryNormalizer.builder().build();

  private Normalization() {}

  /** The kind of placeholder list ({@link PlaceholderValues}) that applies to a field of {@code kind}. */
  static PlaceholderValues.Kind placeholderKind(FieldKind kind) {
    switch (kind) {
      case NAME:
      case FIRST_NAME:
        return PlaceholderValues.Kind.NAME;
      case COMPANY:
        return PlaceholderValues.Kind.COMPANY;
      default:
        return PlaceholderValues.Kind.VALUE;
    }
  }

  /**
   * Returns the normalized value, or {@code null} when the value is missing, empty or says "no
   * value".
   */
  static @Nullable String normalize(FieldKind kind, @Nullable Object value) {
    return normalize(kind, value, DEFAULT_PHONE_REGION);
  }

  /**
   * Returns the normalized value as {@link #normalize(FieldKind, Object)} does, reading national
   * phone numbers in {@code phoneRegion} (an ISO 3166-1 alpha-2 code).
   */
  static @Nullable String normalize(FieldKind kind, @Nullable Object value, String phoneRegion) {
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
    if (raw.isEmpty() || PlaceholderValues.isPlaceholder(placeholderKind(kind), raw)) {
      return null;
    }
    String out;
    switch (kind) {
      case EMAIL:
        out = email(raw);
        break;
      case PHONE:
        out = phone(raw, phoneRegion);
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
      case COUNTRY: {
        String code = COUNTRIES.normalize(raw).code();
        out = code != null ? code.toLowerCase(Locale.ROOT) : fold(raw);
        break;
      }
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
        return PlaceholderValues.isPlaceholder(PlaceholderValues.Kind.EMAIL_LOCAL, local)
            || PlaceholderValues.isPlaceholder(PlaceholderValues.Kind.EMAIL_DOMAIN, domain);
      }
      case PHONE: {
        String digits = normalized.startsWith("+") ? normalized.substring(1) : normalized;
        String national = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
        return junkDigits(digits) || junkDigits(national);
      }
      case IDENTIFIER:
        return junkDigits(normalized);
      default:
        return false;
    }
  }

  private static boolean junkDigits(String s) {
    if (s.length() >= 4 && allSame(s)) {
      return true;
    }
    return "1234567890".contains(s) && s.length() >= 6;
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

  /**
   * Folds text to its words, by the shared {@link TextFolding#foldedWords} of mops-core (the folding
   * {@code mops normalize} uses): case folded ({@code ß} to {@code ss}), accents removed, runs of
   * letters and digits joined by one space.
   */
  static String fold(String raw) {
    return TextFolding.foldedWords(raw);
  }

  static String alnum(String raw) {
    return fold(raw).replace(" ", "");
  }

  /**
   * Returns the canonical form of a valid email ({@code J.Doe+news@googlemail.com} gives
   * {@code jdoe@gmail.com}) without a plus tag on any domain; an invalid one lower-cased, without {@code mailto:} and plus tag, or
   * {@code null} when it has no {@code @} between a local part and a domain.
   */
  static @Nullable String email(String raw) {
    return emailOf(raw);
  }

  private static final Set<String> FREE_MAIL = EmailNormalizer.defaultFreeMailDomains();

  /** Returns whether a normalized email is at a free-mail provider (a personal address: gmail.com, web.de, ...). */
  static boolean freeMail(String normalizedEmail) {
    int at = normalizedEmail.lastIndexOf('@');
    return at > 0 && FREE_MAIL.contains(normalizedEmail.substring(at + 1));
  }

  private static @Nullable String emailOf(String raw) {
    // The shared normalizer drops plus tags only where the provider is known to ignore them; for
    // matching, a tag on any domain (many company mail systems honour them) is dropped too. An
    // address it rejects is only lower-cased, so that a typo still compares.
    String s = EMAILS.normalize(raw).canonical();
    if (s == null) {
      s = lower(raw);
      if (s.startsWith("mailto:")) {
        s = s.substring(7);
      }
    }
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      return null;
    }
    String local = s.substring(0, at);
    int plus = local.indexOf('+');
    if (plus > 0) {
      local = local.substring(0, plus);
    }
    return local.strip() + "@" + s.substring(at + 1).strip();
  }

  /**
   * Returns a phone number in E.164 ({@code +14155550123}) when it is valid in {@code region} (or
   * carries its own country code), else its digits (an international {@code 00} prefix read as {@code +} and dropped), or
   * {@code null} when fewer than 7 digits remain. An extension ({@code x204}, {@code ;ext=204}) is
   * dropped. Ten-digit numbers of the North American plan in a NANP region take a fast path that
   * needs no parsing; the others go through the shared {@link PhoneNormalizer} (libphonenumber).
   */
  static @Nullable String phone(String raw, String region) {
    StringBuilder d = new StringBuilder(raw.length());
    boolean plus = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c >= '0' && c <= '9') {
        d.append(c);
      } else if (c == '+' && d.length() == 0) {
        plus = true;
      } else if (d.length() > 0 && (c == 'x' || c == 'X' || c == ';' || c == ',' || c == 'e' || c == 'E')) {
        break;
      }
    }
    String s = d.toString();
    if (s.length() >= 4 && allSame(s)) {
      return s;
    }
    if (!plus && s.startsWith("00")) {
      s = s.substring(2);
      plus = true;
    }
    if (s.length() < 7) {
      return null;
    }
    if (NANP.contains(region)) {
      if (!plus && s.length() == 10 && nanp(s, 0)) {
        return "+1" + s;
      }
      if (s.length() == 11 && s.charAt(0) == '1' && nanp(s, 1)) {
        return "+" + s;
      }
    }
    String e164 = phones(region).normalize(plus ? "+" + s : raw).e164();
    return e164 != null ? e164 : s;
  }

  /** Whether ten digits from {@code from} have the NANP shape NXX-NXX-XXXX. */
  private static boolean nanp(String s, int from) {
    char area = s.charAt(from);
    char exchange = s.charAt(from + 3);
    return area >= '2' && area <= '9' && exchange >= '2' && exchange <= '9';
  }

  private static PhoneNormalizer phones(String region) {
    return PHONES.computeIfAbsent(region,
        r -> PhoneNormalizer.builder().defaultRegion(r).cacheSize(0).build());
  }

  /** Returns whether {@code region} is a phone region libphonenumber knows. */
  static boolean knownPhoneRegion(String region) {
    return PhoneNormalizer.supportedRegions().contains(region.toUpperCase(Locale.ROOT));
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

  /** Returns the company name key: folded, without "the", legal forms and punctuation. */
  static String company(String raw) {
    String key = COMPANIES.normalize(raw).key();
    return key.isEmpty() ? fold(raw) : key;
  }

  /** Returns the address key of the shared {@link AddressNormalizer} (street types, directions, units, ordinals). */
  static String address(String raw) {
    return ADDRESSES.key(raw);
  }

  /**
   * Returns the registrable domain by the public suffix list ({@code www.shop.acme.co.uk} and
   * {@code jane@acme.co.uk} give {@code acme.co.uk}), or the host when it has none (an IP
   * address, an unknown suffix), or {@code null}.
   */
  static @Nullable String domain(String raw) {
    String s = raw.strip();
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    NormalizedDomain d = DOMAINS.normalize(s);
    if (d.registrableDomain() != null) {
      return d.registrableDomain();
    }
    if (d.host() != null) {
      return d.host();
    }
    String f = lower(s);
    return f.isEmpty() ? null : f;
  }
}
