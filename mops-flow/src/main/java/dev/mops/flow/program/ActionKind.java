package dev.mops.flow.program;

/**
 * What a {@link ProgramAction} did.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ActionKind {
  /** A lead entered the program. */
  ENTER,
  /** A template was sent. */
  SEND,
  /** A send was skipped because the frequency cap was reached ({@code when_capped: skip}). */
  SKIP,
  /** A branch was evaluated; the detail says which way it went. */
  BRANCH,
  /** A field was updated. */
  UPDATE,
  /** The owner was notified. */
  NOTIFY,
  /** The lead left the program (completed, exited or met a goal). */
  LEAVE
}
