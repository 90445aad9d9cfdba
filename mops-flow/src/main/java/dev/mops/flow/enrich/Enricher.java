package dev.mops.flow.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An {@link EnrichmentProvider} called the way a pipeline must call a remote service: through a
 * cache, with a timeout per attempt, retries with exponential backoff and jitter on retryable
 * failures, and a circuit breaker; every answer checked, every failure a coded {@link
 * EnrichmentResponse} rather than an exception.
 *
 * <p>What is cached: answers (found and not found), for the policy's time to live; failures are
 * never cached. What is retried: {@link EnrichmentException}s marked retryable and timeouts, up to
 * the policy's attempts; not retried: non-retryable codes, invalid responses, unchecked
 * exceptions from the provider and calls refused by the open breaker. Each attempt's result counts
 * for the breaker (a lookup of three failed attempts is three failures).
 *
 * <p>An answer is valid when every field name is lower-case letters, digits and underscores (at
 * most 64 characters), every value is non-null text of at most 1,024 characters without control
 * characters, there are at most 64 fields, and {@code employees} and {@code annual_revenue}, when
 * present, are numbers; anything else is {@code ENRICH_INVALID_RESPONSE}.
 *
 * <p>With a timeout, attempts run on the enricher's own daemon threads (at most the policy's
 * concurrent calls; past that a lookup fails {@code ENRICH_BUSY}, retryable); a timed-out attempt
 * is interrupted. Without one they run on the caller's thread. {@link #close()} stops the threads.
 *
 * <p>Thread safety: thread-safe; one enricher is meant to be shared by all the threads of a run.
 */
public final class Enricher implements AutoCloseable {

  /** Most fields in one answer. */
  public static final int MAX_FIELDS = 64;
  /** Longest value in one answer. */
  public static final int MAX_VALUE_LENGTH = 1024;

