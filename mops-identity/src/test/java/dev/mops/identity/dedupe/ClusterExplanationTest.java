package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.testkit.HarderLeads;
import dev.mops.testkit.SyntheticLeads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterExplanationTest {

  @Test
  void everyClusterIsHeldTogetherByMatchesAndItsEvidenceSaysHowStrongly() {
    SyntheticLeads.Dataset data = HarderLeads.generate(3_000, 3);
    List<String> columns = new ArrayList<>(HarderLeads.COLUMNS);
    columns.remove("id");
    DedupeConfig config = DedupeConfigs.infer(columns, data.records());
    DedupeResult result = Deduplicator.of(config).dedupe(data.records(), "id");
    int multi = 0;
    for (EntityCluster c : result.clusters()) {
      ClusterExplanation e = result.explainCluster(c.clusterId());
      int n = c.size();
      assertThat(e.members()).isEqualTo(c.members());
      assertThat(e.memberPairs()).isEqualTo((long) n * (n - 1) / 2);
      if (n == 1) {
        assertThat(e.linkedShare()).isEqualTo(1.0);
        assertThat(e.toText()).contains("one record");
        continue;
      }
      multi++;
      // joined along matches: a spanning tree of n - 1 of them at least, each member on one
      assertThat(e.matchPairs()).isGreaterThanOrEqualTo(n - 1L);
      assertThat(e.linkedPairs()).isGreaterThanOrEqualTo(e.matchPairs());
      assertThat(e.weakestMemberLink()).isGreaterThanOrEqualTo(config.matchThreshold());
      assertThat(e.weakestPair()).isLessThanOrEqualTo(e.weakestMemberLink());
      assertThat(e.members()).contains(e.weakestMember());
      // the guard: merged groups share min_link_share of their cross pairs at review or above
      assertThat(e.linkedShare()).isGreaterThan(0.0);
      assertThat(e.toText()).contains(c.clusterId()).contains(n + " records");
    }
    assertThat(multi).isGreaterThan(100);
    assertThatThrownBy(() -> result.explainCluster("no-such-cluster"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no-such-cluster");
  }
}
