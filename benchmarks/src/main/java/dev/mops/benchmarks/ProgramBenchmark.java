package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.flow.program.LeadProgramState;
import dev.mops.flow.program.Program;
import dev.mops.flow.program.ProgramStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the automation-program simulator ({@link Program#simulate}) on {@value #LEADS} leads
 * with 0 to 8 events each (4 on average), for one simple program: enter on {@code signup}, send,
 * wait 2 days, branch on an {@code email_open} since entry (to the end), send a reminder; exit on
 * {@code unsubscribe}.
 *
 * <ul>
 *   <li>{@link #mops}: the program loaded from YAML and simulated per lead, events as records
 *       (converted to the program's event schema, sorted, conditions compiled once), with reasons
 *       and history;
 *   <li>{@link #handWritten}: the same program written by hand as a plain Java loop over the same
 *       records, computing the status, next step and due time only: the baseline.
 * </ul>
 *
 * <p>Scores are per lead ({@link OperationsPerInvocation}). Setup checks that both give the same
 * status, next step and due time for every lead, and fails otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ProgramBenchmark {

  /** The number of leads each invocation simulates. */
  static final int LEADS = 100_000;

  static final String PROGRAM = """
      version: 1
      name: bench-welcome
      entry: {on_event: {eq: {field: type, value: signup}}}
      steps:
        - {id: w1, send: welcome-1}
        - {id: pause, wait: 2d}
        - {id: opened, branch: {if_event: {eq: {field: type, value: email_open}}, then: end}}
        - {id: w2, send: welcome-2}
      exit:
        - {name: unsubscribed, on_event: {eq: {field: type, value: unsubscribe}}}
      """;

  static final List<String> TYPES = List.of("signup", "email_open", "web_visit", "unsubscribe", "email_click");
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOW = START.plus(Duration.ofDays(30));

  Program program = Program.parse("bench.yaml", PROGRAM);
  List<Record> leads = new ArrayList<>();
  List<List<Record>> events = new ArrayList<>();

  @Setup
  public void setup() {
    Random rnd = new Random(20261202L);
    for (int i = 0; i < LEADS; i++) {
      leads.add(Records.of(Map.of("id", "L-" + i)));
      int n = rnd.nextInt(9);
      List<Record> ev = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPES.get(rnd.nextInt(TYPES.size())));
        m.put("timestamp", START.plusSeconds(60L * rnd.nextInt(40 * 24 * 60)));
        ev.add(Records.of(m));
      }
      events.add(ev);
    }
    for (int i = 0; i < LEADS; i++) {
      LeadProgramState s = program.simulate("L", leads.get(i), events.get(i), NOW);
      Outcome h = handWritten(events.get(i), NOW);
      if (s.status() != h.status || !s.nextStepId().equals(h.nextStep) || !Objects.equals(s.dueAt(), h.due)) {
        throw new IllegalStateException("lead " + i + ": mops " + s + ", hand-written " + h.status + " " + h.nextStep
            + " " + h.due + ", events " + events.get(i));
      }
    }
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public long mops() {
    long active = 0;
    for (int i = 0; i < LEADS; i++) {
      if (program.simulate("L", leads.get(i), events.get(i), NOW).status() == ProgramStatus.ACTIVE) {
        active++;
      }
    }
    return active;
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public long handWritten() {
    long active = 0;
    for (int i = 0; i < LEADS; i++) {
      if (handWritten(events.get(i), NOW).status == ProgramStatus.ACTIVE) {
        active++;
      }
    }
    return active;
  }

  /** The hand-written program's answer. */
  record Outcome(ProgramStatus status, String nextStep, @Nullable Instant due) {}

  /** A typed event of the hand-written loop. */
  record Ev(String type, Instant at) {}

  static Outcome handWritten(List<Record> records, Instant now) {
    List<Ev> evs = new ArrayList<>(records.size());
    for (Record r : records) {
      if (r.get("timestamp") instanceof Instant at && !at.isAfter(now) && r.get("type") instanceof String t) {
        evs.add(new Ev(t, at));
      }
    }
    evs.sort(Comparator.comparing(Ev::at));
    Instant entry = null;
    for (Ev e : evs) {
      if (e.type.equals("signup")) {
        entry = e.at;
        break;
      }
    }
    if (entry == null) {
      return new Outcome(ProgramStatus.NOT_ENTERED, "", null);
    }
    Instant unsub = null;
    for (Ev e : evs) {
      if (!e.at.isBefore(entry) && e.type.equals("unsubscribe")) {
        unsub = e.at;
        break;
      }
    }
    // w1 at entry
    if (unsub != null && !unsub.isAfter(entry)) {
      return new Outcome(ProgramStatus.EXITED, "", null);
    }
    Instant t = entry.plus(Duration.ofDays(2));
    if (unsub != null && !unsub.isAfter(t)) {
      return new Outcome(ProgramStatus.EXITED, "", null);
    }
    if (t.isAfter(now)) {
      return new Outcome(ProgramStatus.ACTIVE, "opened", t);
    }
    for (Ev e : evs) {
      if (e.at.isAfter(t)) {
        break;
      }
      if (!e.at.isBefore(entry) && e.type.equals("email_open")) {
        return new Outcome(ProgramStatus.COMPLETED, "", null);
      }
    }
    return new Outcome(ProgramStatus.COMPLETED, "", null);
  }
}
