/** JMH benchmarks of the mops hot paths, with baselines side by side. */
@NullMarked
package dev.mops.benchmarks;

import org.jspecify.annotations.NullMarked;
