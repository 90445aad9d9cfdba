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

  @Test
  void evidenceBreakdownSortsTruePairsByWhatTheirRecordsShare() {
    // Fixed m and u, so that which levels count as agreement does not depend on estimation.
    List<Double> mExact = List.of(0.1, 0.9);
    List<Double> uExact = List.of(0.99, 0.01);
    DedupeConfig config = DedupeConfig.builder()
        // jw>=0.8 weighs against a match (m 0.05 below u 0.09): a near first name does not agree.
        .field(new FieldRule("first_name", FieldKind.FIRST_NAME, ComparatorType.JARO_WINKLER, List.of(0.8),
            List.of(0.05, 0.05, 0.9), List.of(0.9, 0.09, 0.01)))
        .field(new FieldRule("last_name", FieldKind.NAME, ComparatorType.EXACT, List.of(), mExact, uExact))
        .field(new FieldRule("city", FieldKind.TEXT, ComparatorType.EXACT, List.of(), mExact, uExact))
        .field(new FieldRule("email", FieldKind.EMAIL, ComparatorType.EXACT, List.of(), mExact, uExact))
        .blockingKey("last_name")
        .build();
    List<dev.mops.core.record.Record> records = List.of(
        row("1", "Ann", "Lee", "Leeds", "ann@x.com"),
        row("2", "Ann", "Lee", "Leeds", "ann@x.com"),
        row("3", "Ann", "Lee", "York", null),
        row("4", "Bob", "Roe", "York", "bob@y.com"),
        row("5", "Bob", "Roe", "York", "robert@z.com"),
        row("6", "Cy", "Day", "Oslo", "cy@d.com"),
        row("7", "Di", "Fox", "Rome", "di@f.com"),
        row("8", "Jon", "Poe", "Kyiv", null),
        row("9", "Joan", "Poe", "Riga", null));
    DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
    Map<RecordRef, String> truth = new java.util.HashMap<>();
    String[] entity = {"A", "A", "A", "B", "B", "C", "C", "D", "D"};
    for (int i = 0; i < entity.length; i++) {
      truth.put(r(Integer.toString(i + 1)), entity[i]);
    }
    truth.put(r("10"), "E"); // a record of the truth that is not in the run: its pair is counted apart
    truth.put(r("11"), "E");
    Map<RecordRef, String> predicted = new java.util.HashMap<>();
    String[] cluster = {"x", "x", "y", "z", "z", "c6", "c7", "c8", "c9"};
    for (int i = 0; i < cluster.length; i++) {
      predicted.put(r(Integer.toString(i + 1)), cluster[i]);
    }
    EvidenceBreakdown b = DedupeEvaluation.ofEntities(predicted, truth, false).evidence(result);
    // True pairs: 1-2 (email: identifying, found), 1-3 and 2-3 (names only, missed), 4-5 (names and
    // city, found), 6-7 (nothing, missed, never a candidate), 8-9 (last name only, missed).
    assertThat(b.truePairs()).isEqualTo(6);
    assertThat(b.outsideRun()).isEqualTo(1);
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.IDENTIFYING))
        .isEqualTo(new EvidenceBreakdown.ClassRow(EvidenceBreakdown.EvidenceClass.IDENTIFYING, 1, 1, 0));
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.NAME_AND_CONTEXT))
        .isEqualTo(new EvidenceBreakdown.ClassRow(EvidenceBreakdown.EvidenceClass.NAME_AND_CONTEXT, 1, 1, 0));
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.NAME_ONLY))
        .isEqualTo(new EvidenceBreakdown.ClassRow(EvidenceBreakdown.EvidenceClass.NAME_ONLY, 3, 0, 0));
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.NOTHING))
        .isEqualTo(new EvidenceBreakdown.ClassRow(EvidenceBreakdown.EvidenceClass.NOTHING, 1, 0, 1));
    assertThat(b.identifyingRecall()).isEqualTo(1.0);
    assertThat(b.beyondNameRecall()).isEqualTo(1.0);
    // Most missed first: Ann Lee's two name-only pairs, then the rest by missed and size.
    assertThat(b.rows().get(0)).isEqualTo(new EvidenceBreakdown.Row(List.of("first_name", "last_name"),
        EvidenceBreakdown.EvidenceClass.NAME_ONLY, 2, 0, 0));
    assertThat(b.rows()).extracting(EvidenceBreakdown.Row::label)
        .contains("(none)", "last_name", "first_name + last_name + city", "first_name + last_name + city + email");
    String text = b.toText(10);
    assertThat(text).contains("names only", "recall over pairs with identifying evidence 1.0000",
        "1 with a record outside the run skipped", "first_name + last_name ")
        .doesNotContain("first_name + last_name + city + email"); // found pairs only: not a missed row
  }

  @Test
  void labelledMatchesAreTheTruePairsOfTheBreakdown() {
    DedupeConfig config = DedupeConfig.builder()
        .field(new FieldRule("email", FieldKind.EMAIL, ComparatorType.EXACT, List.of(), List.of(0.1, 0.9),
            List.of(0.99, 0.01)))
        .blockingKey("email")
        .build();
    List<dev.mops.core.record.Record> records = List.of(row("1", "A", "B", "C", "a@x.com"),
        row("2", "A", "B", "C", "a@x.com"), row("3", "A", "B", "C", "z@x.com"));
    DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
    Map<RecordRef, String> predicted = Map.of(r("1"), "x", r("2"), "y", r("3"), "z");
    EvidenceBreakdown b = DedupeEvaluation.ofLabelledPairs(predicted, List.of(new LabelledPair("1", "2", true),
        new LabelledPair("1", "3", true), new LabelledPair("2", "3", false))).evidence(result);
    assertThat(b.truePairs()).isEqualTo(2);
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.IDENTIFYING).truePairs()).isEqualTo(1);
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.IDENTIFYING).found()).isZero();
    assertThat(b.of(EvidenceBreakdown.EvidenceClass.NOTHING).notCandidates()).isEqualTo(1);
  }

  private static dev.mops.core.record.Record row(String id, String first, String last, String city,
      @org.jspecify.annotations.Nullable String email) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("id", id);
    m.put("first_name", first);
    m.put("last_name", last);
    m.put("city", city);
    if (email != null) {
      m.put("email", email);
    }
    return dev.mops.core.record.Records.of(m);
  }
}
