package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.record.Record;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The no-config mode's field inference: which columns it compares, and as what. */
class FieldInferenceTest {

  private static Map<String, FieldKind> kinds(DedupeConfig c) {
    return c.fields().stream().collect(Collectors.toMap(FieldRule::field, FieldRule::kind));
  }

  @Test
  void theExampleLeadsRevenueIsNotAPhone() throws IOException {
    List<Record> sample = new ArrayList<>();
    List<String> columns;
    try (Reader in = Files.newBufferedReader(
            LabelledData.repoRoot().resolve("examples/quality/leads.csv"), StandardCharsets.UTF_8);
        CsvReader csv = new CsvReader("leads.csv", in)) {
      columns = new ArrayList<>(csv.fields());
      for (InputRecord r; (r = csv.next()) != null; ) {
        sample.add(r.record());
      }
    }
    columns.remove("id");
    Map<String, FieldKind> kinds = kinds(DedupeConfigs.infer(columns, sample));
    assertThat(kinds).containsEntry("phone", FieldKind.PHONE).containsEntry("email", FieldKind.EMAIL);
    assertThat(kinds).doesNotContainKeys("annual_revenue", "employees", "score");
  }

  @Test
  void decimalsAndRoundAmountsAreNotPhonesWhateverTheColumnIsCalled() {
    List<Record> sample = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      sample.add(rec("c1", (1_000_000 + i * 500_000) + ".0", "c2", "415.555." + (1000 + i), "c3",
          Integer.toString(2_000_000 + i * 1000), "c4", "4155550" + (100 + i)));
    }
    Map<String, FieldKind> kinds = kinds(DedupeConfigs.infer(List.of("c1", "c2", "c3", "c4"), sample));
    assertThat(kinds).containsEntry("c2", FieldKind.PHONE).containsEntry("c4", FieldKind.PHONE);
    assertThat(kinds).doesNotContainKeys("c1", "c3");
    assertThat(FieldInference.numberNotPhone("3200000000.0")).isTrue();
    assertThat(FieldInference.numberNotPhone("415.555.0123")).isFalse();
    assertThat(FieldInference.amount("annual_revenue")).isTrue();
    assertThat(FieldInference.amount("dealAmount")).isTrue();
    assertThat(FieldInference.amount("account_name")).isFalse();
    assertThat(FieldInference.amount("country")).isFalse();
  }

  @Test
  void aNameColumnOfOrganisationsIsComparedAsOrganisationNamesAndListsAreLeftOut() {
    List<Record> orgs = new ArrayList<>();
    String[] names = {"AKZO NOBEL N.V.", "Koninklijke Philips Electronics", "ASML Netherlands B.V.", "Shell Research",
        "Unilever", "DSM IP Assets", "Stichting Deltares", "Heineken Holding"};
    for (int i = 0; i < 40; i++) {
      orgs.add(rec("name", names[i % names.length], "class", "A61N**A61B**C0" + (i % 7), "city", "Delft",
          "country", "NL", "state", "Zuid-Holland"));
    }
    DedupeConfig config = DedupeConfigs.infer(List.of("name", "class", "city", "country", "state"), orgs);
    assertThat(kinds(config)).containsEntry("name", FieldKind.COMPANY);
    assertThat(kinds(config)).containsEntry("country", FieldKind.COUNTRY).containsEntry("state", FieldKind.TEXT);
    assertThat(config.fields().get(0).comparator()).isEqualTo(ComparatorType.ORG_NAME);
    // a list of codes (patent classes) says what an organisation does, not which one it is
    assertThat(kinds(config)).doesNotContainKey("class");
    assertThat(config.blockingKeys()).extracting(BlockingKey::describe)
        .contains("sorted_tokens(name)", "first_token(name)", "last_token(name)");
    assertThat(config.evidenceGroups()).isEmpty();

    List<Record> people = new ArrayList<>();
    String[] persons = {"Mary Jones", "Robert Smith", "Heather Robinson", "Jan de Vries", "Anna Bakker"};
    for (int i = 0; i < 40; i++) {
      people.add(rec("name", persons[i % persons.length], "city", "Delft"));
    }
    assertThat(kinds(DedupeConfigs.infer(List.of("name", "city"), people))).containsEntry("name", FieldKind.NAME);
  }

  @Test
  void leadsWithACompanyGroupTheCompanyContext() {
    List<Record> leads = List.of(rec("first_name", "Heather", "last_name", "Robinson", "email", "heather@summit.de",
        "phone", "+44 161 555 0101", "company", "Summit GmbH", "city", "Manchester"));
    DedupeConfig config = DedupeConfigs.infer(List.of("first_name", "last_name", "email", "phone", "company", "city"), leads);
    assertThat(config.evidenceGroups()).containsExactly(List.of("email", "phone", "company", "city"));
  }
}
