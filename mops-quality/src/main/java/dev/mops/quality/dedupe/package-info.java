/**
 * Deduplication and record linkage: comparators that turn two values into agreement levels,
 * multi-pass blocking, Fellegi-Sunter scoring with m and u probabilities estimated without labels,
 * clustering with guards against over-merging, per-pair explanations, golden records and an
 * incremental match index.
 *
 * <p>Entry points: {@link dev.mops.quality.dedupe.DedupeConfig} (from YAML, a builder, or inferred
 * from the columns), {@link dev.mops.quality.dedupe.Deduplicator} (batch dedupe and linkage) and
 * {@link dev.mops.quality.dedupe.MatchIndex} (one record at a time).
 */
@NullMarked
package dev.mops.quality.dedupe;

import org.jspecify.annotations.NullMarked;
