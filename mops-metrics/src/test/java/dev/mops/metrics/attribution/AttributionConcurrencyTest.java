package dev.mops.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** One journey set, shared by threads that run every model at once, gives what a single thread gets. */
class AttributionConcurrencyTest {

  @Test
  void sharedJourneysGiveTheSameResultsOnEveryThread() throws Exception {
    Random r = new Random(42);
    List<AttributionLawsTest.Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      for (AttributionLawsTest.Row row : AttributionLawsTest.rows(r)) {
        rows.add(new AttributionLawsTest.Row(i + "-" + row.journey(), row.at(), row.channel(), row.campaign(),
            row.value(), row.milestones()));
      }
    }
    Journeys js = AttributionLawsTest.build(rows, UnaryOperator.identity());
    List<AttributionModel> models = new ArrayList<>(AttributionLawsTest.models());
    models.add(AttributionModel.shapley().withExactLimit(0).withSamples(500));
    List<List<ChannelCredit>> expected = new ArrayList<>();
    for (AttributionModel m : models) {
      expected.add(Attribution.run(js, m).rows());
    }
    AttributionCoverage coverage = AttributionCoverage.measure(js, Duration.ofDays(30));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t;
        futures.add(pool.submit(() -> {
          for (int k = 0; k < models.size(); k++) {
            int i = (k + offset) % models.size();
            if (!Attribution.run(js, models.get(i)).rows().equals(expected.get(i))) {
              return false;
            }
          }
          return AttributionCoverage.measure(js, Duration.ofDays(30)).largestUncovered()
              .equals(coverage.largestUncovered());
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
