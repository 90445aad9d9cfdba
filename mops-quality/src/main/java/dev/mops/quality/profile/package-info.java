/**
 * Dataset quality profiles: mergeable one-pass states of per-field statistics and contract rule
 * results, scores per quality dimension, drift between two profiles, and JSON/HTML reports.
 *
 * <p>Build one with {@link dev.mops.quality.profile.QualityProfile#builder(dev.mops.quality.contract.DataContract)},
 * merge partitions with {@link dev.mops.quality.profile.QualityProfile#merge}, score with {@link
 * dev.mops.quality.profile.QualityReport#of}.
 */
@NullMarked
package dev.mops.quality.profile;

import org.jspecify.annotations.NullMarked;
