/**
 * A/B experiments on conversion rates: the sample size per arm of a two-proportion test, the
 * p-value and confidence interval of a result, and experiment throughput (experiments per month
 * that reached their planned sample). Distributions come from Hipparchus.
 */
@NullMarked
package dev.mops.metrics.experiment;

import org.jspecify.annotations.NullMarked;
