package dev.mops.spark;

import dev.mops.core.record.Record;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * A mops {@link Record} view of a Spark {@link Row}: field names are bound to positions once per
 * schema ({@link Binding}), then each row is read by position.
 *
 * <p>Values are converted to the types mops reads: {@code java.sql.Timestamp} to {@code Instant},
 * {@code java.sql.Date} to {@code LocalDate}, arrays to {@code java.util.List}, maps to {@code
 * java.util.Map}; strings, numbers and booleans pass as they are.
 *
 * <p>Thread safety: a view of one row; as safe as the row, which Spark does not change.
 */
final class SparkRecord implements Record {

  /** The binding of one schema's field names to positions, shared by the rows of a partition. */
  static final class Binding {
    final StructType schema;
    final Map<String, Integer> index = new HashMap<>();
    final Set<String> names;
    final DataType[] types;

    Binding(StructType schema) {
      this.schema = schema;
      StructField[] fields = schema.fields();
      LinkedHashSet<String> n = new LinkedHashSet<>();
      types = new DataType[fields.length];
      for (int i = 0; i < fields.length; i++) {
        index.putIfAbsent(fields[i].name(), i);
        n.add(fields[i].name());
        types[i] = fields[i].dataType();
      }
      names = Collections.unmodifiableSet(n);
    }

    SparkRecord of(Row row) {
      return new SparkRecord(this, row);
    }

    int require(String column) {
      Integer i = index.get(column);
      if (i == null) {
        throw new IllegalArgumentException("no column '" + column + "' in " + names);
      }
      return i;
    }
  }

  private final Binding binding;
  private final Row row;

  private SparkRecord(Binding binding, Row row) {
    this.binding = binding;
    this.row = row;
  }

  @Override
  public @Nullable Object get(String field) {
    Integer i = binding.index.get(field);
    return i == null ? null : value(row, i, binding.types[i]);
  }

  @Override
  public boolean has(String field) {
    return binding.index.containsKey(field);
  }

  @Override
  public Set<String> fieldNames() {
    return binding.names;
  }

  /** Returns the value at {@code i} as mops reads it, or {@code null}. */
  static @Nullable Object value(Row row, int i, DataType type) {
    if (row.isNullAt(i)) {
      return null;
    }
    if (type instanceof ArrayType) {
      List<Object> list = row.getList(i);
      return list;
    }
    if (type instanceof MapType) {
      Map<Object, Object> map = row.getJavaMap(i);
      return map;
    }
    Object v = row.get(i);
    if (v instanceof Timestamp) {
      return ((Timestamp) v).toInstant();
    }
    if (v instanceof Date) {
      return ((Date) v).toLocalDate();
    }
    if (v instanceof Row) {
      return v.toString();
    }
    return v;
  }

  /** Returns the record id at {@code i} as text; ids are checked present before any task runs. */
  static String id(Row row, int i) {
    String id = text(row, i);
    if (id == null) {
      throw new IllegalStateException("a record has no id in column " + i);
    }
    return id;
  }

  /** Returns the value at {@code i} as text, or {@code null} when it is null. */
  static @Nullable String text(Row row, int i) {
    if (row.isNullAt(i)) {
      return null;
    }
    Object v = row.get(i);
    return v.toString();
  }

  @Override
  public String toString() {
    return row.toString();
  }
}
