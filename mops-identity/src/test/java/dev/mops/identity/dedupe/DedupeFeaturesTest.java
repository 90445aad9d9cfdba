package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupeFeaturesTest {

  static final DedupeConfig FEBRL = DedupeConfigs.load(LabelledData.repoRoot().resolve("examples/dedupe/febrl.yaml"));

  private static DedupeConfig leads() {
    return DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.JARO_WINKLER, 0.9))
        .field(FieldRule.of("first", FieldKind.FIRST_NAME, ComparatorType.NAME, 0.92))
        .field(FieldRule.of("last", FieldKind.NAME, ComparatorType.PHONETIC, 0.92))
        .field(FieldRule.of("phone", FieldKind.PHONE, ComparatorType.DAMERAU_LEVENSHTEIN, 1))
        .blockingKey("email")
        .blockingKey("phonetic(last)")
        .blockingKey("phone")
        .randomPairs(1000)
        .junkValueCount(3)
        .survivorship(new SurvivorshipRule("phone", SurvivorshipRule.Strategy.MOST_RECENT, "updated", List.of()))
        .build();
  }

  private static List<Record> leadRecords() {
    List<Record> out = new ArrayList<>();
    out.add(rec("id", "1", "email", "Bob.Smith+promo@gmail.com", "first", "Bob", "last", "Smith", "phone", "+1 415 555 0101", "updated", "2024-01-01"));
    out.add(rec("id", "2", "email", "bobsmith@gmail.com", "first", "Robert", "last", "Smyth", "phone", "(415) 555-0101", "updated", "2025-03-01"));
    out.add(rec("id", "3", "email", "alice@acme.com", "first", "Alice", "last", "Jones", "phone", "415 555 0199", "updated", "2024-05-01"));
    // junk: four records sharing a placeholder email and a fake phone
    for (int i = 4; i <= 7; i++) {
      out.add(rec("id", Integer.toString(i), "email", "test@test.com", "first", new String[] {"Ian", "Ruth", "Omar", "Vera"}[i - 4],
          "last", new String[] {"Quinn", "Brooks", "Reyes", "Foster"}[i - 4], "phone", "000-0000"));
    }
    String[] firsts = {"Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Zoe", "Mason", "Chloe"};
    String[] lasts = {"Garcia", "Miller", "Davis", "Lopez", "Wilson", "Anderson", "Taylor", "Moore", "Martin", "Lee",
        "Walker", "Hall", "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell",
        "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart"};
    for (int i = 8; i <= 40; i++) {
      String f = firsts[i % firsts.length];
      String l = lasts[i - 8];
      out.add(rec("id", Integer.toString(i), "email", f.toLowerCase(java.util.Locale.ROOT) + "." + l.toLowerCase(java.util.Locale.ROOT) + "@corp" + i + ".com",
          "first", f, "last", l, "phone", "212555" + (1000 + i * 37)));
    }
    return out;
  }

  @Test
  void nicknamesPlusTagsAndPhoneFormatsMatchAndJunkIsFlagged() {
    DedupeResult r = Deduplicator.of(leads()).dedupe(leadRecords(), "id");
    assertThat(r.clusterIdOf(RecordRef.of("1"))).isEqualTo(r.clusterIdOf(RecordRef.of("2")));
    assertThat(r.clusterIdOf(RecordRef.of("3"))).isEqualTo("3");
    for (int i = 4; i <= 7; i++) {
      assertThat(r.clusterIdOf(RecordRef.of(Integer.toString(i)))).isEqualTo(Integer.toString(i));
    }
    Set<String> junkCodes = new HashSet<>();
    for (Finding f : r.findings()) {
      if (f.code().equals("JUNK_VALUE")) {
        junkCodes.add(f.field() + "=" + f.rawValue());
      }
    }
    assertThat(junkCodes).contains("email=test@test.com", "phone=0000000");
  }

  @Test
  void explanationListsEveryFieldAndAddsUp() {
    DedupeResult r = Deduplicator.of(leads()).dedupe(leadRecords(), "id");
    PairExplanation e = r.explain(RecordRef.of("1"), RecordRef.of("2"));
    assertThat(e.fields()).extracting(FieldExplanation::field).containsExactly("email", "first", "last", "phone");
    assertThat(e.fields().get(0).levelName()).isEqualTo("exact");
    assertThat(e.fields().get(1).levelName()).isEqualTo("nickname");
    assertThat(e.fields().get(2).levelName()).isEqualTo("same sound");
    double sum = e.priorWeight() + e.fields().stream().mapToDouble(FieldExplanation::weight).sum();
    assertThat(e.matchWeight()).isCloseTo(sum, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(e.toText()).contains("nickname");
    assertThat(e.candidate()).isTrue();
  }

  @Test
  void goldenRecordsKeepLineageAndFollowRules() {
    DedupeResult r = Deduplicator.of(leads()).dedupe(leadRecords(), "id");
    List<GoldenRecord> golden = r.goldenRecords();
    assertThat(golden.stream().mapToInt(g -> g.lineage().size()).sum()).isEqualTo(leadRecords().size());
    GoldenRecord bob = golden.stream().filter(g -> g.lineage().size() == 2).findFirst().orElseThrow();
    assertThat(bob.lineage()).containsExactly(RecordRef.of("1"), RecordRef.of("2"));
    assertThat(bob.values().get("phone")).isEqualTo("(415) 555-0101");
    assertThat(bob.sourceOf().get("phone")).isEqualTo(RecordRef.of("2"));
    List<GoldenRecord> merged = r.goldenRecords(2);
    assertThat(merged).isNotEmpty().allSatisfy(g -> assertThat(g.lineage()).hasSizeGreaterThan(1));
    assertThat(merged).containsExactlyElementsOf(golden.stream().filter(g -> g.lineage().size() > 1).toList());
    assertThatThrownBy(() -> r.goldenRecords(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void clusterSizeCapHolds() {
    DedupeConfig c = DedupeConfig.builder()
        .field(new FieldRule("name", FieldKind.TEXT, ComparatorType.EXACT, List.of(), List.of(0.01, 0.99), List.of(0.999, 0.001)))
        .blockingKey("name").maxClusterSize(3).minLinkShare(0).randomPairs(100).thresholds(0.5, 0.5)
        .build();
    List<Record> recs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      recs.add(rec("id", "r" + i, "name", "same"));
    }
    for (int i = 0; i < 30; i++) {
      recs.add(rec("id", "o" + i, "name", "other" + i));
    }
    DedupeResult r = Deduplicator.of(c).dedupe(recs, "id");
    assertThat(r.clusters()).allSatisfy(cl -> assertThat(cl.size()).isLessThanOrEqualTo(3));
    assertThat(r.findings()).extracting(Finding::code).contains("CLUSTER_SIZE_CAP");
  }

  @Test
  void missingIdsBecomeFindingsNotExceptions() {
    List<Record> recs = List.of(rec("email", "a@b.com"), rec("id", "x", "email", "a@b.com"));
    DedupeResult r = Deduplicator.of(leads()).dedupe(recs, "id");
    assertThat(r.recordCount()).isEqualTo(2);
    assertThat(r.findings()).extracting(Finding::code).contains("MISSING_ID");
  }

  @Test
  void linkOnlyComparesAcrossSourcesOnly() {
    List<Record> all = LabelledData.csv("febrl1.csv");
    List<Record> org = new ArrayList<>();
    List<Record> dup = new ArrayList<>();
    for (Record rec : all) {
      String id = (String) rec.get("rec_id");
      if (id.endsWith("-org")) {
        org.add(rec);
      } else {
        dup.add(rec);
      }
    }
    DedupeResult r = Deduplicator.of(FEBRL)
        .link(List.of(new DedupeSource("org.csv", org), new DedupeSource("dup.csv", dup)), "rec_id", true);
    Map<RecordRef, String> truth = new HashMap<>();
    for (Record rec : org) {
      truth.put(new RecordRef("org.csv", (String) rec.get("rec_id")), ((String) rec.get("rec_id")).split("-")[1]);
    }
    for (Record rec : dup) {
      truth.put(new RecordRef("dup.csv", (String) rec.get("rec_id")), ((String) rec.get("rec_id")).split("-")[1]);
    }
    PairwiseScore s = PairwiseScore.of(r, truth);
    System.out.printf(java.util.Locale.ROOT, "febrl1 link-only: precision %.4f recall %.4f F1 %.4f%n", s.precision(), s.recall(), s.f1());
    assertThat(s.f1()).isGreaterThanOrEqualTo(0.999);
    assertThat(r.pairs()).allSatisfy(p -> assertThat(p.a().source()).isNotEqualTo(p.b().source()));
    assertThat(r.clusterIds()).hasSize(all.size());
  }

  @Test
  void matchIndexFindsDuplicatesOfIndexedRecordsAndGrows() {
    List<Record> all = LabelledData.csv("febrl1.csv");
    DedupeResult trained = Deduplicator.of(FEBRL).dedupe(all, "rec_id");
    MatchIndex index = MatchIndex.create(FEBRL, trained.model(), trained.junkValues());
    List<Record> dups = new ArrayList<>();
    for (Record rec : all) {
      String id = (String) rec.get("rec_id");
      if (id.endsWith("-org")) {
        index.add(RecordRef.of(id), rec);
      } else {
        dups.add(rec);
      }
    }
    int found = 0;
    for (Record d : dups) {
      String entity = ((String) d.get("rec_id")).split("-")[1];
      List<IndexMatch> hits = index.matches(d);
      if (!hits.isEmpty() && hits.get(0).decision() == MatchDecision.MATCH
          && hits.get(0).ref().id().equals("rec-" + entity + "-org")) {
        found++;
      }
    }
    assertThat((double) found / dups.size()).isGreaterThanOrEqualTo(0.99);
    Record d0 = dups.get(0);
    index.add(RecordRef.of((String) d0.get("rec_id")), d0);
    assertThat(index.size()).isEqualTo(501);
    assertThat(index.matches(d0).get(0).ref().id()).isEqualTo(d0.get("rec_id"));
  }

  @Test
  void matchesThenAddAnswersAsMatchesLeavesOutItselfAndAddsOnce() {
    List<Record> all = LabelledData.csv("febrl1.csv");
    DedupeResult trained = Deduplicator.of(FEBRL).dedupe(all, "rec_id");
    MatchIndex index = MatchIndex.create(FEBRL, trained.model(), trained.junkValues());
    for (Record rec : all) {
      if (((String) rec.get("rec_id")).endsWith("-org")) {
        index.add(RecordRef.of((String) rec.get("rec_id")), rec);
      }
    }
    Record dup = all.stream().filter(r -> !((String) r.get("rec_id")).endsWith("-org")).findFirst().orElseThrow();
    RecordRef ref = RecordRef.of((String) dup.get("rec_id"));
    List<IndexMatch> before = index.matches(dup);
    assertThat(before).isNotEmpty();

    MatchIndex.Lookup first = index.matchesThenAdd(ref, dup);
    assertThat(first.added()).isTrue();
    assertThat(first.matches()).isEqualTo(before);
    assertThat(index.size()).isEqualTo(501);

    // again under the same reference: itself left out, the same matches, nothing added
    MatchIndex.Lookup again = index.matchesThenAdd(ref, dup);
    assertThat(again.added()).isFalse();
    assertThat(again.matches()).isEqualTo(before);
    assertThat(index.size()).isEqualTo(501);
    assertThat(index.matches(dup).get(0).ref()).isEqualTo(ref);
  }
}