  private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,._ ]*[kKmMbB]?\\+?");

  private final EnrichmentProvider provider;
  private final EnrichmentPolicy policy;
  private final @Nullable Cache<EnrichmentKey, Map<String, String>> cache;
  private final CircuitBreaker breaker;
  private final @Nullable ThreadPoolExecutor executor;
  private final LongAdder lookups = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder attempts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder timeouts = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder rejected = new LongAdder();

  private Enricher(EnrichmentProvider provider, EnrichmentPolicy policy) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.policy = Objects.requireNonNull(policy, "policy");
    if (policy.cacheSize() > 0) {
      this.cache = Caffeine.newBuilder()
          .maximumSize(policy.cacheSize())
          .expireAfterWrite(policy.cacheTtl())
          .ticker(() -> {
            java.time.Instant now = policy.clock().instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
          })
          .executor(Runnable::run)
          .build();
    } else {
      this.cache = null;
    }
    this.breaker = new CircuitBreaker(policy.failureThreshold(), policy.openFor(), policy.clock());
    if (policy.timeout().isZero()) {
      this.executor = null;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.executor = new ThreadPoolExecutor(0, policy.maxConcurrentCalls(), 30, TimeUnit.SECONDS,
          new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "mops-enrich-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });
    }
  }

  /** Returns an enricher calling {@code provider} under {@code policy}. */
  public static Enricher of(EnrichmentProvider provider, EnrichmentPolicy policy) {
    return new Enricher(provider, policy);
  }

  /** Returns the provider. */
  public EnrichmentProvider provider() {
    return provider;
  }

  /** Returns the policy. */
  public EnrichmentPolicy policy() {
    return policy;
  }

  /** Returns the counters so far. */
  public EnrichmentStats stats() {
    return new EnrichmentStats(lookups.sum(), cacheHits.sum(), attempts.sum(), retries.sum(), timeouts.sum(),
        failures.sum(), breaker.openings(), rejected.sum());
  }

  /** Returns the breaker's state: {@code closed}, {@code open} or {@code half_open}. */
  public String breakerState() {
    return breaker.state().name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Looks {@code key} up: from the cache, or through the provider with the policy's timeout,
   * retries and breaker. Never throws for a provider's failure.
   */
  public EnrichmentResponse lookup(EnrichmentKey key) {
    Objects.requireNonNull(key, "key");
    lookups.increment();
    if (cache != null) {
      Map<String, String> hit = cache.getIfPresent(key);
      if (hit != null) {
        cacheHits.increment();
        return answer(hit, 0, true);
      }
    }
    int made = 0;
    String code = "ENRICH_PROVIDER_ERROR";
    String message = "no attempt made";
    while (true) {
      if (!breaker.tryAcquire()) {
        rejected.increment();
        failures.increment();
        return failed(made, "ENRICH_CIRCUIT_OPEN",
            "the circuit breaker of " + provider.name() + " is open" + (made == 0 ? "" : " after " + code + ": " + message));
      }
      made++;
      attempts.increment();
      if (made > 1) {
        retries.increment();
      }
      boolean retryable;
      try {
        Map<String, String> fields = attempt(key);
        String invalid = invalid(fields);
        if (invalid != null) {
          breaker.onFailure();
          failures.increment();
          return failed(made, "ENRICH_INVALID_RESPONSE", provider.name() + " answered " + key + " with " + invalid);
        }
        breaker.onSuccess();
        Map<String, String> copy = new LinkedHashMap<>(fields);
        if (cache != null) {
          cache.put(key, copy);
        }
        return answer(copy, made, false);
      } catch (EnrichmentException e) {
        code = e.code();
        message = String.valueOf(e.getMessage());
        retryable = e.retryable();
      } catch (TimeoutException e) {
        timeouts.increment();
        code = "ENRICH_TIMEOUT";
        message = provider.name() + " did not answer " + key + " within " + policy.timeout();
        retryable = true;
      } catch (RejectedExecutionException e) {
        code = "ENRICH_BUSY";
        message = "more than " + policy.maxConcurrentCalls() + " calls to " + provider.name() + " in flight";
        retryable = true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        breaker.onFailure();
        failures.increment();
        return failed(made, "ENRICH_INTERRUPTED", "interrupted while calling " + provider.name());
      } catch (RuntimeException e) {
        code = "ENRICH_PROVIDER_ERROR";
        message = provider.name() + " threw " + e;
        retryable = false;
      }
      breaker.onFailure();
      if (!retryable || made >= policy.maxAttempts()) {
        failures.increment();
        return failed(made, code, message);
      }
      try {
        policy.sleeper().sleep(policy.delayAfter(made));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.increment();
        return failed(made, "ENRICH_INTERRUPTED", "interrupted while waiting to retry " + provider.name());
      }
    }
  }

  private Map<String, String> attempt(EnrichmentKey key)
      throws EnrichmentException, InterruptedException, TimeoutException {
    ThreadPoolExecutor pool = executor;
    if (pool == null) {
      return provider.lookup(key);
    }
    Future<Map<String, String>> f = pool.submit(() -> provider.lookup(key));
    try {
      return f.get(policy.timeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw e;
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof EnrichmentException ee) {
        throw ee;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof InterruptedException) {
        throw new EnrichmentException("ENRICH_INTERRUPTED", true, provider.name() + " was interrupted");
      }
      throw new IllegalStateException(String.valueOf(cause), cause);
    }
  }

  /** Returns why {@code fields} is not a valid answer, or null when it is. */
  static @Nullable String invalid(@Nullable Map<String, String> fields) {
    if (fields == null) {
      return "null";
    }
    if (fields.size() > MAX_FIELDS) {
      return fields.size() + " fields (at most " + MAX_FIELDS + ")";
    }
    for (Map.Entry<String, String> e : fields.entrySet()) {
      Object name = e.getKey();
      Object value = e.getValue();
      if (!(name instanceof String n) || !FIELD_NAME.matcher(n).matches()) {
        return "the field name " + quoted(name);
      }
      if (!(value instanceof String v)) {
        return "the value " + quoted(value) + " of " + n;
      }
      if (v.length() > MAX_VALUE_LENGTH) {
        return "a value of " + v.length() + " characters in " + n;
      }
      for (int i = 0; i < v.length(); i++) {
        if (Character.isISOControl(v.charAt(i))) {
          return "a control character in " + n;
        }
      }
      if ((n.equals("employees") || n.equals("annual_revenue")) && !v.isEmpty() && !NUMBER.matcher(v).matches()) {
        return "the non-number " + quoted(v) + " in " + n;
      }
    }
    return null;
  }

  private static String quoted(@Nullable Object o) {
    if (o == null) {
      return "null";
    }
    String s = o.toString();
    return "'" + (s.length() > 40 ? s.substring(0, 40) + "\u2026" : s) + "'";
  }

  private static EnrichmentResponse answer(Map<String, String> fields, int attempts, boolean cached) {
    return new EnrichmentResponse(fields.isEmpty() ? EnrichmentResponse.Status.NOT_FOUND : EnrichmentResponse.Status.FOUND,
        fields, attempts, cached, null, null);
  }

  private static EnrichmentResponse failed(int attempts, String code, String message) {
    return new EnrichmentResponse(EnrichmentResponse.Status.FAILED, Map.of(), attempts, false, code, message);
  }

  /** Stops the enricher's threads; with a timeout, lookups after this fail {@code ENRICH_BUSY}. */
  @Override
  public void close() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
