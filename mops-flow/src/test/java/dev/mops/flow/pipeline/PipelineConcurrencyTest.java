package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One pipeline shared by four threads calling {@code process}: every lead gets the same answer as
 * on one thread (scores, enrichment, account, routing rule; the owner may differ, the routing
 * state being shared), the enricher's counters and the notifications add up.
 */
class PipelineConcurrencyTest {

  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

  @Test
  void processFromFourThreadsAnswersAsOnOne() throws Exception {
    PipelineDefinition def = PipelineDefinition.load(ExamplePipelineTest.FILE);
    List<Record> leads = ExamplePipelineTest.read(java.util.Objects.requireNonNull(def.leads()));
    LeadEvents events = def.readEvents();
    Pipeline single = def.builder().build();
    Map<String, String> expected = new ConcurrentHashMap<>();
    for (Record l : leads) {
      LeadOutcome o = single.process(l, events.of(String.valueOf(l.get("id"))), NOW);
      expected.put(o.leadId(), key(o));
    }
    java.util.Objects.requireNonNull(single.enricher()).close();

    List<Notification> sent = Collections.synchronizedList(new ArrayList<>());
    Pipeline shared = def.builder().notifications(sent::add).build();
    int rounds = 50;
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> fs = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      fs.add(pool.submit(() -> {
        start.await();
        int wrong = 0;
        int routed = 0;
        for (int r = 0; r < rounds; r++) {
          for (Record l : leads) {
            LeadOutcome o = shared.process(l, events.of(String.valueOf(l.get("id"))), NOW);
            if (!expected.get(o.leadId()).equals(key(o))) {
              wrong++;
            }
            if (o.notification() != null) {
              routed++;
            }
          }
        }
        return wrong * 1_000_000 + routed;
      }));
    }
    start.countDown();
    long routed = 0;
    for (Future<Integer> f : fs) {
      int v = f.get(60, TimeUnit.SECONDS);
      assertThat(v / 1_000_000).as("leads answered differently").isZero();
      routed += v % 1_000_000;
    }
    pool.shutdown();
    assertThat(sent).hasSize((int) routed);
    var stats = java.util.Objects.requireNonNull(shared.enricher()).stats();
    assertThat(stats.cacheHits() + stats.attempts()).isEqualTo(stats.lookups());
    java.util.Objects.requireNonNull(shared.enricher()).close();
  }

  static String key(LeadOutcome o) {
    Record r = o.record();
    return o.status() + " " + r.get("email") + " " + r.get("industry") + " " + r.get("account_id") + " "
        + r.get("total") + " " + r.get("mql") + " " + r.get("route_rule") + " " + r.get("sla_goal")
        + (o.deadLetter() == null ? "" : " " + o.deadLetter().code());
  }
}
