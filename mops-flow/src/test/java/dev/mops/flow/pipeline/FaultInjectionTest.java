package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.flow.enrich.EnrichmentException;
import dev.mops.flow.enrich.EnrichmentKey;
import dev.mops.flow.enrich.EnrichmentPolicy;
import dev.mops.flow.enrich.EnrichmentProvider;
import dev.mops.flow.enrich.Enricher;
import dev.mops.flow.enrich.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault injection: an enrichment provider that fails 30% of its calls, times out, or answers
 * garbage, under seeded random generators. Whatever it does, every lead read is exactly once in
 * the leads out or the dead letters (nothing lost, nothing duplicated), no garbage reaches a lead,
 * and a replay of the dead letters against a healthy provider brings every lead through exactly
 * once. The base seed is the {@code mops.seed} system property (default 20261203); each case
 * names its seed.
 */
class FaultInjectionTest {

  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
  static final int LEADS = 300;

  enum Fault {
    /** 30% of calls throw a retryable failure. */
    FAILS_30_PERCENT,
    /** 30% of calls hang until the timeout interrupts them. */
    TIMES_OUT,
    /** 30% of calls answer garbage (a non-number in employees, a bad field name, a control character). */
    GARBAGE,
    /** 30% of calls fail for good (not retryable). */
    FAILS_FOR_GOOD
  }

  static Stream<Arguments> cases() {
    long base = Long.getLong("mops.seed", 20261203L);
    System.out.println("FaultInjectionTest base seed " + base + " (set with -Dmops.seed=...)");
    List<Arguments> out = new ArrayList<>();
    for (Fault f : Fault.values()) {
      for (int i = 0; i < 3; i++) {
        for (boolean breaker : List.of(false, true)) {
          out.add(Arguments.of(f, base + 31L * i + f.ordinal(), breaker));
        }
      }
    }
    return out.stream();
  }

  static String industryOf(String domain) {
    return "industry-" + (Math.abs(domain.hashCode()) % 7);
  }

  /** Answers every domain with its industry, except for the faults it injects. */
  static final class FaultyProvider implements EnrichmentProvider {
    final Fault fault;
    final Random random;
    final CountDownLatch never = new CountDownLatch(1);

    FaultyProvider(Fault fault, long seed) {
      this.fault = fault;
      this.random = new Random(seed);
    }

    @Override
    public String name() {
      return "faulty-" + fault;
    }

    @Override
    public Map<String, String> lookup(EnrichmentKey key) throws EnrichmentException, InterruptedException {
      boolean hit;
      synchronized (random) {
        hit = random.nextDouble() < 0.3;
      }
      if (hit) {
        switch (fault) {
          case FAILS_30_PERCENT:
            throw new EnrichmentException("VENDOR_503", true, "service unavailable");
          case FAILS_FOR_GOOD:
            throw new EnrichmentException("VENDOR_REFUSED", false, "account suspended");
          case TIMES_OUT:
            never.await();
            break;
          case GARBAGE:
          default:
            int kind;
            synchronized (random) {
              kind = random.nextInt(3);
            }
            return kind == 0 ? Map.of("industry", "x", "employees", "many")
                : kind == 1 ? Map.of("Industry!", "x") : Map.of("industry", "bad\u0007bell");
        }
      }
      return key.value().endsWith(".unknown") ? Map.of() : Map.of("industry", industryOf(key.value()), "employees", "120");
    }
  }

