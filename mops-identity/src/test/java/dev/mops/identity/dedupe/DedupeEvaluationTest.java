package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DedupeEvaluationTest {

  private static RecordRef r(String id) {
    return RecordRef.of(id);
  }

  @Test
  void pairwiseAndClusterFiguresByHand() {
    // Truth: {1,2,3} {4,5} {6}. Predicted: {1,2} {3,4,5} {6}.
    Map<RecordRef, String> truth = Map.of(r("1"), "a", r("2"), "a", r("3"), "a", r("4"), "b", r("5"), "b", r("6"), "c");
    Map<RecordRef, String> predicted = Map.of(r("1"), "x", r("2"), "x", r("3"), "y", r("4"), "y", r("5"), "y", r("6"), "z");
    DedupeEvaluation e = DedupeEvaluation.ofEntities(predicted, truth, false);
    // predicted pairs 1-2, 3-4, 3-5, 4-5 = 4; true pairs 1-2, 1-3, 2-3, 4-5 = 4; both 1-2, 4-5 = 2.
    assertThat(e.pairwise()).isEqualTo(new PairwiseScore(2, 4, 4));
    assertThat(e.falseLinkCount()).isEqualTo(2);
    assertThat(e.falseLinks()).containsExactly(new DedupeEvaluation.Mistake(r("3"), r("4"), true),
        new DedupeEvaluation.Mistake(r("3"), r("5"), true));
    assertThat(e.missedPairs()).containsExactly(new DedupeEvaluation.Mistake(r("1"), r("3"), false),
        new DedupeEvaluation.Mistake(r("2"), r("3"), false));
    DedupeEvaluation.ClusterScore c = e.clusters();
    assertThat(c).isNotNull();
    // B-cubed precision: 1,2: 1; 3: 1/3; 4,5: 2/3; 6: 1 -> (1+1+1/3+2/3+2/3+1)/6.
    assertThat(c.bcubedPrecision()).isCloseTo((3 + 1.0 / 3 + 4.0 / 3) / 6, within(1e-12));
    // B-cubed recall: 1,2: 2/3; 3: 1/3; 4,5: 1; 6: 1.
    assertThat(c.bcubedRecall()).isCloseTo((4.0 / 3 + 1.0 / 3 + 3) / 6, within(1e-12));
    assertThat(c.exactPrecision()).isCloseTo(1.0 / 3, within(1e-12)); // only {6}
    assertThat(c.exactRecall()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(c.clusters()).isEqualTo(3);
    assertThat(c.entities()).isEqualTo(3);
  }

  @Test
  void recordsMissingFromOneSideAreSingletons() {
    Map<RecordRef, String> truth = Map.of(r("1"), "a", r("2"), "a");
    Map<RecordRef, String> predicted = Map.of(r("1"), "x", r("3"), "x");
    DedupeEvaluation e = DedupeEvaluation.ofEntities(predicted, truth, false);
    assertThat(e.pairwise()).isEqualTo(new PairwiseScore(0, 1, 1));
    assertThat(e.falseLinks()).containsExactly(new DedupeEvaluation.Mistake(r("1"), r("3"), true));
    assertThat(e.missedPairs()).containsExactly(new DedupeEvaluation.Mistake(r("1"), r("2"), false));
  }

  @Test
  void labelledPairsCountOnlyTheLabelledPairs() {
    Map<RecordRef, String> predicted = Map.of(r("1"), "x", r("2"), "x", r("3"), "x", r("4"), "y");
    List<LabelledPair> labels = List.of(new LabelledPair("1", "2", true), new LabelledPair("2", "3", false),
        new LabelledPair("3", "4", true), new LabelledPair("1", "99", true));
    DedupeEvaluation e = DedupeEvaluation.ofLabelledPairs(predicted, labels);
    assertThat(e.pairwise()).isEqualTo(new PairwiseScore(1, 2, 2));
    assertThat(e.clusters()).isNull();
    assertThat(e.falseLinks()).containsExactly(new DedupeEvaluation.Mistake(r("2"), r("3"), true));
    assertThat(e.missedPairs()).containsExactly(new DedupeEvaluation.Mistake(r("3"), r("4"), false));
  }

  @Test
  void worstMistakesAreRankedByProbability() {
    Map<RecordRef, String> truth = Map.of(r("1"), "a", r("2"), "b", r("3"), "c");
    Map<RecordRef, String> predicted = Map.of(r("1"), "x", r("2"), "x", r("3"), "x");
    DedupeEvaluation e = DedupeEvaluation.ofEntities(predicted, truth, false);
    Map<String, Double> p = Map.of("1|2", 0.2, "1|3", 0.9, "2|3", 0.5);
    List<DedupeEvaluation.Mistake> worst = e.worstFalseLinks(2, (a, b) -> p.get(a.id() + "|" + b.id()));
    assertThat(worst).extracting(m -> m.a().id() + "|" + m.b().id()).containsExactly("1|3", "2|3");
  }

  @Test
  void agreesWithPairwiseScoreOnARealRun() {
    List<dev.mops.core.record.Record> records = LabelledData.csv("fake_1000.csv");
    List<String> columns = new java.util.ArrayList<>(LabelledData.columns("fake_1000.csv"));
    columns.remove("unique_id");
    columns.remove("cluster");
    DedupeResult result = Deduplicator.of(DedupeConfigs.infer(columns, records)).dedupe(records, "unique_id");
    Map<RecordRef, String> truth = LabelledData.columnTruth(records, "unique_id", "cluster");
    DedupeEvaluation e = DedupeEvaluation.ofEntities(result.clusterIds(), truth, false);
    assertThat(e.pairwise()).isEqualTo(PairwiseScore.of(result, truth));
    assertThat(e.falseLinkCount()).isEqualTo(e.pairwise().predicted() - e.pairwise().truePositives());
    assertThat(e.missedPairCount()).isEqualTo(e.pairwise().actual() - e.pairwise().truePositives());
  }
}
