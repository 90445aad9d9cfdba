package dev.mops.flow.enrich;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link Enricher} calls its provider: the cache, the timeout, retries with exponential
 * backoff and jitter, the circuit breaker, and the clock, random source and sleeper they use.
 *
 * <p>Defaults: a cache of 100,000 keys kept one hour; a 2-second timeout; 3 attempts with delays
 * of 200 ms then 400 ms (doubling, at most 5 s), each cut by up to half at random (jitter); the
 * breaker opens after 5 failed calls in a row and stays open 30 seconds, then lets one probe call
 * through; at most 16 provider calls at once. Set the clock, random source and sleeper only in
 * tests: they make backoff and the breaker deterministic without real waiting.
 *
 * <p>Thread safety: an immutable value (the clock, random source and sleeper given are shared by
 * every call: give thread-safe ones).
 */
public final class EnrichmentPolicy {

  /** Most keys a cache may hold. */
  public static final long MAX_CACHE_SIZE = 10_000_000;
  /** Most attempts per lookup. */
  public static final int MAX_ATTEMPTS = 10;
  /** Most provider calls in flight at once. */
  public static final int MAX_CONCURRENT_CALLS = 256;

  private final long cacheSize;
  private final Duration cacheTtl;
  private final Duration timeout;
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final int failureThreshold;
  private final Duration openFor;
  private final int maxConcurrentCalls;
  private final Clock clock;
  private final RandomGenerator random;
  private final Sleeper sleeper;

  private EnrichmentPolicy(Builder b) {
    this.cacheSize = b.cacheSize;
    this.cacheTtl = b.cacheTtl;
    this.timeout = b.timeout;
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
    this.failureThreshold = b.failureThreshold;
    this.openFor = b.openFor;
    this.maxConcurrentCalls = b.maxConcurrentCalls;
    this.clock = b.clock;
    this.random = b.random == null ? RandomGenerator.of("L64X128MixRandom") : b.random;
    this.sleeper = b.sleeper;
  }

  /** Returns a builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the default policy. */
  public static EnrichmentPolicy defaults() {
    return builder().build();
  }

  /** Returns the most keys the cache holds (0: no cache). */
  public long cacheSize() {
    return cacheSize;
  }

  /** Returns how long a cached answer is kept. */
  public Duration cacheTtl() {
    return cacheTtl;
  }

  /** Returns the timeout of one attempt ({@link Duration#ZERO}: none, the call runs on the caller's thread). */
  public Duration timeout() {
    return timeout;
  }

  /** Returns the most attempts per lookup (1: no retries). */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** Returns the delay before the second attempt; it doubles for each later one. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** Returns the longest delay between attempts. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** Returns the share of each delay that is random (0: none; 0.5: the delay is cut by up to half). */
  public double jitter() {
    return jitter;
  }

  /** Returns how many failed calls in a row open the breaker (0: no breaker). */
  public int failureThreshold() {
    return failureThreshold;
  }

  /** Returns how long the breaker stays open before it lets a probe through. */
  public Duration openFor() {
    return openFor;
  }

  /** Returns the most provider calls in flight at once when there is a timeout. */
  public int maxConcurrentCalls() {
    return maxConcurrentCalls;
  }

  /** Returns the clock of the breaker and the cache. */
  public Clock clock() {
    return clock;
  }

  /** Returns the random source of the jitter. */
  public RandomGenerator random() {
    return random;
  }

  /** Returns what waits between attempts. */
  public Sleeper sleeper() {
    return sleeper;
  }

