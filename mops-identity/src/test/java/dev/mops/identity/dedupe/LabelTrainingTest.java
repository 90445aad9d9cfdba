package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimator of m and u from labelled pairs, on data small enough to count by hand. */
class LabelTrainingTest {

  /** name: exact comparator (different, exact); city: levenshtein 1 (different, edits<=1, exact). */
  static final DedupeConfig CONFIG = DedupeConfig.builder()
      .field(FieldRule.of("name", FieldKind.TEXT, ComparatorType.EXACT))
      .field(FieldRule.of("city", FieldKind.TEXT, ComparatorType.LEVENSHTEIN, 1))
      .blockingKey("name")
      .randomPairs(1000)
      .build();

  static final List<Record> RECORDS = List.of(
      rec("id", "1", "name", "ann", "city", "paris"),
      rec("id", "2", "name", "ann", "city", "pariss"),
      rec("id", "3", "name", "bob", "city", "rome"),
      rec("id", "4", "name", "bob", "city", "rome"),
      rec("id", "5", "name", "cat", "city", "oslo"),
      rec("id", "6", "name", "dan", "city", "oslo"),
      rec("id", "7", "name", "eve"),
      rec("id", "8", "name", "fay", "city", "lima"));

  static final List<LabelledPair> LABELS = List.of(
      // matches: name exact/exact/different/different; city edits<=1/exact/exact/missing
      new LabelledPair("1", "2", true),
      new LabelledPair("3", "4", true),
      new LabelledPair("5", "6", true),
      new LabelledPair("8", "7", true),
      // non-matches: every field different
      new LabelledPair("1", "3", false),
      new LabelledPair("2", "5", false),
      new LabelledPair("4", "6", false),
      new LabelledPair("1", "5", false));

