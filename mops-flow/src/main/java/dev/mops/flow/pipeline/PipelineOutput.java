package dev.mops.flow.pipeline;

import dev.mops.core.record.Record;
import java.util.Set;

/**
 * Where {@link Pipeline#run} puts what it makes: each lead that left the last stage, each dead
 * letter, each duplicate merged away, each stage's output when asked for, and progress.
 *
 * <p>Every method has an empty default; implement what you need. Every record read ends up in
 * exactly one of {@link #lead}, {@link #deadLetter} or {@link #merged}.
 *
 * <p>Thread safety: {@link Pipeline#run} calls one output from the thread that called it, one
 * call at a time, so an output need not be thread-safe. An exception thrown by an output stops the
 * run (it is the caller's own failure, such as a full disk), unlike a record's failure in a stage.
 */
public interface PipelineOutput {

  /** An output that keeps nothing. */
  PipelineOutput NONE = new PipelineOutput() {};

  /** Returns the stages whose output {@link #stageOutput} should receive (none by default). */
  default Set<PipelineStage> stageOutputs() {
    return Set.of();
  }

  /** Takes one record as it left {@code stage} (an immutable copy), for the stages of {@link #stageOutputs()}. */
  default void stageOutput(PipelineStage stage, Record record) throws Exception {}

  /** Takes one lead that left the last stage. */
  default void lead(LeadOutcome outcome) throws Exception {}

  /** Takes one dead letter. */
  default void deadLetter(DeadLetter deadLetter) throws Exception {}

  /**
   * Takes one record merged into a survivor by the dedupe stage.
   *
   * @param duplicate the record as it entered the dedupe stage
   * @param survivorId the id of the record it was merged into
   * @param clusterId the cluster both belong to
   */
  default void merged(Record duplicate, String survivorId, String clusterId) throws Exception {}

  /**
   * Reports progress: {@code done} of {@code total} ({@code -1} when unknown) units of work in
   * {@code stage}: records read (reported as the first stage), the dedupe engine's phases (reported
   * as {@link PipelineStage#DEDUPE}, the unit naming the phase: {@code comparing pairs}), records after
   * dedupe (the first stage after it). Called every few thousand units and at the end of each.
   */
  default void progress(PipelineStage stage, long done, long total, String unit) {}
}
