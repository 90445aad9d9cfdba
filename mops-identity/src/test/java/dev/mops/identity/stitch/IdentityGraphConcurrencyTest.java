package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers and readers: observations that never conflict, added from four threads while
 * a reader queries, give the profiles of a serial run; readers never see a torn state.
 */
class IdentityGraphConcurrencyTest {

  @Test
  void concurrentWritersGiveTheSerialResult() throws Exception {
    SyntheticIdentities.Dataset d = StitchPropertyTest.data(42);
    StitchConfig config = StitchPropertyTest.unguarded();
    IdentityGraph serial = IdentityGraph.create(config);
    d.observations().forEach(serial::add);

    IdentityGraph shared = IdentityGraph.create(config);
    int threads = 4;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    try {
      CountDownLatch start = new CountDownLatch(1);
      AtomicBoolean done = new AtomicBoolean();
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int slice = t;
        writers.add(pool.submit(() -> {
          start.await();
          List<Observation> all = d.observations();
          for (int i = slice; i < all.size(); i += threads) {
            shared.add(all.get(i));
          }
          return null;
        }));
      }
      Future<Long> reader = pool.submit(() -> {
        start.await();
        long reads = 0;
        while (!done.get()) {
          StitchMetrics m = shared.metrics();
          // Between two writes the counts agree with each other.
          assertThat(m.stitchedIdentifiers()).isLessThanOrEqualTo(m.identifiers());
          assertThat(m.profiles()).isLessThanOrEqualTo(m.identifiers());
          shared.profileOf("email", "nobody@example.net");
          reads++;
        }
        return reads;
      });
      start.countDown();
      for (Future<?> w : writers) {
        w.get(60, TimeUnit.SECONDS);
      }
      done.set(true);
      assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
    } finally {
      pool.shutdownNow();
    }
    assertThat(shared.profiles()).isEqualTo(serial.profiles());
    assertThat(shared.identifierCount()).isEqualTo(serial.identifierCount());
  }
}
