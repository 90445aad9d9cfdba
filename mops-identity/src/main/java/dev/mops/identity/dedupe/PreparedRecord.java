package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import org.jspecify.annotations.Nullable;

/**
 * A record with its compared fields normalized once: normalized text, a derived key (phonetic or
 * formal given name) and a number (epoch day or numeric value) per field.
 *
 * <p>Thread safety: written once while prepared, then only read; the junk-value pass may clear
 * values before the record is shared.
 */
final class PreparedRecord {
  final RecordRef ref;
  final Record source;
  final @Nullable String[] norm;
  final @Nullable String[] derived;
  final double[] number;
  /** Per field, {@link Similarity#charMask} of the normalized value for Jaro-Winkler fields, else 0. */
  final long[] mask;
  /**
   * Per field, how many records of the run hold this normalized value (0 when missing); set by
   * {@link TermFrequencies#count}, or from a saved table for a record queried against an index.
   */
  final int[] valueCount;

  PreparedRecord(RecordRef ref, Record source, int fields) {
    this.ref = ref;
    this.source = source;
    this.norm = new String[fields];
    this.derived = new String[fields];
    this.number = new double[fields];
    this.mask = new long[fields];
    this.valueCount = new int[fields];
  }
}
