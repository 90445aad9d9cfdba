/**
 * The operations report: one self-contained HTML page (inline SVG, no scripts, no network) with
 * SLA adherence, time-to-campaign, backlog aging and uptime.
 */
@NullMarked
package dev.mops.metrics.report;

import org.jspecify.annotations.NullMarked;
