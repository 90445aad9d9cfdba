package dev.mops.routing;

import java.util.Locale;

/**
 * Why a rep could not take a lead.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum SkipReason {
  /** The rep is marked inactive in the table. */
  INACTIVE,
  /** The lead arrived on one of the rep's out-of-office days (in the rep's time zone). */
  OUT_OF_OFFICE,
  /** The lead arrived outside the rep's working hours. */
  OUTSIDE_WORKING_HOURS,
  /** The rep already has their daily cap of leads today (in their time zone). */
  DAILY_CAP,
  /** The rep already has their weekly cap of leads this ISO week (in their time zone). */
  WEEKLY_CAP,
  /** The lead's account owner is not a rep of the table, so account-owner-first cannot use them. */
  UNKNOWN_OWNER;

  private final String code = name().toLowerCase(Locale.ROOT);

  /** Returns the lower-case code, such as {@code daily_cap}. */
  public String code() {
    return code;
  }
}
