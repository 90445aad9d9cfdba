package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.IndexMatch;
import dev.mops.identity.dedupe.MatchIndex;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Per-record dedupe: each lead checked against the known records of a match index, in process and run. */
class PipelineMatchIndexTest {

  private static Record lead(String id, String first, String last, String email) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("first_name", first);
    m.put("last_name", last);
    m.put("email", email);
    return Records.of(m);
  }

  /** An index of the CRM's known contacts, from a batch dedupe of them. */
  private static MatchIndex known() {
    DedupeResult r = Deduplicator.of(DedupeConfigs.parse("dedupe.yaml", PipelineTest.DEDUPE)).dedupe(List.of(
        lead("K1", "Ana", "Silva", "ana.silva@acme.com"),
        lead("K2", "Bo", "Chen", "bo@initech.com"),
        lead("K3", "Cy", "Diaz", "cy@globex.com")), "id");
    return MatchIndex.of(r);
  }

  @Test
  void aLeadMatchingAKnownRecordIsFlaggedNotMerged() {
    MatchIndex index = known();
    Pipeline p = Pipeline.builder().normalise().matchIndex(index, false).build();
    LeadOutcome dup = p.process(lead("N1", "Ana", "Silva", "Ana.Silva@acme.com"), List.of(), PipelineTest.NOW);
    assertThat(dup.status()).isEqualTo(LeadOutcome.Status.PASSED);
    assertThat(dup.record().get("duplicate_status")).isEqualTo("duplicate");
    assertThat(dup.record().get("duplicate_of")).isEqualTo("K1");
    assertThat((Double) dup.record().get("duplicate_probability")).isGreaterThanOrEqualTo(0.99);
    assertThat(dup.record().get("duplicate_candidates")).isEqualTo("K1");
    assertThat(dup.duplicates()).extracting(m -> m.ref().id()).containsExactly("K1");
    assertThat(index.explain(dup.record(), dup.duplicates().get(0).ref()).toText()).contains("email");

    LeadOutcome fresh = p.process(lead("N2", "Dee", "Evans", "dee@umbrella.com"), List.of(), PipelineTest.NOW);
    assertThat(fresh.record().get("duplicate_status")).isEqualTo("new");
    assertThat(fresh.record().has("duplicate_of")).isFalse();
    assertThat(fresh.duplicates()).isEmpty();
    assertThat(index.size()).isEqualTo(3); // addLeads false: nothing added
  }

  @Test
  void addedLeadsAreFoundByLaterLeadsButNeverByThemselves() {
    MatchIndex index = known();
    Pipeline p = Pipeline.builder().matchIndex(index, true).build();
    assertThat(p.process(lead("N2", "Dee", "Evans", "dee@umbrella.com"), List.of(), PipelineTest.NOW)
        .record().get("duplicate_status")).isEqualTo("new");
    assertThat(index.size()).isEqualTo(4);
    LeadOutcome later = p.process(lead("N3", "Dee", "Evans", "dee@umbrella.com"), List.of(), PipelineTest.NOW);
    assertThat(later.record().get("duplicate_of")).isEqualTo("N2");
    // the same lead again (a CRM update): its own indexed copy is not its duplicate
    LeadOutcome again = p.process(lead("K2", "Bo", "Chen", "bo@initech.com"), List.of(), PipelineTest.NOW);
    assertThat(again.record().get("duplicate_status")).isEqualTo("new");
    assertThat(index.size()).isEqualTo(5);
    // a lead without an id is checked but not added
    LeadOutcome noId = p.process(Records.of(Map.of("first_name", "Cy", "last_name", "Diaz", "email", "cy@globex.com")),
        List.of(), PipelineTest.NOW);
    assertThat(noId.record().get("duplicate_of")).isEqualTo("K3");
    assertThat(index.size()).isEqualTo(5);
  }

  @Test
  void aBatchRunCountsStatusesAndReconcilesWithNothingMerged() {
    MatchIndex index = known();
    Pipeline p = Pipeline.builder().matchIndex(index, true).build();
    List<LeadOutcome> out = new ArrayList<>();
    PipelineResult r = p.run(List.of(
        lead("N1", "Ana", "Silva", "ana.silva@acme.com"),
        lead("N2", "Dee", "Evans", "dee@umbrella.com"),
        lead("N3", "Dee", "Evans", "dee@umbrella.com"),
        lead("K2", "Bo", "Chen", "bo@initech.com")), PipelineTest.NOW, new PipelineOutput() {
          @Override
          public void lead(LeadOutcome outcome) {
            out.add(outcome);
          }
        });
    assertThat(r.reconciles()).isTrue();
    assertThat(r.stage(PipelineStage.DEDUPE).enabled()).isTrue();
    assertThat(r.stage(PipelineStage.DEDUPE).in()).isEqualTo(4);
    assertThat(r.stage(PipelineStage.DEDUPE).out()).isEqualTo(4);
    assertThat(r.stage(PipelineStage.DEDUPE).merged()).isZero();
    assertThat(r.breakdowns().get("dedupe")).containsEntry("duplicate", 2L).containsEntry("new", 2L)
        .containsEntry("already_indexed", 1L);
    assertThat(out).extracting(o -> o.record().get("duplicate_of")).containsExactly("K1", null, "N2", null);
    assertThat(r.configs().get("dedupe")).startsWith("match index 1 ");
  }

  @Test
  void batchDedupeAndAMatchIndexAreOneOrTheOther() {
    assertThatThrownBy(() -> Pipeline.builder()
        .dedupe(DedupeConfigs.parse("dedupe.yaml", PipelineTest.DEDUPE))
        .matchIndex(known(), false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("dedupe was already set");
  }

  @Test
  void leadsProcessedFromManyThreadsAreEachIndexedOnce() throws Exception {
    MatchIndex index = known();
    Pipeline p = Pipeline.builder().matchIndex(index, true).build();
    List<String> statuses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            // every thread sends the same 200 leads: each id is indexed once, whatever the interleaving
            LeadOutcome o = p.process(lead("L" + i, "First" + i, "Last" + i, "person" + i + "@example.com"),
                List.of(), PipelineTest.NOW);
            statuses.add(String.valueOf(o.record().get("duplicate_status")));
            for (IndexMatch m : o.duplicates()) {
              assertThat(m.ref().id()).isNotEqualTo("L" + i);
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(index.size()).isEqualTo(3 + 200);
    assertThat(statuses).hasSize(800).containsOnly("new");
  }
}
