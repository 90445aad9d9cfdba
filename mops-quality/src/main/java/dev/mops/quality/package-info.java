/**
 * Data quality for marketing-operations records: contracts, validation, profiles, deduplication
 * and record linkage.
 */
@NullMarked
package dev.mops.quality;

import org.jspecify.annotations.NullMarked;
