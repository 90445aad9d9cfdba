/**
 * The operating metrics of a marketing-ops function as mergeable states: duration distributions
 * (exact for small counts, a DDSketch beyond), ratios, and the aggregates the SLA, operations and
 * experiment packages build on them.
 */
@NullMarked
package dev.mops.metrics;

import org.jspecify.annotations.NullMarked;
