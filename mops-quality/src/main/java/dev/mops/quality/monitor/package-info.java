/**
 * Data-health monitors: a versioned monitor file names the metrics to watch on a dataset
 * (completeness, distinct count, row count, mean and percentiles, share of a value, quality
 * score) and their thresholds (absolute, change from the last run, a band learned from the last
 * runs, a seasonal baseline by weekday); each run profiles the data, appends its metrics to an
 * append-only history and raises alerts.
 */
@NullMarked
package dev.mops.quality.monitor;

import org.jspecify.annotations.NullMarked;
