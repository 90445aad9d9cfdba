package dev.mops.metrics.attribution;

import java.time.Instant;

/**
 * The credit a rule-based model gives one touchpoint of a journey: the explanation of a journey's
 * attribution.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param at when the touchpoint happened
 * @param channel its channel
 * @param campaign its campaign ({@code ""} when none)
 * @param share its share of the journey's value, from 0 to 1
 * @param credit its share times the journey's value
 */
public record TouchCredit(Instant at, String channel, String campaign, double share, double credit) {}
