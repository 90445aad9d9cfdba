package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.scoring.LeadActivity;
import dev.mops.scoring.ModelImpact;
import dev.mops.scoring.ScoringModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops score-diff}: scores the same leads with two versions of a scoring model and prints
 * the impact: grade and band changes, threshold entries and exits, mean score changes.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "score-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a scoring model on a set of leads before the change goes live.",
      "Example: mops score-diff --old model-v1.yaml --new model-v2.yaml --input leads.csv "
          + "--events events.csv --as-of 2026-01-31T00:00:00Z"
    })
public final class ScoreDiffCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin DiffOptions diffOptions = new DiffOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--events", paramLabel = "FILE", description = "Events: lead_id, type, timestamp and properties.")
  @Nullable String events;

  @Option(names = "--event-lead-column", paramLabel = "COLUMN", defaultValue = "lead_id",
      description = "The events' lead id column, matched with the leads' --id-column (default: ${DEFAULT-VALUE}).")
  String eventLeadField = "lead_id";

  private boolean deprecatedEventLeadField;

  @Option(names = "--event-lead-field", paramLabel = "COLUMN", hidden = true,
      description = "Deprecated: the former name of --event-lead-column.")
  void eventLeadField(String column) {
    eventLeadField = column;
    deprecatedEventLeadField = true;
  }

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    if (deprecatedEventLeadField) {
      err.println("warning: --event-lead-field is deprecated; use --event-lead-column");
    }
    String idField = ids.column();
    Instant now = asOf.instant();
    ScoringModel before = ScoringModel.load(diffOptions.oldFile);
    ScoringModel after = ScoringModel.load(diffOptions.newFile);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Map<String, List<Record>> byLead = new HashMap<>();
    if (events != null) {
      ScoreCommand.readEvents(input, events, eventLeadField, Math.min(before.maxEventsPerLead(), after.maxEventsPerLead()),
          printer, (id, r, sink) -> byLead.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
    }
    ModelImpact.Builder impact = ModelImpact.builder(before, after, now);
    try (RecordReader in = input.open()) {
      List<String> leadFields = new ArrayList<>(before.leadSchema().fieldNames());
      after.leadSchema().fieldNames().stream().filter(f -> !leadFields.contains(f)).forEach(leadFields::add);
      if (in instanceof dev.mops.core.io.CsvReader && !in.fields().isEmpty() && !leadFields.isEmpty()
          && leadFields.stream().noneMatch(in.fields()::contains)) {
        throw Columns.noneOf(input.name(), in.fields(), leadFields, "of the scoring models");
      }
      if ((events != null || ids.explicit()) && in instanceof dev.mops.core.io.CsvReader) {
        Columns.require(input.name(), in.fields(), idField, "--id-column");
      }
      Progress progress = Progress.start(progressOptions, streams, "score-diff", input);
      long read = 0;
      for (InputRecord r; (r = in.next()) != null; ) {
        progress.update(++read);
        printer.accept(r);
        String id = Values.asString(r.record().get(idField));
        String key = id == null ? "#" + r.number() : id;
        impact.add(new LeadActivity(key, r.record(), id == null ? List.of() : byLead.getOrDefault(id, List.of())));
      }
      progress.done();
    }
    printer.finish();
    ModelImpact result = impact.build();
    if (diffOptions.json) {
      DiffReport report = new DiffReport("score-diff");
      report.versions(diffOptions.oldFile.toString(), before.name(), before.version(), before.contentHash(),
          diffOptions.newFile.toString(), after.name(), after.version(), after.contentHash());
      report.put("as_of", now.toString());
      report.put("leads", result.leads());
      report.put("grade_changes", result.gradeChanges());
      report.put("band_changes", result.bandChanges());
      report.put("entered", result.entered());
      report.put("left", result.left());
      report.put("mean_score_change", result.meanScoreChange());
      report.put("grade_matrix", result.gradeMatrix());
      report.put("examples", result.examples());
      report.print(out, true);
    } else {
      out.print(result.summary());
      out.flush();
    }
    return failOn.exitCode();
  }
}
