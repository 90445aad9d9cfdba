package dev.mops.cli;

import dev.mops.flow.pipeline.LeadEvents;
import dev.mops.flow.pipeline.PipelineDefinition;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options {@code mops run} and {@code mops replay} share: the pipeline definition and where
 * its events come from.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class PipelineOptions {

  @Option(names = "--pipeline", required = true, paramLabel = "FILE", description = "The pipeline definition (YAML).")
  Path pipeline = Path.of("pipeline.yaml");

  @Option(names = "--events", paramLabel = "FILE", description = "Events for scoring; default: the pipeline's inputs.events.")
  @Nullable Path events;

  @Option(names = "--event-lead-column", paramLabel = "COLUMN",
      description = "The events' lead id column; default: the pipeline's inputs.events.lead_field, else lead_id.")
  @Nullable String eventLeadColumn;

  @Option(names = "--routing-state", paramLabel = "FILE",
      description = "Routing assignment state (rotation, counts per day and week) shared with earlier and later runs, "
          + "as 'mops route --state'; read at the start, written atomically at the end. Default: a new state.")
  @Nullable Path routingState;

  /** Loads the pipeline definition. */
  PipelineDefinition load(PipelineRunner runner) {
    return runner.load(pipeline);
  }

  /** Reads the events: {@code --events}, else the pipeline's own. */
  LeadEvents events(PipelineRunner runner, PipelineDefinition def) {
    return runner.events(def, events, eventLeadColumn);
  }
}
