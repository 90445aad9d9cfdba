package dev.mops.core.normalize;

import java.util.Locale;

/**
 * A property of an email address that rules often treat apart: a role account, a free-mail
 * provider, a disposable provider.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum EmailFlag {
  /** The local part names a function or a team ({@code info@}, {@code sales@}, {@code noreply@}). */
  ROLE_ACCOUNT,
  /** The domain is a free consumer mail service ({@code gmail.com}, {@code yahoo.co.uk}). */
  FREE_MAIL,
  /** The domain is a throw-away mailbox service ({@code mailinator.com}). */
  DISPOSABLE;

  /** Returns the lower-case label used in files, such as {@code free_mail}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