  /**
   * Returns the delay before attempt {@code attempt + 1}, after {@code attempt} failed ones:
   * {@code min(maxDelay, baseDelay * 2^(attempt-1))}, less up to {@code jitter} of it at random.
   */
  public Duration delayAfter(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, was " + attempt);
    }
    long base = baseDelay.toNanos();
    long cap = maxDelay.toNanos();
    long delay = base;
    for (int i = 1; i < attempt && delay < cap; i++) {
      delay = delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : delay * 2;
    }
    delay = Math.min(delay, cap);
    if (jitter > 0 && delay > 0) {
      double cut = jitter * random.nextDouble();
      delay = (long) (delay * (1.0 - cut));
    }
    return Duration.ofNanos(delay);
  }

  @Override
  public String toString() {
    return "EnrichmentPolicy[cache " + cacheSize + " for " + cacheTtl + ", timeout " + timeout + ", "
        + maxAttempts + " attempts from " + baseDelay + " to " + maxDelay + " jitter " + jitter
        + ", breaker " + failureThreshold + " for " + openFor + ", " + maxConcurrentCalls + " calls]";
  }

  /**
   * Builds an {@link EnrichmentPolicy}; every setter checks its value at once.
   *
   * <p>Thread safety: not thread-safe; use one builder on one thread.
   */
  public static final class Builder {
    private long cacheSize = 100_000;
    private Duration cacheTtl = Duration.ofHours(1);
    private Duration timeout = Duration.ofSeconds(2);
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(5);
    private double jitter = 0.5;
    private int failureThreshold = 5;
    private Duration openFor = Duration.ofSeconds(30);
    private int maxConcurrentCalls = 16;
    private Clock clock = Clock.systemUTC();
    private @Nullable RandomGenerator random;
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder() {}

    /** Sets the most keys the cache holds, 0 to {@value #MAX_CACHE_SIZE} (0: no cache). */
    public Builder cacheSize(long size) {
      if (size < 0 || size > MAX_CACHE_SIZE) {
        throw new IllegalArgumentException("cache size must be 0 to " + MAX_CACHE_SIZE + ", was " + size);
      }
      this.cacheSize = size;
      return this;
    }

    /** Sets how long a cached answer is kept (positive). */
    public Builder cacheTtl(Duration ttl) {
      this.cacheTtl = positive(ttl, "cache ttl");
      return this;
    }

    /** Sets the timeout of one attempt; {@link Duration#ZERO} for none. */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must not be negative, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Sets the most attempts per lookup, 1 to {@value #MAX_ATTEMPTS}. */
    public Builder maxAttempts(int attempts) {
      if (attempts < 1 || attempts > MAX_ATTEMPTS) {
        throw new IllegalArgumentException("max attempts must be 1 to " + MAX_ATTEMPTS + ", was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** Sets the first and the longest delay between attempts ({@code base <= max}, neither negative). */
    public Builder backoff(Duration base, Duration max) {
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(max, "max");
      if (base.isNegative() || max.isNegative() || base.compareTo(max) > 0) {
        throw new IllegalArgumentException("backoff needs 0 <= base <= max, was " + base + " and " + max);
      }
      this.baseDelay = base;
      this.maxDelay = max;
      return this;
    }

    /** Sets the random share of each delay, 0 to 1. */
    public Builder jitter(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("jitter must be 0 to 1, was " + share);
      }
      this.jitter = share;
      return this;
    }

    /** Sets the breaker: {@code failures} failed calls in a row open it for {@code openFor} (0 failures: no breaker). */
    public Builder circuitBreaker(int failures, Duration openFor) {
      if (failures < 0) {
        throw new IllegalArgumentException("breaker failure threshold must not be negative, was " + failures);
      }
      this.failureThreshold = failures;
      this.openFor = positive(openFor, "breaker open time");
      return this;
    }

    /** Sets the most provider calls in flight at once, 1 to {@value #MAX_CONCURRENT_CALLS}. */
    public Builder maxConcurrentCalls(int calls) {
      if (calls < 1 || calls > MAX_CONCURRENT_CALLS) {
        throw new IllegalArgumentException("max concurrent calls must be 1 to " + MAX_CONCURRENT_CALLS + ", was " + calls);
      }
      this.maxConcurrentCalls = calls;
      return this;
    }

    /** Sets the clock of the breaker and the cache (tests). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the random source of the jitter (tests; it must be thread-safe if shared). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Sets what waits between attempts (tests). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Returns the policy. */
    public EnrichmentPolicy build() {
      return new EnrichmentPolicy(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, was " + d);
      }
      return d;
    }
  }
}
