package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.identity.stitch.IdentifierType;
import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.MergeEvent;
import dev.mops.identity.stitch.Observation;
import dev.mops.identity.stitch.Refusal;
import dev.mops.identity.stitch.RefusalReason;
import dev.mops.identity.stitch.Retraction;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.StitchListener;
import dev.mops.identity.stitch.StitchMetrics;
import dev.mops.identity.stitch.SuspectedJunk;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops stitch}: stitches the identifiers of observations into profiles under the merge
 * protection of an identity config, and writes each identifier's profile, the merge log and the
 * suspected junk; with {@code --graph}, goes on from a saved graph and saves it again.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "stitch",
    mixinStandardHelpOptions = true,
    description = {
      "Stitch identifiers seen together (cookies, emails, phones, CRM and user ids) into profiles.",
      "Merges are guarded by the config's priorities, limits, unique types and blocklists.",
      "Input: observation_id, optional timestamp and source, and a column per identifier type (empty = absent).",
      "Observations are applied in file order, so sort by timestamp: the earlier observation wins a conflict.",
      "Example: mops stitch --config identity.yaml -i observations.csv -o identifiers.csv --merges merges.csv"
    })
public final class StitchCommand implements Callable<Integer> {

  /** The columns of the merge log. */
  static final List<String> MERGE_COLUMNS = List.of(
      "observation_id", "timestamp", "source", "event", "type", "identifier", "profile_id", "merged_profiles",
      "reason", "detail");

  /** The id column when {@code --id-column} is not given. */
  static final String DEFAULT_ID_COLUMN = "observation_id";

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--config", required = true, paramLabel = "FILE", description = "Identity config (YAML/JSON).")
  Path config = Path.of("identity.yaml");

  @Option(
      names = "--merges",
      paramLabel = "FILE",
      description = "Merge log: one row per merge, refused or blocked identifier, empty observation and retraction.")
  @Nullable String merges;

  @Option(
      names = "--graph",
      paramLabel = "FILE",
      description = "Saved graph: loaded when it exists, saved (atomically) after the run. Keeps observations for --retract.")
  @Nullable Path graphFile;

  @Option(
      names = "--retract",
      paramLabel = "FILE",
      description = "Observation ids to retract after adding the input (CSV with an observation_id column); needs --graph.")
  @Nullable String retract;

