/**
 * Multi-touch attribution: journeys of touchpoints and outcomes held in columns ({@link
 * dev.mops.metrics.attribution.Journeys}), rule-based models (first, last, last non-direct, linear,
 * time decay, position-based, W-shaped) and data-driven ones (Markov chain removal effect, Shapley
 * value over channels) as {@link dev.mops.metrics.attribution.AttributionModel}s, credit per
 * channel and campaign with ROI ({@link dev.mops.metrics.attribution.Attribution}), attribution
 * coverage ({@link dev.mops.metrics.attribution.AttributionCoverage}) and a side-by-side HTML
 * report ({@link dev.mops.metrics.attribution.AttributionReport}).
 */
@NullMarked
package dev.mops.metrics.attribution;

import org.jspecify.annotations.NullMarked;
