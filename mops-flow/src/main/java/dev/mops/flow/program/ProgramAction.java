package dev.mops.flow.program;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing that happened to a lead in a {@link Program}, in the simulator's history: an entry, a
 * send, a branch taken, an update, a notification or the lead leaving.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param at when it happened
 * @param kind what kind of action it was
 * @param stepId the step that did it, or {@code ""} for entries and leaving
 * @param detail what it did ({@code send welcome-1}, {@code branch opened: then})
 */
public record ProgramAction(Instant at, ActionKind kind, String stepId, String detail) {

  /** Validates the components. */
  public ProgramAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stepId, "stepId");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return at + " " + kind + (stepId.isEmpty() ? "" : " " + stepId) + ": " + detail;
  }
}
