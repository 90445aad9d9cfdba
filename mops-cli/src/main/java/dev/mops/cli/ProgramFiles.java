package dev.mops.cli;

import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.flow.program.LeadProgramState;
import dev.mops.flow.program.Program;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What {@code mops program} and {@code mops program-diff} share: reading the events by lead, then
 * the leads one by one, each simulated under one or more programs.
 *
 * <p>Thread safety: not thread-safe; one instance per command run.
 */
final class ProgramFiles {

  /** One lead read from the input: its key (id, or {@code #n} when it has none) and its states. */
  interface LeadSink {
    void accept(String key, long line, List<LeadProgramState> states) throws IOException;
  }

  private final Map<String, List<Record>> byLead = new HashMap<>();
  private final Set<String> matched = new HashSet<>();
  long events;
  long leads;

  /** Reads the events file, if any, grouped by lead id. */
  void readEvents(InputOptions input, @Nullable String path, String leadColumn, FindingPrinter printer)
      throws IOException {
    if (path != null) {
      events = ScoreCommand.readEvents(input, path, leadColumn, Program.MAX_EVENTS_PER_LEAD, printer,
          (id, r, sink) -> byLead.computeIfAbsent(id, k -> new ArrayList<>()).add(r));
    }
  }

  /** Reads the leads and simulates each under every program, in order. */
  void simulate(InputOptions input, IdOptions ids, boolean idsNeeded, List<Program> programs, Instant now,
      FindingPrinter printer, ProgressOptions progressOptions, StandardStreams streams, String command, LeadSink sink)
      throws IOException {
    String idField = ids.column();
    try (RecordReader in = input.open()) {
      List<String> fields = programs.stream().flatMap(p -> p.leadSchema().fieldNames().stream()).distinct()
          .collect(Collectors.toList());
      if (in instanceof CsvReader && !in.fields().isEmpty() && !fields.isEmpty()
          && fields.stream().noneMatch(in.fields()::contains)) {
        throw Columns.noneOf(input.name(), in.fields(), fields, "of the program");
      }
      if (idsNeeded && in instanceof CsvReader) {
        Columns.require(input.name(), in.fields(), idField, "--id-column");
      }
      Progress progress = Progress.start(progressOptions, streams, command, input);
      for (InputRecord r; (r = in.next()) != null; ) {
        progress.update(++leads);
        printer.accept(r);
        String id = Values.asString(r.record().get(idField));
        String key = id == null ? "#" + r.number() : id;
        List<Record> ev = id == null ? List.of() : byLead.getOrDefault(id, List.of());
        if (id != null && byLead.containsKey(id)) {
          matched.add(id);
        }
        List<LeadProgramState> states = new ArrayList<>(programs.size());
        for (Program p : programs) {
          states.add(p.simulate(key, r.record(), ev, now));
        }
        sink.accept(key, r.line(), states);
      }
      progress.done();
    }
  }

  /** Returns how many lead ids of the events are not in the input. */
  long orphans() {
    return byLead.keySet().stream().filter(k -> !matched.contains(k)).count();
  }
}
