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
  /** Per field, the sorted distinct words of an {@link ComparatorType#ORG_NAME} field, else null. */
  final String[] @Nullable [] tokens;
  /** Per field, the rarity weight of each of {@link #tokens}, set by {@link OrgNames#weigh}; null weighs each word 1. */
  final double[] @Nullable [] tokenWeights;
  /**
   * The kind of the record's email (its first email field): {@link #NO_EMAIL}, {@link #WORK_EMAIL}
   * or {@link #PERSONAL_EMAIL} (a free-mail provider).
   */
  byte emailKind;
  /** The domain of the record's work email ({@link #WORK_EMAIL}), else null. */
  @Nullable String workDomain;

  /** {@link #emailKind}: no email. */
  static final byte NO_EMAIL = 0;
  /** {@link #emailKind}: an email at an organisation's own domain. */
  static final byte WORK_EMAIL = 1;
  /** {@link #emailKind}: an email at a free-mail provider. */
  static final byte PERSONAL_EMAIL = 2;

  PreparedRecord(RecordRef ref, Record source, int fields) {
    this.ref = ref;
    this.source = source;
    this.norm = new String[fields];
    this.derived = new String[fields];
    this.number = new double[fields];
    this.mask = new long[fields];
    this.valueCount = new int[fields];
    this.tokens = new String[fields][];
    this.tokenWeights = new double[fields][];
  }
}
