package dev.mops.core.record;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A read-only view of one record: field name to value.
 *
 * <p>Values are plain Java objects: {@link String}, {@link Number} ({@code Long}, {@code Double},
 * {@code BigDecimal}, ...), {@link Boolean}, {@link java.time.Instant}, {@link
 * java.time.LocalDate}, {@link java.util.List} of strings, or anything else the caller's data
 * holds; the conversions in {@link Values} turn them into the typed values conditions compare.
 * Hot loops do not read records by name: they bind a {@link Schema} once and read {@link Row}s by
 * slot.
 *
 * <p>Thread safety: implementations made by {@link Records} are immutable views of their source
 * and are as thread-safe as that source is while nobody changes it.
 */
@SuppressWarnings("JavaLangClash") // the name is API since 0.1; an import of it shadows java.lang.Record
public interface Record {

  /** Returns the value of {@code field}, or {@code null} when the field is missing or null. */
  @Nullable Object get(String field);

  /** Returns whether the record has a field of that name (its value may still be null). */
  boolean has(String field);

  /** Returns the names of the record's fields, in the record's own order where it has one. */
  Set<String> fieldNames();
}
