package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaEvent;
import dev.mops.metrics.sla.SlaGoal;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import dev.mops.metrics.sla.SlaState;
import dev.mops.metrics.sla.SlaSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops sla}: evaluates every request's SLA at an as-of instant with an SLA policy, adding
 * the columns {@code goal, target_s, elapsed_s, remaining_s, state, due_at, breached_at}, and
 * optionally writes a JSON summary (adherence, TTC percentiles, backlog aging, throughput by
 * class).
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "sla",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate request SLAs in business time: goal, target, elapsed and remaining business seconds, state, due and breach times.",
      "Example: mops sla --policy sla.yaml --input requests.csv --events events.csv "
          + "--as-of 2026-06-30T12:00:00Z --output sla.csv --summary summary.json"
    })
public final class SlaCommand implements Callable<Integer> {

  /** The columns the command adds, in order (part of its contract). */
  static final List<String> COLUMNS = List.of("goal", "target_s", "elapsed_s", "remaining_s", "state", "due_at",
      "breached_at");

  /** Events kept per request at most; later ones are ignored with a finding. */
  static final int MAX_EVENTS_PER_REQUEST = 10_000;

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The SLA policy (YAML/JSON).")
  Path policyFile = Path.of("sla.yaml");

  @Option(names = "--events", paramLabel = "FILE",
      description = "Clock events: request_id, timestamp, event (start, pause, resume, stop). Requests without "
          + "events run from created_at to resolved_at (or the as-of instant).")
  @Nullable String events;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Write a JSON summary: adherence, TTC and cycle-time percentiles, backlog aging, throughput by class.")
  @Nullable Path summaryFile;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    Instant now = asOf.instant();
    SlaPolicy policy = SlaPolicy.load(policyFile);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Run run;
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, streams, "sla", input);
      run = evaluate(in, input.name(), events, p -> input.openOther(p, null), policy, now, ids.column(), printer,
          output, progress);
    }
    SlaSummary summary = run.summary();
    Path summaryPath = summaryFile;
    if (summaryPath != null) {
      Map<String, Object> json = new LinkedHashMap<>();
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("name", policy.name());
      p.put("version", policy.version());
      p.put("content_hash", policy.contentHash());
      json.put("policy", p);
      json.put("requests", run.read());
      json.put("events", run.events());
      json.put("findings", failOn.total());
      Path parent = summaryPath.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageException("--summary: folder does not exist: " + parent);
      }
      Files.writeString(summaryPath, summary.toJson(json) + "\n", StandardCharsets.UTF_8);
    }
    printer.finish();
    StringBuilder sb = new StringBuilder();
    run.states().forEach((s, n) -> sb.append(' ').append(s.label()).append('=').append(n));
    err.printf(Locale.ROOT, "sla: %,d requests with %s %s (%s) as of %s; %,d events%s%n", run.read(), policy.name(),
        policy.version(), shortHash(policy.contentHash()), now, run.events(),
        run.orphans() > 0
            ? String.format(Locale.ROOT, " (%,d request ids in the events are not in the input)", run.orphans()) : "");
    err.println("  states:" + sb);
    double adherence = summary.adherence(SlaSummary.ALL);
    if (!Double.isNaN(adherence)) {
      err.printf(Locale.ROOT, "  adherence: %.1f%% of %,d decided%n", adherence * 100,
          summary.count(SlaSummary.ALL, SlaState.MET) + summary.count(SlaSummary.ALL, SlaState.BREACHED));
    }
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  /** Opens another file a command reads (the events). */
  interface Opener {
    RecordReader open(String path) throws IOException;
  }

  /**
   * What evaluating a requests file gave.
   *
   * @param summary the aggregates by class
   * @param read the requests read
   * @param events the events kept
   * @param states the requests per state
   * @param orphans the request ids of the events that are not in the requests
   */
  record Run(SlaSummary summary, long read, long events, Map<SlaState, Long> states, long orphans) {}

  /**
   * Evaluates every request of {@code in} (and the events of {@code eventsFile}, if any) with
   * {@code policy} as of {@code now}, writing the requests with the SLA columns to {@code output}
   * when it is not null; shared by {@code mops sla} and {@code mops ops-report}.
   */
  static Run evaluate(RecordReader in, String inputName, @Nullable String eventsFile, Opener opener, SlaPolicy policy,
      Instant now, String idColumn, FindingPrinter printer, @Nullable OutputOptions output, @Nullable Progress progress)
      throws IOException {
    Map<String, List<SlaEvent>> byRequest = new HashMap<>();
    long eventCount = eventsFile == null ? 0 : readEvents(opener, eventsFile, printer, byRequest);
    SlaSummary summary = new SlaSummary(now);
    Map<SlaState, Long> states = new EnumMap<>(SlaState.class);
    Set<String> matched = new HashSet<>();
    long read = 0;
    if (in instanceof CsvReader) {
      Columns.require(inputName, in.fields(), idColumn, "--id-column");
      Columns.require(inputName, in.fields(), "class", "the request class");
      Columns.require(inputName, in.fields(), "created_at", "when the request was created");
    }
    Schema schema = Schema.of(in.fields());
    SlaEvaluator evaluator = policy.evaluator(schema);
    List<String> outFields = new ArrayList<>(in.fields());
    for (String c : COLUMNS) {
      if (!outFields.contains(c)) {
        outFields.add(c);
      }
    }
    try (RecordWriter out = output == null ? null : output.open(outFields)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        read++;
        long line = r.line();
        printer.accept(r);
        Record rec = r.record();
        ArrayRow row = evaluator.schema().row(rec, f -> printer.accept(line, f));
        Instant created = instant(rec, "created_at", line, printer);
        Instant accepted = instant(rec, "accepted_at", line, printer);
        Instant live = instant(rec, "live_at", line, printer);
        Instant resolved = instant(rec, "resolved_at", line, printer);
        String id = Values.asString(rec.get(idColumn));
        List<SlaEvent> ev = id == null ? null : byRequest.get(id);
        if (id != null && ev != null) {
          matched.add(id);
        }
        SlaResult result = null;
        if (ev != null) {
          result = evaluator.evaluate(row, ev, now);
        } else if (created != null) {
          boolean backwards = resolved != null && resolved.isBefore(created);
          result = evaluator.evaluate(row, created, backwards ? null : resolved, now);
          if (backwards) {
            printer.accept(line, Finding.warning("RESOLVED_BEFORE_CREATED", "resolved_at", rec.get("resolved_at"),
                "resolved_at is before created_at; the request is taken as unresolved"));
          }
        } else {
          printer.accept(line, Finding.error("NO_START", "created_at", rec.get("created_at"),
              "the request has no valid created_at and no events: its SLA cannot be evaluated"));
        }
        if (result != null) {
          for (Finding f : result.findings()) {
            printer.accept(line, f);
          }
        }
        String cls = Values.asString(rec.get("class"));
        summary.add(cls == null || cls.isBlank() ? "(none)" : cls, result, created, accepted, live, resolved);
        SlaState state = result == null ? SlaState.INVALID : result.state();
        states.merge(state, 1L, Long::sum);
        if (out != null) {
          Map<String, @Nullable Object> values = new LinkedHashMap<>();
          for (String f : in.fields()) {
            values.put(f, Values.asString(rec.get(f)));
          }
          SlaGoal goal = result == null ? evaluator.goalFor(row, now) : result.goal();
          long target = goal.target().getSeconds();
          values.put("goal", goal.name());
          values.put("target_s", target);
          values.put("elapsed_s", result == null ? null : result.elapsed().getSeconds());
          values.put("remaining_s", result == null ? null : target - result.elapsed().getSeconds());
          values.put("state", state.label());
          Instant due = result == null ? null : result.dueAt();
          Instant breached = result == null ? null : result.breachedAt();
          values.put("due_at", due == null ? null : due.toString());
          values.put("breached_at", breached == null ? null : breached.toString());
          List<@Nullable Object> outRow = new ArrayList<>(outFields.size());
          for (String f : outFields) {
            outRow.add(values.get(f));
          }
          out.write(outRow);
        }
        if (progress != null) {
          progress.update(read);
        }
      }
      if (progress != null) {
        progress.done();
      }
    }
    long orphans = byRequest.keySet().stream().filter(k -> !matched.contains(k)).count();
    return new Run(summary, read, eventCount, states, orphans);
  }

  private static String shortHash(String hash) {
    int colon = hash.indexOf(':');
    String hex = hash.substring(colon + 1);
    return hex.substring(0, Math.min(12, hex.length()));
  }

  private static @Nullable Instant instant(Record rec, String field, long line, FindingPrinter printer) {
    Object raw = rec.get(field);
    if (Values.isEmpty(raw)) {
      return null;
    }
    Instant i = Values.asInstant(raw);
    if (i == null) {
      printer.accept(line, Finding.error("BAD_TIMESTAMP", field, raw,
          field + " is not an ISO-8601 timestamp; it is taken as missing"));
    }
    return i;
  }

  private static long readEvents(Opener opener, String path, FindingPrinter printer,
      Map<String, List<SlaEvent>> out) throws IOException {
    long kept = 0;
    Set<String> overLimit = new HashSet<>();
    try (RecordReader in = opener.open(path)) {
      if (in instanceof CsvReader) {
        for (String c : List.of("request_id", "timestamp", "event")) {
          Columns.require(path, in.fields(), c, "--events");
        }
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        long line = r.line();
        printer.accept(r);
        Record rec = r.record();
        String id = Values.asString(rec.get("request_id"));
        if (id == null || id.isBlank()) {
          printer.accept(line, Finding.warning("MISSING_VALUE", "request_id", null, "event has no request id; it is ignored"));
          continue;
        }
        Instant at = Values.asInstant(rec.get("timestamp"));
        if (at == null) {
          printer.accept(line, Finding.error("BAD_TIMESTAMP", "timestamp", rec.get("timestamp"),
              "event timestamp is not an ISO-8601 timestamp; the event is ignored"));
          continue;
        }
        SlaEvent.Kind kind = SlaEvent.Kind.parse(Values.asString(rec.get("event")));
        if (kind == null) {
          printer.accept(line, Finding.error("BAD_EVENT", "event", rec.get("event"),
              "expected start, pause, resume or stop; the event is ignored"));
          continue;
        }
        List<SlaEvent> list = out.computeIfAbsent(id, k -> new ArrayList<>());
        if (list.size() >= MAX_EVENTS_PER_REQUEST) {
          if (overLimit.add(id)) {
            printer.accept(line, Finding.error("TOO_MANY_EVENTS", "request_id", id,
                "request " + id + " has more than " + MAX_EVENTS_PER_REQUEST + " events; later ones are ignored"));
          }
          continue;
        }
        list.add(new SlaEvent(at, kind));
        kept++;
      }
    }
    return kept;
  }
}
