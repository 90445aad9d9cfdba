package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import dev.mops.scoring.lifecycle.FunnelReport;
import dev.mops.scoring.lifecycle.LifecycleModel;
import dev.mops.scoring.lifecycle.LifecycleRun;
import dev.mops.scoring.lifecycle.StageTransition;
import dev.mops.scoring.lifecycle.StagedLead;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops lifecycle}: stages leads with a lifecycle model as of an instant: each lead's stage,
 * the transition taken now and why; on request the funnel as JSON and as an HTML page, and the
 * history with the new transitions.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "lifecycle",
    mixinStandardHelpOptions = true,
    description = {
      "Move leads through the lifecycle stages (subscriber, lead, MQL, SAL, SQL, ...) whose entry criteria they meet,"
          + " say why, and report the funnel: conversion, time in stage, velocity by cohort month.",
      "Example: mops lifecycle --model lifecycle.yaml --input leads.csv --history transitions.csv "
          + "--as-of 2026-02-01T00:00:00Z --output staged.csv --funnel funnel.json --html funnel.html"
    })
public final class LifecycleCommand implements Callable<Integer> {

  /** The most transitions kept per lead; later ones are a finding and ignored. */
  static final int MAX_TRANSITIONS_PER_LEAD = 10_000;

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "The lifecycle model (YAML/JSON).")
  Path model = Path.of("lifecycle.yaml");

  @Option(names = "--history", paramLabel = "FILE",
      description = "Transitions so far: lead_id, from, to, at, kind (CREATED, ADVANCE, RECYCLE, DISQUALIFY, REOPEN,"
          + " ALLOWED) and reason, in time order per lead.")
  @Nullable String history;

  @Option(names = "--history-lead-column", paramLabel = "COLUMN", defaultValue = "lead_id",
      description = "The history's lead id column, matched with the leads' --id-column (default: ${DEFAULT-VALUE}).")
  String historyLeadColumn = "lead_id";

  @Option(names = "--stage-column", paramLabel = "COLUMN",
      description = "The leads' current stage (such as the CRM's), used for leads without history; without it they"
          + " start in the first stage.")
  @Nullable String stageColumn;

  @Option(names = "--created-column", paramLabel = "COLUMN", defaultValue = "created_at",
      description = "When a lead without history was created, if the column exists (default: ${DEFAULT-VALUE}); else"
          + " the --as-of time.")
  String createdColumn = "created_at";

  @Option(names = "--funnel", paramLabel = "FILE", description = "Write the funnel report as JSON.")
  @Nullable Path funnel;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the funnel report as a self-contained HTML page.")
  @Nullable Path html;

  @Option(names = "--history-output", paramLabel = "FILE",
      description = "Write each lead's history as of --as-of with the transitions taken now appended (the next run's"
          + " --history); leads of the history not in the input are copied unchanged.")
  @Nullable String historyOutput;

  static final List<String> HISTORY_FIELDS = List.of("lead_id", "from", "to", "at", "kind", "reason");

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    OutputOptions.checkFolder(funnel);
    OutputOptions.checkFolder(html);
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    Instant now = asOf.instant();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Map<String, List<StageTransition>> byLead = history == null ? new LinkedHashMap<>() : readHistory(printer);
    Set<String> matched = new HashSet<>();
    Map<String, Long> stages = new TreeMap<>();
    Map<String, List<StageTransition>> newTransitions = new LinkedHashMap<>();
    LifecycleRun run;
    LifecycleModel life;
    String idField = ids.column();
    try (RecordReader in = input.open()) {
      Schema facts = Schema.of(in.fields());
      life = LifecycleModel.from(ConfigLoader.standard().load(model), facts);
      if (in instanceof CsvReader) {
        if (history != null || ids.explicit()) {
          Columns.require(input.name(), in.fields(), idField, "--id-column");
        }
        if (stageColumn != null) {
          Columns.require(input.name(), in.fields(), stageColumn, "--stage-column");
        }
      }
      boolean hasCreated = in.fields().contains(createdColumn);
      run = new LifecycleRun(life, now);
      List<String> outFields = new ArrayList<>(in.fields());
      for (String f : List.of("previous_stage", "stage", "transition", "why")) {
        if (!outFields.contains(f)) {
          outFields.add(f);
        }
      }
      ArrayRow row = new ArrayRow(facts);
      Progress progress = Progress.start(progressOptions, streams, "lifecycle", input);
      long read = 0;
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          progress.update(++read);
          printer.accept(r);
          long line = r.line();
          facts.fill(row, r.record(), f -> printer.accept(line, f));
          String id = Values.asString(r.record().get(idField));
          String key = id == null || id.isBlank() ? "#" + r.number() : id;
          List<StageTransition> past = id == null ? List.of() : byLead.getOrDefault(id, List.of());
          if (id != null && byLead.containsKey(id)) {
            matched.add(id);
          }
          String start = stageColumn == null ? null : Values.asString(r.record().get(stageColumn));
          Instant created = null;
          if (hasCreated && past.isEmpty()) {
            Object raw = r.record().get(createdColumn);
            if (!Values.isEmpty(raw)) {
              created = Values.asInstant(raw);
              if (created == null) {
                printer.accept(line, Finding.warning("NOT_AN_INSTANT", createdColumn, Values.asString(raw),
                    "expected an ISO-8601 instant in '" + createdColumn + "'; the lead is taken as created at --as-of"));
              }
            }
          }
          StagedLead s = run.stage(key, past, start, created, row);
          if (s.problem() != null) {
            printer.accept(line, Finding.error("LIFECYCLE_HISTORY", idField, key, "lead " + key + ": " + s.problem()));
          } else {
            stages.merge(s.stage(), 1L, Long::sum);
          }
          if (historyOutput != null && s.problem() == null) {
            newTransitions.put(key, s.history());
          }
          Map<String, @Nullable Object> values = new LinkedHashMap<>();
          for (String f : in.fields()) {
            values.put(f, Values.asString(r.record().get(f)));
          }
          values.put("previous_stage", s.previousStage());
          values.put("stage", s.stage());
          values.put("transition", s.transitionKind().map(k -> k.name().toLowerCase(Locale.ROOT)).orElse(""));
          values.put("why", s.problem() != null ? s.problem() : s.why());
          List<@Nullable Object> values2 = new ArrayList<>(outFields.size());
          for (String f : outFields) {
            values2.add(values.get(f));
          }
          out.write(values2);
        }
        progress.done();
      }
    }
    printer.finish();
    FunnelReport report = run.report();
    if (funnel != null) {
      Files.writeString(funnel, report.toJson(), StandardCharsets.UTF_8);
    }
    if (html != null) {
      Files.writeString(html, report.toHtml(), StandardCharsets.UTF_8);
    }
    if (historyOutput != null) {
      writeHistory(byLead, newTransitions);
    }
    long orphans = byLead.keySet().stream().filter(k -> !matched.contains(k)).count();
    err.printf(Locale.ROOT, "lifecycle: %,d leads staged with %s %s (%s) as of %s; %,d moved now",
        run.leads(), model.getFileName(), life.version(), shortHash(life.contentHash()), now, run.moved());
    if (run.problems() > 0) {
      err.printf(Locale.ROOT, "; %,d with a history problem (stage left empty)", run.problems());
    }
    if (orphans > 0) {
      err.printf(Locale.ROOT, " (%,d lead ids in the history are not in the input)", orphans);
    }
    err.println();
    StringBuilder sb = new StringBuilder("  stages:");
    for (String s : life.stagesByName().keySet()) {
      Long n = stages.get(s);
      if (n != null) {
        sb.append(' ').append(s).append('=').append(n);
      }
    }
    err.println(sb);
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  static String shortHash(String hash) {
    return hash.length() > 19 ? hash.substring(0, 19) : hash;
  }

  private Map<String, List<StageTransition>> readHistory(FindingPrinter printer) throws IOException {
    String path = java.util.Objects.requireNonNull(history, "history");
    Map<String, List<StageTransition>> byLead = new LinkedHashMap<>();
    try (RecordReader in = input.openOther(path, null)) {
      if (in instanceof CsvReader) {
        for (String c : List.of(historyLeadColumn, "to", "at")) {
          Columns.require(path, in.fields(), c, c.equals(historyLeadColumn) ? "--history-lead-column" : "the history");
        }
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        long line = r.line();
        printer.accept(r);
        String id = Values.asString(r.record().get(historyLeadColumn));
        String to = Values.asString(r.record().get("to"));
        Object rawAt = r.record().get("at");
        Instant at = Values.asInstant(rawAt);
        if (id == null || id.isBlank()) {
          printer.accept(line, Finding.warning("MISSING_VALUE", historyLeadColumn, null,
              "transition has no lead id; it is ignored"));
          continue;
        }
        if (to == null || to.isBlank() || at == null) {
          printer.accept(line, Finding.error(at == null ? "NOT_AN_INSTANT" : "MISSING_VALUE", at == null ? "at" : "to",
              at == null ? Values.asString(rawAt) : null, "transition of lead " + id + " lacks "
                  + (at == null ? "a valid 'at' instant" : "the stage entered ('to')") + "; it is ignored"));
          continue;
        }
        String from = Values.asString(r.record().get("from"));
        from = from == null ? "" : from.strip();
        String kindText = Values.asString(r.record().get("kind"));
        StageTransition.Kind kind;
        if (kindText == null || kindText.isBlank()) {
          kind = from.isEmpty() ? StageTransition.Kind.CREATED : StageTransition.Kind.ADVANCE;
        } else {
          try {
            kind = StageTransition.Kind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            printer.accept(line, Finding.error("UNKNOWN_VALUE", "kind", kindText, "unknown transition kind; expected one of "
                + java.util.Arrays.toString(StageTransition.Kind.values()) + "; the transition is ignored"));
            continue;
          }
        }
        String reason = Values.asString(r.record().get("reason"));
        List<StageTransition> list = byLead.computeIfAbsent(id, k -> new ArrayList<>());
        if (list.size() == MAX_TRANSITIONS_PER_LEAD) {
          printer.accept(line, Finding.error("TOO_MANY_TRANSITIONS", historyLeadColumn, id, "lead " + id
              + " has more than " + MAX_TRANSITIONS_PER_LEAD + " transitions; later ones are ignored"));
          continue;
        } else if (list.size() > MAX_TRANSITIONS_PER_LEAD) {
          continue;
        }
        list.add(new StageTransition(from, to.strip(), at, kind, reason == null || reason.isBlank() ? null : reason));
      }
    }
    return byLead;
  }

  private void writeHistory(Map<String, List<StageTransition>> old, Map<String, List<StageTransition>> staged)
      throws IOException {
    String path = java.util.Objects.requireNonNull(historyOutput, "historyOutput");
    try (RecordWriter w = output.openOther(path, null, HISTORY_FIELDS)) {
      for (Map.Entry<String, List<StageTransition>> e : staged.entrySet()) {
        for (StageTransition t : e.getValue()) {
          write(w, e.getKey(), t);
        }
      }
      for (Map.Entry<String, List<StageTransition>> e : old.entrySet()) {
        if (!staged.containsKey(e.getKey())) {
          for (StageTransition t : e.getValue()) {
            write(w, e.getKey(), t);
          }
        }
      }
    }
  }

  private static void write(RecordWriter w, String lead, StageTransition t) throws IOException {
    List<@Nullable Object> v = new ArrayList<>();
    v.add(lead);
    v.add(t.from());
    v.add(t.to());
    v.add(t.at().toString());
    v.add(t.kind().name());
    v.add(t.reason());
    w.write(v);
  }
}
