package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.flow.pipeline.LeadEvents;
import dev.mops.flow.pipeline.PipelineDefinition;
import dev.mops.flow.pipeline.PipelineResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops run --pipeline pipeline.yaml}: runs the lead-to-revenue pipeline (validate,
 * normalise and enrich, dedupe and stitch, score, route, notify, measure) on a file of leads and
 * writes each stage's output, the dead letters, the notifications and one summary.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a lead-to-revenue pipeline: validate, normalise, enrich, dedupe, stitch, score, route, notify, measure.",
      "Writes leads.jsonl, dead-letters.jsonl, merged.jsonl, notifications.jsonl, stages/*.jsonl and summary.json "
          + "into --output-dir; the summary's counts reconcile stage by stage.",
      "Example: mops run --pipeline examples/pipeline/pipeline.yaml --as-of 2026-03-10T14:00:00Z --output-dir out"
    })
public final class RunCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();
  @Mixin PipelineOptions pipelineOptions = new PipelineOptions();

  @Option(names = {"-d", "--output-dir"}, paramLabel = "DIR", defaultValue = "pipeline-out",
      description = "Where to write the run's files (default: ${DEFAULT-VALUE}).")
  Path outputDir = Path.of("pipeline-out");

  @Option(names = "--fail-on-dead-letters", description = "Exit 1 when any record went to the dead letters.")
  boolean failOnDeadLetters;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PipelineRunner runner = new PipelineRunner(streams, progressOptions.enabled(streams));
    Instant now = asOf.instant();
    PipelineDefinition def = pipelineOptions.load(runner);
    String source;
    if (!input.inputs.isEmpty()) {
      source = input.name();
    } else if (def.leads() != null) {
      source = String.valueOf(def.leads());
    } else {
      throw new UsageException("--input: the pipeline " + pipelineOptions.pipeline + " names no inputs.leads; give the leads with --input");
    }
    LeadEvents ev = pipelineOptions.events(runner, def);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    PipelineResult result;
    try (RecordReader in = input.open(source)) {
      if (ev.read() > 0) {
        streams.err().printf(java.util.Locale.ROOT, "events: %,d of %,d leads%s%n", ev.read(), ev.leads(),
            ev.withoutLead() > 0 ? String.format(java.util.Locale.ROOT, " (%,d without a lead id, not used)",
                ev.withoutLead()) : "");
      }
      Iterable<Record> leads = () -> new Reading(in, printer);
      result = runner.run(def, outputDir, pipelineOptions.routingState, (p, out) -> p.run(leads, ev::of, now, out));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    printer.finish();
    if (!result.reconciles()) {
      return 1;
    }
    if (failOnDeadLetters && result.deadLettered() > 0) {
      return 1;
    }
    return failOn.exitCode();
  }

  /** The input's records, one at a time, with their findings printed. */
  private static final class Reading implements Iterator<Record> {
    private final RecordReader in;
    private final FindingPrinter printer;
    private @Nullable InputRecord next;
    private boolean done;

    Reading(RecordReader in, FindingPrinter printer) {
      this.in = in;
      this.printer = printer;
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          next = in.next();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        if (next == null) {
          done = true;
        } else {
          printer.accept(next);
        }
      }
      return next != null;
    }

    @Override
    public Record next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      InputRecord r = java.util.Objects.requireNonNull(next);
      next = null;
      return r.record();
    }
  }
}
