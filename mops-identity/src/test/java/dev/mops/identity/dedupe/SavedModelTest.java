package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Record;
import dev.mops.testkit.HarderLeads;
import dev.mops.testkit.SyntheticLeads;
import dev.mops.testkit.SyntheticOrganisations;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelTest {

  private static final SyntheticLeads.Dataset DATA = HarderLeads.generate(6_000, 3);

  private static DedupeConfig inferred() {
    List<String> columns = new ArrayList<>(HarderLeads.COLUMNS);
    columns.remove("id");
    return DedupeConfigs.infer(columns, DATA.records());
  }

  @Test
  void aSavedModelScoresAsTheRunThatTrainedIt(@TempDir Path dir) throws Exception {
    DedupeConfig config = inferred();
    DedupeResult trained = Deduplicator.of(config).dedupe(DATA.records(), "id");
    assertThat(trained.termFrequencies()).isNotNull();
    Path file = dir.resolve("model.json");
    SavedModel.of(trained).write(file);
    SavedModel saved = SavedModel.read(file);
    assertThat(saved.model()).isEqualTo(trained.model());
    assertThat(saved.configHash()).isEqualTo(SavedModel.configHash(config));
    assertThat(saved.junkValues()).isEqualTo(trained.junkValues());
    TermFrequencies tf = saved.termFrequencies();
    assertThat(tf).isNotNull();
    assertThat(tf.records()).isEqualTo(6_000);

    DedupeResult again = Deduplicator.withModel(config, saved).dedupe(DATA.records(), "id");
    assertThat(again.clusterIds()).isEqualTo(trained.clusterIds());
    assertThat(again.pairs()).isEqualTo(trained.pairs());
  }

  @Test
  void anIndexFromASavedModelAnswersAsTheBatchIndex() throws Exception {
    DedupeConfig config = inferred();
    DedupeResult trained = Deduplicator.of(config).dedupe(DATA.records(), "id");
    StringWriter json = new StringWriter();
    SavedModel.of(trained).write(json);
    SavedModel saved = SavedModel.parse("model.json", json.toString());
    MatchIndex fromFile = saved.index(config);
    MatchIndex inMemory = MatchIndex.create(config, trained.model(), trained.junkValues(), trained.termFrequencies());
    List<Record> records = DATA.records();
    for (int i = 0; i < 4_000; i++) {
      RecordRef ref = RecordRef.of(String.valueOf(records.get(i).get("id")));
      fromFile.add(ref, records.get(i));
      inMemory.add(ref, records.get(i));
    }
    int found = 0;
    for (int i = 4_000; i < 4_300; i++) {
      List<IndexMatch> a = fromFile.matches(records.get(i));
      assertThat(a).isEqualTo(inMemory.matches(records.get(i)));
      found += a.size();
      for (IndexMatch m : a) {
        // The index scores a pair as the batch run does, term frequencies included.
        RecordRef q = RecordRef.of(String.valueOf(records.get(i).get("id")));
        assertThat(m.matchWeight()).isCloseTo(trained.explain(q, m.ref()).matchWeight(),
            org.assertj.core.api.Assertions.within(1e-9));
      }
    }
    assertThat(found).isPositive();
  }

  @Test
  void aModelOfAnotherConfigOrADamagedFileIsRefused() throws Exception {
    DedupeConfig config = inferred();
    DedupeResult trained = Deduplicator.of(config).dedupe(DATA.records(), "id");
    StringWriter json = new StringWriter();
    SavedModel.of(trained).write(json);
    SavedModel saved = SavedModel.parse("model.json", json.toString());
    DedupeConfig other = DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT))
        .blockingKey("email").build();
    assertThatThrownBy(() -> Deduplicator.withModel(other, saved))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trained with another config");
    assertThatThrownBy(() -> SavedModel.parse("model.json", json.toString().replace("\"lambda\": ", "\"lambda\": -")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("model.json");
    assertThatThrownBy(() -> SavedModel.parse("x.json", "{\"format\": \"something\", \"version\": 1}"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("not a dedupe model");
  }

  @Test
  void emailDomainsIsPartOfWhatAModelWasTrainedWith() {
    DedupeConfig plain = DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT))
        .field(FieldRule.of("company", FieldKind.COMPANY, ComparatorType.TOKEN_SET))
        .blockingKey("email").build();
    DedupeConfig withRule = DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT))
        .field(FieldRule.of("company", FieldKind.COMPANY, ComparatorType.TOKEN_SET))
        .blockingKey("email").emailDomains(true).build();
    assertThat(SavedModel.configHash(withRule)).isNotEqualTo(SavedModel.configHash(plain));
    DedupeConfig plainAgain = DedupeConfig.builder()
        .field(FieldRule.of("email", FieldKind.EMAIL, ComparatorType.EXACT))
        .field(FieldRule.of("company", FieldKind.COMPANY, ComparatorType.TOKEN_SET))
        .blockingKey("email").emailDomains(false).build();
    assertThat(SavedModel.configHash(plainAgain)).isEqualTo(SavedModel.configHash(plain));
  }

  @Test
  void organisationWordCountsTravelWithTheModel() throws Exception {
    SyntheticLeads.Dataset orgs = SyntheticOrganisations.generate(3_000, 5);
    List<String> columns = new ArrayList<>(SyntheticOrganisations.COLUMNS);
    columns.remove("id");
    DedupeConfig config = DedupeConfigs.infer(columns, orgs.records());
    assertThat(config.fields()).anyMatch(f -> f.comparator() == ComparatorType.ORG_NAME);
    List<Record> records = orgs.records();
    DedupeResult trained = Deduplicator.of(config).dedupe(records, "id");
    StringWriter json = new StringWriter();
    SavedModel.of(trained).write(json);
    assertThat(json.toString()).contains("\"version\": 2").contains("\"name_words\": {");
    SavedModel saved = SavedModel.parse("model.json", json.toString());
    assertThat(saved.nameWords()).isEqualTo(trained.nameWords());

    MatchIndex fromFile = saved.index(config);
    for (Record r : records) {
      fromFile.add(RecordRef.of(String.valueOf(r.get("id"))), r);
    }
    MatchIndex batch = MatchIndex.of(trained);
    int found = 0;
    for (int i = 0; i < 300; i++) {
      Record query = records.get(i);
      RecordRef q = RecordRef.of(String.valueOf(query.get("id")));
      List<IndexMatch> a = fromFile.matches(query);
      assertThat(a).isEqualTo(batch.matches(query));
      for (IndexMatch m : a) {
        if (!m.ref().equals(q)) {
          // the words of a name weigh as in the batch run, so the index gives the batch run's weight
          assertThat(m.matchWeight()).isCloseTo(trained.explain(q, m.ref()).matchWeight(),
              org.assertj.core.api.Assertions.within(1e-9));
          found++;
        }
      }
    }
    assertThat(found).isPositive();

    // A version 1 file (no word counts) is still read, but cannot index organisation names.
    String v1 = json.toString().replace("\"version\": 2", "\"version\": 1")
        .replaceAll("(?s)  \"name_words\": \\{.*?\\n  \\},\\n", "");
    assertThat(v1).doesNotContain("name_words");
    SavedModel old = SavedModel.parse("old.json", v1);
    assertThat(old.model()).isEqualTo(trained.model());
    assertThatThrownBy(() -> old.index(config)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no word counts for the organisation name").hasMessageContaining("retrain");
    assertThatThrownBy(() -> SavedModel.parse("bad.json", json.toString().replace("\"names\": ", "\"names\": -")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("names must be a positive count");
  }
}
