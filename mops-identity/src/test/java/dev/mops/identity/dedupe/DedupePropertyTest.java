package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Laws of dedupe over seeded shuffles (seed in the test name; set -Dmops.test.seed=N to run that seed only). */
class DedupePropertyTest {

  static final List<Record> FEBRL1 = LabelledData.csv("febrl1.csv");
  static final DedupeConfig CONFIG =
      DedupeConfigs.load(LabelledData.repoRoot().resolve("examples/dedupe/febrl.yaml"));
  static final Map<RecordRef, String> BASELINE = Deduplicator.of(CONFIG).dedupe(FEBRL1, "rec_id").clusterIds();

  static LongStream seeds() {
    return Fixtures.seeds(1, 2, 3);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void clustersDoNotDependOnInputOrder(long seed) {
    System.out.println("seed " + seed);
    List<Record> shuffled = new ArrayList<>(FEBRL1);
    Collections.shuffle(shuffled, new Random(seed));
    DedupeResult r = Deduplicator.of(CONFIG).dedupe(shuffled, "rec_id");
    assertThat(r.clusterIds()).isEqualTo(BASELINE);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyRecordIsInExactlyOneCluster(long seed) {
    System.out.println("seed " + seed);
    Random rnd = new Random(seed);
    List<Record> sample = new ArrayList<>();
    for (Record rec : FEBRL1) {
      if (rnd.nextInt(3) == 0) {
        sample.add(rec);
      }
    }
    DedupeResult r = Deduplicator.of(CONFIG).dedupe(sample, "rec_id");
    int members = r.clusters().stream().mapToInt(EntityCluster::size).sum();
    assertThat(members).isEqualTo(sample.size());
    assertThat(r.clusterIds()).hasSize(sample.size());
  }
}
