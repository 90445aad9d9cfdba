package dev.mops.metrics.attribution;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A funnel milestone a touchpoint can be marked with, for the W-shaped model: the touch that
 * created the lead, or the one that created the opportunity.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum Milestone {
  /** The touchpoint on which the lead was created (the form fill, the MQL-making touch). */
  LEAD_CREATED,
  /** The touchpoint on which the opportunity was created. */
  OPPORTUNITY_CREATED;

  /** Returns this milestone's bit in a touchpoint's milestone mask. */
  int bit() {
    return this == LEAD_CREATED ? 1 : 2;
  }

  /**
   * Reads a milestone as written in a {@code milestone} column: {@code lead}, {@code lead_created},
   * {@code lead_creation}, {@code opportunity}, {@code opportunity_created}, {@code opp} (any case,
   * spaces or dashes for underscores); {@code null} for anything else.
   */
  public static @Nullable Milestone parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    switch (s) {
      case "lead":
      case "lead_created":
      case "lead_creation":
        return LEAD_CREATED;
      case "opportunity":
      case "opp":
      case "opportunity_created":
      case "opportunity_creation":
        return OPPORTUNITY_CREATED;
      default:
        return null;
    }
  }
}
