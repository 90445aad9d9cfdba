package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedClusteringTest {

  private static final List<String> REFS = List.of("a", "b", "c", "d", "e");

  private static DedupeConfig config(double share) {
    return DedupeConfig.builder()
        .field(FieldRule.of("x", FieldKind.TEXT, ComparatorType.EXACT))
        .blockingKey("x")
        .thresholds(0.999, 0.9)
        .minLinkShare(share)
        .build();
  }

  @Test
  void aChainWhoseEndsAgreeIsOneCluster() {
    List<Finding> findings = new ArrayList<>();
    int[] head = GuardedClustering.cluster(3, new int[] {0, 1}, new int[] {1, 2},
        new double[] {0.9999, 0.9990}, config(0.5), REFS.subList(0, 3), findings, (x, y) -> 0.9995);
    assertThat(head).containsExactly(0, 0, 0);
    assertThat(findings).isEmpty();
  }

  @Test
  void aChainThroughOneLinkIsRefusedWithTheEnginesFinding() {
    List<Finding> findings = new ArrayList<>();
    // a~b and c~d are strong; b~c alone joins them and a, d look nothing like the other pair
    GuardedClustering.PairProbability p = (x, y) -> (Math.min(x, y) == 1 && Math.max(x, y) == 2) ? 0.9995 : 0.01;
    int[] head = GuardedClustering.cluster(5, new int[] {0, 2, 1}, new int[] {1, 3, 2},
        new double[] {0.99999, 0.99999, 0.9995}, config(0.5), REFS, findings, p);
    assertThat(head).containsExactly(0, 0, 2, 2, 4);
    assertThat(findings).extracting(Finding::code).containsExactly("CLUSTER_MERGE_REFUSED");
    assertThat(findings.get(0).rawValue()).isEqualTo("b ~ c");
    int[] closure = GuardedClustering.cluster(5, new int[] {0, 2, 1}, new int[] {1, 3, 2},
        new double[] {0.99999, 0.99999, 0.9995}, config(0), REFS, new ArrayList<>(), p);
    assertThat(closure).containsExactly(0, 0, 0, 0, 4);
  }

  @Test
  void badArgumentsAreRefusedWithWhatIsWrong() {
    DedupeConfig c = config(0.5);
    assertThatThrownBy(() -> GuardedClustering.cluster(2, new int[] {0}, new int[] {1, 0}, new double[] {1},
        c, REFS.subList(0, 2), new ArrayList<>(), (x, y) -> 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    assertThatThrownBy(() -> GuardedClustering.cluster(2, new int[] {0}, new int[] {2}, new double[] {1},
        c, REFS.subList(0, 2), new ArrayList<>(), (x, y) -> 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge 0 (0, 2)");
    assertThatThrownBy(() -> GuardedClustering.cluster(3, new int[0], new int[0], new double[0],
        c, REFS.subList(0, 2), new ArrayList<>(), (x, y) -> 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 references for 3 records");
  }
}
