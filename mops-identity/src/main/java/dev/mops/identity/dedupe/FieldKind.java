package dev.mops.identity.dedupe;

import java.util.Locale;

/**
 * What a field holds, which decides how its values are normalized before they are compared and
 * used in blocking keys.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum FieldKind {
  /** Free text: accents removed, lower case, punctuation to spaces, spaces collapsed. */
  TEXT,
  /** A person's name (surname or full name); normalized as text. */
  NAME,
  /** A given name; normalized as text, and nicknames fold to a formal name ({@code bob -> robert}). */
  FIRST_NAME,
  /** An email address in canonical form: lower case, {@code +tag} removed, Gmail dots removed. */
  EMAIL,
  /** A phone number: digits only, international prefix removed, the last 10 digits kept. */
  PHONE,
  /** A date, as {@code yyyyMMdd} digits (ISO, compact, and day-first slash forms are read). */
  DATE,
  /** A postal code: letters and digits only, lower case. */
  POSTCODE,
  /** A number, in canonical decimal form. */
  NUMBER,
  /** An identifier such as a customer or social-security number: letters and digits only. */
  IDENTIFIER,
  /** A company name: text with legal suffixes ({@code Inc}, {@code GmbH}, ...) removed. */
  COMPANY,
  /** A street address: text with street-type words abbreviated ({@code street -> st}). */
  ADDRESS,
  /** A web domain or URL, reduced to its registrable domain ({@code www.acme.co.uk -> acme.co.uk}). */
  DOMAIN,
  /**
   * A country: its ISO 3166-1 alpha-2 code by the shared country normalizer ({@code United States},
   * {@code USA}, {@code U.S.} -> {@code us}); a value it does not know is kept as folded text.
   */
  COUNTRY;

  /** Returns the lower-case name used in config files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Returns whether a value shared by many records is more likely junk than a real shared value. */
  public boolean identifying() {
    return this == EMAIL || this == PHONE || this == IDENTIFIER;
  }
}
