package dev.mops.quality.contract;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Row;
import dev.mops.core.record.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The record-level rules of a {@link DataContract}, bound to the contract's {@link #schema()}: it
 * says which rules a record breaks.
 *
 * <p>The hot path is {@link #validate(Row, Instant, ViolationSink)}: it reads values by slot and
 * allocates nothing for a record that passes. {@link #validate(Record, Instant)} is the convenient
 * form; it copies the record into a row first. Dataset-level rules (unique keys, row count,
 * freshness) need the whole dataset and are measured by a quality profile instead.
 *
 * <p>Thread safety: immutable and safe to share; any number of threads may validate at once.
 */
public final class ContractValidator {

  private final DataContract contract;
  private final FieldCheck[] fields;
  private final CrossCheck[] cross;
  private final boolean usesClock;

  ContractValidator(DataContract contract, List<FieldCheck> fields, List<CrossCheck> cross) {
    this.contract = contract;
    this.fields = fields.toArray(new FieldCheck[0]);
    this.cross = cross.toArray(new CrossCheck[0]);
    boolean clock = false;
    for (CrossCheck c : cross) {
      clock |= c.usesClock();
    }
    this.usesClock = clock;
  }

  /** Returns the compiled checks of {@code field}, or null when the contract has none. */
  @org.jspecify.annotations.Nullable FieldCheck fieldCheck(String field) {
    for (FieldCheck f : fields) {
      if (f.spec.name().equals(field)) {
        return f;
      }
    }
    return null;
  }

  /** Returns the contract this validator checks. */
  public DataContract contract() {
    return contract;
  }

  /** Returns the schema rows must be of: the contract's fields, in order, untyped. */
  public Schema schema() {
    return contract.schema();
  }

  /** Returns whether a cross-field rule compares times with {@code now}. */
  public boolean usesClock() {
    return usesClock;
  }

  /**
   * Returns the violations of a record, for rules that do not read the clock.
   *
   * @throws IllegalStateException when a cross-field rule uses {@code within_last}/{@code
   *     older_than}: call {@link #validate(Record, Instant)}
   */
  public List<ContractViolation> validate(Record record) {
    if (usesClock) {
      throw new IllegalStateException("a rule of contract '" + contract.name() + "' compares times with now; call validate(record, now)");
    }
    return validate(record, Instant.EPOCH);
  }

  /** Returns the violations of a record at {@code now} (an empty list when it passes). */
  public List<ContractViolation> validate(Record record, Instant now) {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(now, "now");
    ArrayRow row = new ArrayRow(schema());
    schema().fill(row, record, FindingSink.IGNORE);
    List<ContractViolation> out = new ArrayList<>(0);
    validate(row, now, out::add);
    return out.isEmpty() ? List.of() : List.copyOf(out);
  }

  /**
   * Checks a row of {@link #schema()} at {@code now}, reporting each violation on {@code sink};
   * returns the number of violations.
   */
  public int validate(Row row, Instant now, ViolationSink sink) {
    int found = 0;
    for (FieldCheck f : fields) {
      found += f.check(row.get(f.slot), sink);
    }
    for (CrossCheck c : cross) {
      found += c.check(row, now, sink);
    }
    return found;
  }
}
