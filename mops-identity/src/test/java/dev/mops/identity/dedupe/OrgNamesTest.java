package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The organisation-name comparator, its rarity weights, and organisation-file inference. */
class OrgNamesTest {

  private static final DedupeConfig ORG = DedupeConfig.builder()
      .field(FieldRule.of("name", FieldKind.COMPANY, ComparatorType.ORG_NAME, 0.9, 0.7, 0.5))
      .blockingKey("first_token(name)")
      .build();

  /** Prepares the names as a run does (company key, words, rarity weights over all of them). */
  private static PreparedRecord[] prepare(String... names) {
    FieldComparer comparer = new FieldComparer(ORG);
    PreparedRecord[] recs = new PreparedRecord[names.length];
    for (int i = 0; i < names.length; i++) {
      recs[i] = comparer.prepare(new RecordRef("", "r" + i), rec("name", names[i]), null);
    }
    OrgNames.weigh(comparer, recs);
    return recs;
  }

  private static double similarity(PreparedRecord a, PreparedRecord b) {
    return OrgNames.similarity(a.tokens[0], a.tokenWeights[0], b.tokens[0], b.tokenWeights[0]);
  }

  @Test
  void aSharedRareWordWeighsMoreThanASharedCommonWord() {
    PreparedRecord[] r = prepare("Jeneling Systems", "Jeneling Holdings", "Korvex Systems", "Talmar Systems",
        "Quizen Systems", "Dorfal Systems", "Brinov Systems");
    double rare = similarity(r[0], r[1]); // share Jeneling, held by 2 of 7
    double common = similarity(r[0], r[2]); // share Systems, held by 6 of 7
    // Holdings is rare too, so the pair sharing Jeneling still differs by a rare word
    assertThat(rare).isGreaterThan(0.55);
    assertThat(common).isLessThan(0.3);
    assertThat(rare).isGreaterThan(2 * common);
    assertThat(r[0].tokenWeights[0]).hasSize(2);
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource(delimiter = '|', value = {
    "Koninklijke Philips Electronics N.V. | KONINK PHILIPS ELECTRONICS",
    "Internationale Shell Maatschappij | INTERNAT SHELL MAATSCHAPPIJ",
    "Akzo Nobel N.V. | AKZO NOBLE",
    "The Jeneling Group, Inc. | Jeneling Group Ltd",
  })
  void variantsOfOneNameAgreeHighly(String a, String b) {
    PreparedRecord[] r = prepare(a, b, "Acme Industries", "Global Systems", "Summit Partners");
    assertThat(similarity(r[0], r[1])).isGreaterThanOrEqualTo(0.7);
  }

  @Test
  void wordSimilarity() {
    assertThat(OrgNames.wordSimilarity("philips", "philips")).isEqualTo(1.0);
    assertThat(OrgNames.wordSimilarity("konink", "koninklijke")).isEqualTo(OrgNames.PREFIX_SIMILARITY);
    assertThat(OrgNames.wordSimilarity("philips", "phillips")).isBetween(0.9, 1.0);
    assertThat(OrgNames.wordSimilarity("ibm", "ibx")).isZero();
    assertThat(OrgNames.wordSimilarity("summit", "sunset")).isZero();
  }

  @Test
  void withoutWeightsEveryWordCountsOne() {
    String[] a = {"acme", "systems"};
    String[] b = {"acme", "group"};
    assertThat(OrgNames.similarity(a, null, b, null)).isEqualTo(0.5);
    assertThat(OrgNames.similarity(a, null, new String[0], null)).isZero();
  }

  @Test
  void organisationFilesAreRecognisedWithoutConfig() {
    List<Record> sample = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sample.add(rec("site_name", "Jeneling Systems " + i, "address", i + " North Main Street, Suite 5",
          "city", "Boston", "postcode", "0211" + (i % 10), "phone", "617555" + (1000 + i), "classes", "A61N**A61B"));
    }
    DedupeConfig c = DedupeConfigs.infer(List.of("site_name", "address", "city", "postcode", "phone", "classes"), sample);
    Map<String, FieldRule> rules = c.fields().stream().collect(Collectors.toMap(FieldRule::field, f -> f));
    assertThat(rules.get("site_name").comparator()).isEqualTo(ComparatorType.ORG_NAME);
    assertThat(rules.get("address").kind()).isEqualTo(FieldKind.ADDRESS);
    assertThat(rules.get("phone").kind()).isEqualTo(FieldKind.PHONE);
    assertThat(rules).doesNotContainKey("classes");
    assertThat(c.maxClusterSize()).isEqualTo(OrgInference.MAX_CLUSTER_SIZE);
    assertThat(c.maxBlockSize()).isEqualTo(OrgInference.MAX_BLOCK_SIZE);
  }

  @Test
  void personFilesKeepTheirLimitsAndTokenSetCompanies() {
    List<Record> sample = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      sample.add(rec("first_name", "Ann", "last_name", "Lee" + i, "company", "Jeneling Systems"));
    }
    DedupeConfig c = DedupeConfigs.infer(List.of("first_name", "last_name", "company"), sample);
    assertThat(c.fields()).allSatisfy(f -> assertThat(f.comparator()).isNotEqualTo(ComparatorType.ORG_NAME));
    assertThat(c.maxClusterSize()).isEqualTo(DedupeConfig.builder().field(FieldRule.of("x", FieldKind.TEXT,
        ComparatorType.EXACT)).blockingKey("x").build().maxClusterSize());
  }

  @Test
  void distinctNamePairsCountByTheirNonMatchProbability() {
    // levels: different, near, exact; 1,000 pairs of distinct names, 40 of them near
    long[] counts = {960, 40, 0};
    double[] m = {0.01, 0.39, 0.60};
    double[] u0 = OrgNames.nonMatchU(counts, m, new double[] {1, 1, 1}, 0);
    assertThat(u0[1]).isCloseTo(41.0 / 1003, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(u0[2]).isCloseTo(1.0 / 1003, org.assertj.core.data.Offset.offset(1e-12));
    // with a prior, near pairs are mostly one organisation's spellings: they leave u
    double[] u = OrgNames.nonMatchU(counts, m, u0, 0.5);
    double nearMatch = 0.5 * 0.39 / (0.5 * 0.39 + 0.5 * u0[1]);
    double differentMatch = 0.5 * 0.01 / (0.5 * 0.01 + 0.5 * u0[0]);
    double sum = 960 * (1 - differentMatch) + 40 * (1 - nearMatch);
    assertThat(u[1]).isCloseTo((40 * (1 - nearMatch) + 1) / (sum + 3), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(u[1]).isLessThan(u0[1] / 5);
    assertThat(u[0] + u[1] + u[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }
}
