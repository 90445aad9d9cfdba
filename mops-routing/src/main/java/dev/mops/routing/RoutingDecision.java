package dev.mops.routing;

import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Where one lead was routed: the outcome, the destination, the owner (when a person got it), the
 * rule that matched and a one-line reason.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param outcome assigned to a person, queued, held by a fallback or escalated by one
 * @param destination the pool, queue or owner the lead went to; the hold queue for {@link
 *     Outcome#HELD}; {@code escalated} for {@link Outcome#ESCALATED}
 * @param owner the rep (or manager) who got the lead, or null for queues and holds
 * @param rule the name of the rule that matched ({@code default} when none did)
 * @param reason why, in one line
 */
public record RoutingDecision(Outcome outcome, String destination, @Nullable String owner, String rule, String reason) {

  /** The destination of escalated decisions. */
  public static final String ESCALATED = "escalated";

  /** The four outcomes of a routing decision. */
  public enum Outcome {
    /** A rep got the lead (a named owner, a pool member or the account owner). */
    ASSIGNED,
    /** The lead went to a queue named by the rule. */
    QUEUED,
    /** Nobody could take the lead; it is held in the fallback queue. */
    HELD,
    /** Nobody could take the lead; it is escalated to a manager. */
    ESCALATED;

    /** Returns the lower-case label. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Validates the components. */
  public RoutingDecision {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(reason, "reason");
  }
}
