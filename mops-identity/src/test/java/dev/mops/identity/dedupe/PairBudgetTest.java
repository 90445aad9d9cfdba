package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair budget: blocking never makes more candidate pairs than it, and a run too large for the heap is refused. */
class PairBudgetTest {

  private static DedupeConfig.Builder base() {
    return DedupeConfig.builder()
        .field(FieldRule.of("name", FieldKind.NAME, ComparatorType.JARO_WINKLER, 0.9))
        .field(FieldRule.of("city", FieldKind.TEXT, ComparatorType.EXACT))
        .blockingKey("city")
        .blockingKey("prefix(name, 1)");
  }

  private static List<Record> records() {
    List<Record> out = new ArrayList<>();
    // one city of 300 records (44,850 pairs), ten cities of 20 (1,900 pairs), names by letter
    for (int i = 0; i < 500; i++) {
      String city = i < 300 ? "Springfield" : "Town" + (i % 10);
      out.add(rec("id", "r" + i, "name", (char) ('a' + i % 26) + "name" + i, "city", city));
    }
    return out;
  }

  @Test
  void blockingStaysWithinTheBudgetAndSaysWhatItSkipped() {
    DedupeResult unlimited = Deduplicator.of(base().build()).dedupe(records(), "id");
    assertThat(unlimited.blockingReport().candidatePairs()).isGreaterThan(40_000);

    DedupeResult r = Deduplicator.of(base().maxCandidatePairs(10_000).build()).dedupe(records(), "id");
    assertThat(r.blockingReport().candidatePairs()).isLessThanOrEqualTo(10_000).isGreaterThan(1_000);
    assertThat(r.findings()).extracting(Finding::code).contains("PAIR_BUDGET", "BLOCK_OVER_PAIR_BUDGET");
    assertThat(r.findings().stream().filter(f -> f.code().equals("BLOCK_OVER_PAIR_BUDGET")))
        .anySatisfy(f -> assertThat(f.rawValue()).isEqualTo("springfield"));
    assertThat(r.blockingReport().passes().get(0).oversizedBlocks()).isEqualTo(1);
    assertThat(r.clusterIds()).hasSize(500); // every record still accounted for
  }

  @Test
  void theBudgetIsReadFromYamlAndChecked() {
    DedupeConfig c = DedupeConfigs.parse("d.yaml", String.join("\n",
        "fields:", "  - {field: name, kind: name}", "blocking:", "  max_candidate_pairs: 5000000", "  keys: [[name]]", ""));
    assertThat(c.maxCandidatePairs()).isEqualTo(5_000_000);
    assertThat(DedupeConfig.builder().field(FieldRule.of("name", FieldKind.NAME, ComparatorType.EXACT))
        .blockingKey("name").build().maxCandidatePairs()).isZero();
    assertThatThrownBy(() -> DedupeConfig.builder().maxCandidatePairs(10))
        .hasMessageContaining("max_candidate_pairs 10 is not between 1000 and");
  }

  @Test
  void theDefaultBudgetComesFromTheHeapAndARunTooLargeIsRefusedUpFront() {
    long fourGb = 4L << 30;
    assertThat(Deduplicator.pairBudget(1_000_000, fourGb)).isBetween(5_000_000L, 20_000_000L);
    assertThat(Deduplicator.pairBudget(1_000, 256L << 20)).isGreaterThan(1_000_000L);
    assertThatThrownBy(() -> Deduplicator.pairBudget(5_000_000, 8L << 30))
        .isInstanceOf(DedupeLimitException.class)
        .hasMessageContaining("5,000,000 records need about")
        .hasMessageContaining("8,192 MB")
        .hasMessageContaining("-Xmx");
  }
}
