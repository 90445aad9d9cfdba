/**
 * Enrichment as a service-provider interface: an {@link dev.mops.flow.enrich.EnrichmentProvider}
 * looks a lead's company up by domain or email and returns firmographic fields; an {@link
 * dev.mops.flow.enrich.Enricher} calls it through a cache, a timeout, retries with exponential
 * backoff and jitter, and a circuit breaker, and turns every failure into a coded {@link
 * dev.mops.flow.enrich.EnrichmentResponse} (never an exception that stops a batch). A CSV-file
 * provider ({@link dev.mops.flow.enrich.CsvEnrichmentProvider}) ships as the default.
 *
 * <p>The guide is the "Pipeline" section of {@code docs/flow.md}.
 */
@NullMarked
package dev.mops.flow.enrich;

import org.jspecify.annotations.NullMarked;
