package dev.mops.core.normalize;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A normalizer of phone numbers to E.164 with libphonenumber: validity, line type (mobile, fixed
 * line, toll free ...) and the extension kept apart.
 *
 * <p>Numbers written without a country code are read in a region: the record's own country when
 * the caller passes it to {@link #normalize(CharSequence, String)}, else the builder's default
 * region. Parsing costs microseconds, so results are kept in a bounded cache keyed by the raw
 * value and the region (size set by {@link Builder#cacheSize}, {@code 0} to turn it off).
 *
 * <pre>{@code
 * PhoneNormalizer phones = PhoneNormalizer.builder().defaultRegion("US").build();
 * NormalizedPhone p = phones.normalize("(415) 555-2671 ext. 12");
 * p.e164();       // "+14155552671"
 * p.extension();  // "12"
 * phones.normalize("030 901820", "DE").e164();  // "+4930901820"
 * }</pre>
 *
 * <p>Thread safety: thread-safe; the cache is a concurrent one. Build one and share it.
 */
public final class PhoneNormalizer {

  /** Default number of parsed values kept in the cache. */
  public static final long DEFAULT_CACHE_SIZE = 10_000;
  /** Longest raw value parsed; longer values are reported as too long without parsing. */
  public static final int MAX_INPUT_LENGTH = 100;

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String NO_REGION = "ZZ";

  private final String field;
  private final String defaultRegion;
  private final long cacheSize;
  private final @Nullable Cache<Key, NormalizedPhone> cache;

  private record Key(String raw, String region) {}

  private PhoneNormalizer(Builder b) {
    this.field = b.field;
    this.defaultRegion = b.defaultRegion;
    this.cacheSize = b.cacheSize;
    this.cache = b.cacheSize > 0 ? Caffeine.newBuilder().maximumSize(b.cacheSize).build() : null;
  }

  /** Returns a new builder: no default region, a cache of {@link #DEFAULT_CACHE_SIZE}, field {@code phone}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default region, or {@code ""} when there is none. */
  public String defaultRegion() {
    return defaultRegion.equals(NO_REGION) ? "" : defaultRegion;
  }

  /** Returns the cache's maximum size; {@code 0} when there is no cache. */
  public long cacheSize() {
    return cacheSize;
  }

  /** Normalizes a number in the default region. Never throws on bad data. */
  public NormalizedPhone normalize(@Nullable CharSequence raw) {
    return normalize(raw, null);
  }

  /**
   * Normalizes a number, reading national numbers in {@code region} (an ISO 3166-1 alpha-2 code,
   * typically the record's country) or, when it is {@code null} or blank, in the default region.
   * A region libphonenumber does not know is reported as {@code PHONE_REGION_UNSUPPORTED} and the
   * default region is used. Never throws on bad data.
   */
  public NormalizedPhone normalize(@Nullable CharSequence raw, @Nullable String region) {
    if (raw == null) {
      return new NormalizedPhone("", null, null, null, PhoneType.UNKNOWN, List.of());
    }
    String original = raw.toString();
    if (original.isBlank()) {
      return new NormalizedPhone(original, null, null, null, PhoneType.UNKNOWN, List.of());
    }
    String effective = defaultRegion;
    boolean unsupportedHint = false;
    if (region != null && !region.isBlank()) {
      String upper = region.strip().toUpperCase(Locale.ROOT);
      if (UTIL.getSupportedRegions().contains(upper)) {
        effective = upper;
      } else {
        unsupportedHint = true;
      }
    }
    NormalizedPhone result;
    if (cache != null && original.length() <= MAX_INPUT_LENGTH) {
      result = cache.get(new Key(original, effective), k -> parse(k.raw(), k.region()));
    } else {
      result = parse(original, effective);
    }
    if (unsupportedHint) {
      List<Finding> findings = new ArrayList<>(result.findings().size() + 1);
      findings.add(Finding.info("PHONE_REGION_UNSUPPORTED", field, region,
          "the record's region '" + region + "' is not a known ISO 3166-1 alpha-2 region; used "
              + (defaultRegion.equals(NO_REGION) ? "no region" : defaultRegion)));
      findings.addAll(result.findings());
      result = new NormalizedPhone(result.original(), result.e164(), result.extension(),
          result.region(), result.type(), findings);
    }
    return result;
  }

  /** Parses without the cache; used by {@link #normalize} and by the benchmark through it. */
  NormalizedPhone parse(String original, String region) {
    if (original.length() > MAX_INPUT_LENGTH) {
      return invalid(original, "PHONE_TOO_LONG", "longer than " + MAX_INPUT_LENGTH
          + " characters");
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(original, region);
    } catch (NumberParseException e) {
      switch (e.getErrorType()) {
        case INVALID_COUNTRY_CODE:
          return invalid(original, "PHONE_NO_COUNTRY",
              region.equals(NO_REGION) || original.strip().startsWith("+")
                  ? "no valid country code, and no region to read a national number in"
                  : "the country code is not valid");
        case TOO_SHORT_NSN:
        case TOO_SHORT_AFTER_IDD:
          return invalid(original, "PHONE_TOO_SHORT", "too few digits for a phone number");
        case TOO_LONG:
          return invalid(original, "PHONE_TOO_LONG", "too many digits for a phone number");
        case NOT_A_NUMBER:
        default:
          return invalid(original, "PHONE_NOT_A_NUMBER", "not a phone number");
      }
    }
    String extension = number.hasExtension() && !number.getExtension().isEmpty()
        ? number.getExtension() : null;
    if (!UTIL.isValidNumber(number)) {
      ValidationResult why = UTIL.isPossibleNumberWithReason(number);
      switch (why) {
        case TOO_SHORT:
        case INVALID_LENGTH:
          return why == ValidationResult.TOO_SHORT
              ? invalid(original, "PHONE_TOO_SHORT", "too few digits for its country")
              : invalid(original, "PHONE_INVALID_LENGTH", "the wrong number of digits for its country");
        case TOO_LONG:
          return invalid(original, "PHONE_TOO_LONG", "too many digits for its country");
        case INVALID_COUNTRY_CODE:
          return invalid(original, "PHONE_NO_COUNTRY", "the country code is not valid");
        default:
          return invalid(original, "PHONE_INVALID",
              "not a number in use in the numbering plan of its country");
      }
    }
    String e164 = UTIL.format(number, PhoneNumberFormat.E164);
    String numberRegion = UTIL.getRegionCodeForNumber(number);
    PhoneType type = type(UTIL.getNumberType(number));
    return new NormalizedPhone(original, e164, extension, numberRegion, type, List.of());
  }

  private NormalizedPhone invalid(String original, String code, String message) {
    return new NormalizedPhone(original, null, null, null, PhoneType.UNKNOWN,
        List.of(Finding.error(code, field, original, message)));
  }

  private static PhoneType type(PhoneNumberUtil.PhoneNumberType t) {
    switch (t) {
      case MOBILE:
        return PhoneType.MOBILE;
      case FIXED_LINE:
        return PhoneType.FIXED_LINE;
      case FIXED_LINE_OR_MOBILE:
        return PhoneType.FIXED_LINE_OR_MOBILE;
      case TOLL_FREE:
        return PhoneType.TOLL_FREE;
      case PREMIUM_RATE:
        return PhoneType.PREMIUM_RATE;
      case SHARED_COST:
        return PhoneType.SHARED_COST;
      case VOIP:
        return PhoneType.VOIP;
      case PERSONAL_NUMBER:
        return PhoneType.PERSONAL_NUMBER;
      case PAGER:
        return PhoneType.PAGER;
      case UAN:
        return PhoneType.UAN;
      case VOICEMAIL:
        return PhoneType.VOICEMAIL;
      default:
        return PhoneType.UNKNOWN;
    }
  }

  /** Returns the ISO 3166-1 alpha-2 regions libphonenumber supports. */
  public static Set<String> supportedRegions() {
    return Set.copyOf(UTIL.getSupportedRegions());
  }

  @Override
  public String toString() {
    return "PhoneNormalizer{field=" + field + ", defaultRegion=" + defaultRegion()
        + ", cacheSize=" + cacheSize + "}";
  }

  /**
   * A builder of {@link PhoneNormalizer}s. Each option can be set once.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String field = "phone";
    private boolean fieldSet;
    private String defaultRegion = NO_REGION;
    private boolean regionSet;
    private long cacheSize = DEFAULT_CACHE_SIZE;
    private boolean cacheSet;

    private Builder() {}

    /** Sets the field name written in findings (default {@code phone}). */
    public Builder field(String field) {
      Checks.checkNotSet(fieldSet, "field");
      this.field = Checks.checkFieldName(field);
      fieldSet = true;
      return this;
    }

    /**
     * Sets the region national numbers are read in when the record gives none, as an ISO 3166-1
     * alpha-2 code ({@code US}, {@code de}).
     *
     * @throws IllegalArgumentException naming the value when libphonenumber does not know it
     */
    public Builder defaultRegion(String region) {
      Checks.checkNotSet(regionSet, "defaultRegion");
      String upper = region.strip().toUpperCase(Locale.ROOT);
      if (!UTIL.getSupportedRegions().contains(upper)) {
        throw new IllegalArgumentException(
            "unknown default region '" + region + "', expected an ISO 3166-1 alpha-2 code such as US");
      }
      this.defaultRegion = upper;
      regionSet = true;
      return this;
    }

    /**
     * Sets how many parsed values the cache keeps (default {@link #DEFAULT_CACHE_SIZE}); {@code 0}
     * turns the cache off.
     *
     * @throws IllegalArgumentException when {@code size} is negative
     */
    public Builder cacheSize(long size) {
      Checks.checkNotSet(cacheSet, "cacheSize");
      if (size < 0) {
        throw new IllegalArgumentException("cacheSize must be >= 0, was " + size);
      }
      this.cacheSize = size;
      cacheSet = true;
      return this;
    }

    /** Returns a new normalizer with these options. */
    public PhoneNormalizer build() {
      return new PhoneNormalizer(this);
    }
  }
}
