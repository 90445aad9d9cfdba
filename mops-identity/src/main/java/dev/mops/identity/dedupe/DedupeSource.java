package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import java.util.List;
import java.util.Objects;

/**
 * A named set of input records, one of the sources of a linkage run.
 *
 * <p>Thread safety: an immutable value as long as nobody changes the records.
 *
 * @param name the source name (such as the input file name); unique within a run
 * @param records the records
 */
public record DedupeSource(String name, List<? extends Record> records) {

  /** Copies the record list. */
  public DedupeSource {
    Objects.requireNonNull(name, "name");
    records = List.copyOf(records);
  }
}
