package dev.mops.flow.enrich;

/**
 * Counters of an {@link Enricher} since it was made: lookups, cache hits, provider attempts,
 * retries, timeouts, failed lookups, breaker openings and calls the open breaker refused.
 *
 * <p>Thread safety: an immutable value (a snapshot).
 *
 * @param lookups calls of {@link Enricher#lookup}
 * @param cacheHits lookups answered from the cache
 * @param attempts provider attempts
 * @param retries attempts after the first of a lookup
 * @param timeouts attempts that timed out
 * @param failures lookups that failed after their attempts
 * @param breakerOpened times the breaker opened
 * @param breakerRejected lookups refused by the open breaker
 */
public record EnrichmentStats(
    long lookups, long cacheHits, long attempts, long retries, long timeouts, long failures,
    long breakerOpened, long breakerRejected) {

  /** Returns the sum of this and {@code other}, counter by counter. */
  public EnrichmentStats plus(EnrichmentStats other) {
    return new EnrichmentStats(lookups + other.lookups, cacheHits + other.cacheHits, attempts + other.attempts,
        retries + other.retries, timeouts + other.timeouts, failures + other.failures,
        breakerOpened + other.breakerOpened, breakerRejected + other.breakerRejected);
  }

  /** Returns {@code this - earlier}, counter by counter: what happened between two snapshots. */
  public EnrichmentStats minus(EnrichmentStats earlier) {
    return new EnrichmentStats(lookups - earlier.lookups, cacheHits - earlier.cacheHits, attempts - earlier.attempts,
        retries - earlier.retries, timeouts - earlier.timeouts, failures - earlier.failures,
        breakerOpened - earlier.breakerOpened, breakerRejected - earlier.breakerRejected);
  }

  /** Returns the counters as zero. */
  public static EnrichmentStats zero() {
    return new EnrichmentStats(0, 0, 0, 0, 0, 0, 0, 0);
  }
}
