package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.testkit.SyntheticLeads;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A run reports every phase, in order, from 0 to its total. */
class DedupeProgressTest {

  record Update(DedupeProgress.Phase phase, long done, long total) {}

  @Test
  void everyPhaseIsReportedInOrderFromZeroToItsTotal() {
    SyntheticLeads.Dataset data = SyntheticLeads.generate(3_000, 5);
    DedupeConfig config = DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml());
    List<Update> updates = new ArrayList<>();
    DedupeResult r = Deduplicator.of(config)
        .withProgress((phase, done, total) -> updates.add(new Update(phase, done, total)))
        .dedupe(data.records(), "id");

    List<DedupeProgress.Phase> order = new ArrayList<>();
    Map<DedupeProgress.Phase, Update> last = new EnumMap<>(DedupeProgress.Phase.class);
    for (Update u : updates) {
      if (order.isEmpty() || order.get(order.size() - 1) != u.phase()) {
        order.add(u.phase());
        assertThat(u.done()).as("first update of %s", u.phase()).isZero();
      } else {
        assertThat(u.done()).isGreaterThanOrEqualTo(last.get(u.phase()).done());
      }
      assertThat(u.done()).isBetween(0L, u.total());
      last.put(u.phase(), u);
    }
    assertThat(order).containsExactly(DedupeProgress.Phase.values());
    for (Update u : last.values()) {
      assertThat(u.done()).as("last update of %s", u.phase()).isEqualTo(u.total());
    }
    assertThat(last.get(DedupeProgress.Phase.PREPARING).total()).isEqualTo(3_000);
    assertThat(last.get(DedupeProgress.Phase.BLOCKING).total()).isEqualTo(config.blockingKeys().size());
    assertThat(last.get(DedupeProgress.Phase.SCORING).total()).isEqualTo(r.blockingReport().candidatePairs());
  }
}
