/**
 * Lead scoring: versioned scoring models of fit and engagement rules with decay, caps, grades and
 * thresholds, scored as a pure function of (lead, events, now).
 *
 * <p>Start with {@link dev.mops.scoring.ScoringModel#load(java.nio.file.Path)}, then {@link
 * dev.mops.scoring.ScoringModel#scorer()} for one lead at a time or {@link
 * dev.mops.scoring.LeadScorer#batch()} for millions. {@link dev.mops.scoring.ModelImpact} compares
 * two versions of a model on a population before a change goes live. Lifecycle stages live in
 * {@code dev.mops.scoring.lifecycle}.
 */
@NullMarked
package dev.mops.scoring;

import org.jspecify.annotations.NullMarked;
