package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TermFrequenciesTest {

  @Test
  void commonValuesWeighLessAndRareOnesMoreUpToThreeBits() {
    double u = 0.01;
    // A value held by 10% of records: log2(0.01 / 0.1) = -3.32 bits.
    assertThat(TermFrequencies.adjustment(u, 1_000, 10_000)).isCloseTo(Math.log(0.1) / Math.log(2), within(1e-9));
    // A value held by 1 of 10,000: raised by at most log2(8) = 3 bits.
    assertThat(TermFrequencies.adjustment(u, 1, 10_000)).isCloseTo(3.0, within(1e-9));
    assertThat(TermFrequencies.adjustment(u, 100, 10_000)).isCloseTo(0.0, within(1e-9));
  }

  @Test
  void tablesMergeByAddingCounts() {
    TermFrequencies a = new TermFrequencies(10, List.of("last_name"), List.of(Map.of("smith", 3, "jones", 2)));
    TermFrequencies b = new TermFrequencies(5, List.of("last_name"), List.of(Map.of("smith", 2)));
    TermFrequencies m = a.merge(b);
    assertThat(m.records()).isEqualTo(15);
    assertThat(m.count(0, "smith")).isEqualTo(5);
    assertThat(m.count(0, "jones")).isEqualTo(2);
    assertThat(m.count(0, "jeneling")).isEqualTo(1);
    assertThatThrownBy(() -> a.merge(new TermFrequencies(1, List.of("email"), List.of(Map.of()))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Record> people(int n) {
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Every fifth record is a Smith; the others have a surname of their own.
      String last = i % 5 == 0 ? "Smith" : "Surname" + Integer.toString(i, 36);
      out.add(Records.of(Map.of("id", Integer.toString(i), "first_name", "Name" + Integer.toString(i % 700, 36),
          "last_name", last, "city", "City" + (i % 40))));
    }
    return out;
  }

  @Test
  void theExplanationSaysWhatTheValueShareDidToTheWeight() {
    List<Record> records = people(TermFrequencies.MIN_RECORDS);
    DedupeConfig config = DedupeConfig.builder()
        .field(FieldRule.of("first_name", FieldKind.FIRST_NAME, ComparatorType.EXACT))
        .field(FieldRule.of("last_name", FieldKind.NAME, ComparatorType.EXACT))
        .field(FieldRule.of("city", FieldKind.TEXT, ComparatorType.EXACT))
        .blockingKey("first_name")
        .build();
    DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
    TermFrequencies tf = result.termFrequencies();
    assertThat(tf).isNotNull();
    assertThat(tf.count(1, "smith")).isEqualTo(1_000);
    // Records 0 and 700 * 5 = 3500 share first name and are both Smiths.
    PairExplanation smiths = result.explain(RecordRef.of("0"), RecordRef.of("3500"));
    FieldExplanation last = smiths.fields().get(1);
    assertThat(last.levelName()).isEqualTo("exact");
    assertThat(last.weight()).isLessThan(last.baseWeight());
    assertThat(last.note()).startsWith("last_name agrees on a value held by 20% of records (1,000 of 5,000): ");
    assertThat(smiths.toText()).contains(last.note());
    double sum = smiths.priorWeight();
    for (FieldExplanation f : smiths.fields()) {
      sum += f.weight();
    }
    assertThat(smiths.matchWeight()).isCloseTo(sum, within(1e-9));
  }

  @Test
  void smallFilesAndConfigsThatTurnItOffAreNotAdjusted() {
    List<Record> small = people(TermFrequencies.MIN_RECORDS - 1);
    DedupeConfig.Builder b = DedupeConfig.builder()
        .field(FieldRule.of("last_name", FieldKind.NAME, ComparatorType.EXACT))
        .blockingKey("last_name");
    assertThat(Deduplicator.of(b.build()).dedupe(small, "id").termFrequencies()).isNull();
    DedupeConfig off = DedupeConfig.builder()
        .field(FieldRule.of("last_name", FieldKind.NAME, ComparatorType.EXACT))
        .blockingKey("last_name").termFrequencies(false).build();
    assertThat(Deduplicator.of(off).dedupe(people(TermFrequencies.MIN_RECORDS), "id").termFrequencies()).isNull();
  }

  @Test
  void anEvidenceGroupCountsOnceAndIsReadFromYaml() {
    DedupeConfig config = DedupeConfigs.parse("g.yaml", String.join("\n",
        "fields:",
        "  - {field: name, kind: name, comparator: exact}",
        "  - {field: company, kind: company, comparator: exact}",
        "  - {field: city, comparator: exact}",
        "blocking:",
        "  keys: [[company]]",
        "model:",
        "  evidence_groups: [[company, city]]",
        ""));
    assertThat(config.evidenceGroups()).containsExactly(List.of("company", "city"));
    assertThatThrownBy(() -> DedupeConfigs.parse("g.yaml", String.join("\n",
        "fields:",
        "  - {field: name, kind: name, comparator: exact}",
        "blocking:",
        "  keys: [[name]]",
        "model:",
        "  evidence_groups: [[name, nope]]",
        ""))).hasMessageContaining("nope");
    List<Record> records = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      records.add(Records.of(Map.of("id", Integer.toString(i), "name", "N" + (i % 20), "company", "C" + (i % 4),
          "city", "T" + (i % 4))));
    }
    DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
    PairExplanation e = result.explain(RecordRef.of("0"), RecordRef.of("4"));
    FieldExplanation company = e.fields().get(1);
    FieldExplanation city = e.fields().get(2);
    assertThat(company.levelName()).isEqualTo("exact");
    assertThat(city.levelName()).isEqualTo("exact");
    // One of the two counts, the other is noted as not counted.
    assertThat(company.weight() == 0 || city.weight() == 0).isTrue();
    assertThat(company.note() + city.note()).contains("are one piece of evidence");
  }

  @Test
  void numberedEmailAliasesAreDifferentPeople() {
    assertThat(FieldComparer.numberedAliases("jamesg2@summitcapital.com", "jamesg3@summitcapital.com")).isTrue();
    assertThat(FieldComparer.numberedAliases("smueller@corenetworks.de", "smueller2@corenetworks.de")).isTrue();
    assertThat(FieldComparer.numberedAliases("jamesg@acme.com", "jamesr@acme.com")).isFalse();
    assertThat(FieldComparer.numberedAliases("jamesg@acme.com", "jamesg@acme.com")).isFalse();
    // typos of fake_1000: a digit put in front, a two-digit number
    assertThat(FieldComparer.numberedAliases("jb88@king.com", "8jb88@king.com")).isFalse();
    assertThat(FieldComparer.numberedAliases("j.lee86@roberson.com", "j.lee68@roberson.com")).isFalse();
    assertThat(FieldComparer.numberedAliases("jamesg2@acme.com", "jamesg3@acme.de")).isFalse();
  }
}
