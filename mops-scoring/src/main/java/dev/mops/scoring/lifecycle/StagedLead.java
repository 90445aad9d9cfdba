package dev.mops.scoring.lifecycle;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One lead staged by a {@link LifecycleRun}: the stage it was in, the stage it is in now, the
 * transitions taken now (none when it stays) and why, in words a marketing-ops analyst reads.
 *
 * <p>A lead whose history cannot be used (it does not chain, names an unknown stage, ...) is
 * staged with {@link #problem()} saying why, an empty {@link #stage()} and no transitions: it is
 * accounted for, never dropped, and left out of the funnel.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param leadId the lead's id
 * @param previousStage the stage before this run: the last stage of its history, else the start
 *     stage given, else the first funnel stage ({@code ""} when the history has a problem)
 * @param stage the stage after this run ({@code ""} when the history has a problem)
 * @param transitions the transitions taken in this run, in order; append them to the history
 * @param why why the lead moved or stayed: the entry criteria that held, or those of the next
 *     stage that did not
 * @param problem what is wrong with the lead's history or start stage, or {@code null}
 * @param history the lead's whole history as of the run: the transitions up to the as-of time (or
 *     the {@code CREATED} transition of a lead without history), then those taken now; empty when
 *     there is a problem
 */
public record StagedLead(String leadId, String previousStage, String stage, List<StageTransition> transitions,
    String why, @Nullable String problem, List<StageTransition> history) {

  /** Copies the lists. */
  public StagedLead {
    history = List.copyOf(history);
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(previousStage, "previousStage");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(why, "why");
    transitions = List.copyOf(transitions);
  }

  /** Returns whether the lead changed stage in this run. */
  public boolean moved() {
    return !transitions.isEmpty();
  }

  /** Returns the kind of the last transition taken now, or empty when the lead stayed. */
  public Optional<StageTransition.Kind> transitionKind() {
    return transitions.isEmpty() ? Optional.empty() : Optional.of(transitions.get(transitions.size() - 1).kind());
  }
}