  @Option(names = "--junk", paramLabel = "FILE", description = "Suspected junk: identifiers refused into many profiles.")
  @Nullable String junk;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    String idColumn = ids.explicit() ? ids.column() : DEFAULT_ID_COLUMN;
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Path graphPath = graphFile;
    String retractFile = retract;
    if (retractFile != null && graphPath == null) {
      throw new UsageException("--retract needs --graph (the saved graph keeps the observations to retract)");
    }
    StitchConfig cfg = StitchConfig.load(config);
    String mergesFile = merges;
    try (RecordReader in = input.open();
        RecordWriter log = mergesFile == null ? null : output.openOther(mergesFile, null, MERGE_COLUMNS)) {
      List<String> fields = in.fields();
      Columns.require(input.name(), fields, idColumn, "--id-column");
      List<String> typeColumns = new ArrayList<>();
      for (IdentifierType t : cfg.types()) {
        if (fields.contains(t.name())) {
          typeColumns.add(t.name());
        }
      }
      if (typeColumns.isEmpty()) {
        throw Columns.noneOf(input.name(), fields, cfg.types().stream().map(IdentifierType::name).toList(),
            "stitch reads (one per identifier type of " + cfg.describe() + ")");
      }
      for (String f : fields) {
        if (!f.equals(idColumn) && !f.equals("timestamp") && !f.equals("source") && cfg.type(f).isEmpty()) {
          err.println("  note: column '" + f + "' is not an identifier type of " + cfg.describe() + "; ignored");
        }
      }
      MergeLog listener = new MergeLog(log);
      IdentityGraph.Builder builder = IdentityGraph.builder(cfg).listener(listener).retainObservations(graphPath != null);
      IdentityGraph graph;
      if (graphPath != null && Files.exists(graphPath)) {
        graph = IdentityGraph.load(graphPath, builder);
        err.println("Loaded " + graphPath + ": " + graph.identifierCount() + " identifiers in "
            + graph.profileCount() + " profiles.");
      } else {
        graph = builder.build();
      }
      boolean hasTs = fields.contains("timestamp");
      boolean hasSource = fields.contains("source");
      long read = 0;
      long backwards = 0;
      long duplicates = 0;
      long previous = Long.MIN_VALUE;
      Progress progress = Progress.start(progressOptions, streams, "stitch", input);
      for (InputRecord r; (r = in.next()) != null; ) {
        read++;
        progress.update(read);
        printer.accept(r);
        Record rec = r.record();
        String id = Values.asString(rec.get(idColumn));
        if (id == null || id.isBlank()) {
          id = "#" + r.number();
          printer.accept(r.line(), Finding.warning("OBSERVATION_ID_MISSING", idColumn, null,
              "record " + r.number() + " has no observation id; named " + id));
        }
        Instant ts = null;
        if (hasTs) {
          Object raw = rec.get("timestamp");
          if (!Values.isEmpty(raw)) {
            ts = Values.asInstant(raw);
            if (ts == null) {
              printer.accept(r.line(), Finding.warning("TIMESTAMP_UNREADABLE", "timestamp", raw,
                  "observation " + id + ": not an ISO-8601 timestamp; ordered as one without a timestamp"));
            } else if (ts.toEpochMilli() < previous) {
              backwards++;
            } else {
              previous = ts.toEpochMilli();
            }
          }
        }
        String source = hasSource ? Values.asString(rec.get("source")) : null;
        List<Identifier> ids = new ArrayList<>(typeColumns.size());
        for (String t : typeColumns) {
          String v = Values.asString(rec.get(t));
          if (v != null && !v.isBlank()) {
            ids.add(new Identifier(t, v));
          }
        }
        Observation o = new Observation(id, ts, source == null ? "" : source, ids);
        try {
          graph.add(o);
        } catch (IllegalArgumentException e) {
          duplicates++;
          printer.accept(r.line(), Finding.error("OBSERVATION_DUPLICATE", idColumn, id, String.valueOf(e.getMessage())));
          listener.row(o, "duplicate", "", "", "", "", "duplicate", "the graph already holds this observation id; skipped");
        }
        if (ids.isEmpty()) {
          listener.row(o, "empty", "", "", "", "", "empty", "no identifier in any identifier column");
        }
      }
      progress.done();
      long retracted = 0;
      if (retractFile != null) {
        retracted = retractAll(graph, retractFile, idColumn, printer);
      }
      listener.rethrow();
      long rows;
      try (RecordWriter out = output.open(List.of("type", "identifier", "profile_id"))) {
        long[] n = new long[1];
        graph.forEachIdentifier((type, value, profileId) -> {
          out.write(Arrays.asList(type, value, profileId));
          n[0]++;
        });
        rows = n[0];
      }
      List<SuspectedJunk> suspected = graph.suspectedJunk();
      String junkFile = junk;
      if (junkFile != null) {
        try (RecordWriter out = output.openOther(junkFile, null,
            List.of("type", "identifier", "profiles", "refusals", "profile_id"))) {
          for (SuspectedJunk j : suspected) {
            out.write(Arrays.asList(j.identifier().type(), j.identifier().value(), j.profiles(), j.refusals(), j.profileId()));
          }
        }
      }
      if (graphPath != null) {
        graph.save(graphPath);
      }
      printer.finish();
      summarize(err, cfg, graph.metrics(), read, rows, backwards, duplicates, retracted, suspected);
    }
    return failOn.exitCode();
  }

  private long retractAll(IdentityGraph graph, String file, String idColumn, FindingPrinter printer)
      throws IOException {
    long n = 0;
    try (RecordReader in = input.openOther(file, null)) {
      String column = in.fields().contains(idColumn) ? idColumn : in.fields().isEmpty() ? "" : in.fields().get(0);
      for (InputRecord r; (r = in.next()) != null; ) {
        String id = Values.asString(r.record().get(column));
        if (id == null || id.isBlank()) {
          continue;
        }
        Retraction x = graph.retract(id.trim());
        if (x.found()) {
          n++;
        } else {
          printer.accept(r.line(), Finding.warning("RETRACTION_NOT_FOUND", column, id,
              "no observation '" + id + "' to retract"));
        }
      }
    }
    return n;
  }

  private static void summarize(PrintWriter err, StitchConfig cfg, StitchMetrics m, long read, long rows,
      long backwards, long duplicates, long retracted, List<SuspectedJunk> junk) {
    err.println("Stitched " + read + " observations with " + cfg.describe() + ": " + m.identifiers()
        + " identifiers in " + m.profiles() + " profiles (" + rows + " rows written).");
    err.println(String.format(Locale.ROOT, "  stitching rate %.1f%%, confident (>= %.2f) %.1f%% of stitched, %d merges",
        100 * m.stitchingRate(), m.confidenceThreshold(), 100 * m.confidentShare(), m.merges()));
    StringJoiner refused = new StringJoiner(", ");
    for (Map.Entry<RefusalReason, Long> e : m.refusals().entrySet()) {
      if (e.getValue() > 0) {
        refused.add(e.getKey().code() + " " + e.getValue());
      }
    }
    err.println("  refused identifiers: " + (m.totalRefusals() == 0 ? "none" : refused.toString())
        + (m.emptyObservations() > 0 ? "; " + m.emptyObservations() + " observations without identifiers" : ""));
    if (duplicates > 0) {
      err.println("  " + duplicates + " observations skipped: their id was already in the graph");
    }
    if (retracted > 0) {
      err.println("  " + retracted + " observations retracted");
    }
    if (backwards > 0) {
      err.println("  note: " + backwards + " observations came earlier than one before them; the file order decided"
          + " their conflicts (sort by timestamp for the documented rule)");
    }
    if (!junk.isEmpty()) {
      err.println("  suspected junk (" + junk.size() + "), most profiles first:");
      for (SuspectedJunk j : junk.subList(0, Math.min(5, junk.size()))) {
        err.println("    " + j.identifier() + " seen with " + j.profiles() + " profiles, refused " + j.refusals() + " times");
      }
    }
  }

  /** Writes the merge log as the graph reports merges, refusals and retractions. */
  private static final class MergeLog implements StitchListener {
    private final @Nullable RecordWriter out;
    private @Nullable IOException failure;

    MergeLog(@Nullable RecordWriter out) {
      this.out = out;
    }

    @Override
    public void merged(MergeEvent e) {
      StringJoiner profiles = new StringJoiner(";");
      StringJoiner via = new StringJoiner("; ");
      for (MergeEvent.Link l : e.merged()) {
        profiles.add(l.profileId());
        via.add(l.profileId() + " via " + l.via());
      }
      write(e.observationId(), e.timestamp(), e.source(), "merge", "", "", e.profileId(), profiles.toString(),
          "shared_identifiers", via.toString());
    }

    @Override
    public void refused(Refusal r) {
      write(r.observationId(), r.timestamp(), r.source(),
          r.reason() == RefusalReason.BLOCKED ? "blocked" : "refused", r.identifier().type(), r.identifier().value(),
          r.profileId(), "", r.reason().code(), r.detail());
    }

    @Override
    public void retracted(Retraction r) {
      write(r.observationId(), null, "", "retract", "", "", r.previousProfileId(), String.join(";", r.profileIds()),
          "retracted", r.identifiersRemoved() + " identifiers left the graph; the profile is now "
              + (r.profileIds().isEmpty() ? "gone" : String.join(", ", r.profileIds())));
    }

    void row(Observation o, String event, String type, String identifier, String profileId, String merged,
        String reason, String detail) {
      write(o.id(), o.timestamp(), o.source(), event, type, identifier, profileId, merged, reason, detail);
    }

    private void write(String id, @Nullable Instant ts, String source, String event, String type, String identifier,
        String profileId, String merged, String reason, String detail) {
      if (out == null || failure != null) {
        return;
      }
      try {
        out.write(Arrays.asList(id, ts == null ? "" : ts.toString(), source, event, type, identifier, profileId,
            merged, reason, detail));
      } catch (IOException e) {
        failure = e;
      }
    }

    void rethrow() throws IOException {
      if (failure != null) {
        throw new IOException("cannot write the merge log: " + failure.getMessage(), failure);
      }
    }
  }
}
