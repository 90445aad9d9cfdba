package dev.mops.routing.consent;

import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedDomain;
import dev.mops.core.normalize.NormalizedEmail;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The normalizers suppression and consent share; thread-safe. */
final class LeadKeys {

  static final EmailNormalizer EMAIL = EmailNormalizer.builder().build();
  static final DomainNormalizer DOMAIN = DomainNormalizer.builder().build();
  static final CompanyNameNormalizer COMPANY = CompanyNameNormalizer.builder().build();

  private LeadKeys() {}

  /** The matching key of an email: the canonical address, or the trimmed lower-case text when invalid. */
  static @Nullable String email(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    NormalizedEmail e = EMAIL.normalize(raw);
    String c = e.canonical();
    return c != null ? c : raw.trim().toLowerCase(Locale.ROOT);
  }

  /** The registrable domain of a domain, URL or email address's domain, or null. */
  static @Nullable String domain(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String s = raw.trim();
    int at = s.lastIndexOf('@');
    if (at >= 0) {
      s = s.substring(at + 1);
    }
    NormalizedDomain d = DOMAIN.normalize(s);
    return d.registrableDomain() != null ? d.registrableDomain() : d.host();
  }

  /** The company-name key, or null when empty. */
  static @Nullable String company(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String k = COMPANY.normalize(raw).key();
    return k.isEmpty() ? null : k;
  }
}
