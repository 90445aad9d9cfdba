package dev.mops.routing;

import java.util.Locale;

/**
 * How a pool picks one of its available reps.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum PoolStrategy {
  /** Each rep in turn, from the rep after the last one chosen; unavailable reps are skipped. */
  ROUND_ROBIN,
  /**
   * Weighted round robin: the available rep whose share of the pool's assignments is furthest
   * below its weight (smallest {@code (assigned + 1) / weight}), ties in rotation order.
   */
  WEIGHTED,
  /** The available rep with the fewest leads today in their own time zone, ties in rotation order. */
  LEAST_LOADED,
  /**
   * The owner of the lead's matched account when that owner is a known, available rep; otherwise
   * the pool's {@code then} strategy.
   */
  ACCOUNT_OWNER_FIRST;

  /** Returns the name used in routing tables, such as {@code round_robin}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a label ({@code round_robin}, {@code weighted}, {@code least_loaded}, {@code account_owner_first}). */
  public static PoolStrategy parse(String label) {
    String s = label.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    for (PoolStrategy p : values()) {
      if (p.label().equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown pool strategy '" + label + "', expected round_robin, weighted, least_loaded or account_owner_first");
  }
}
