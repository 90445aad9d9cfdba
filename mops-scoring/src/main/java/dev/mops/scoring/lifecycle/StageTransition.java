package dev.mops.scoring.lifecycle;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One move of a lead between lifecycle stages, with its time, its kind and, for recycling and
 * disqualification, its reason code. The caller keeps the history of transitions; the lifecycle
 * model keeps no state.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param from the stage left, or {@code ""} for the lead's first stage ({@link Kind#CREATED})
 * @param to the stage entered
 * @param at when the move happened
 * @param kind what kind of move it was
 * @param reason the reason code of a recycle or disqualification, or {@code null}
 */
public record StageTransition(String from, String to, Instant at, Kind kind, @Nullable String reason) {

  /** What kind of move a transition is. */
  public enum Kind {
    /** The lead's first stage. */
    CREATED,
    /** A move forward in the funnel. */
    ADVANCE,
    /** A move out of the funnel to the recycled stage. */
    RECYCLE,
    /** A move out of the funnel to the disqualified stage. */
    DISQUALIFY,
    /** A move from the recycled stage back into the funnel. */
    REOPEN,
    /** A move the model allows explicitly ({@code allow}), such as back from customer to opportunity. */
    ALLOWED
  }

  /** Validates the components. */
  public StageTransition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
  }

  /** Returns the first transition of a lead's history: it enters {@code stage} at {@code at}. */
  public static StageTransition created(String stage, Instant at) {
    return new StageTransition("", stage, at, Kind.CREATED, null);
  }
}
