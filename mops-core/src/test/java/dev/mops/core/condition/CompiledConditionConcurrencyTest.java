package dev.mops.core.condition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.ArrayRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One compiled condition shared by many threads gives every thread the single-threaded answers. */
class CompiledConditionConcurrencyTest {

  @Test
  void sharedCompiledConditionsAreThreadSafe() throws Exception {
    Random r = new Random(RandomConditions.baseSeed());
    List<CompiledCondition> conditions = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      conditions.add(CompiledCondition.compile(RandomConditions.condition(r, 4), RandomConditions.SCHEMA));
    }
    List<ArrayRow> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      rows.add(RandomConditions.row(r));
    }
    boolean[][] expected = new boolean[conditions.size()][rows.size()];
    String[][] explained = new String[conditions.size()][rows.size()];
    for (int c = 0; c < conditions.size(); c++) {
      for (int w = 0; w < rows.size(); w++) {
        expected[c][w] = conditions.get(c).test(rows.get(w), RandomConditions.NOW);
        explained[c][w] = conditions.get(c).explain(rows.get(w), RandomConditions.NOW).describe();
      }
    }
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      final int offset = t;
      results.add(pool.submit(() -> {
        start.await();
        int mismatches = 0;
        for (int round = 0; round < 20; round++) {
          for (int c = 0; c < conditions.size(); c++) {
            for (int w = 0; w < rows.size(); w++) {
              int wi = (w + offset * 17) % rows.size();
              if (conditions.get(c).test(rows.get(wi), RandomConditions.NOW) != expected[c][wi]) {
                mismatches++;
              }
              if (round == 0 && !conditions.get(c).explain(rows.get(wi), RandomConditions.NOW).describe().equals(explained[c][wi])) {
                mismatches++;
              }
            }
          }
        }
        return mismatches;
      }));
    }
    start.countDown();
    for (Future<Integer> f : results) {
      assertThat(f.get(2, TimeUnit.MINUTES)).isZero();
    }
    pool.shutdown();
  }
}
