package dev.mops.core.record;

import dev.mops.core.FindingSink;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ordered set of named, typed fields that binds each field name to a slot once, so that
 * compiled conditions and other hot loops read {@link Row}s by position instead of by name.
 *
 * <p>Field names are case-sensitive and unique. A schema holds at most {@link #MAX_FIELDS} fields.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class Schema {

  /** The largest number of fields a schema can hold. */
  public static final int MAX_FIELDS = 4096;

  private final List<String> names;
  private final List<ValueType> types;
  private final Map<String, Integer> slots;

  private Schema(List<String> names, List<ValueType> types) {
    this.names = Collections.unmodifiableList(new ArrayList<>(names));
    this.types = Collections.unmodifiableList(new ArrayList<>(types));
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    this.slots = m;
  }

  /** Returns a schema of untyped ({@link ValueType#ANY}) fields, in the order given. */
  public static Schema of(String... fieldNames) {
    Builder b = builder();
    for (String n : fieldNames) {
      b.field(n);
    }
    return b.build();
  }

  /** Returns a schema of untyped ({@link ValueType#ANY}) fields, in the order given. */
  public static Schema of(Iterable<String> fieldNames) {
    Builder b = builder();
    for (String n : fieldNames) {
      b.field(n);
    }
    return b.build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of fields. */
  public int size() {
    return names.size();
  }

  /** Returns the field names in slot order (unmodifiable). */
  public List<String> fieldNames() {
    return names;
  }

  /** Returns the name of the field in {@code slot}. */
  public String name(int slot) {
    return names.get(slot);
  }

  /** Returns the declared type of the field in {@code slot}. */
  public ValueType type(int slot) {
    return types.get(slot);
  }

  /** Returns the slot of {@code fieldName}, or {@code -1} when the schema has no such field. */
  public int slot(String fieldName) {
    Integer s = slots.get(fieldName);
    return s == null ? -1 : s;
  }

  /**
   * Returns the slot of {@code fieldName}.
   *
   * @throws IllegalArgumentException naming the field and the known fields when it is unknown
   */
  public int requireSlot(String fieldName) {
    int s = slot(fieldName);
    if (s < 0) {
      throw new IllegalArgumentException(
          "unknown field '" + fieldName + "'; the schema has " + names);
    }
    return s;
  }

  /** Returns whether the schema has a field of that name. */
  public boolean has(String fieldName) {
    return slots.containsKey(fieldName);
  }

  /**
   * Copies a record into a new row, converting each value to its field's declared type and
   * reporting values that do not convert on {@code findings} (the slot is then null).
   */
  public ArrayRow row(Record record, FindingSink findings) {
    ArrayRow row = new ArrayRow(this);
    fill(row, record, findings);
    return row;
  }

  /** Copies a record into a new row, converting values and ignoring conversion failures. */
  public ArrayRow row(Record record) {
    return row(record, FindingSink.IGNORE);
  }

  /**
   * Refills {@code row} (of this schema) from {@code record}, so that a loop can reuse one row.
   *
   * @throws IllegalArgumentException when the row belongs to another schema
   */
  public void fill(ArrayRow row, Record record, FindingSink findings) {
    if (!row.schema().equals(this)) {
      throw new IllegalArgumentException("row belongs to another schema");
    }
    for (int i = 0; i < names.size(); i++) {
      row.set(i, Values.convert(types.get(i), names.get(i), record.get(names.get(i)), findings));
    }
  }

  /**
   * Returns a schema with this schema's fields followed by the given untyped fields that it does
   * not already have.
   */
  public Schema extendedWith(Iterable<String> fieldNames) {
    Builder b = builder();
    for (int i = 0; i < names.size(); i++) {
      b.field(names.get(i), types.get(i));
    }
    for (String n : fieldNames) {
      if (!b.fields.containsKey(n)) {
        b.field(n);
      }
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o == this || (o instanceof Schema schema && schema.names.equals(names) && schema.types.equals(types));
  }

  @Override
  public int hashCode() {
    return Objects.hash(names, types);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Schema[");
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names.get(i));
      if (types.get(i) != ValueType.ANY) {
        sb.append(':').append(types.get(i).name().toLowerCase(java.util.Locale.ROOT));
      }
    }
    return sb.append(']').toString();
  }

  /**
   * A builder of {@link Schema}s.
   *
   * <p>Thread safety: not thread-safe; use one builder from one thread.
   */
  public static final class Builder {
    private final LinkedHashMap<String, ValueType> fields = new LinkedHashMap<>();

    private Builder() {}

    /** Adds an untyped field. */
    public Builder field(String name) {
      return field(name, ValueType.ANY);
    }

    /**
     * Adds a typed field.
     *
     * @throws IllegalArgumentException when the name is empty or already added, or the schema is
     *     full
     */
    public Builder field(String name, ValueType type) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("field name must not be empty");
      }
      if (fields.containsKey(name)) {
        throw new IllegalArgumentException("field '" + name + "' is already in the schema");
      }
      if (fields.size() >= MAX_FIELDS) {
        throw new IllegalArgumentException("a schema holds at most " + MAX_FIELDS + " fields");
      }
      fields.put(name, type);
      return this;
    }

    /** Builds the schema. */
    public Schema build() {
      return new Schema(new ArrayList<>(fields.keySet()), new ArrayList<>(fields.values()));
    }
  }
}
