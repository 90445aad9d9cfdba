package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.scoring.LeadActivity;
import dev.mops.scoring.ModelImpact;
import dev.mops.scoring.ScoringModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = "--old", required = true, paramLabel = "FILE", description = "The current model.")
  Path oldModel = Path.of("old.yaml");

  @Option(names = "--new", required = true, paramLabel = "FILE", description = "The proposed model.")
  Path newModel = Path.of("new.yaml");

  @Option(names = "--events", paramLabel = "FILE", description = "Events: lead_id, type, timestamp and properties.")
  @Nullable String events;

  @Option(names = "--as-of", required = true, paramLabel = "INSTANT", description = "The 'now' both models score at.")
  String asOf = "";

  @Option(names = "--id-field", paramLabel = "FIELD", defaultValue = "id", description = "The leads' id column (default: id).")
  String idField = "id";

  @Option(names = "--event-lead-field", paramLabel = "FIELD", defaultValue = "lead_id",
      description = "The events' lead id column (default: lead_id).")
  String eventLeadField = "lead_id";

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Instant now = FilterCommand.parseAsOf(asOf);
    ScoringModel before = ScoringModel.load(oldModel);
    ScoringModel after = ScoringModel.load(newModel);
    ScoreCommand.FindingPrinter printer = new ScoreCommand.FindingPrinter(err, failOn);
    Map<String, List<Record>> byLead = new HashMap<>();
    if (events != null) {
      ScoreCommand.readEvents(events, eventLeadField, Math.min(before.maxEventsPerLead(), after.maxEventsPerLead()),
          printer, (id, r, sink) -> byLead.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
    }
    ModelImpact.Builder impact = ModelImpact.builder(before, after, now);
    try (RecordReader in = input.open()) {
      for (InputRecord r; (r = in.next()) != null; ) {
        for (Finding f : r.findings()) {
          printer.accept(r.line(), f);
        }
        String id = Values.asString(r.record().get(idField));
        String key = id == null ? "#" + r.number() : id;
        impact.add(new LeadActivity(key, r.record(), id == null ? List.of() : byLead.getOrDefault(id, List.of())));
      }
    }
    out.print(impact.build().summary());
    out.flush();
    return failOn.exitCode();
  }
}
