package dev.mops.identity.stitch;

import java.util.Locale;

/**
 * How the values of an identifier type are normalized before they are compared; every kind first
 * trims surrounding white space.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum IdentifierNormalization {
  /** Compared as given (trimmed): ids such as {@code user_id} or {@code crm_contact_id}. */
  EXACT("exact"),
  /** Lower cased with the root locale: ids whose case means nothing, such as cookie ids. */
  LOWERCASE("lowercase"),
  /** The email normalizer's normalized address (lower case, IDN in punycode); invalid ones are refused. */
  EMAIL("email"),
  /**
   * The email normalizer's canonical form, which also removes what the provider ignores (dots and
   * {@code +tags} at Gmail): {@code J.Doe+news@googlemail.com} is {@code jdoe@gmail.com}.
   */
  EMAIL_CANONICAL("email_canonical"),
  /** The phone normalizer's E.164 form, read in the type's default region; invalid ones are refused. */
  PHONE("phone");

  private final String label;

  IdentifierNormalization(String label) {
    this.label = label;
  }

  /** Returns the name used in configuration files. */
  public String label() {
    return label;
  }

  /**
   * Returns the normalization named {@code label} (case-insensitive).
   *
   * @throws IllegalArgumentException when no normalization has that name
   */
  public static IdentifierNormalization parse(String label) {
    String l = label.trim().toLowerCase(Locale.ROOT);
    for (IdentifierNormalization n : values()) {
      if (n.label.equals(l)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "unknown normalization '" + label + "', expected exact, lowercase, email, email_canonical or phone");
  }
}
