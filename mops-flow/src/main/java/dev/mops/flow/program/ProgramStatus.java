package dev.mops.flow.program;

/**
 * Where a lead stands in a {@link Program} at an as-of instant.
 *
 * <p>Thread safety: an enum, immutable.
 */
public enum ProgramStatus {
  /** The lead does not meet the program's entry condition on its fields; it cannot enter. */
  NOT_ELIGIBLE,
  /** The lead could enter but nothing has triggered its entry yet. */
  NOT_ENTERED,
  /** The lead is in the program; the next action is due at a later time. */
  ACTIVE,
  /** The lead went through every step and left at the end. */
  COMPLETED,
  /** The lead left early because an exit criterion was met ({@code unsubscribed}). */
  EXITED,
  /** The lead left because a goal was met ({@code converted}). */
  GOAL_MET
}
