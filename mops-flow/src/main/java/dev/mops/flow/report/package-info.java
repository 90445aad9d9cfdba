/**
 * The run report: one self-contained HTML page (inline CSS and SVG, no scripts, no network) that
 * shows what a run of mops did to a batch of leads: data quality, duplicates, scores and MQLs,
 * routing, channel mix, attribution, SLA adherence and time-to-campaign. It composes the pages the
 * feature modules already render (quality, attribution, operations) with sections of its own.
 *
 * <p>Start at {@link dev.mops.flow.report.RunReport}; {@code mops demo} writes one.
 */
@NullMarked
package dev.mops.flow.report;

import org.jspecify.annotations.NullMarked;
