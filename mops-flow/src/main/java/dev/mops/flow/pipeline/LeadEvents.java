package dev.mops.flow.pipeline;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Events grouped by the lead they belong to, read from one file, for the score stage of {@link
 * Pipeline#run}: {@code pipeline.run(leads, events::of, now, output)}.
 *
 * <p>Events are held in memory (at most {@value #MAX_EVENTS}; more fails the read with a one-line
 * message). An event without a lead id is counted in {@link #withoutLead()} and not used.
 *
 * <p>Thread safety: immutable once read; safe to share.
 */
public final class LeadEvents {

  /** Most events one file may hold. */
  public static final long MAX_EVENTS = 20_000_000;

  private final Map<String, List<Record>> byLead;
  private final long read;
  private final long withoutLead;

  private LeadEvents(Map<String, List<Record>> byLead, long read, long withoutLead) {
    this.byLead = byLead;
    this.read = read;
    this.withoutLead = withoutLead;
  }

  /** Returns no events. */
  public static LeadEvents none() {
    return new LeadEvents(Map.of(), 0, 0);
  }

  /**
   * Reads a file of events (CSV, JSON Lines, Excel), grouped by {@code leadField}.
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException past {@value #MAX_EVENTS} events
   */
  public static LeadEvents read(Path file, String leadField) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(leadField, "leadField");
    Map<String, List<Record>> m = new HashMap<>();
    long n = 0;
    long orphan = 0;
    try (RecordReader in = RecordReader.open(file)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        if (++n > MAX_EVENTS) {
          throw new IllegalArgumentException(file + ": more than " + MAX_EVENTS + " events");
        }
        Object id = r.record().get(leadField);
        if (id == null || id.toString().isBlank()) {
          orphan++;
          continue;
        }
        m.computeIfAbsent(id.toString().trim(), k -> new ArrayList<>(4)).add(r.record());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    m.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return new LeadEvents(Collections.unmodifiableMap(m), n, orphan);
  }

  /** Returns the events of one lead (empty when it has none). */
  public List<Record> of(String leadId) {
    return byLead.getOrDefault(leadId, List.of());
  }

  /** Returns how many events were read. */
  public long read() {
    return read;
  }

  /** Returns how many events had no lead id. */
  public long withoutLead() {
    return withoutLead;
  }

  /** Returns how many leads have events. */
  public int leads() {
    return byLead.size();
  }
}
