package dev.mops.flow.pipeline;

import java.util.Objects;

/**
 * How many records went into one stage and where each went: on to the next stage, to the dead
 * letters, or merged into another record as a duplicate (dedupe only).
 *
 * <p>A stage reconciles when {@code in == out + deadLettered + merged}. A stage that was not
 * configured passes every record through.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param stage the stage
 * @param enabled whether the pipeline has this stage (a disabled one passes records through)
 * @param in records that entered
 * @param out records that went on
 * @param deadLettered records sent to the dead letters
 * @param merged records merged into a survivor (dedupe)
 */
public record StageCounts(PipelineStage stage, boolean enabled, long in, long out, long deadLettered, long merged) {

  /** Checks that no count is negative. */
  public StageCounts {
    Objects.requireNonNull(stage, "stage");
    if (in < 0 || out < 0 || deadLettered < 0 || merged < 0) {
      throw new IllegalArgumentException("negative count in " + stage.label());
    }
  }

  /** Returns whether every record that entered is accounted for. */
  public boolean reconciles() {
    return in == out + deadLettered + merged;
  }

  /** Returns the sum of two partitions' counts of the same stage. */
  public StageCounts plus(StageCounts other) {
    if (other.stage != stage) {
      throw new IllegalArgumentException("cannot add " + other.stage.label() + " counts to " + stage.label());
    }
    return new StageCounts(stage, enabled || other.enabled, in + other.in, out + other.out,
        deadLettered + other.deadLettered, merged + other.merged);
  }

  /** Returns one line: {@code validate: 1000 in, 990 out, 10 dead letters}. */
  public String describe() {
    return stage.label() + ": " + in + " in, " + out + " out"
        + (deadLettered > 0 ? ", " + deadLettered + " dead letters" : "")
        + (merged > 0 ? ", " + merged + " merged as duplicates" : "")
        + (enabled ? "" : " (not configured: passed through)");
  }
}
