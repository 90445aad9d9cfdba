package dev.mops.core.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * An adapter that lets mops read the caller's own objects (POJOs, records, Spark rows) through
 * accessor functions, without reflection and without copying.
 *
 * <pre>{@code
 * PojoAdapter<Lead> leads = PojoAdapter.builder(Lead.class)
 *     .field("email", Lead::email)
 *     .field("employees", ValueType.NUMBER, Lead::employees)
 *     .build();
 * Row row = leads.row(lead);   // reads lead.email() when a condition asks for "email"
 * }</pre>
 *
 * <p>Values of typed fields are converted on each read with {@link Values}, and read as null when
 * they do not convert; declare {@link ValueType#ANY} to hand values over as they are.
 *
 * <p>Thread safety: the adapter is immutable and safe to share; the rows and records it returns
 * are as thread-safe as the accessors and the object they read.
 *
 * @param <T> the caller's record type
 */
public final class PojoAdapter<T> {

  private final Schema schema;
  private final List<Function<? super T, ?>> accessors;

  private PojoAdapter(Schema schema, List<Function<? super T, ?>> accessors) {
    this.schema = schema;
    this.accessors = accessors;
  }

  /** Returns a builder for objects of {@code type} (the class only documents intent). */
  public static <T> Builder<T> builder(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return new Builder<>();
  }

  /** Returns the schema of the declared fields. */
  public Schema schema() {
    return schema;
  }

  /** Returns a row view of {@code object}: each {@code get} calls the field's accessor. */
  public Row row(T object) {
    Objects.requireNonNull(object, "object");
    return new PojoRow<>(this, object);
  }

  /** Returns a record view of {@code object}. */
  public Record record(T object) {
    Objects.requireNonNull(object, "object");
    return new PojoRow<>(this, object);
  }

  @Nullable Object read(T object, int slot) {
    Object raw = accessors.get(slot).apply(object);
    ValueType type = schema.type(slot);
    return type == ValueType.ANY
        ? raw
        : Values.convert(type, schema.name(slot), raw, dev.mops.core.FindingSink.IGNORE);
  }

  private static final class PojoRow<T> implements Row, Record {
    private final PojoAdapter<T> adapter;
    private final T object;

    PojoRow(PojoAdapter<T> adapter, T object) {
      this.adapter = adapter;
      this.object = object;
    }

    @Override
    public Schema schema() {
      return adapter.schema;
    }

    @Override
    public @Nullable Object get(int slot) {
      return adapter.read(object, slot);
    }

    @Override
    public @Nullable Object get(String fieldName) {
      int slot = adapter.schema.slot(fieldName);
      return slot < 0 ? null : adapter.read(object, slot);
    }

    @Override
    public boolean has(String field) {
      return adapter.schema.has(field);
    }

    @Override
    public Set<String> fieldNames() {
      return Collections.unmodifiableSet(new LinkedHashSet<>(adapter.schema.fieldNames()));
    }
  }

  /**
   * A builder of {@link PojoAdapter}s.
   *
   * <p>Thread safety: not thread-safe; use one builder from one thread.
   *
   * @param <T> the caller's record type
   */
  public static final class Builder<T> {
    private final Schema.Builder schema = Schema.builder();
    private final List<Function<? super T, ?>> accessors = new ArrayList<>();

    private Builder() {}

    /** Adds an untyped field read by {@code accessor}. */
    public Builder<T> field(String name, Function<? super T, ?> accessor) {
      return field(name, ValueType.ANY, accessor);
    }

    /** Adds a typed field read by {@code accessor}. */
    public Builder<T> field(String name, ValueType type, Function<? super T, ?> accessor) {
      Objects.requireNonNull(accessor, "accessor");
      schema.field(name, type);
      accessors.add(accessor);
      return this;
    }

    /** Builds the adapter. */
    public PojoAdapter<T> build() {
      return new PojoAdapter<T>(schema.build(), new ArrayList<>(accessors));
    }
  }
}
