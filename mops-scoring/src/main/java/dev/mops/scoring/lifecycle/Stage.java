package dev.mops.scoring.lifecycle;

import dev.mops.core.condition.Condition;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stage of a {@link LifecycleModel}: its name, its place in the funnel and the entry criteria a
 * lead must meet to enter it by itself.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param name the stage's name, as the model spells it
 * @param order its position in the funnel (0 first); {@code -1} for the recycled and disqualified
 *     stages, which are outside the funnel
 * @param entry the entry criteria, or {@code null} when the stage is entered only by an explicit
 *     move
 */
public record Stage(String name, int order, @Nullable Condition entry) {

  /** Validates the components. */
  public Stage {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("stage name must not be blank");
    }
  }

  /** Returns whether the stage is in the funnel (not recycled or disqualified). */
  public boolean inFunnel() {
    return order >= 0;
  }
}
