package dev.mops.cli;

import dev.mops.core.record.Record;
import dev.mops.flow.enrich.Enricher;
import dev.mops.flow.pipeline.DeadLetter;
import dev.mops.flow.pipeline.LeadEvents;
import dev.mops.flow.pipeline.LeadOutcome;
import dev.mops.flow.pipeline.Pipeline;
import dev.mops.flow.pipeline.PipelineDefinition;
import dev.mops.flow.pipeline.PipelineFiles;
import dev.mops.flow.pipeline.PipelineOutput;
import dev.mops.flow.pipeline.PipelineResult;
import dev.mops.flow.pipeline.PipelineStage;
import dev.mops.routing.FileAssignmentState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What {@code mops run} and {@code mops replay} share: load the pipeline definition and events,
 * run into an output directory with a progress line, print the summary.
 *
 * <p>Thread safety: one instance per command run.
 */
final class PipelineRunner {

  private final StandardStreams streams;
  private final PrintWriter err;
  private final boolean progress;
  private final long started = System.nanoTime();
  private long lastDraw;

  PipelineRunner(StandardStreams streams, boolean progress) {
    this.streams = streams;
    this.err = streams.err();
    this.progress = progress;
    this.lastDraw = started - 250_000_000L + streams.progressDelayNanos();
  }

  /** Loads the definition and prints its findings in side files. */
  PipelineDefinition load(Path file) {
    PipelineDefinition def = PipelineDefinition.load(file);
    for (String f : def.findings()) {
      err.println("  " + f);
    }
    return def;
  }

  /** Reads the events: {@code --events} when given, else the definition's. */
  LeadEvents events(PipelineDefinition def, @Nullable Path events, @Nullable String leadColumn) {
    if (events != null) {
      return LeadEvents.read(events, leadColumn == null ? def.eventsLeadField() : leadColumn);
    }
    return def.readEvents();
  }

  interface Body {
    PipelineResult run(Pipeline pipeline, PipelineOutput output);
  }

  /**
   * Runs {@code body} with the pipeline of {@code def}, writing into {@code outDir}, its router
   * on the state in {@code routingState} (a new in-memory state when null); prints and returns the
   * result.
   */
  PipelineResult run(PipelineDefinition def, Path outDir, @Nullable Path routingState, Body body) throws IOException {
    PipelineFiles files;
    Pipeline pipeline;
    Set<PipelineStage> stages = EnumSet.noneOf(PipelineStage.class);
    {
      Pipeline probe = def.builder().build();
      closeEnricher(probe);
      stages.addAll(def.stageOutputs());
      stages.retainAll(probe.enabledStages());
    }
    FileAssignmentState state = null;
    if (routingState != null) {
      try {
        state = FileAssignmentState.open(routingState);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new UsageException("--routing-state: " + e.getMessage(), e);
      }
    }
    PipelineResult result;
    try (FileAssignmentState held = state) {
      files = PipelineFiles.create(outDir, stages);
      pipeline = (held == null ? def.builder() : def.builder(held)).notifications(files).build();
      try (PipelineFiles out = files) {
        result = body.run(pipeline, new Progressing(out));
        out.writeSummary(result);
      } finally {
        closeEnricher(pipeline);
        clear();
      }
    }
    err.print(result.describe());
    err.printf(Locale.ROOT, "  wrote %s (%s, %s, %s, %s, %s%s) in %.1f s%n", outDir, PipelineFiles.LEADS,
        PipelineFiles.DEAD_LETTERS, PipelineFiles.MERGED, PipelineFiles.NOTIFICATIONS, PipelineFiles.SUMMARY,
        stages.isEmpty() ? "" : ", stages/", (System.nanoTime() - started) / 1e9);
    return result;
  }

  private static void closeEnricher(Pipeline p) {
    Enricher e = p.enricher();
    if (e != null) {
      e.close();
    }
  }

  private void draw(PipelineStage stage, long done, long total, String unit) {
    if (!progress) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 250_000_000L && (total < 0 || done < total)) {
      return;
    }
    lastDraw = now;
    String of = total >= 0 ? String.format(Locale.ROOT, " of %,d", total) : "";
    err.print(String.format(Locale.ROOT, "\rrun: %s: %,d%s %s, %s elapsed\033[K", stage.label(), done, of, unit,
        Progress.clock(now - started)));
    err.flush();
    streams.progressLine(true);
  }

  private void clear() {
    streams.clearProgressLine();
    err.flush();
  }

  /** Passes everything to the files, and progress to the line on stderr. */
  private final class Progressing implements PipelineOutput {
    private final PipelineFiles files;

    Progressing(PipelineFiles files) {
      this.files = files;
    }

    @Override
    public Set<PipelineStage> stageOutputs() {
      return files.stageOutputs();
    }

    @Override
    public void stageOutput(PipelineStage stage, Record record) throws IOException {
      files.stageOutput(stage, record);
    }

    @Override
    public void lead(LeadOutcome outcome) throws IOException {
      files.lead(outcome);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) throws IOException {
      files.deadLetter(deadLetter);
    }

    @Override
    public void merged(Record duplicate, String survivorId, String clusterId) throws IOException {
      files.merged(duplicate, survivorId, clusterId);
    }

    @Override
    public void progress(PipelineStage stage, long done, long total, String unit) {
      draw(stage, done, total, unit);
    }
  }
}
