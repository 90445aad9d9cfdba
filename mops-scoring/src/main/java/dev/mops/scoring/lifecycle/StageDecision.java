package dev.mops.scoring.lifecycle;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a {@link LifecycleModel} to an event, a score change or a requested move: the
 * lead's stage afterwards and the transitions that got it there (none when it stays), or a
 * refusal with the reason.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param stage the lead's stage after the decision (unchanged when refused)
 * @param transitions the transitions made, in order; append them to the lead's history
 * @param refusal why the move was refused, or {@code null} when it was not
 */
public record StageDecision(String stage, List<StageTransition> transitions, @Nullable String refusal) {

  /** Copies the list. */
  public StageDecision {
    Objects.requireNonNull(stage, "stage");
    transitions = List.copyOf(transitions);
  }

  /** Returns whether the lead changed stage. */
  public boolean changed() {
    return !transitions.isEmpty();
  }

  /** Returns whether a requested move was refused. */
  public boolean refused() {
    return refusal != null;
  }

  static StageDecision stay(String stage) {
    return new StageDecision(stage, List.of(), null);
  }

  static StageDecision refuse(String stage, String why) {
    return new StageDecision(stage, List.of(), why);
  }
}