  static List<Record> leads(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < LEADS; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "L-" + i);
      int company = r.nextInt(LEADS / 2);              // companies repeat: the cache answers some
      String domain = company % 10 == 0 ? "c" + company + ".unknown" : "c" + company + ".com";
      m.put("email", "p" + i + "@" + domain);
      m.put("domain", domain);
      out.add(Records.of(m));
    }
    return out;
  }

  static Pipeline pipeline(EnrichmentProvider provider, boolean breaker, Fault fault) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);   // the breaker never closes again within a run
    Sleeper noWait = d -> { };
    EnrichmentPolicy.Builder policy = EnrichmentPolicy.builder().clock(clock).sleeper(noWait)
        .random(new SplittableRandom(1)).maxAttempts(3)
        .timeout(fault == Fault.TIMES_OUT ? Duration.ofMillis(5) : Duration.ZERO)
        .circuitBreaker(breaker ? 8 : 0, Duration.ofMinutes(1));
    return Pipeline.builder().enrichment(Enricher.of(provider, policy.build())).build();
  }

  static final class Collected implements PipelineOutput {
    final List<LeadOutcome> leads = new ArrayList<>();
    final List<DeadLetter> dead = new ArrayList<>();

    @Override
    public void lead(LeadOutcome outcome) {
      leads.add(outcome);
    }

    @Override
    public void deadLetter(DeadLetter deadLetter) {
      dead.add(deadLetter);
    }
  }

  @ParameterizedTest(name = "{0} seed {1} breaker {2}")
  @MethodSource("cases")
  void nothingLostNothingDuplicatedAndAReplayBringsEveryLeadThrough(Fault fault, long seed, boolean breaker) {
    List<Record> input = leads(seed);
    Pipeline faulty = pipeline(new FaultyProvider(fault, seed), breaker, fault);
    Collected first = new Collected();
    PipelineResult r = faulty.run(input, NOW, first);
    java.util.Objects.requireNonNull(faulty.enricher()).close();

    assertThat(r.problems()).as("seed %d", seed).isEmpty();
    assertThat(r.read()).isEqualTo(LEADS);
    Set<String> seen = new HashSet<>();
    for (LeadOutcome o : first.leads) {
      assertThat(seen.add(o.leadId())).as("seed %d: %s twice", seed, o.leadId()).isTrue();
      Object status = o.record().get("enrichment_status");
      String domain = String.valueOf(o.record().get("domain"));
      if ("found".equals(status)) {
        assertThat(o.record().get("industry")).as("seed %d", seed).isEqualTo(industryOf(domain));
      } else {
        assertThat(status).isEqualTo("not_found");
        assertThat(domain).endsWith(".unknown");
        assertThat(o.record().get("industry")).isNull();
      }
    }
    Map<String, Record> byId = new LinkedHashMap<>();
    input.forEach(l -> byId.put(String.valueOf(l.get("id")), l));
    for (DeadLetter d : first.dead) {
      assertThat(seen.add(d.leadId())).as("seed %d: %s twice", seed, d.leadId()).isTrue();
      assertThat(d.stage()).isEqualTo(PipelineStage.ENRICH);
      assertThat(d.attempts()).isBetween(0, 3);
      assertThat(d.code()).isIn("VENDOR_503", "VENDOR_REFUSED", "ENRICH_TIMEOUT", "ENRICH_INVALID_RESPONSE",
          "ENRICH_CIRCUIT_OPEN");
      Record original = byId.get(d.leadId());
      assertThat(d.record()).isEqualTo(Map.of("id", original.get("id"), "email", original.get("email"),
          "domain", original.get("domain")));
    }
    assertThat(seen).hasSize(LEADS);
    assertThat(first.dead).as("seed %d: 30%% faults make dead letters", seed).isNotEmpty();
    assertThat(r.breakdown("dead_letters").values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(first.dead.size());

    // the vendor is back: replay just the dead letters
    EnrichmentProvider back = new EnrichmentProvider() {
      @Override
      public String name() {
        return "healthy";
      }

      @Override
      public Map<String, String> lookup(EnrichmentKey key) {
        return key.value().endsWith(".unknown") ? Map.of() : Map.of("industry", industryOf(key.value()));
      }
    };
    Pipeline healthy = Pipeline.builder()
        .enrichment(Enricher.of(back, EnrichmentPolicy.builder().timeout(Duration.ZERO).build())).build();
    Collected second = new Collected();
    PipelineResult replay = healthy.replay(first.dead, id -> List.of(), NOW, second);
    assertThat(replay.problems()).isEmpty();
    assertThat(replay.read()).isEqualTo(first.dead.size());
    assertThat(second.dead).isEmpty();
    Set<String> all = new HashSet<>();
    for (LeadOutcome o : first.leads) {
      assertThat(all.add(o.leadId())).isTrue();
    }
    for (LeadOutcome o : second.leads) {
      assertThat(all.add(o.leadId())).as("seed %d: %s passed twice", seed, o.leadId()).isTrue();
    }
    assertThat(all).isEqualTo(byId.keySet());
  }
}
