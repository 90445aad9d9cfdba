package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.scoring.BatchScorer;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.ScoreExplanation;
import dev.mops.scoring.ScoringModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import dev.mops.core.FindingSink;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops score}: scores leads with a scoring model, adding a column per named score, the
 * grade, a true/false column per threshold (such as {@code mql}) and, on request, an explanation.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Score leads with a scoring model (fit and engagement rules, decay, caps, grades, thresholds).",
      "Example: mops score --model model.yaml --input leads.csv --events events.csv "
          + "--as-of 2026-01-31T00:00:00Z --output scored.csv --explain"
    })
public final class ScoreCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The scoring model (YAML/JSON).")
  Path model = Path.of("model.yaml");

  @Option(names = "--events", paramLabel = "FILE",
      description = "Events: CSV/JSON Lines with lead_id, type, timestamp and any property columns.")
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

  @Option(names = "--explain", description = "Add an 'explanation' column: JSON with every rule that fired.")
  boolean explain;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    if (deprecatedEventLeadField) {
      err.println("warning: --event-lead-field is deprecated; use --event-lead-column");
    }
    Instant now = asOf.instant();
    ScoringModel m = ScoringModel.load(model);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    String idField = ids.column();
    Map<String, List<ArrayRow>> byLead = new HashMap<>();
    long eventCount = 0;
    if (events != null) {
      eventCount = readEvents(input, events, eventLeadField, m.maxEventsPerLead(), printer,
          (id, r, sink) -> byLead.computeIfAbsent(id, k -> new ArrayList<>()).add(m.eventRow(r, sink)));
    }
    long read = 0;
    Map<String, Long> grades = new TreeMap<>();
    Map<String, Long> met = new LinkedHashMap<>();
    m.thresholdNames().forEach(t -> met.put(t, 0L));
    Set<String> matched = new HashSet<>();
    try (RecordReader in = input.open()) {
      List<String> leadFields = m.leadSchema().fieldNames();
      if (in instanceof CsvReader && !in.fields().isEmpty() && !leadFields.isEmpty()
          && leadFields.stream().noneMatch(in.fields()::contains)) {
        throw Columns.noneOf(input.name(), in.fields(), leadFields, "of scoring model " + m.name());
      }
      if ((events != null || ids.explicit()) && in instanceof CsvReader) {
        Columns.require(input.name(), in.fields(), idField, "--id-column");
      }
      List<String> outFields = new ArrayList<>(in.fields());
      for (String s : m.scoreNames()) {
        if (!outFields.contains(s)) {
          outFields.add(s);
        }
      }
      for (String extra : List.of("grade")) {
        if (!outFields.contains(extra)) {
          outFields.add(extra);
        }
      }
      for (String t : m.thresholdNames()) {
        if (!outFields.contains(t)) {
          outFields.add(t);
        }
      }
      if (explain && !outFields.contains("explanation")) {
        outFields.add("explanation");
      }
      BatchScorer scorer = m.scorer().batch();
      Progress progress = Progress.start(progressOptions, streams, "score", input);
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          long line = r.line();
          printer.accept(r);
          ArrayRow lead = m.leadRow(r.record(), f -> printer.accept(line, f));
          String id = Values.asString(r.record().get(idField));
          List<ArrayRow> ev = id == null ? List.of() : byLead.getOrDefault(id, List.of());
          if (id != null && byLead.containsKey(id)) {
            matched.add(id);
          }
          LeadScore score;
          String why = null;
          if (explain) {
            ScoreExplanation e = scorer.explain(lead, ev, now);
            score = e.score();
            why = e.toJson();
          } else {
            score = scorer.score(lead, ev, now);
          }
          grades.merge(score.grade(), 1L, Long::sum);
          Map<String, @Nullable Object> values = new LinkedHashMap<>();
          for (String f : in.fields()) {
            values.put(f, Values.asString(r.record().get(f)));
          }
          for (String s : m.scoreNames()) {
            values.put(s, ScoreText.number(score.score(s)));
          }
          values.put("grade", score.grade());
          for (String t : m.thresholdNames()) {
            boolean yes = score.threshold(t);
            values.put(t, yes);
            if (yes) {
              met.merge(t, 1L, Long::sum);
            }
          }
          if (explain) {
            values.put("explanation", why);
          }
          List<@Nullable Object> row = new ArrayList<>(outFields.size());
          for (String f : outFields) {
            row.add(values.get(f));
          }
          out.write(row);
          progress.update(read);
        }
        progress.done();
      }
    }
    printer.finish();
    long orphans = byLead.keySet().stream().filter(k -> !matched.contains(k)).count();
    err.printf(Locale.ROOT, "score: %,d leads scored with %s %s (%s) as of %s; %,d events",
        read, m.name(), m.version(), m.document().shortHash(), now, eventCount);
    if (orphans > 0) {
      err.printf(Locale.ROOT, " (%,d lead ids in the events are not in the input)", orphans);
    }
    err.println();
    if (!m.gradeNames().isEmpty()) {
      StringBuilder sb = new StringBuilder("  grades:");
      grades.forEach((g, n) -> sb.append(' ').append(g).append('=').append(n));
      err.println(sb);
    }
    long total = read;
    met.forEach((t, n) -> err.printf(Locale.ROOT, "  %s: %,d of %,d%n", t, n, total));
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  /** Receives one event of the events file with its lead id. */
  interface EventSink {
    void accept(String leadId, Record event, FindingSink findings);
  }

  /**
   * Reads an events file, checking its columns, reporting findings with line numbers, dropping
   * events without a lead id and events over the per-lead limit; returns the events kept.
   */
  static long readEvents(InputOptions input, String path, String leadField, int maxPerLead, FindingPrinter printer,
      EventSink sink) throws IOException {
    Map<String, Integer> counts = new HashMap<>();
    long kept = 0;
    try (RecordReader in = input.openOther(path, null)) {
      if (in instanceof CsvReader) {
        List<String> missing = new ArrayList<>(List.of(leadField, ScoringModel.EVENT_TYPE, ScoringModel.EVENT_TIMESTAMP));
        missing.removeAll(in.fields());
        if (!missing.isEmpty()) {
          List<String> hints = new ArrayList<>();
          for (String c : missing) {
            String near = Columns.suggest(c, in.fields());
            if (near != null) {
              hints.add("'" + near + "' for '" + c + "'");
            }
          }
          throw new UsageException("events file " + path + " lacks the column(s) " + missing
              + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)")
              + (missing.contains(leadField) ? " (see --event-lead-column)" : "") + "; its columns: " + in.fields());
        }
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        long line = r.line();
        printer.accept(r);
        String id = Values.asString(r.record().get(leadField));
        if (id == null || id.isBlank()) {
          printer.accept(line, Finding.warning("MISSING_VALUE", leadField, null, "event has no lead id; it is ignored"));
          continue;
        }
        int n = counts.merge(id, 1, Integer::sum);
        if (n > maxPerLead) {
          if (n == maxPerLead + 1) {
            printer.accept(line, Finding.error("TOO_MANY_EVENTS", leadField, id,
                "lead " + id + " has more than " + maxPerLead + " events (limits.max_events_per_lead); later ones are ignored"));
          }
          continue;
        }
        sink.accept(id, r.record(), f -> printer.accept(line, f));
        kept++;
      }
    }
    return kept;
  }

  /** Formats scores as the CSV shows them: no exponent, no trailing zeros, to the millionth. */
  static final class ScoreText {
    private ScoreText() {}

    static String number(double d) {
      long m = Math.round(d * 1_000_000.0);
      if (m % 1_000_000L == 0) {
        return Long.toString(m / 1_000_000L);
      }
      return java.math.BigDecimal.valueOf(m).movePointLeft(6).stripTrailingZeros().toPlainString();
    }
  }
}
