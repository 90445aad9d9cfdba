package dev.mops.core.record;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Row} that holds its values in an array, one slot per schema field; it can be refilled
 * to read many records through one row without allocating.
 *
 * <p>Thread safety: not thread-safe while it is written; once filled, it may be read from any
 * number of threads.
 */
public final class ArrayRow implements Row, Record {

  private final Schema schema;
  private final @Nullable Object[] values;

  /** Creates a row of {@code schema} whose values are all null. */
  public ArrayRow(Schema schema) {
    this.schema = schema;
    this.values = new Object[schema.size()];
  }

  /**
   * Creates a row of {@code schema} holding {@code values} as given, one per slot (no conversion).
   *
   * @throws IllegalArgumentException when the number of values differs from the schema's size
   */
  public static ArrayRow of(Schema schema, @Nullable Object... values) {
    if (values.length != schema.size()) {
      throw new IllegalArgumentException(
          "expected " + schema.size() + " values for " + schema + ", got " + values.length);
    }
    ArrayRow row = new ArrayRow(schema);
    System.arraycopy(values, 0, row.values, 0, values.length);
    return row;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public @Nullable Object get(int slot) {
    return values[slot];
  }

  @Override
  public @Nullable Object get(String fieldName) {
    int slot = schema.slot(fieldName);
    return slot < 0 ? null : values[slot];
  }

  /** Sets the value in {@code slot} as given (no conversion). */
  public void set(int slot, @Nullable Object value) {
    values[slot] = value;
  }

  /** Sets every slot to null. */
  public void clear() {
    Arrays.fill(values, null);
  }

  @Override
  public boolean has(String field) {
    return schema.has(field);
  }

  @Override
  public Set<String> fieldNames() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(schema.fieldNames()));
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(schema.name(i)).append('=').append(values[i]);
    }
    return sb.append('}').toString();
  }
}
