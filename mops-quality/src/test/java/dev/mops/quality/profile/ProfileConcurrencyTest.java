package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Builders are per thread; the contract and its validator are shared by all of them. */
class ProfileConcurrencyTest {

  @Test
  void perThreadBuildersSharingOneContractMergeToTheSingleThreadedProfile() throws Exception {
    DataContract c = DataContracts.parse("c.yaml",
        "contract: c\nfields:\n  id: {type: string, unique: true}\n  n: {type: integer, min: 0}\n");
    int threads = 4;
    int perThread = 20_000;
    AtomicLong violations = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<QualityProfile>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int base = t * perThread;
        parts.add(pool.submit(() -> {
          ProfileBuilder b = QualityProfile.builder(c).onViolation(v -> violations.incrementAndGet());
          for (int i = base; i < base + perThread; i++) {
            b.add(Records.of(Map.of("id", "k" + (i % 50_000), "n", Integer.toString(i % 10 - 1))));
          }
          return b.build();
        }));
      }
      List<QualityProfile> built = new ArrayList<>();
      for (Future<QualityProfile> f : parts) {
        built.add(f.get());
      }
      QualityProfile merged = QualityProfile.mergeAll(built);
      ProfileBuilder single = QualityProfile.builder(c);
      for (int i = 0; i < threads * perThread; i++) {
        single.add(Records.of(Map.of("id", "k" + (i % 50_000), "n", Integer.toString(i % 10 - 1))));
      }
      assertThat(merged.duplicates("id.unique")).isEqualTo(30_000).isEqualTo(single.build().duplicates("id.unique"));
      assertThat(merged.failures("n.range")).isEqualTo(8_000);
      assertThat(violations.get()).isGreaterThanOrEqualTo(8_000);
    } finally {
      pool.shutdown();
    }
  }
}
