package dev.mops.flow.enrich;

import java.util.List;
import java.util.Map;

/**
 * A source of firmographic fields for a lead's company, looked up by domain or by email address:
 * the service-provider interface of the pipeline's enrich stage.
 *
 * <p>Implementations wrap a vendor's API, a warehouse table or a file ({@link
 * CsvEnrichmentProvider} is the default). They do one attempt per call: the {@link Enricher}
 * around them adds the cache, the timeout, retries and the circuit breaker. The fields returned
 * are merged into the lead where it has no value of its own; names in {@link #FIRMOGRAPHIC_FIELDS}
 * are the usual ones, others are allowed (lower-case letters, digits and underscores).
 *
 * <p>Thread safety: implementations must be safe to call from several threads at once; the
 * pipeline calls them from its worker threads.
 */
public interface EnrichmentProvider {

  /** The usual firmographic fields: company, industry, employees, annual revenue, country, city. */
  List<String> FIRMOGRAPHIC_FIELDS = List.of("company", "industry", "employees", "annual_revenue", "country", "city");

  /** Returns a short name for summaries and dead letters, such as {@code csv:firmographics.csv}. */
  String name();

  /**
   * Looks a company up, in one attempt.
   *
   * @param key the domain or email address to look up
   * @return the fields found, or an empty map when the provider knows nothing of the key
   * @throws EnrichmentException when the lookup failed; say whether it is retryable
   * @throws InterruptedException when the calling thread was interrupted (a timeout cancels the
   *     call this way)
   */
  Map<String, String> lookup(EnrichmentKey key) throws EnrichmentException, InterruptedException;
}
