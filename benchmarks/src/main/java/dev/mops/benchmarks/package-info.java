/**
 * JMH benchmarks of the mops hot paths, with baselines and peers side by side, and the synthetic
 * data they run on.
 */
@NullMarked
package dev.mops.benchmarks;

import org.jspecify.annotations.NullMarked;
