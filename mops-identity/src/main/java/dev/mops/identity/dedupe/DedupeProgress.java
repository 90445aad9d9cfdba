package dev.mops.identity.dedupe;

/**
 * A listener of a dedupe run's progress, phase by phase, so that a caller (the {@code mops} CLI, a
 * job's log) can show that a long run is moving: {@code Deduplicator.of(config).withProgress(l)}.
 *
 * <p>Each phase reports a first update with {@code done == 0} and a last one with {@code done ==
 * total}; long phases report in between. {@code total} is known for every phase (records, blocking
 * passes, candidate pairs); the unit is in {@link Phase#unit()}.
 *
 * <p>Thread safety: updates come from the thread that called the run, one at a time; a listener
 * shared by runs on several threads must be thread-safe itself.
 */
@FunctionalInterface
public interface DedupeProgress {

  /** The phases of a run, in order. */
  enum Phase {
    /** Normalizing the compared fields of each record. */
    PREPARING("records"),
    /** Making candidate pairs, pass by pass. */
    BLOCKING("passes"),
    /** Computing the comparison pattern of each candidate pair. */
    COMPARING("pairs"),
    /** Estimating the model (u from random pairs, m and the prior by EM). */
    ESTIMATING("steps"),
    /** Scoring the candidate pairs. */
    SCORING("pairs"),
    /** Clustering the matches into entities. */
    CLUSTERING("records");

    private final String unit;

    Phase(String unit) {
      this.unit = unit;
    }

    /** What {@code done} and {@code total} count in this phase: records, passes, pairs or steps. */
    public String unit() {
      return unit;
    }
  }

  /** A listener that ignores every update. */
  DedupeProgress NONE = (phase, done, total) -> { };

  /**
   * Reports that {@code done} of {@code total} units of {@code phase} are finished.
   *
   * @param phase the phase running
   * @param done units finished, from 0 to {@code total}
   * @param total units in the phase
   */
  void update(Phase phase, long done, long total);
}
