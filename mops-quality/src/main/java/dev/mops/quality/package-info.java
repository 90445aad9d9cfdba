/**
 * Data quality for marketing-operations records: data contracts (native YAML and ODCS v3),
 * record validation, and mergeable quality profiles and scores.
 */
@NullMarked
package dev.mops.quality;

import org.jspecify.annotations.NullMarked;