  @Test
  void mAndUAreSmoothedLevelSharesOfLabelledMatchesAndNonMatches() {
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS);
    assertThat(t.matches()).isEqualTo(4);
    assertThat(t.nonMatches()).isEqualTo(4);
    assertThat(t.used()).isEqualTo(8);
    assertThat(t.skipped()).isZero();
    assertThat(labelFindings(t)).isEmpty();
    MatchModel.FieldWeights name = t.model().fields().get(0);
    MatchModel.FieldWeights city = t.model().fields().get(1);
    assertThat(name.levelNames()).containsExactly("different", "exact");
    assertThat(city.levelNames()).containsExactly("different", "edits<=1", "exact");
    // (count + 1) / (pairs with the field present + levels)
    assertThat(name.m()).containsExactly(3.0 / 6, 3.0 / 6);
    assertThat(name.u()).containsExactly(5.0 / 6, 1.0 / 6);
    assertThat(city.m()).containsExactly(1.0 / 6, 2.0 / 6, 3.0 / 6); // 3 matches have a city on both sides
    assertThat(city.u()).containsExactly(5.0 / 7, 1.0 / 7, 1.0 / 7);
  }

  @Test
  void smoothingLeavesNoLevelAtZero() {
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS);
    for (MatchModel.FieldWeights f : t.model().fields()) {
      assertThat(f.m()).allSatisfy(p -> assertThat(p).isPositive());
      assertThat(f.u()).allSatisfy(p -> assertThat(p).isPositive());
      assertThat(f.m().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
      assertThat(f.u().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
    }
  }

  @Test
  void lambdaIsTheUnlabelledEstimateNotTheLabelledShare() {
    MatchModel unlabelled = Deduplicator.of(CONFIG).dedupe(RECORDS, "id").model();
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS);
    assertThat(t.model().lambda()).isEqualTo(unlabelled.lambda());
    // a model given to withModel is the base: its lambda (and fallbacks) are kept
    MatchModel fixed = new MatchModel(0.25, unlabelled.fields(), 0, true);
    LabelTraining onFixed = Deduplicator.withModel(CONFIG, fixed).trainFromLabels(RECORDS, "id", LABELS);
    assertThat(onFixed.model().lambda()).isEqualTo(0.25);
    assertThat(onFixed.model().fields()).isEqualTo(t.model().fields());
  }

  @Test
  void aClassBelowTheMinimumFallsBackToTheUnlabelledEstimate() {
    MatchModel unlabelled = Deduplicator.of(CONFIG).dedupe(RECORDS, "id").model();
    List<LabelledPair> twoMatches = new ArrayList<>(LABELS);
    twoMatches.remove(0);
    twoMatches.remove(0); // matches left: (5,6) and (8,7)
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", twoMatches);
    assertThat(t.matches()).isEqualTo(2).isLessThan(LabelTraining.MIN_PAIRS_PER_CLASS);
    for (int f = 0; f < 2; f++) {
      assertThat(t.model().fields().get(f).m()).isEqualTo(unlabelled.fields().get(f).m());
    }
    assertThat(t.model().fields().get(0).u()).containsExactly(5.0 / 6, 1.0 / 6);
    assertThat(labelFindings(t)).extracting(Finding::code).containsExactly("LABEL_TOO_FEW");
    assertThat(labelFindings(t).get(0).rawValue()).isEqualTo("2");
    assertThat(labelFindings(t).get(0).message()).contains("m comes from the unlabelled estimate");
  }

  @Test
  void aFieldMissingInTooManyLabelledPairsFallsBackForThatFieldOnly() {
    MatchModel unlabelled = Deduplicator.of(CONFIG).dedupe(RECORDS, "id").model();
    List<LabelledPair> labels = new ArrayList<>(LABELS);
    labels.remove(1); // (3,4): matches left (1,2) (5,6) (8,7), two of them with a city
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", labels);
    assertThat(t.matches()).isEqualTo(3);
    assertThat(t.model().fields().get(0).m()).containsExactly(3.0 / 5, 2.0 / 5);
    assertThat(t.model().fields().get(1).m()).isEqualTo(unlabelled.fields().get(1).m());
    assertThat(labelFindings(t)).singleElement().satisfies(f -> {
      assertThat(f.code()).isEqualTo("LABEL_FIELD_TOO_FEW");
      assertThat(f.field()).isEqualTo("city");
      assertThat(f.rawValue()).isEqualTo("2");
    });
  }

  @Test
  void badLabelsAreFindingsNotExceptions() {
    List<LabelledPair> labels = new ArrayList<>(LABELS);
    labels.add(new LabelledPair("1", "99", true));           // unknown id
    labels.add(new LabelledPair("nobody", "nobody", false)); // unknown, reported once
    labels.add(new LabelledPair("3", " 3 ", true));           // a record with itself (ids are stripped)
    labels.add(new LabelledPair("6", "5", true));             // (5,6) again, alike: used once
    labels.add(new LabelledPair("2", "4", true));             // (2,4) both ways: neither used
    labels.add(new LabelledPair("4", "2", false));
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", labels);
    assertThat(t.matches()).isEqualTo(4);
    assertThat(t.nonMatches()).isEqualTo(4);
    assertThat(t.skipped()).isEqualTo(6);
    assertThat(labelFindings(t)).extracting(Finding::code).containsExactlyInAnyOrder(
        "LABEL_UNKNOWN_ID", "LABEL_UNKNOWN_ID", "LABEL_SAME_RECORD", "LABEL_DUPLICATE", "LABEL_CONFLICT");
    assertThat(labelFindings(t)).filteredOn(f -> f.code().equals("LABEL_UNKNOWN_ID"))
        .extracting(Finding::field, Finding::rawValue)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("id", "99"), org.assertj.core.groups.Tuple.tuple("id", "nobody"));
    assertThat(labelFindings(t)).filteredOn(f -> f.code().equals("LABEL_SAME_RECORD"))
        .extracting(Finding::rawValue).containsExactly("3");
    assertThat(labelFindings(t)).filteredOn(f -> f.code().equals("LABEL_CONFLICT"))
        .extracting(Finding::rawValue).containsExactly("(2, 4)");
    // the skipped labels change nothing
    assertThat(t.model()).isEqualTo(Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS).model());
  }

  @Test
  void noUsableLabelsGiveTheUnlabelledModelWithFindings() {
    MatchModel unlabelled = Deduplicator.of(CONFIG).dedupe(RECORDS, "id").model();
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", List.of(new LabelledPair("x", "y", true)));
    assertThat(t.used()).isZero();
    assertThat(t.model().fields()).isEqualTo(unlabelled.fields());
    assertThat(labelFindings(t)).extracting(Finding::code)
        .containsExactly("LABEL_UNKNOWN_ID", "LABEL_UNKNOWN_ID", "LABEL_TOO_FEW", "LABEL_TOO_FEW");
  }

  @Test
  void sourcesAreAddressedAsSourceColonId() {
    List<Record> a = RECORDS.subList(0, 4);
    List<Record> b = RECORDS.subList(4, 8);
    List<DedupeSource> sources = List.of(new DedupeSource("crm", a), new DedupeSource("web", b));
    List<LabelledPair> labels = List.of(
        new LabelledPair("crm:1", "crm:2", true), new LabelledPair("crm:3", "crm:4", true),
        new LabelledPair("web:5", "web:6", true), new LabelledPair("web:8", "web:7", true),
        new LabelledPair("crm:1", "crm:3", false), new LabelledPair("crm:2", "web:5", false),
        new LabelledPair("crm:4", "web:6", false), new LabelledPair("crm:1", "web:5", false),
        new LabelledPair("1", "web:5", false));
    LabelTraining t = Deduplicator.of(CONFIG).trainFromLabels(sources, "id", false, labels);
    assertThat(t.used()).isEqualTo(8);
    assertThat(labelFindings(t)).singleElement().satisfies(f -> assertThat(f.rawValue()).isEqualTo("1"));
    assertThat(t.model().fields()).isEqualTo(Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS).model().fields());
  }

  @Test
  void labelledPairsAreComparedExactlyAsScoringComparesThem() {
    // junk values (a placeholder email shared by four records) are missing for labels as for scoring
    DedupeConfig config = DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.JARO_WINKLER, 0.9))
        .field(FieldRule.of("first", FieldKind.FIRST_NAME, ComparatorType.NAME, 0.92))
        .blockingKey("email")
        .randomPairs(500)
        .junkValueCount(3)
        .build();
    String[] firsts = {"Bob", "Robert", "Rob", "Bobby", "Alice", "Alicia", "Ally", "Ian", "Ruth", "Omar", "Vera", "Zoe", "Zoey"};
    String[] emails = {"bob@x.com", "bob@x.com", "b0b@x.com", "bobby@x.com", "alice@acme.com", "alice@acme.com",
        "alice@acme.co", "test@test.com", "test@test.com", "test@test.com", "test@test.com", "zoe@y.org", "zoe@y.org"};
    int[] entity = {0, 0, 0, 0, 1, 1, 1, 2, 3, 4, 5, 6, 6};
    List<Record> recs = new ArrayList<>();
    for (int i = 0; i < firsts.length; i++) {
      recs.add(rec("id", "r" + i, "email", emails[i], "first", firsts[i]));
    }
    List<LabelledPair> labels = new ArrayList<>();
    for (int a = 0; a < recs.size(); a++) {
      for (int b = a + 1; b < recs.size(); b++) {
        labels.add(new LabelledPair("r" + a, "r" + b, entity[a] == entity[b]));
      }
    }
    LabelTraining t = Deduplicator.of(config).trainFromLabels(recs, "id", labels);
    DedupeResult result = Deduplicator.withModel(config, t.model()).dedupe(recs, "id");
    // recount the levels from the explanations of the scoring run
    Map<String, long[]> counts = new LinkedHashMap<>();
    Map<String, Boolean> seen = new LinkedHashMap<>();
    for (LabelledPair l : labels) {
      String key = l.idA().compareTo(l.idB()) < 0 ? l.idA() + "|" + l.idB() : l.idB() + "|" + l.idA();
      if (seen.containsKey(key)) {
        continue;
      }
      seen.put(key, l.match());
      PairExplanation e = result.explain(RecordRef.of(l.idA()), RecordRef.of(l.idB()));
      for (FieldExplanation f : e.fields()) {
        long[] c = counts.computeIfAbsent(f.field() + (l.match() ? " m" : " u"), x -> new long[16]);
        if (f.level() >= 0) {
          c[f.level()]++;
          c[15]++;
        }
      }
    }
    assertThat(counts.get("email u")[15]).as("junk emails are missing").isLessThan(seen.size() - seen.values().stream().filter(x -> x).count());
    for (int f = 0; f < 2; f++) {
      MatchModel.FieldWeights fw = t.model().fields().get(f);
      long[] mc = counts.get(fw.field() + " m");
      long[] uc = counts.get(fw.field() + " u");
      int levels = fw.levelNames().size();
      for (int l = 0; l < levels; l++) {
        assertThat(fw.m().get(l)).as(fw.field() + " m " + l).isCloseTo((mc[l] + 1.0) / (mc[15] + levels), within(1e-12));
        assertThat(fw.u().get(l)).as(fw.field() + " u " + l).isCloseTo((uc[l] + 1.0) / (uc[15] + levels), within(1e-12));
      }
    }
  }

  /** The findings about labels (the unlabelled estimate adds its own, such as FEW_RANDOM_PAIRS here). */
  static List<Finding> labelFindings(LabelTraining t) {
    return t.findings().stream().filter(f -> f.code().startsWith("LABEL_")).collect(java.util.stream.Collectors.toList());
  }

  static LongStream seeds() {
    return Fixtures.seeds(1, 2, 3);
  }

  /** The model does not depend on the order of the records or of the labels, nor on which id comes first. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void trainingDoesNotDependOnOrder(long seed) {
    System.out.println("seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Record> records = new ArrayList<>(RECORDS);
    List<LabelledPair> labels = new ArrayList<>();
    for (LabelledPair l : LABELS) {
      labels.add(rnd.nextBoolean() ? l : new LabelledPair(l.idB(), l.idA(), l.match()));
    }
    shuffle(records, rnd);
    shuffle(labels, rnd);
    MatchModel expected = Deduplicator.of(CONFIG).trainFromLabels(RECORDS, "id", LABELS).model();
    assertThat(Deduplicator.of(CONFIG).trainFromLabels(records, "id", labels).model()).isEqualTo(expected);
  }

  static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
