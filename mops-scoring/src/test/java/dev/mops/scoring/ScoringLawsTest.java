package dev.mops.scoring;

import static dev.mops.scoring.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws of scoring, checked on seeded random leads under the example model. Set {@code
 * -Dmops.test.seed=N} to replay one seed; each test prints its seed.
 */
class ScoringLawsTest {

  static final ScoringModel MODEL = Fixtures.example();

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    if (fixed != null) {
      return Stream.of(Long.parseLong(fixed));
    }
    long base = 0x5C0_0E5L;
    return LongStream.range(0, 25).mapToObj(i -> base + i * 7919);
  }

  static Random random(long seed, String law) {
    System.out.println(law + " seed=" + seed + " (replay with -Dmops.test.seed=" + seed + ")");
    return new Random(seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void scoreDoesNotDependOnEventOrder(long seed) {
    Random r = random(seed, "order");
    LeadScorer scorer = MODEL.scorer();
    for (int i = 0; i < 40; i++) {
      ArrayRow lead = MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE);
      List<ArrayRow> events = Fixtures.events(MODEL, Fixtures.randomEvents(r, r.nextInt(40), AS_OF));
      ScoreExplanation a = scorer.explain(lead, events, AS_OF);
      List<ArrayRow> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, r);
      ScoreExplanation b = scorer.explain(lead, shuffled, AS_OF);
      assertThat(b.score()).isEqualTo(a.score());
      assertThat(b.rules()).isEqualTo(a.rules());
      assertThat(scorer.score(lead, shuffled, AS_OF)).isEqualTo(a.score());
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decayIsMonotoneInTime(long seed) {
    Random r = random(seed, "decay");
    LeadScorer scorer = MODEL.scorer();
    int compared = 0;
    int decayed = 0;
    for (int i = 0; i < 30; i++) {
      ArrayRow lead = MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE);
      List<ArrayRow> events = Fixtures.events(MODEL, Fixtures.randomEvents(r, 1 + r.nextInt(30), AS_OF));
      Instant later = AS_OF.plus(Duration.ofSeconds(r.nextInt(120 * 86_400)));
      Map<String, Double> before = afterDecay(scorer.explain(lead, events, AS_OF));
      Map<String, Double> after = afterDecay(scorer.explain(lead, events, later));
      for (Map.Entry<String, Double> e : before.entrySet()) {
        double then = Math.abs(e.getValue());
        double now = Math.abs(after.getOrDefault(e.getKey(), 0.0));
        assertThat(now).as("rule %s from %s to %s", e.getKey(), AS_OF, later).isLessThanOrEqualTo(then);
        if (then > 0) {
          compared++;
          if (now < then) {
            decayed++;
          }
        }
      }
      assertThat(after.keySet()).isSubsetOf(before.keySet());
    }
    // A lead whose rules gave no points checks nothing: the law must have been tested on enough
    // contributions, and decay must really have lowered some of them.
    System.out.println("decay seed=" + seed + ": " + compared + " contributions compared, " + decayed + " decayed");
    assertThat(compared).as("seed %d: non-zero contributions compared", seed).isGreaterThanOrEqualTo(MIN_DECAY_COMPARED);
    assertThat(decayed).as("seed %d: contributions that decayed", seed).isGreaterThanOrEqualTo(MIN_DECAYED);
  }

  private static final int MIN_DECAY_COMPARED = 100;
  private static final int MIN_DECAYED = 50;

  private static Map<String, Double> afterDecay(ScoreExplanation e) {
    Map<String, Double> out = new HashMap<>();
    for (RuleContribution c : e.rules()) {
      out.put(c.group() + "/" + c.rule(), c.pointsAfterDecay());
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void capsAndFloorsAreNeverExceeded(long seed) {
    Random r = random(seed, "caps");
    LeadScorer scorer = MODEL.scorer();
    for (int i = 0; i < 30; i++) {
      ArrayRow lead = MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE);
      List<ArrayRow> events = Fixtures.events(MODEL, Fixtures.randomEvents(r, r.nextInt(200), AS_OF));
      ScoreExplanation e = scorer.explain(lead, events, AS_OF);
      for (RuleContribution c : e.rules()) {
        Parts.Rule rule = rule(c.rule());
        if (rule.capMicro != Long.MAX_VALUE) {
          assertThat(Math.abs(c.pointsAfterCap())).isLessThanOrEqualTo(rule.capMicro / ScoringModel.MICRO);
        }
      }
      for (Subtotal s : e.subtotals()) {
        long min;
        long max;
        if (s.group().isEmpty()) {
          Parts.Score sc = MODEL.scores[MODEL.scoreIndex(s.score())];
          min = sc.minMicro;
          max = sc.maxMicro;
        } else {
          Parts.Group g = group(s.group());
          min = g.minMicro;
          max = g.maxMicro;
        }
        assertThat(s.pointsAfterCap() * ScoringModel.MICRO).isBetween((double) min, (double) max);
      }
      for (String name : MODEL.scoreNames()) {
        Parts.Score sc = MODEL.scores[MODEL.scoreIndex(name)];
        assertThat(e.score().score(name) * ScoringModel.MICRO).isBetween((double) sc.minMicro, (double) sc.maxMicro);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void eventsAfterNowDoNotChangeABackfilledScore(long seed) {
    Random r = random(seed, "backfill");
    LeadScorer scorer = MODEL.scorer();
    for (int i = 0; i < 20; i++) {
      ArrayRow lead = MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE);
      List<Record> past = Fixtures.randomEvents(r, r.nextInt(30), AS_OF);
      List<Record> all = new ArrayList<>(past);
      all.addAll(Fixtures.randomEvents(r, r.nextInt(30), AS_OF.plus(Duration.ofDays(200))).stream()
          .filter(e -> ((String) e.get("timestamp")).compareTo(AS_OF.toString()) > 0).toList());
      assertThat(scorer.score(lead, Fixtures.events(MODEL, all), AS_OF))
          .isEqualTo(scorer.score(lead, Fixtures.events(MODEL, past), AS_OF));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void batchAndSingleLeadScoresAgree(long seed) {
    Random r = random(seed, "batch");
    LeadScorer scorer = MODEL.scorer();
    BatchScorer batch = scorer.batch();
    for (int i = 0; i < 30; i++) {
      ArrayRow lead = MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE);
      List<ArrayRow> events = Fixtures.events(MODEL, Fixtures.randomEvents(r, r.nextInt(40), AS_OF));
      LeadScore single = scorer.score(lead, events, AS_OF);
      assertThat(batch.score(lead, events, AS_OF)).isEqualTo(single);
      assertThat(batch.explain(lead, events, AS_OF).score()).isEqualTo(single);
    }
  }

  @Test
  void oneScorerIsSafeToShareAcrossThreads() throws Exception {
    Random r = new Random(42);
    List<ArrayRow> leads = new ArrayList<>();
    List<List<ArrayRow>> events = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      leads.add(MODEL.leadRow(Fixtures.randomLead(r, i), FindingSink.IGNORE));
      events.add(Fixtures.events(MODEL, Fixtures.randomEvents(r, r.nextInt(30), AS_OF)));
    }
    LeadScorer scorer = MODEL.scorer();
    List<LeadScore> expected = new ArrayList<>();
    for (int i = 0; i < leads.size(); i++) {
      expected.add(scorer.score(leads.get(i), events.get(i), AS_OF));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<LeadScore>>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        boolean useBatch = t % 2 == 0;
        futures.add(pool.submit(() -> {
          BatchScorer batch = scorer.batch();
          List<LeadScore> out = new ArrayList<>();
          for (int round = 0; round < 5; round++) {
            out.clear();
            for (int i = 0; i < leads.size(); i++) {
              out.add(useBatch ? batch.score(leads.get(i), events.get(i), AS_OF)
                  : scorer.score(leads.get(i), events.get(i), AS_OF));
            }
          }
          return out;
        }));
      }
      for (Future<List<LeadScore>> f : futures) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Parts.Rule rule(String name) {
    for (Parts.Rule r : MODEL.rules) {
      if (r.name.equals(name)) {
        return r;
      }
    }
    throw new AssertionError(name);
  }

  private static Parts.Group group(String name) {
    for (Parts.Group g : MODEL.groups) {
      if (g.name.equals(name)) {
        return g;
      }
    }
    throw new AssertionError(name);
  }
}
