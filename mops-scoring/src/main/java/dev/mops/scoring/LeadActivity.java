package dev.mops.scoring;

import dev.mops.core.record.Record;
import java.util.List;
import java.util.Objects;

/**
 * A lead as a scoring model sees it before conversion: an id, the lead's fields and its events, as
 * records. Used by {@link ModelImpact}, which must read the same leads under two models whose
 * schemas may differ.
 *
 * <p>Thread safety: an immutable value (the records are the caller's and must not change).
 *
 * @param id the lead's id, used to name examples in reports
 * @param lead the lead's fields
 * @param events the lead's events, each with {@code type}, {@code timestamp} and properties
 */
public record LeadActivity(String id, Record lead, List<Record> events) {

  /** Copies the events. */
  public LeadActivity {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lead, "lead");
    events = List.copyOf(events);
  }
}
