package dev.mops.core.record;

import org.jspecify.annotations.Nullable;

/**
 * A record bound to a {@link Schema}: values read by slot, with no name lookup.
 *
 * <p>Compiled conditions and other hot paths read rows. {@link ArrayRow} holds values in an array;
 * {@link PojoAdapter} reads a POJO's accessors on demand.
 *
 * <p>Thread safety: implementations say; a row that nobody writes to may be read from any thread.
 */
public interface Row {

  /** Returns the schema whose slots this row answers. */
  Schema schema();

  /** Returns the value in {@code slot}, or {@code null} when it is missing. */
  @Nullable Object get(int slot);

  /** Returns the value of the named field, or {@code null} when it is missing or unknown. */
  default @Nullable Object get(String fieldName) {
    int slot = schema().slot(fieldName);
    return slot < 0 ? null : get(slot);
  }
}
