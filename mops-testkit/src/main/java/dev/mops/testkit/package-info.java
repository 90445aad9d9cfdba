/**
 * Seeded generators of synthetic marketing-operations records with known truth, for the tests,
 * the benchmarks and {@code mops demo}. Not library API: nothing in a feature module depends on it
 * at run time.
 */
@NullMarked
package dev.mops.testkit;

import org.jspecify.annotations.NullMarked;
