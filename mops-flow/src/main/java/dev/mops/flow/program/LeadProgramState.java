package dev.mops.flow.program;

import dev.mops.core.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The simulator's answer for one lead in one {@link Program} at an as-of instant: the lead's
 * {@link ProgramStatus}, the next action and when it is due, how it left, the history of what the
 * program did to it, the reasons (which criteria held), and the findings about its data.
 *
 * <p>It records the program's name, version and content hash, so that an answer can be traced to
 * the exact program that produced it. Two states compare {@link #sameOutcome equal in outcome}
 * when the status, the next step, the next action and its due time agree.
 *
 * <p>Thread safety: an immutable value.
 */
public final class LeadProgramState {

  private final String leadId;
  private final String programName;
  private final String programVersion;
  private final String programHash;
  private final Instant asOf;
  private final ProgramStatus status;
  private final int entries;
  private final @Nullable Instant enteredAt;
  private final String nextStepId;
  private final String nextAction;
  private final @Nullable Instant dueAt;
  private final @Nullable Instant leftAt;
  private final String leftBy;
  private final List<ProgramAction> actions;
  private final List<String> reasons;
  private final List<Finding> findings;

  @SuppressWarnings("TooManyParameters") // package-private; built only by the simulator
  LeadProgramState(String leadId, Program program, Instant asOf, ProgramStatus status, int entries,
      @Nullable Instant enteredAt, String nextStepId, String nextAction, @Nullable Instant dueAt,
      @Nullable Instant leftAt, String leftBy, List<ProgramAction> actions, List<String> reasons,
      List<Finding> findings) {
    this.leadId = Objects.requireNonNull(leadId, "leadId");
    this.programName = program.name();
    this.programVersion = program.version();
    this.programHash = program.contentHash();
    this.asOf = asOf;
    this.status = status;
    this.entries = entries;
    this.enteredAt = enteredAt;
    this.nextStepId = nextStepId;
    this.nextAction = nextAction;
    this.dueAt = dueAt;
    this.leftAt = leftAt;
    this.leftBy = leftBy;
    this.actions = List.copyOf(actions);
    this.reasons = List.copyOf(reasons);
    this.findings = List.copyOf(findings);
  }

  /** Returns the lead's id as the caller gave it. */
  public String leadId() {
    return leadId;
  }

  /** Returns the name of the program that produced this state. */
  public String programName() {
    return programName;
  }

  /** Returns the version of the program that produced this state. */
  public String programVersion() {
    return programVersion;
  }

  /** Returns the content hash ({@code sha256:...}) of the program that produced this state. */
  public String programHash() {
    return programHash;
  }

  /** Returns the as-of instant of the simulation. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns where the lead stands. */
  public ProgramStatus status() {
    return status;
  }

  /** Returns how many times the lead has entered the program by the as-of instant (0 when never). */
  public int entries() {
    return entries;
  }

  /** Returns when the lead last entered the program, or null when it never did. */
  public @Nullable Instant enteredAt() {
    return enteredAt;
  }

  /** Returns the id of the step that runs next, or {@code ""} when none does (not active). */
  public String nextStepId() {
    return nextStepId;
  }

  /**
   * Returns the next action ({@code send welcome-2}, {@code branch opened}, {@code complete}), or
   * {@code ""} when the lead is not active.
   */
  public String nextAction() {
    return nextAction;
  }

  /** Returns when the next action is due, or null when the lead is not active. */
  public @Nullable Instant dueAt() {
    return dueAt;
  }

  /** Returns when the lead left the program, or null when it has not left (or never entered). */
  public @Nullable Instant leftAt() {
    return leftAt;
  }

  /**
   * Returns how the lead left: the name of the exit criterion or goal, {@code completed}, or
   * {@code ""} when it has not left.
   */
  public String leftBy() {
    return leftBy;
  }

  /** Returns the history, in time order, of every run of the lead through the program. */
  public List<ProgramAction> actions() {
    return actions;
  }

  /** Returns why the lead stands where it does: the criteria that held and the branches taken. */
  public List<String> reasons() {
    return reasons;
  }

  /** Returns the problems found in the lead's data and events (values that did not convert, ...). */
  public List<Finding> findings() {
    return findings;
  }

  /**
   * Returns whether this state and {@code other} have the same outcome: status, next step, next
   * action and due time (what {@code mops program-diff} compares).
   */
  public boolean sameOutcome(LeadProgramState other) {
    return status == other.status
        && nextStepId.equals(other.nextStepId)
        && nextAction.equals(other.nextAction)
        && Objects.equals(dueAt, other.dueAt)
        && leftBy.equals(other.leftBy);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof LeadProgramState s
        && leadId.equals(s.leadId) && programHash.equals(s.programHash) && asOf.equals(s.asOf)
        && status == s.status && entries == s.entries && Objects.equals(enteredAt, s.enteredAt)
        && nextStepId.equals(s.nextStepId) && nextAction.equals(s.nextAction) && Objects.equals(dueAt, s.dueAt)
        && Objects.equals(leftAt, s.leftAt) && leftBy.equals(s.leftBy) && actions.equals(s.actions)
        && reasons.equals(s.reasons) && findings.equals(s.findings);
  }

  @Override
  public int hashCode() {
    return Objects.hash(leadId, programHash, asOf, status, entries, enteredAt, nextStepId, nextAction, dueAt, leftAt,
        leftBy, actions);
  }

  @Override
  public String toString() {
    return leadId + " " + status + (nextAction.isEmpty() ? "" : " next " + nextAction + " at " + dueAt)
        + (leftBy.isEmpty() ? "" : " left by " + leftBy + " at " + leftAt);
  }
}
