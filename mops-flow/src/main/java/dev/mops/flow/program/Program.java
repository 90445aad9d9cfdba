package dev.mops.flow.program;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import dev.mops.core.time.BusinessCalendar;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An automation program loaded from versioned YAML (a welcome series, a nurture, a re-engagement,
 * a win-back or an upsell): entry criteria, steps, exit criteria and goals, re-entry rules and a
 * frequency cap, with the deterministic simulator that tells where each lead stands in it.
 *
 * <pre>{@code
 * Program program = Program.load(Path.of("welcome.yaml"));
 * LeadProgramState s = program.simulate("L-1", leadRecord, eventRecords, Instant.parse("2026-03-02T12:00:00Z"));
 * s.status();     // ACTIVE
 * s.nextAction(); // send welcome-2
 * s.dueAt();      // 2026-03-03T10:15:00Z
 * s.reasons();    // [entered at ...: event signup matched entry.on_event, ...]
 * }</pre>
 *
 * <p><b>Simulation.</b> {@link #simulate} is a pure function of the program, the lead, its events
 * and the as-of instant: it reads no clock and keeps no state, so a backfill gives the same answer
 * as the live run, the order of the events does not matter, and a later as-of never undoes an
 * action an earlier as-of reported as done. Events after the as-of instant are not seen. The
 * semantics are in {@code docs/flow.md}.
 *
 * <p><b>Config.</b> Every key is checked at load: an unknown key, an unknown field in a condition, a
 * jump backwards or to an unknown step, a bad duration is a {@link dev.mops.core.config.ConfigException}
 * naming the file, line, column and path. The program carries its {@link #version()} and {@link
 * #contentHash()}, and every {@link LeadProgramState} records them.
 *
 * <p><b>Limits.</b> At most {@link #MAX_STEPS} steps, waits of at most {@link #MAX_WAIT_AMOUNT}
 * units, and {@link #maxEventsPerLead()} events per lead (default {@link
 * #DEFAULT_MAX_EVENTS_PER_LEAD}, at most {@link #MAX_EVENTS_PER_LEAD}); events past the limit are
 * left out, the earliest kept, with an {@code EVENTS_OVER_LIMIT} finding.
 *
 * <p>Thread safety: immutable and safe to share; {@link #simulate} may be called from any number
 * of threads at once.
 */
public final class Program {

  /** The event field holding the event's type, always present in {@link #eventSchema()}. */
  public static final String EVENT_TYPE = "type";

  /** The event field holding the event's time, always present in {@link #eventSchema()}. */
  public static final String EVENT_TIMESTAMP = "timestamp";

  /** The most steps a program may have. */
  public static final int MAX_STEPS = 200;

  /** The largest amount a wait may have, in its unit. */
  public static final long MAX_WAIT_AMOUNT = 10_000;

  /** The default for {@code limits.max_events_per_lead}. */
  public static final int DEFAULT_MAX_EVENTS_PER_LEAD = 10_000;

  /** The largest value {@code limits.max_events_per_lead} may take. */
  public static final int MAX_EVENTS_PER_LEAD = 1_000_000;

  private final ConfigDocument doc;
  private final String name;
  private final String description;
  private final Schema leadSchema;
  private final Schema eventSchema;
  private final BusinessCalendar calendar;
  private final EntryCriteria entry;
  private final List<Step> steps;
  private final List<Criterion> exits;
  private final List<Criterion> goals;
  private final ReEntry reentry;
  private final @Nullable FrequencyCap frequencyCap;
  private final int maxEventsPerLead;
  private final Simulator simulator;

  @SuppressWarnings("TooManyParameters") // package-private; built only by ProgramReader
  Program(ConfigDocument doc, String name, String description, Schema leadSchema, Schema eventSchema,
      BusinessCalendar calendar, EntryCriteria entry, List<Step> steps, List<Criterion> exits, List<Criterion> goals,
      ReEntry reentry, @Nullable FrequencyCap frequencyCap, int maxEventsPerLead) {
    this.doc = doc;
    this.name = name;
    this.description = description;
    this.leadSchema = leadSchema;
    this.eventSchema = eventSchema;
    this.calendar = calendar;
    this.entry = entry;
    this.steps = List.copyOf(steps);
    this.exits = List.copyOf(exits);
    this.goals = List.copyOf(goals);
    this.reentry = reentry;
    this.frequencyCap = frequencyCap;
    this.maxEventsPerLead = maxEventsPerLead;
    this.simulator = new Simulator(this);
  }

  /**
   * Loads a program file.
   *
   * @throws dev.mops.core.config.ConfigException when the file is missing or invalid
   */
  public static Program load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Reads a program from YAML text; {@code source} names it in errors. */
  public static Program parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a program from a loaded document. */
  public static Program fromDocument(ConfigDocument doc) {
    return new ProgramReader(Objects.requireNonNull(doc, "doc")).read();
  }

  /**
   * Simulates one lead at {@code asOf}: its state in the program, the next action and when it is
   * due, the history and the reasons. Bad values in the lead or its events become findings in the
   * result; an event without a valid timestamp is left out.
   *
   * @param leadId the lead's id, copied to the result
   * @param lead the lead's fields (those in {@link #leadSchema()} are read)
   * @param events the lead's events, in any order (those in {@link #eventSchema()} are read)
   * @param asOf the instant to simulate up to; events after it are not seen
   */
  public LeadProgramState simulate(String leadId, Record lead, Collection<? extends Record> events, Instant asOf) {
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(asOf, "asOf");
    return simulator.simulate(leadId, lead, events, asOf);
  }

  /** Returns the program's name (its {@code name} key, or the file name). */
  public String name() {
    return name;
  }

  /** Returns the program's description, or {@code ""}. */
  public String description() {
    return description;
  }

  /** Returns the document's {@code version}, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return doc.version();
  }

  /** Returns the content hash of the document ({@code sha256:...}). */
  public String contentHash() {
    return doc.contentHash();
  }

  /** Returns the first 12 hex digits of the content hash. */
  public String shortHash() {
    return doc.shortHash();
  }

  /** Returns the file or label the program was loaded from. */
  public String source() {
    return doc.source();
  }

  /** Returns the lead fields the program reads, with their types. */
  public Schema leadSchema() {
    return leadSchema;
  }

  /** Returns the event fields the program reads: {@code type}, {@code timestamp} and the declared properties. */
  public Schema eventSchema() {
    return eventSchema;
  }

  /** Returns the business calendar that business waits count on (weekdays 09:00-17:00 UTC by default). */
  public BusinessCalendar calendar() {
    return calendar;
  }

  /** Returns the entry criteria. */
  public EntryCriteria entry() {
    return entry;
  }

  /** Returns the steps, in order. */
  public List<Step> steps() {
    return steps;
  }

  /** Returns the exit criteria, in order (the first listed wins a tie). */
  public List<Criterion> exits() {
    return exits;
  }

  /** Returns the goals, in order (exit criteria win a tie with goals). */
  public List<Criterion> goals() {
    return goals;
  }

  /** Returns the re-entry rules. */
  public ReEntry reentry() {
    return reentry;
  }

  /** Returns the frequency cap, or null when the program has none. */
  public @Nullable FrequencyCap frequencyCap() {
    return frequencyCap;
  }

  /** Returns the most events per lead the simulator reads. */
  public int maxEventsPerLead() {
    return maxEventsPerLead;
  }

  @Override
  public String toString() {
    return "Program[" + name + " " + version() + " " + shortHash() + ", " + steps.size() + " steps]";
  }
}
