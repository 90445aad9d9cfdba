package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading labels files: both layouts, unreadable rows as findings, Splink sources, a bad header. */
class LabelFileTest {

  private static LabelFile read(String csv, Collection<String> sources) throws IOException {
    try (InputStream in = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))) {
      return LabelFile.read("labels.csv", in, sources);
    }
  }

  @Test
  void readsTheMatchColumnLayoutWithEverySpellingOfMatch() throws IOException {
    LabelFile f = read(String.join("\n", "id_a,id_b,match,note",
        "1,2,1,x", "3,4,YES,", "5,6,true,", "7,8,match,", "9,10,0,", "11,12,no,", "13,14,Non-Match,", "15,16,1.0,",
        "17,18,maybe,", "19,,1,", ""), List.of());
    assertThat(f.format()).isEqualTo(LabelFile.Format.MATCH_COLUMN);
    assertThat(f.pairs()).containsExactly(
        new LabelledPair("1", "2", true), new LabelledPair("3", "4", true), new LabelledPair("5", "6", true),
        new LabelledPair("7", "8", true), new LabelledPair("9", "10", false), new LabelledPair("11", "12", false),
        new LabelledPair("13", "14", false), new LabelledPair("15", "16", true));
    assertThat(f.rows()).isEqualTo(10);
    assertThat(f.unreadable()).isEqualTo(2);
    // every row is accounted for: a pair or a finding
    assertThat(f.pairs().size() + f.unreadable()).isEqualTo(f.rows());
    assertThat(f.findings()).extracting(Finding::message)
        .containsExactly("labels.csv line 10: match 'maybe' is not 1/0, true/false, yes/no or match/non-match; label skipped",
            "labels.csv line 11: no id_b; label skipped");
  }

  @Test
  void readsSplinkClericalScoresAndQualifiesIdsWithTheirSource() throws IOException {
    String csv = String.join("\n", "unique_id_l,source_dataset_l,unique_id_r,source_dataset_r,clerical_match_score",
        "1,crm,2,web.csv,0.9", "3,crm,4,crm,0.5", "5,crm,6,web,0.49", "7,crm,8,web,1.5", "");
    LabelFile linked = read(csv, List.of("crm.csv", "web.csv"));
    assertThat(linked.format()).isEqualTo(LabelFile.Format.SPLINK_CLERICAL);
    assertThat(linked.pairs()).containsExactly(new LabelledPair("crm.csv:1", "web.csv:2", true),
        new LabelledPair("crm.csv:3", "crm.csv:4", true), new LabelledPair("crm.csv:5", "web.csv:6", false));
    assertThat(linked.findings()).singleElement().extracting(Finding::rawValue).isEqualTo("1.5");
    // with one source, ids are read as they are
    LabelFile single = read(csv, List.of());
    assertThat(single.pairs()).first().isEqualTo(new LabelledPair("1", "2", true));
  }

  @Test
  void readsTheRepositorysSplinkLabelsAndTrainsFromThem() throws IOException {
    LabelFile f = LabelFile.read(LabelledData.dir().resolve("fake_1000_labels.csv"));
    assertThat(f.format()).isEqualTo(LabelFile.Format.SPLINK_CLERICAL);
    assertThat(f.rows()).isEqualTo(3176);
    assertThat(f.pairs()).hasSize(3176);
    assertThat(f.findings()).isEmpty();
    assertThat(f.pairs()).filteredOn(LabelledPair::match).isNotEmpty();
    assertThat(f.pairs()).filteredOn(p -> !p.match()).isNotEmpty();
  }

  @Test
  void aHeaderWithNeitherLayoutIsAnError() {
    assertThatThrownBy(() -> read("left,right,label\n1,2,1\n", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels.csv has columns [left, right, label]; a labels file needs id_a,id_b,match"
            + " or unique_id_l,unique_id_r,clerical_match_score");
  }

  @Test
  void parsesMatchValuesAndScores() {
    assertThat(LabelFile.parseMatch(" 1 ")).isTrue();
    assertThat(LabelFile.parseMatch("non_match")).isFalse();
    assertThat(LabelFile.parseMatch("0.0")).isFalse();
    assertThat(LabelFile.parseMatch("2")).isNull();
    assertThat(LabelFile.parseMatch(null)).isNull();
    assertThat(LabelFile.parseClericalScore("0.5")).isTrue();
    assertThat(LabelFile.parseClericalScore("0")).isFalse();
    assertThat(LabelFile.parseClericalScore("NaN")).isNull();
    assertThat(LabelFile.parseClericalScore("-0.1")).isNull();
  }
}
