package dev.mops.flow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stateful parts of enrichment (cache, breaker, counters) shared by several threads. */
class EnrichmentConcurrencyTest {

  static final int THREADS = 4;

  @Test
  void oneEnricherSharedByFourThreadsAnswersAsOnOneAndCountsEveryLookup() throws Exception {
    Map<String, AtomicInteger> callsPerKey = new ConcurrentHashMap<>();
    EnrichmentProvider p = new EnrichmentProvider() {
      @Override
      public String name() {
        return "counting";
      }

      @Override
      public Map<String, String> lookup(EnrichmentKey key) {
        callsPerKey.computeIfAbsent(key.value(), k -> new AtomicInteger()).incrementAndGet();
        return Map.of("industry", "industry of " + key.value());
      }
    };
    int perThread = 5_000;
    try (Enricher e = Enricher.of(p, EnrichmentPolicy.builder().timeout(Duration.ZERO).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int seed = t;
        futures.add(pool.submit(() -> {
          start.await();
          int wrong = 0;
          for (int i = 0; i < perThread; i++) {
            String d = "d" + ((i * 7 + seed) % 50) + ".com";
            EnrichmentResponse r = e.lookup(EnrichmentKey.domain(d));
            if (!("industry of " + d).equals(r.fields().get("industry"))) {
              wrong++;
            }
          }
          return wrong;
        }));
      }
      start.countDown();
      for (Future<Integer> f : futures) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isZero();
      }
      pool.shutdown();
      EnrichmentStats s = e.stats();
      assertThat(s.lookups()).isEqualTo((long) THREADS * perThread);
      assertThat(s.cacheHits() + s.attempts()).isEqualTo(s.lookups());
      assertThat(callsPerKey).hasSize(50);
      // a key may be fetched by two threads that missed at once, but never once per lookup
      assertThat(s.attempts()).isLessThanOrEqualTo(50L * THREADS);
    }
  }

  @Test
  void theHalfOpenBreakerLetsExactlyOneOfManyThreadsProbe() throws Exception {
    FakeClock clock = new FakeClock(Instant.parse("2026-03-10T14:00:00Z"));
    for (int round = 0; round < 20; round++) {
      CircuitBreaker b = new CircuitBreaker(2, Duration.ofSeconds(10), clock);
      b.onFailure();
      b.onFailure();
      assertThat(b.state()).isEqualTo(CircuitBreaker.State.OPEN);
      clock.advance(Duration.ofSeconds(10));
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      AtomicInteger allowed = new AtomicInteger();
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS * 4; t++) {
        fs.add(pool.submit(() -> {
          start.await();
          if (b.tryAcquire()) {
            allowed.incrementAndGet();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : fs) {
        f.get(10, TimeUnit.SECONDS);
      }
      pool.shutdown();
      assertThat(allowed.get()).isEqualTo(1);
      assertThat(b.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
      b.onSuccess();
      assertThat(b.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
  }

  @Test
  void failuresFromManyThreadsOpenTheBreakerOnceAndCountEveryRefusal() throws Exception {
    FakeClock clock = new FakeClock(Instant.parse("2026-03-10T14:00:00Z"));
    EnrichmentProvider down = new EnrichmentProvider() {
      @Override
      public String name() {
        return "down";
      }

      @Override
      public Map<String, String> lookup(EnrichmentKey key) throws EnrichmentException {
        throw new EnrichmentException("DOWN", false, "503");
      }
    };
    try (Enricher e = Enricher.of(down, EnrichmentPolicy.builder().timeout(Duration.ZERO).clock(clock)
        .circuitBreaker(5, Duration.ofMinutes(1)).build())) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> fs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        fs.add(pool.submit(() -> {
          for (int i = 0; i < 1000; i++) {
            e.lookup(EnrichmentKey.domain("x" + i + ".com"));
          }
        }));
      }
      for (Future<?> f : fs) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdown();
      EnrichmentStats s = e.stats();
      assertThat(s.breakerOpened()).isEqualTo(1);
      assertThat(s.failures()).isEqualTo(4000);
      assertThat(s.attempts() + s.breakerRejected()).isEqualTo(4000);
      assertThat(s.attempts()).isBetween(5L, 5L + THREADS);
    }
  }
}
