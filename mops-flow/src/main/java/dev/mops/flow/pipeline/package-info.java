/**
 * The lead-to-revenue pipeline: validate (a data contract), normalise and enrich, dedupe and
 * stitch, score, route (with suppression), notify (with SLA due times) and measure, composed from
 * the feature modules' public APIs, per record or per batch, with counts in and out of every stage
 * that reconcile and a dead letter for every record a stage could not handle.
 *
 * <p>Start at {@link dev.mops.flow.pipeline.Pipeline}; a YAML definition loads through {@link
 * dev.mops.flow.pipeline.PipelineDefinition}. The guide is the "Pipeline" section of {@code
 * docs/flow.md}.
 */
@NullMarked
package dev.mops.flow.pipeline;

import org.jspecify.annotations.NullMarked;
