package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many threads classifying at once, past the memo's limit, get the same answers as one thread. */
class ChannelGroupConcurrencyTest {

  @Test
  void concurrentClassificationAgreesWithTheTable() throws Exception {
    ChannelGroup g = ChannelGroup.parse("g.yaml", """
        fallback_group: ga4_default
        channels:
          - channel: Odd campaigns
            when: {ends_with: {field: campaign, value: "7"}}
        """);
    List<String[]> rows = Ga4DefaultChannelGroupTest.rows();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int seed = t;
        futures.add(pool.submit(() -> {
          int checked = 0;
          for (int i = 0; i < 12_000; i++) {
            String[] r = rows.get((i * 31 + seed) % rows.size());
            String campaign = r[2].isEmpty() ? "c" + (i % 9_000) : r[2];
            String expected = campaign.endsWith("7") ? "Odd campaigns" : r[3];
            if (r[2].isEmpty() && r[3].equals("Paid Shopping")) {
              continue; // the row's channel depends on its own campaign
            }
            assertThat(g.classify(r[0], r[1], campaign).channel()).as("%s/%s/%s", r[0], r[1], campaign)
                .isEqualTo(expected);
            checked++;
          }
          return checked;
        }));
      }
      int total = 0;
      for (Future<Integer> f : futures) {
        total += f.get(60, TimeUnit.SECONDS);
      }
      assertThat(total).isGreaterThan(40_000);
    } finally {
      pool.shutdownNow();
    }
  }
}
