package dev.mops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mops.core.io.RecordWriter;
import dev.mops.flow.program.LeadProgramState;
import dev.mops.flow.program.Program;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops program-diff}: simulates the same leads under two versions of a program and reports
 * the leads whose state or next action would change, with the version and hash of each program
 * (rolling back is running the old version).
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "program-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of an automation program on a set of leads before the change goes live.",
      "Example: mops program-diff --old welcome-v1.yaml --new welcome-v2.yaml --input leads.csv "
          + "--events events.csv --as-of 2026-03-16T12:00:00Z"
    })
public final class ProgramDiffCommand implements Callable<Integer> {

  /** How many changed leads the text report lists. */
  static final int LISTED = 20;

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
  String eventLeadColumn = "lead_id";

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write every changed lead, old and new state side by side, to this CSV file.")
  @Nullable String changesFile;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    Instant now = asOf.instant();
    Program before = Program.load(diffOptions.oldFile);
    Program after = Program.load(diffOptions.newFile);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    ProgramFiles files = new ProgramFiles();
    files.readEvents(input, events, eventLeadColumn, printer);
    List<String> changeFields = new ArrayList<>();
    changeFields.add(ids.column());
    for (String side : List.of("old", "new")) {
      for (String c : List.of("status", "next_step", "next_action", "due_at", "left_by")) {
        changeFields.add(side + "_" + c);
      }
    }
    Map<String, Long> transitions = new TreeMap<>();
    List<Map<String, Object>> changes = new ArrayList<>();
    long[] changed = {0};
    try (RecordWriter csv = changesFile == null ? null
        : OutputOptions.open(streams, changesFile, null, changeFields, false)) {
      files.simulate(input, ids, events != null || ids.explicit(), List.of(before, after), now, printer,
          progressOptions, streams, "program-diff", (key, line, states) -> {
            LeadProgramState a = states.get(0);
            LeadProgramState b = states.get(1);
            a.findings().forEach(printer::count);
            if (a.sameOutcome(b)) {
              return;
            }
            changed[0]++;
            transitions.merge(word(a) + " -> " + word(b), 1L, Long::sum);
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("lead_id", key);
            change.put("old", outcome(a));
            change.put("new", outcome(b));
            if (diffOptions.json || changes.size() < LISTED) {
              changes.add(change);
            }
            if (csv != null) {
              List<@Nullable Object> row = new ArrayList<>();
              row.add(key);
              for (LeadProgramState s : List.of(a, b)) {
                row.addAll(outcome(s).values());
              }
              csv.write(row);
            }
          });
    }
    printer.finish();
    if (diffOptions.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("old", identity(before));
      doc.put("new", identity(after));
      doc.put("as_of", now.toString());
      doc.put("leads", files.leads);
      doc.put("events", files.events);
      doc.put("changed", changed[0]);
      doc.put("transitions", transitions);
      doc.put("changes", changes);
      out.println(toJson(doc));
    } else {
      out.printf(Locale.ROOT, "old: %s %s (%s) from %s%n", before.name(), before.version(), before.contentHash(),
          diffOptions.oldFile);
      out.printf(Locale.ROOT, "new: %s %s (%s) from %s%n", after.name(), after.version(), after.contentHash(),
          diffOptions.newFile);
      out.printf(Locale.ROOT, "as of %s: %,d of %,d leads would change state or next action%n", now, changed[0],
          files.leads);
      transitions.forEach((t, n) -> out.printf(Locale.ROOT, "  %s: %,d%n", t, n));
      for (Map<String, Object> c : changes) {
        out.printf(Locale.ROOT, "  %s: %s  =>  %s%n", c.get("lead_id"), line(c.get("old")), line(c.get("new")));
      }
      if (changed[0] > changes.size()) {
        out.printf(Locale.ROOT, "  ... %,d more changed leads%s%n", changed[0] - changes.size(),
            changesFile == null ? " (--output FILE lists them all)" : " in " + changesFile);
      }
    }
    out.flush();
    long orphans = files.orphans();
    if (orphans > 0) {
      err.printf(Locale.ROOT, "program-diff: %,d lead ids in the events are not in the input%n", orphans);
    }
    return failOn.exitCode();
  }

  private static String word(LeadProgramState s) {
    return s.status().name().toLowerCase(Locale.ROOT) + (s.nextStepId().isEmpty() ? "" : " at " + s.nextStepId());
  }

  private static Map<String, Object> outcome(LeadProgramState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", s.status().name().toLowerCase(Locale.ROOT));
    m.put("next_step", s.nextStepId());
    m.put("next_action", s.nextAction());
    m.put("due_at", ProgramCommand.text(s.dueAt()));
    m.put("left_by", s.leftBy());
    return m;
  }

  private static String line(@Nullable Object outcome) {
    if (!(outcome instanceof Map<?, ?> m)) {
      return "";
    }
    StringBuilder sb = new StringBuilder(String.valueOf(m.get("status")));
    if (!"".equals(m.get("next_action"))) {
      sb.append(", next ").append(m.get("next_action")).append(" at ").append(m.get("due_at"));
    }
    if (!"".equals(m.get("left_by"))) {
      sb.append(", by ").append(m.get("left_by"));
    }
    return sb.toString();
  }

  private static Map<String, Object> identity(Program p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", p.name());
    m.put("version", p.version());
    m.put("hash", p.contentHash());
    m.put("source", p.source());
    return m;
  }

  private static String toJson(Object doc) {
    try {
      return new ObjectMapper().writeValueAsString(doc);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }
}
