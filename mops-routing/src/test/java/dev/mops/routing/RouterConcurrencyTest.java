package dev.mops.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.routing.RoutingDecision.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/**
 * 1,000,000 leads from 8 threads through a 20-rep pool with caps: every lead routed exactly once,
 * no cap exceeded, round-robin counts within 1 of each other among reps below their caps, and the
 * same totals as a single-threaded run.
 */
class RouterConcurrencyTest {

  static final int LEADS = 1_000_000;
  static final int THREADS = 8;
  static final String[] ZONES = {"America/Los_Angeles", "America/New_York", "UTC", "Europe/Berlin", "Asia/Kolkata"};
  static final Instant START = Instant.parse("2026-03-04T10:00:00Z"); // the same local day in every zone above

  static RoutingTable table() {
    StringBuilder y = new StringBuilder("version: 1\nname: concurrency\nreps:\n");
    for (int i = 0; i < 20; i++) {
      y.append("  - {id: r").append(i).append(", time_zone: ").append(ZONES[i % ZONES.length]);
      if (i < 5) {
        y.append(", caps: {day: 20000}");
      } else if (i < 10) {
        y.append(", caps: {week: 30000}");
      }
      y.append("}\n");
    }
    y.append("pools:\n  - name: p\n    strategy: round_robin\n    reps: [");
    for (int i = 0; i < 20; i++) {
      y.append(i == 0 ? "" : ", ").append('r').append(i);
    }
    y.append("]\nrules:\n  - {name: partners, when: {eq: {field: segment, value: partner}}, route: {queue: partner-desk}}\n");
    y.append("default: {pool: p}\n");
    return RoutingTable.parse("concurrency.yaml", y.toString());
  }

  static final class Run {
    final int[] ownerOf = new int[LEADS]; // rep index + 1; -1 queued; -2 held; 0 never routed
    final AtomicIntegerArray perRep = new AtomicIntegerArray(20);
    final AtomicInteger queued = new AtomicInteger();
    final AtomicInteger held = new AtomicInteger();
    final AtomicInteger twice = new AtomicInteger();
  }

  static void routeRange(Router router, Run run, int from, int to) {
    Schema s = router.schema();
    int segment = s.requireSlot("segment");
    for (int i = from; i < to; i++) {
      ArrayRow row = new ArrayRow(s);
      row.set(segment, i % 10 == 0 ? "partner" : "direct");
      RoutingDecision d = router.routeRow(row, START.plusSeconds(i % 3600));
      int mark;
      if (d.outcome() == Outcome.ASSIGNED) {
        int rep = Integer.parseInt(d.owner().substring(1));
        run.perRep.incrementAndGet(rep);
        mark = rep + 1;
      } else if (d.outcome() == Outcome.QUEUED) {
        run.queued.incrementAndGet();
        mark = -1;
      } else {
        run.held.incrementAndGet();
        mark = -2;
      }
      if (run.ownerOf[i] != 0) {
        run.twice.incrementAndGet();
      }
      run.ownerOf[i] = mark;
    }
  }

  static Map<String, Integer> totals(Run run) {
    Map<String, Integer> m = new TreeMap<>();
    for (int r = 0; r < 20; r++) {
      m.put("r" + r, run.perRep.get(r));
    }
    m.put("queued", run.queued.get());
    m.put("held", run.held.get());
    return m;
  }

  @Test
  void routesEveryLeadExactlyOnceWithinCapsAndAsSingleThreaded() throws Exception {
    RoutingTable t = table();

    Run single = new Run();
    routeRange(Router.create(t, AssignmentState.inMemory()), single, 0, LEADS);

    Run multi = new Run();
    Router router = Router.create(t, AssignmentState.inMemory());
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      int chunk = LEADS / THREADS;
      for (int k = 0; k < THREADS; k++) {
        int from = k * chunk;
        int to = k == THREADS - 1 ? LEADS : from + chunk;
        futures.add(pool.submit(() -> routeRange(router, multi, from, to)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }

    // every lead routed exactly once
    assertThat(multi.twice.get()).isZero();
    long routed = 0;
    for (int mark : multi.ownerOf) {
      if (mark != 0) {
        routed++;
      }
    }
    assertThat(routed).isEqualTo(LEADS);
    int assigned = 0;
    for (int r = 0; r < 20; r++) {
      assigned += multi.perRep.get(r);
    }
    assertThat(assigned + multi.queued.get() + multi.held.get()).isEqualTo(LEADS);
    assertThat(multi.queued.get()).isEqualTo(LEADS / 10);

    // no cap exceeded (and, with demand above capacity, every cap is filled exactly)
    Map<String, Rep> reps = t.reps();
    for (int r = 0; r < 20; r++) {
      Rep rep = reps.get("r" + r);
      int cap = Math.min(rep.dailyCap(), rep.weeklyCap());
      assertThat(multi.perRep.get(r)).as("r%d", r).isLessThanOrEqualTo(cap);
      if (cap != Rep.NO_CAP) {
        assertThat(multi.perRep.get(r)).as("r%d", r).isEqualTo(cap);
      }
    }

    // round robin: reps below their caps within 1 of each other
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (int r = 10; r < 20; r++) {
      min = Math.min(min, multi.perRep.get(r));
      max = Math.max(max, multi.perRep.get(r));
    }
    assertThat(max - min).isLessThanOrEqualTo(1);
    assertThat(min).isEqualTo((900_000 - 5 * 20_000 - 5 * 30_000) / 10);

    // the same totals as a single-threaded run, and the state agrees with the decisions
    assertThat(totals(multi)).isEqualTo(totals(single));
    int[] ledger = router.state().atomically(l -> {
      int[] out = new int[20];
      for (int r = 0; r < 20; r++) {
        Rep rep = reps.get("r" + r);
        long day = Router.dayIndex(rep.timeZone(), START);
        out[r] = l.assigned(rep.id(), AssignmentState.Period.DAY, day);
      }
      return out;
    });
    for (int r = 0; r < 20; r++) {
      assertThat(ledger[r]).isEqualTo(multi.perRep.get(r));
    }
  }
}
