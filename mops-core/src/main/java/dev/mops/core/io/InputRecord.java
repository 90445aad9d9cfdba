package dev.mops.core.io;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import java.util.List;
import java.util.Objects;

/**
 * One record read from a file: its 1-based number among the file's records, the line it starts
 * on, its values, and the findings reading it produced (a short row, a malformed JSON line).
 *
 * <p>A record that could not be read at all is still returned, empty, with a finding: every input
 * record is accounted for.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param number 1-based position among the records (the header is not a record)
 * @param line 1-based line of the file on which the record starts
 * @param record the values
 * @param findings problems met while reading this record
 */
public record InputRecord(long number, long line, Record record, List<Finding> findings) {
  /** Copies the findings. */
  public InputRecord {
    Objects.requireNonNull(record, "record");
    findings = List.copyOf(findings);
  }
}
