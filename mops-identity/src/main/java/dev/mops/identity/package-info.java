/**
 * Identity resolution for marketing-operations records: deduplication and record linkage
 * ({@link dev.mops.identity.dedupe}); identity stitching and lead-to-account matching are planned
 * beside it.
 */
@NullMarked
package dev.mops.identity;

import org.jspecify.annotations.NullMarked;
