/**
 * Identity resolution for marketing-operations records: deduplication and record linkage
 * ({@link dev.mops.identity.dedupe}) and identity stitching with merge protection ({@link
 * dev.mops.identity.stitch}); lead-to-account matching is planned beside them.
 */
@NullMarked
package dev.mops.identity;

import org.jspecify.annotations.NullMarked;
