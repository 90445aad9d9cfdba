package dev.mops.flow.enrich;

import java.util.Locale;
import java.util.Objects;

/**
 * What an enrichment lookup asks about: a company domain ({@code acme.com}) or an email address.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param kind whether {@code value} is a domain or an email address
 * @param value the domain or address, lower-cased and trimmed
 */
public record EnrichmentKey(Kind kind, String value) {

  /** The two kinds of lookup. */
  public enum Kind {
    /** A registrable company domain, such as {@code acme.com}. */
    DOMAIN,
    /** A whole email address, such as {@code ana@acme.com}. */
    EMAIL
  }

  /** Lower-cases and trims the value; it must not be blank. */
  public EnrichmentKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(value, "value");
    value = value.trim().toLowerCase(Locale.ROOT);
    if (value.isEmpty()) {
      throw new IllegalArgumentException("an enrichment key needs a value");
    }
  }

  /** Returns a lookup by company domain. */
  public static EnrichmentKey domain(String domain) {
    return new EnrichmentKey(Kind.DOMAIN, domain);
  }

  /** Returns a lookup by email address. */
  public static EnrichmentKey email(String email) {
    return new EnrichmentKey(Kind.EMAIL, email);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + value;
  }
}
