/**
 * Deduplication and record linkage: comparators that turn two values into agreement levels,
 * multi-pass blocking, Fellegi-Sunter scoring with m and u probabilities estimated without labels,
 * clustering with guards against over-merging, per-pair explanations, golden records and an
 * incremental match index.
 *
 * <p>Entry points: {@link dev.mops.identity.dedupe.DedupeConfig} (from YAML, a builder, or inferred
 * from the columns), {@link dev.mops.identity.dedupe.Deduplicator} (batch dedupe and linkage) and
 * {@link dev.mops.identity.dedupe.MatchIndex} (one record at a time).
 */
@NullMarked
package dev.mops.identity.dedupe;

import org.jspecify.annotations.NullMarked;
