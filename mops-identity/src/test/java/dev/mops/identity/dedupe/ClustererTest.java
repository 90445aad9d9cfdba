package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import org.junit.jupiter.api.Test;

class ClustererTest {

  private static final RecordRef[] REFS = {
    RecordRef.of("a"), RecordRef.of("b"), RecordRef.of("c"), RecordRef.of("d"), RecordRef.of("e")
  };

  private static DedupeConfig config(double weakLink, double share) {
    return DedupeConfig.builder()
        .field(FieldRule.of("x", FieldKind.TEXT, ComparatorType.EXACT))
        .blockingKey("x")
        .thresholds(0.999, 0.9)
        .weakLinkProbability(weakLink)
        .minLinkShare(share)
        .build();
  }

  @Test
  void weakLoneLinkBetweenTwoPairsIsCut() {
    Deduplicator.Findings findings = new Deduplicator.Findings();
    int[] ea = {0, 2, 1};
    int[] eb = {1, 3, 2};
    double[] ep = {0.99999, 0.99999, 0.9991};
    int[] heads = Clusterer.cluster(4, ea, eb, ep, config(0.9995, 0), i -> REFS[i].toString(), findings::add, (x, y) -> 1.0);
    assertThat(heads).containsExactly(0, 0, 2, 2);
    assertThat(findings.list()).extracting(Finding::code).containsExactly("WEAK_LINK_SPLIT");
  }

  @Test
  void strongLinkIsKept() {
    Deduplicator.Findings findings = new Deduplicator.Findings();
    int[] heads = Clusterer.cluster(4, new int[] {0, 2, 1}, new int[] {1, 3, 2},
        new double[] {0.99999, 0.99999, 0.99995}, config(0.9995, 0), i -> REFS[i].toString(), findings::add, (x, y) -> 1.0);
    assertThat(heads).containsExactly(0, 0, 0, 0);
  }

  @Test
  void clustersMergeOnlyWhenEnoughCrossPairsAgree() {
    Deduplicator.Findings findings = new Deduplicator.Findings();
    // a~b and c~d are strong; b~c alone links them, and a, d look nothing like the other pair
    Clusterer.PairProbability p = (x, y) -> (Math.min(x, y) == 1 && Math.max(x, y) == 2) ? 0.9995 : 0.01;
    int[] heads = Clusterer.cluster(5, new int[] {0, 2, 1}, new int[] {1, 3, 2},
        new double[] {0.99999, 0.99999, 0.9995}, config(0, 0.5), i -> REFS[i].toString(), findings::add, p);
    assertThat(heads).containsExactly(0, 0, 2, 2, 4);
    assertThat(findings.list()).extracting(Finding::code).containsExactly("CLUSTER_MERGE_REFUSED");
    int[] plain = Clusterer.cluster(5, new int[] {0, 2, 1}, new int[] {1, 3, 2},
        new double[] {0.99999, 0.99999, 0.9995}, config(0, 0), i -> REFS[i].toString(), new Deduplicator.Findings()::add, p);
    assertThat(plain).containsExactly(0, 0, 0, 0, 4);
  }
}
