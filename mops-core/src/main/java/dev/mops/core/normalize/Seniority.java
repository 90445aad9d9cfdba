package dev.mops.core.normalize;

import java.util.Locale;

/**
 * How senior a job title is, from the top of an organization down.
 *
 * <p>Thread safety: an enum, immutable and safe to share.
 */
public enum Seniority {
  /** Chief officers, presidents, founders, owners, managing directors, board members. */
  C_LEVEL,
  /** Vice presidents of every kind (SVP, EVP, AVP). */
  VP,
  /** Directors, heads of a function, general managers. */
  DIRECTOR,
  /** Managers, supervisors, team leads. */
  MANAGER,
  /** Everyone who does not manage others by title: specialists, engineers, analysts, reps. */
  INDIVIDUAL_CONTRIBUTOR,
  /** The title is missing or no rule recognized it. */
  UNKNOWN;

  /** Returns the lower-case label used in files, such as {@code c_level}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
