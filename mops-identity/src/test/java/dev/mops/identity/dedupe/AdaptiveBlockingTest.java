package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.testkit.HarderLeads;
import dev.mops.testkit.SyntheticLeads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdaptiveBlockingTest {

  @Test
  void keysOverTheirShareOfTheBudgetAreRefinedAndTheRunSaysSo() {
    SyntheticLeads.Dataset data = HarderLeads.generate(8_000, 5);
    List<String> columns = new ArrayList<>(HarderLeads.COLUMNS);
    columns.remove("id");
    DedupeConfig inferred = DedupeConfigs.infer(columns, data.records());
    assertThat(inferred.refineWith()).contains("phonetic(last_name)", "prefix(first_name, 1)");
    // A budget of 40,000 pairs: 13,333 a key; the company key makes far more at 8,000 leads.
    DedupeConfig budgeted = DedupeConfigs.parse("b.yaml", String.join("\n",
        "fields:",
        "  - {field: first_name, kind: first_name, comparator: name, thresholds: [0.92, 0.8]}",
        "  - {field: last_name, kind: name, comparator: phonetic, thresholds: [0.92, 0.8]}",
        "  - {field: company, kind: company, comparator: token_set, thresholds: [0.8, 0.5]}",
        "  - {field: city, kind: text, comparator: jaro_winkler, thresholds: [0.92, 0.8]}",
        "blocking:",
        "  max_candidate_pairs: 40000",
        "  refine_with: [phonetic(last_name), \"prefix(first_name, 1)\"]",
        "  keys:",
        "    - [sorted_tokens(company)]",
        "    - [phonetic(last_name), phonetic(first_name)]",
        "    - [city]",
        ""));
    long companyPairs = AdaptiveBlocking.estimate(budgeted, budgeted.blockingKeys().get(0),
        prepared(budgeted, data));
    assertThat(companyPairs).isGreaterThan(40_000 / 3);
    DedupeResult result = Deduplicator.of(budgeted).dedupe(data.records(), "id");
    List<String> keys = result.blockingReport().passes().stream().map(BlockingReport.Pass::key).toList();
    assertThat(keys).contains("sorted_tokens(company) + phonetic(last_name)");
    assertThat(result.config().blockingKeys()).extracting(BlockingKey::describe).isEqualTo(keys);
    assertThat(result.findings()).extracting(Finding::code).contains("BLOCKING_KEY_REFINED");
    assertThat(result.blockingReport().candidatePairs()).isLessThanOrEqualTo(40_000);
    assertThat(result.clusterIds()).hasSize(8_000);
  }

  @Test
  void theCodedEstimatorCountsWhatTheKeyStringsCount() {
    SyntheticLeads.Dataset data = HarderLeads.generate(6_000, 7);
    List<String> columns = new ArrayList<>(HarderLeads.COLUMNS);
    columns.remove("id");
    DedupeConfig inferred = DedupeConfigs.infer(columns, data.records());
    PreparedRecord[] recs = prepared(inferred, data);
    AdaptiveBlocking.Estimator estimator = AdaptiveBlocking.Estimator.of(inferred, recs);
    List<BlockingKey> keys = new ArrayList<>(inferred.blockingKeys());
    for (BlockingKey k : inferred.blockingKeys()) {
      for (String r : inferred.refineWith()) {
        List<BlockingKey.Part> parts = new ArrayList<>(k.parts());
        parts.add(BlockingKey.Part.parse(r));
        keys.add(new BlockingKey(parts));
        for (String r2 : inferred.refineWith()) {
          List<BlockingKey.Part> more = new ArrayList<>(parts);
          more.add(BlockingKey.Part.parse(r2));
          keys.add(new BlockingKey(more));
        }
      }
    }
    assertThat(keys).hasSizeGreaterThan(20);
    for (BlockingKey k : keys) {
      assertThat(estimator.estimate(k)).as(k.describe())
          .containsExactly(AdaptiveBlocking.estimateWithCoverage(inferred, k, recs));
    }
  }

  @Test
  void aKeyNoRefinementBringsUnderItsShareIsDroppedWithAFinding() {
    List<dev.mops.core.record.Record> records = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      records.add(dev.mops.core.record.Records.of(java.util.Map.of("id", Integer.toString(i), "country", "NL",
          "name", "Name" + (i % 3))));
    }
    DedupeConfig config = DedupeConfigs.parse("d.yaml", String.join("\n",
        "fields:",
        "  - {field: country, comparator: exact}",
        "  - {field: name, comparator: exact}",
        "blocking:",
        "  max_candidate_pairs: 1000",
        "  refine_with: [name]",
        "  keys: [[country], [name, country]]",
        ""));
    DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
    assertThat(result.findings()).extracting(Finding::code).contains("BLOCKING_KEY_DROPPED");
    assertThat(result.clusterIds()).hasSize(400);
  }

  @Test
  void theRecallADroppedKeyCostsIsEstimatedFromPairsSharingAnEmail() {
    // 150 people with two records each, sharing an email and a last name; everyone in one country.
    List<dev.mops.core.record.Record> records = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      records.add(dev.mops.core.record.Records.of(java.util.Map.of("id", Integer.toString(i), "country", "NL",
          "email", "lead" + (i / 2) + "@northwind-traders.org", "last", "Name" + (i / 2))));
    }
    String fields = String.join("\n",
        "fields:",
        "  - {field: country, comparator: exact}",
        "  - {field: email, kind: email, comparator: exact}",
        "  - {field: last, comparator: exact}",
        "blocking:",
        "  max_candidate_pairs: 1000",
        "  refine_with: [city]",
        "");
    // Only the country key finds them once the email key (their label) is set aside: all lost.
    DedupeResult alone = Deduplicator.of(DedupeConfigs.parse("a.yaml", fields.replace("[city]", "[country]")
        + "  keys: [[country], [email]]\n")).dedupe(records, "id");
    BlockingReport.KeyChange change = alone.blockingReport().keyChanges().get(0);
    assertThat(change.key()).isEqualTo("country");
    assertThat(change.refinedTo()).isNull();
    assertThat(change.sampledDuplicates()).isEqualTo(150);
    assertThat(change.lostDuplicates()).isEqualTo(150);
    assertThat(change.recallLoss()).isEqualTo(1.0);
    assertThat(change.evidence()).isEqualTo("email");
    assertThat(alone.findings()).filteredOn(f -> f.code().equals("BLOCKING_KEY_DROPPED"))
        .extracting(Finding::message).anySatisfy(m -> assertThat(m).contains("estimated recall loss 100.00%"));
    // A last-name key finds them too: dropping the country key costs nothing.
    DedupeResult covered = Deduplicator.of(DedupeConfigs.parse("b.yaml", fields.replace("[city]", "[country]")
        + "  keys: [[country], [email], [last]]\n")).dedupe(records, "id");
    BlockingReport.KeyChange free = covered.blockingReport().keyChanges().get(0);
    assertThat(free.sampledDuplicates()).isEqualTo(150);
    assertThat(free.lostDuplicates()).isZero();
    assertThat(covered.blockingReport().keyChanges()).hasSize(1);
  }

  private static PreparedRecord[] prepared(DedupeConfig config, SyntheticLeads.Dataset data) {
    FieldComparer c = new FieldComparer(config);
    PreparedRecord[] out = new PreparedRecord[data.records().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = c.prepare(RecordRef.of(Integer.toString(i)), data.records().get(i), null);
    }
    return out;
  }
}
