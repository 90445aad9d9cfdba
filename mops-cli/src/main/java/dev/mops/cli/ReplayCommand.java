package dev.mops.cli;

import dev.mops.flow.pipeline.DeadLetter;
import dev.mops.flow.pipeline.LeadEvents;
import dev.mops.flow.pipeline.PipelineDefinition;
import dev.mops.flow.pipeline.PipelineFiles;
import dev.mops.flow.pipeline.PipelineResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops replay --dead-letters dl.jsonl --pipeline pipeline.yaml}: runs the pipeline again
 * on just the original records of a run's dead letters, into a new output directory.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-run a pipeline on the original records of its dead letters (after fixing the cause).",
      "Writes the same files as 'mops run' into --output-dir: what passes now is in leads.jsonl, what fails again in "
          + "dead-letters.jsonl.",
      "Example: mops replay --dead-letters out/dead-letters.jsonl --pipeline pipeline.yaml "
          + "--as-of 2026-03-10T14:00:00Z --output-dir replayed"
    })
public final class ReplayCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();
  @Mixin PipelineOptions pipelineOptions = new PipelineOptions();

  @Option(names = "--dead-letters", required = true, paramLabel = "FILE", description = "A run's dead-letters.jsonl.")
  Path deadLetters = Path.of(PipelineFiles.DEAD_LETTERS);

  @Option(names = {"-d", "--output-dir"}, paramLabel = "DIR", defaultValue = "pipeline-replay",
      description = "Where to write the replay's files (default: ${DEFAULT-VALUE}); not the run's own directory.")
  Path outputDir = Path.of("pipeline-replay");

  @Option(names = "--fail-on-dead-letters", description = "Exit 1 when any record fails again.")
  boolean failOnDeadLetters;

  @Override
  public Integer call() throws IOException {
    StandardStreams streams = StandardStreams.of(spec);
    PipelineRunner runner = new PipelineRunner(streams, progressOptions.enabled(streams));
    Instant now = asOf.instant();
    if (outputDir.toAbsolutePath().normalize().equals(deadLetters.toAbsolutePath().normalize().getParent())) {
      throw new UsageException("--output-dir: " + outputDir + " holds the dead letters being replayed; "
          + "write the replay elsewhere");
    }
    List<DeadLetter> letters;
    try {
      letters = PipelineFiles.readDeadLetters(deadLetters);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    PipelineDefinition def = pipelineOptions.load(runner);
    LeadEvents ev = pipelineOptions.events(runner, def);
    streams.err().printf(Locale.ROOT, "replaying %,d dead letters of %s%n", letters.size(), deadLetters);
    PipelineResult result = runner.run(def, outputDir, pipelineOptions.routingState,
        (p, out) -> p.replay(letters, ev::of, now, out));
    if (!result.reconciles()) {
      return 1;
    }
    return failOnDeadLetters && result.deadLettered() > 0 ? 1 : 0;
  }
}
