package dev.mops.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One calendar shared by many threads that fill its holiday table at the same time. */
class BusinessCalendarConcurrencyTest {

  @Test
  void sharedCalendarGivesTheSameAnswersAsAFreshOne() throws Exception {
    BusinessCalendar shared = calendar();
    Instant start = Instant.parse("2001-01-01T00:00:00Z");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Duration>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          go.await();
          List<Duration> out = new ArrayList<>();
          for (int y = 0; y < 30; y++) {
            int year = (y + offset * 7) % 30;
            Instant a = start.plus(Duration.ofDays(365L * year));
            out.add(shared.businessDuration(a, a.plus(Duration.ofDays(400))));
          }
          return out;
        }));
      }
      go.countDown();
      BusinessCalendar fresh = calendar();
      for (int t = 0; t < threads; t++) {
        List<Duration> got = futures.get(t).get();
        for (int y = 0; y < 30; y++) {
          int year = (y + t * 7) % 30;
          Instant a = start.plus(Duration.ofDays(365L * year));
          assertThat(got.get(y)).isEqualTo(fresh.businessDuration(a, a.plus(Duration.ofDays(400))));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static BusinessCalendar calendar() {
    return BusinessCalendar.builder(ZoneId.of("Europe/Berlin"))
        .weekdays("09:00-12:30", "13:30-17:30")
        .publicHolidays("DE", "be")
        .publicHolidays("GB")
        .build();
  }
}
