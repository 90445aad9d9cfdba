/**
 * Operating metrics of marketing operations: automation uptime, MTTR and MTBF from incident
 * intervals, shares (template reuse, self-serve, licence utilisation, feature adoption,
 * stitching confidence), duplicates per 1,000 records, and stakeholder NPS; all mergeable.
 */
@NullMarked
package dev.mops.metrics.ops;

import org.jspecify.annotations.NullMarked;
