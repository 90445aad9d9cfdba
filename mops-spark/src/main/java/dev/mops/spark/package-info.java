/**
 * mops on Apache Spark: the SDK's hot paths as Dataset transformations ({@link
 * dev.mops.spark.MopsSpark}), quality profiles as an aggregation, and distributed deduplication
 * ({@link dev.mops.spark.SparkDedupe}).
 *
 * <p>Configs travel as text: the driver parses each config once (so a bad config fails there,
 * with its file, line and column), broadcasts the text, and every partition compiles it once in
 * {@code mapPartitions}. No mops type needs to be {@code Serializable}.
 */
@NullMarked
package dev.mops.spark;

import org.jspecify.annotations.NullMarked;
