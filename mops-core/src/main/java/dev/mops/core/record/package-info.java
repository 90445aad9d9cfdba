/**
 * The record model: a read-only {@link dev.mops.core.record.Record} view of the caller's data
 * (maps, JSON, POJOs), a {@link dev.mops.core.record.Schema} that binds field names to slots once,
 * and {@link dev.mops.core.record.Row}s that compiled code reads by slot.
 */
@NullMarked
package dev.mops.core.record;

import org.jspecify.annotations.NullMarked;
