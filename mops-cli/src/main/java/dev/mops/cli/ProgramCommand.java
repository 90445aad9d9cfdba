package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.flow.program.LeadProgramState;
import dev.mops.flow.program.Program;
import dev.mops.flow.program.ProgramAction;
import dev.mops.flow.program.ProgramStatus;
import dev.mops.core.io.RecordWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops program}: simulates an automation program (welcome, nurture, re-engagement, ...) on
 * leads and their events as of an instant, and writes each lead's state, next action, due time and
 * reasons.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "program",
    mixinStandardHelpOptions = true,
    description = {
      "Simulate an automation program: each lead's state, next action, when it is due, and why.",
      "Example: mops program --program welcome.yaml --input leads.csv --events events.csv "
          + "--as-of 2026-03-16T12:00:00Z --output states.csv"
    })
public final class ProgramCommand implements Callable<Integer> {

  /** The columns written after the id column. */
  static final List<String> COLUMNS = List.of("program", "program_version", "program_hash", "status", "entries",
      "entered_at", "next_step", "next_action", "due_at", "left_at", "left_by", "reasons", "issues");

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--program", required = true, paramLabel = "FILE", description = "The program (YAML/JSON).")
  Path program = Path.of("program.yaml");

  @Option(names = "--events", paramLabel = "FILE", description = "Events: lead_id, type, timestamp and properties.")
  @Nullable String events;

  @Option(names = "--event-lead-column", paramLabel = "COLUMN", defaultValue = "lead_id",
      description = "The events' lead id column, matched with the leads' --id-column (default: ${DEFAULT-VALUE}).")
  String eventLeadColumn = "lead_id";

  @Option(names = "--history", description = "Add a 'history' column: every action, with its time, '; '-separated.")
  boolean history;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    Instant now = asOf.instant();
    Program p = Program.load(program);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    ProgramFiles files = new ProgramFiles();
    files.readEvents(input, events, eventLeadColumn, printer);
    List<String> fields = new ArrayList<>();
    fields.add(ids.column());
    fields.addAll(COLUMNS);
    if (history) {
      fields.add("history");
    }
    Map<ProgramStatus, Long> counts = new EnumMap<>(ProgramStatus.class);
    try (RecordWriter out = output.open(fields)) {
      files.simulate(input, ids, events != null || ids.explicit(), List.of(p), now, printer, progressOptions, streams,
          "program", (key, line, states) -> {
            LeadProgramState s = states.get(0);
            counts.merge(s.status(), 1L, Long::sum);
            s.findings().forEach(printer::count);
            List<@Nullable Object> row = new ArrayList<>(fields.size());
            row.add(key);
            row.addAll(columns(s));
            if (history) {
              row.add(s.actions().stream().map(ProgramAction::toString).collect(Collectors.joining("; ")));
            }
            out.write(row);
          });
    }
    printer.finish();
    err.printf(Locale.ROOT, "program: %,d leads simulated with %s %s (%s) as of %s; %,d events",
        files.leads, p.name(), p.version(), p.shortHash(), now, files.events);
    long orphans = files.orphans();
    if (orphans > 0) {
      err.printf(Locale.ROOT, " (%,d lead ids in the events are not in the input)", orphans);
    }
    err.println();
    StringBuilder sb = new StringBuilder("  status:");
    counts.forEach((st, n) -> sb.append(' ').append(st.name().toLowerCase(Locale.ROOT)).append('=').append(n));
    err.println(sb);
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  /** The values of {@link #COLUMNS} for one state. */
  static List<@Nullable Object> columns(LeadProgramState s) {
    List<@Nullable Object> row = new ArrayList<>(COLUMNS.size());
    row.add(s.programName());
    row.add(s.programVersion());
    row.add(s.programHash());
    row.add(s.status().name().toLowerCase(Locale.ROOT));
    row.add(s.entries());
    row.add(text(s.enteredAt()));
    row.add(s.nextStepId());
    row.add(s.nextAction());
    row.add(text(s.dueAt()));
    row.add(text(s.leftAt()));
    row.add(s.leftBy());
    row.add(String.join(" | ", s.reasons()));
    row.add(s.findings().stream().map(Finding::shortForm).distinct().collect(Collectors.joining(";")));
    return row;
  }

  static String text(@Nullable Instant i) {
    return i == null ? "" : i.toString();
  }
}
