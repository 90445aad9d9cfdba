package dev.mops.identity.stitch;

import dev.mops.core.Finding;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.NormalizedPhone;
import dev.mops.core.normalize.PhoneNormalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Normalizes identifier values and applies the blocklists, through mops-core's email and phone
 * normalizers.
 *
 * <p>Thread safety: immutable and thread-safe (the normalizers are).
 */
final class IdentifierScreen {

  /** The outcome of screening one value: a normalized value, or a refusal. */
  record Screened(int type, String raw, @Nullable String value, @Nullable RefusalReason reason, String detail) {}

  private final StitchConfig config;
  private final EmailNormalizer emails;
  private final PhoneNormalizer[] phones;

  IdentifierScreen(StitchConfig config) {
    this.config = config;
    this.emails = EmailNormalizer.builder().build();
    List<IdentifierType> types = config.types();
    this.phones = new PhoneNormalizer[types.size()];
    Map<String, PhoneNormalizer> byRegion = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      IdentifierType t = types.get(i);
      if (t.normalization() == IdentifierNormalization.PHONE) {
        phones[i] = byRegion.computeIfAbsent(t.defaultRegion(),
            r -> PhoneNormalizer.builder().field(t.name()).defaultRegion(r).build());
      }
    }
  }

  /** Normalizes the value only (no blocklists): null when it is invalid or blank. */
  @Nullable String normalize(int type, String raw) {
    Screened s = screen(type, raw);
    return s == null ? null : s.value();
  }

  /** Screens one value; returns null when it is blank (absent). */
  @Nullable Screened screen(int type, String raw) {
    String trimmed = raw.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    IdentifierType t = config.types().get(type);
    String blocked = blocked(t, trimmed);
    if (blocked != null) {
      return new Screened(type, raw, null, RefusalReason.BLOCKED, blocked);
    }
    if (trimmed.length() > IdentifierType.MAX_VALUE_LENGTH) {
      return new Screened(type, raw, null, RefusalReason.INVALID,
          "value of " + trimmed.length() + " characters is over the limit of " + IdentifierType.MAX_VALUE_LENGTH);
    }
    String value;
    switch (t.normalization()) {
      case EXACT:
        value = trimmed;
        break;
      case LOWERCASE:
        value = trimmed.toLowerCase(Locale.ROOT);
        break;
      case EMAIL:
      case EMAIL_CANONICAL: {
        NormalizedEmail e = emails.normalize(trimmed);
        value = t.normalization() == IdentifierNormalization.EMAIL ? e.normalized() : e.canonical();
        if (value == null) {
          return new Screened(type, raw, null, RefusalReason.INVALID, "not an email address: " + why(e.findings()));
        }
        break;
      }
      case PHONE: {
        NormalizedPhone p = phones[type].normalize(trimmed);
        value = p.e164();
        if (value == null) {
          return new Screened(type, raw, null, RefusalReason.INVALID, "not a phone number: " + why(p.findings()));
        }
        break;
      }
      default:
        throw new AssertionError(t.normalization());
    }
    if (!value.equals(trimmed)) {
      blocked = blocked(t, value);
      if (blocked != null) {
        return new Screened(type, raw, null, RefusalReason.BLOCKED, blocked);
      }
    }
    return new Screened(type, raw, value, null, "");
  }

  private @Nullable String blocked(IdentifierType t, String value) {
    if (!t.blockedValues().isEmpty() || !config.blockedValues().isEmpty()) {
      String lower = value.toLowerCase(Locale.ROOT);
      if (t.blockedValues().contains(lower)) {
        return "blocked value '" + lower + "' of " + t.name();
      }
      if (config.blockedValues().contains(lower)) {
        return "blocked value '" + lower + "'";
      }
    }
    String p = t.blockingPattern(value);
    if (p != null) {
      return "matches blocked pattern " + p + " of " + t.name();
    }
    p = config.blockingPattern(value);
    if (p != null) {
      return "matches blocked pattern " + p;
    }
    return null;
  }

  private static String why(List<Finding> findings) {
    return findings.isEmpty() ? "invalid" : findings.get(0).code();
  }
}
