package dev.mops.routing;

import java.util.Objects;

/**
 * What happens to a lead when nobody of its destination can take it: hold it in a queue, or
 * escalate it to a manager.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param kind hold or escalate
 * @param target the hold queue's name, or the manager to escalate to ({@link #REP_MANAGER} for the
 *     named owner's own manager)
 */
public record Fallback(Kind kind, String target) {

  /** The escalation target meaning "the manager of the rep named by the destination". */
  public static final String REP_MANAGER = "manager";

  /** The hold queue used when a table names no fallback. */
  public static final Fallback DEFAULT = new Fallback(Kind.HOLD, "routing-hold");

  /** The two kinds of fallback. */
  public enum Kind {
    /** Park the lead in a hold queue. */
    HOLD,
    /** Assign the lead to a manager. */
    ESCALATE
  }

  /** Validates the components. */
  public Fallback {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    if (target.isBlank()) {
      throw new IllegalArgumentException("a fallback target must not be blank");
    }
  }

  /** Returns a hold fallback into {@code queue}. */
  public static Fallback hold(String queue) {
    return new Fallback(Kind.HOLD, queue);
  }

  /** Returns an escalation to {@code manager}. */
  public static Fallback escalate(String manager) {
    return new Fallback(Kind.ESCALATE, manager);
  }
}
