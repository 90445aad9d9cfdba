package dev.mops.flow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The enricher's cache, retries with backoff and jitter, timeout, answer checks and breaker, on a
 * fake clock and a sleeper that only records: nothing here waits longer than a few milliseconds.
 */
class EnricherTest {

  static final EnrichmentKey ACME = EnrichmentKey.domain("acme.com");
  static final Map<String, String> FIRMO = Map.of("industry", "Software", "employees", "1200");

  final FakeClock clock = new FakeClock(Instant.parse("2026-03-10T14:00:00Z"));
  final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());
  final Sleeper sleeper = d -> {
    slept.add(d);
    clock.advance(d);
  };

  EnrichmentPolicy.Builder policy() {
    return EnrichmentPolicy.builder().clock(clock).sleeper(sleeper).random(new SplittableRandom(7)).timeout(Duration.ZERO);
  }

  /** A provider that plays a script of answers: a map, or an exception to throw. */
  static final class Scripted implements EnrichmentProvider {
    final List<Object> script;
    final AtomicInteger calls = new AtomicInteger();

    Scripted(Object... script) {
      this.script = List.of(script);
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> lookup(EnrichmentKey key) throws EnrichmentException {
      int i = calls.getAndIncrement();
      Object next = script.get(Math.min(i, script.size() - 1));
      if (next instanceof EnrichmentException e) {
        throw new EnrichmentException(e.code(), e.retryable(), e.getMessage());
      }
      if (next instanceof RuntimeException e) {
        throw e;
      }
      return (Map<String, String>) next;
    }
  }

  static EnrichmentException retryable() {
    return new EnrichmentException("RATE_LIMITED", true, "429 from the vendor");
  }

  @Test
  void retriesRetryableFailuresWithGrowingJitteredDelays() {
    Scripted p = new Scripted(retryable(), retryable(), FIRMO);
    try (Enricher e = Enricher.of(p, policy().maxAttempts(3).backoff(Duration.ofMillis(200), Duration.ofSeconds(5)).build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.status()).isEqualTo(EnrichmentResponse.Status.FOUND);
      assertThat(r.fields()).isEqualTo(FIRMO);
      assertThat(r.attempts()).isEqualTo(3);
      assertThat(slept).hasSize(2);
      assertThat(slept.get(0)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
      assertThat(slept.get(1)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
      assertThat(e.stats().retries()).isEqualTo(2);
      assertThat(e.stats().failures()).isZero();
    }
  }

  @Test
  void givesUpAfterTheLastAttemptWithTheProvidersCode() {
    Scripted p = new Scripted(retryable());
    try (Enricher e = Enricher.of(p, policy().maxAttempts(4).build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.failed()).isTrue();
      assertThat(r.errorCode()).isEqualTo("RATE_LIMITED");
      assertThat(r.attempts()).isEqualTo(4);
      assertThat(p.calls.get()).isEqualTo(4);
      assertThat(slept).hasSize(3);
    }
  }

  @Test
  void doesNotRetryWhatWillFailAgain() {
    Scripted p = new Scripted(new EnrichmentException("BAD_KEY", false, "401"), FIRMO);
    try (Enricher e = Enricher.of(p, policy().build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.errorCode()).isEqualTo("BAD_KEY");
      assertThat(r.attempts()).isEqualTo(1);
      assertThat(slept).isEmpty();
    }
    Scripted bug = new Scripted(new IllegalStateException("oops"));
    try (Enricher e = Enricher.of(bug, policy().build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.errorCode()).isEqualTo("ENRICH_PROVIDER_ERROR");
      assertThat(r.message()).contains("oops");
      assertThat(r.attempts()).isEqualTo(1);
    }
  }

  @Test
  void delaysDoubleUpToTheCapAndJitterOnlyShortensThem() {
    EnrichmentPolicy noJitter = EnrichmentPolicy.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(700)).jitter(0).build();
    assertThat(List.of(noJitter.delayAfter(1), noJitter.delayAfter(2), noJitter.delayAfter(3), noJitter.delayAfter(4),
        noJitter.delayAfter(9))).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
            Duration.ofMillis(700), Duration.ofMillis(700));
    EnrichmentPolicy jittered = EnrichmentPolicy.builder().backoff(Duration.ofMillis(100), Duration.ofMillis(700))
        .jitter(1).random(new SplittableRandom(3)).build();
    for (int i = 0; i < 100; i++) {
      assertThat(jittered.delayAfter(3)).isBetween(Duration.ZERO, Duration.ofMillis(400));
    }
    EnrichmentPolicy a = EnrichmentPolicy.builder().random(new SplittableRandom(11)).build();
    EnrichmentPolicy b = EnrichmentPolicy.builder().random(new SplittableRandom(11)).build();
    assertThat(a.delayAfter(2)).isEqualTo(b.delayAfter(2));   // the random source decides, nothing else
  }

  @Test
  void timesOutASlowProviderAndRetriesIt() throws Exception {
    CountDownLatch never = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    EnrichmentProvider hanging = new EnrichmentProvider() {
      @Override
      public String name() {
        return "hanging";
      }

      @Override
      public Map<String, String> lookup(EnrichmentKey key) throws InterruptedException {
        calls.incrementAndGet();
        never.await();
        return FIRMO;
      }
    };
    try (Enricher e = Enricher.of(hanging, policy().timeout(Duration.ofMillis(15)).maxAttempts(2).build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.errorCode()).isEqualTo("ENRICH_TIMEOUT");
      assertThat(r.attempts()).isEqualTo(2);
      assertThat(e.stats().timeouts()).isEqualTo(2);
      assertThat(calls.get()).isEqualTo(2);
    }
  }

  @Test
  void aFastProviderAnswersWithinTheTimeoutOnTheEnrichersThreads() {
    Scripted p = new Scripted(FIRMO);
    try (Enricher e = Enricher.of(p, policy().timeout(Duration.ofSeconds(5)).build())) {
      assertThat(e.lookup(ACME).status()).isEqualTo(EnrichmentResponse.Status.FOUND);
    }
  }

  @Test
  void garbageIsAnInvalidResponseNotAField() {
    Map<String, String> withNull = new HashMap<>();
    withNull.put("industry", null);
    Object[] garbage = {
      Map.of("employees", "lots"), Map.of("Industry Name", "x"), Map.of("industry", "a\u0000b"),
      Map.of("industry", "x".repeat(Enricher.MAX_VALUE_LENGTH + 1)), withNull
    };
    for (Object g : garbage) {
      Scripted p = new Scripted(g);
      try (Enricher e = Enricher.of(p, policy().build())) {
        EnrichmentResponse r = e.lookup(ACME);
        assertThat(r.errorCode()).as("%s", g).isEqualTo("ENRICH_INVALID_RESPONSE");
        assertThat(r.attempts()).isEqualTo(1);
      }
    }
    EnrichmentProvider nullAnswer = new EnrichmentProvider() {
      @Override
      public String name() {
        return "null";
      }

      @Override
      @SuppressWarnings("NullAway")
      public Map<String, String> lookup(EnrichmentKey key) {
        return null;
      }
    };
    try (Enricher e = Enricher.of(nullAnswer, policy().build())) {
      assertThat(e.lookup(ACME).errorCode()).isEqualTo("ENRICH_INVALID_RESPONSE");
    }
    assertThat(Enricher.invalid(Map.of("employees", "1,200", "annual_revenue", "5M"))).isNull();
  }

  @Test
  void cachesAnswersForTheirTimeToLiveButNeverFailures() {
    Scripted p = new Scripted(Map.of(), FIRMO);
    try (Enricher e = Enricher.of(p, policy().cacheTtl(Duration.ofMinutes(10)).build())) {
      assertThat(e.lookup(ACME).status()).isEqualTo(EnrichmentResponse.Status.NOT_FOUND);
      EnrichmentResponse again = e.lookup(ACME);
      assertThat(again.cached()).isTrue();
      assertThat(again.status()).isEqualTo(EnrichmentResponse.Status.NOT_FOUND);
      assertThat(p.calls.get()).isEqualTo(1);
      clock.advance(Duration.ofMinutes(11));
      assertThat(e.lookup(ACME).status()).isEqualTo(EnrichmentResponse.Status.FOUND);
      assertThat(p.calls.get()).isEqualTo(2);
      assertThat(e.stats().cacheHits()).isEqualTo(1);
    }
    Scripted flaky = new Scripted(new EnrichmentException("DOWN", false, "503"), FIRMO);
    try (Enricher e = Enricher.of(flaky, policy().build())) {
      assertThat(e.lookup(ACME).failed()).isTrue();
      assertThat(e.lookup(ACME).status()).isEqualTo(EnrichmentResponse.Status.FOUND);
    }
  }

  @Test
  void theBreakerOpensFailsFastThenLetsOneProbeThrough() {
    Scripted p = new Scripted(new EnrichmentException("DOWN", false, "503"), new EnrichmentException("DOWN", false, "503"),
        new EnrichmentException("DOWN", false, "503"), new EnrichmentException("DOWN", false, "503"), FIRMO);
    try (Enricher e = Enricher.of(p, policy().cacheSize(0).circuitBreaker(3, Duration.ofSeconds(30)).build())) {
      for (int i = 0; i < 3; i++) {
        assertThat(e.lookup(ACME).errorCode()).isEqualTo("DOWN");
      }
      assertThat(e.breakerState()).isEqualTo("open");
      EnrichmentResponse refused = e.lookup(ACME);
      assertThat(refused.errorCode()).isEqualTo("ENRICH_CIRCUIT_OPEN");
      assertThat(refused.attempts()).isZero();
      assertThat(p.calls.get()).isEqualTo(3);
      clock.advance(Duration.ofSeconds(30));
      assertThat(e.lookup(ACME).errorCode()).isEqualTo("DOWN");      // the probe failed: open again
      assertThat(e.breakerState()).isEqualTo("open");
      assertThat(e.lookup(ACME).errorCode()).isEqualTo("ENRICH_CIRCUIT_OPEN");
      clock.advance(Duration.ofSeconds(30));
      assertThat(e.lookup(ACME).status()).isEqualTo(EnrichmentResponse.Status.FOUND);
      assertThat(e.breakerState()).isEqualTo("closed");
      assertThat(e.stats().breakerOpened()).isEqualTo(2);
      assertThat(e.stats().breakerRejected()).isEqualTo(2);
    }
  }

  @Test
  void retriesStopWhenTheBreakerOpensMidLookup() {
    Scripted p = new Scripted(retryable());
    try (Enricher e = Enricher.of(p, policy().maxAttempts(5).circuitBreaker(2, Duration.ofSeconds(30)).build())) {
      EnrichmentResponse r = e.lookup(ACME);
      assertThat(r.errorCode()).isEqualTo("ENRICH_CIRCUIT_OPEN");
      assertThat(r.message()).contains("RATE_LIMITED");
      assertThat(r.attempts()).isEqualTo(2);
    }
  }

  @Test
  void thePolicyRefusesNonsense() {
    assertThatThrownBy(() -> EnrichmentPolicy.builder().maxAttempts(0)).hasMessageContaining("max attempts");
    assertThatThrownBy(() -> EnrichmentPolicy.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("base <= max");
    assertThatThrownBy(() -> EnrichmentPolicy.builder().jitter(1.5)).hasMessageContaining("jitter");
    assertThatThrownBy(() -> EnrichmentPolicy.builder().timeout(Duration.ofMillis(-1))).hasMessageContaining("negative");
  }

  @Test
  void theCsvProviderFindsByDomainAndEmail() {
    CsvEnrichmentProvider p = CsvEnrichmentProvider.of("t", List.of(
        dev.mops.core.record.Records.of(Map.of("domain", "www.Acme.com", "industry", "Software", "employees", "")),
        dev.mops.core.record.Records.of(Map.of("domain", "acme.com", "industry", "Other")),
        dev.mops.core.record.Records.of(Map.of("email", "ceo@initech.com", "domain", "initech.com", "industry", "Banking"))));
    assertThat(p.lookup(EnrichmentKey.domain("ACME.com"))).containsExactly(Map.entry("industry", "Software"));
    assertThat(p.lookup(EnrichmentKey.email("ana@acme.com"))).containsEntry("industry", "Software");
    assertThat(p.lookup(EnrichmentKey.email("ceo@initech.com"))).containsEntry("industry", "Banking");
    assertThat(p.lookup(EnrichmentKey.domain("unknown.io"))).isEmpty();
    assertThat(p.duplicateKeys()).isEqualTo(1);
    assertThat(p.fields()).containsExactlyInAnyOrder("industry", "employees");
  }
}
