/**
 * Service-level agreements on marketing-ops requests: a versioned policy of ordered goals (a
 * condition on the request, a target in business time, a business calendar), the clock of each
 * request driven by start, pause, resume and stop events (several cycles allowed), and its state
 * at an as-of instant: running, at risk, paused, met or breached, with elapsed and remaining
 * business time, due and breach times.
 */
@NullMarked
package dev.mops.metrics.sla;

import org.jspecify.annotations.NullMarked;
