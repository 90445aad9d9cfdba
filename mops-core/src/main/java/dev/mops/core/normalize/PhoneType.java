package dev.mops.core.normalize;

import java.util.Locale;

/**
 * The kind of line a phone number belongs to, as far as the numbering plan tells.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum PhoneType {
  /** A mobile (cell) number. */
  MOBILE,
  /** A fixed (land) line. */
  FIXED_LINE,
  /** Either, where the plan does not tell them apart (the US and Canada, among others). */
  FIXED_LINE_OR_MOBILE,
  /** Free to the caller (US 800 and friends). */
  TOLL_FREE,
  /** Charged above the normal rate. */
  PREMIUM_RATE,
  /** Cost shared between caller and receiver. */
  SHARED_COST,
  /** A voice-over-IP number. */
  VOIP,
  /** A personal number that follows its owner. */
  PERSONAL_NUMBER,
  /** A pager. */
  PAGER,
  /** A company's universal access number. */
  UAN,
  /** A voicemail access number. */
  VOICEMAIL,
  /** Not known: the number is missing or invalid, or the plan does not say. */
  UNKNOWN;

  /** Returns the lower-case label used in files, such as {@code toll_free}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
