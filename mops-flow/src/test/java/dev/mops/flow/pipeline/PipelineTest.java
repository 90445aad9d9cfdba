package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.flow.enrich.CsvEnrichmentProvider;
import dev.mops.flow.enrich.EnrichmentPolicy;
import dev.mops.flow.enrich.Enricher;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.quality.contract.DataContracts;
import dev.mops.routing.AssignmentState;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingTable;
import dev.mops.scoring.ScoringModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The pipeline built in code: every stage, counts that reconcile, dead letters with the original record. */
class PipelineTest {

  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

  static final String CONTRACT = """
      contract: pipeline-test
      version: 1
      fields:
        id: {type: string, required: true}
        email: {type: email, required: true}
        country: {type: string}
      """;

  static final String SLA = """
      version: 1
      name: speed-to-lead
      calendars:
        us: {zone: America/New_York, hours: {weekdays: "09:00-17:00"}}
      default_calendar: us
      goals:
        - name: first-touch
          target: 4h
      """;

  static final String DEDUPE = """
      version: "1"
      fields:
        - {field: first_name, kind: first_name, comparator: exact, m: [0.1, 0.9], u: [0.99, 0.01]}
        - {field: last_name, kind: name, comparator: exact, m: [0.1, 0.9], u: [0.99, 0.01]}
        - {field: email, kind: email, comparator: exact, m: [0.05, 0.95], u: [0.999, 0.001]}
      blocking:
        keys:
          - [email]
          - [last_name]
      thresholds: {match: 0.99, review: 0.9}
      """;

  static Pipeline.Builder full(List<Notification> sent) {
    ScoringModel model = ScoringModel.load(Path.of("../examples/scoring/model.yaml"));
    Router router = Router.create(RoutingTable.load(Path.of("../examples/routing/routing.yaml")), AssignmentState.inMemory());
    CsvEnrichmentProvider firmographics = CsvEnrichmentProvider.of("test", List.of(
        Records.of(Map.of("domain", "acme.com", "industry", "Software", "employees", "1200")),
        Records.of(Map.of("domain", "globex.co.uk", "industry", "Fintech", "employees", "80"))));
    return Pipeline.builder()
        .identity("test", "1", "abc")
        .contract(DataContracts.parse("contract.yaml", CONTRACT))
        .normalise()
        .enrichment(Enricher.of(firmographics, EnrichmentPolicy.builder().timeout(Duration.ZERO).build()))
        .scoring(model)
        .routing(router)
        .sla(SlaPolicy.parse("sla.yaml", SLA))
        .notifications(sent::add);
  }

  static Record lead(String id, String email, String title, String country) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("email", email);
    m.put("title", title);
    m.put("country", country);
    m.put("first_name", "Ana");
    m.put("last_name", "Silva" + id);
    m.put("company", "Company " + id);
    return Records.of(m);
  }

  @Test
  void processOneLeadThroughEveryPerRecordStage() {
    List<Notification> sent = new ArrayList<>();
    Pipeline p = full(sent).build();
    LeadOutcome o = p.process(lead("L-1", " Jo@ACME.com ", "VP Marketing", "United States"), List.of(
        Records.of(Map.of("type", "form_fill", "timestamp", "2026-03-09T10:00:00Z", "form", "demo"))), NOW);

    assertThat(o.status()).isEqualTo(LeadOutcome.Status.PASSED);
    Record r = o.record();
    assertThat(r.get("email")).isEqualTo("jo@acme.com");
    assertThat(r.get("country")).isEqualTo("US");
    assertThat(r.get("domain")).isEqualTo("acme.com");
    assertThat(r.get("industry")).isEqualTo("Software");        // from the provider
    assertThat(r.get("enrichment_status")).isEqualTo("found");
    assertThat(o.score()).isNotNull();
    assertThat(r.get("fit")).isEqualTo(o.score().score("fit"));
    assertThat(o.routing()).isNotNull();
    assertThat(r.get("route_rule")).isEqualTo("na-enterprise"); // US and 1200 employees (enriched)
    assertThat(sent).hasSize(1);
    Notification n = sent.get(0);
    assertThat(n.leadId()).isEqualTo("L-1");
    assertThat(n.recipient()).isEqualTo(o.routing().owner());
    assertThat(n.slaGoal()).isEqualTo("first-touch");
    // Tuesday 10:00 in New York + 4 business hours = 14:00 New York = 18:00Z
    assertThat(n.dueBy()).isEqualTo(Instant.parse("2026-03-10T18:00:00Z"));
    assertThat(o.notification()).isEqualTo(n);
  }

  @Test
  void aContractErrorIsADeadLetterWithTheOriginalRecord() {
    Pipeline p = full(new ArrayList<>()).build();
    Record bad = Records.of(Map.of("id", "L-2", "email", "not an email", "country", "US"));
    LeadOutcome o = p.process(bad, List.of(), NOW);
    assertThat(o.status()).isEqualTo(LeadOutcome.Status.DEAD_LETTERED);
    DeadLetter dl = o.deadLetter();
    assertThat(dl.stage()).isEqualTo(PipelineStage.VALIDATE);
    assertThat(dl.attempts()).isEqualTo(1);
    assertThat(dl.leadId()).isEqualTo("L-2");
    assertThat(dl.record()).containsEntry("email", "not an email");
    assertThat(DeadLetter.parse(dl.toJson())).isEqualTo(dl);
  }

  @Test
  void runReconcilesStageByStage() {
    List<Notification> sent = new ArrayList<>();
    Pipeline p = full(sent).build();
    List<Record> leads = List.of(
        lead("L-1", "jo@acme.com", "VP Marketing", "US"),
        lead("L-2", "broken", "CTO", "US"),
        lead("L-3", "li@globex.co.uk", "Director", "GB"),
        lead("L-4", "kim@gmail.com", "Student", "FR"));
    Map<String, List<Record>> events = new HashMap<>();
    events.put("L-3", List.of(Records.of(Map.of("type", "page_view", "timestamp", "2026-03-09T10:00:00Z", "url", "/pricing"))));
    List<LeadOutcome> out = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    Map<PipelineStage, Integer> stageRecords = new HashMap<>();
    PipelineResult r = p.run(leads, id -> events.getOrDefault(id, List.of()), NOW, new PipelineOutput() {
      @Override
      public Set<PipelineStage> stageOutputs() {
        return Set.of(PipelineStage.values());
      }

      @Override
      public void stageOutput(PipelineStage stage, Record record) {
        stageRecords.merge(stage, 1, Integer::sum);
      }

      @Override
      public void lead(LeadOutcome outcome) {
        out.add(outcome);
      }

      @Override
      public void deadLetter(DeadLetter deadLetter) {
        dead.add(deadLetter);
      }
    });
    assertThat(r.problems()).isEmpty();
    assertThat(r.reconciles()).isTrue();
    assertThat(r.read()).isEqualTo(4);
    assertThat(r.passed()).isEqualTo(3);
    assertThat(r.deadLettered()).isEqualTo(1);
    assertThat(r.stage(PipelineStage.VALIDATE).deadLettered()).isEqualTo(1);
    assertThat(r.stage(PipelineStage.DEDUPE).enabled()).isFalse();
    assertThat(r.stage(PipelineStage.NOTIFY).out()).isEqualTo(3);
    assertThat(out).extracting(LeadOutcome::leadId).containsExactly("L-1", "L-3", "L-4");
    assertThat(dead).extracting(DeadLetter::leadId).containsExactly("L-2");
    assertThat(stageRecords.get(PipelineStage.VALIDATE)).isEqualTo(3);
    assertThat(stageRecords.get(PipelineStage.NOTIFY)).isEqualTo(3);
    assertThat(r.breakdown("dead_letters")).hasSize(1);
    assertThat(r.breakdown("enrichment")).containsEntry("found", 2L);
    assertThat(r.breakdown("notifications")).containsEntry("made", (long) sent.size());
    assertThat(r.toJson()).contains("\"reconciles\":true");
    assertThat(r.describe()).contains("reconciles");
  }

  @Test
  void dedupeMergesDuplicatesAndTheSurvivorGetsEveryMembersEvents() {
    Pipeline p = Pipeline.builder()
        .dedupe(DedupeConfigs.parse("dedupe.yaml", DEDUPE))
        .scoring(ScoringModel.load(Path.of("../examples/scoring/model.yaml")))
        .build();
    Map<String, Object> a = new LinkedHashMap<>(Map.of("id", "A", "first_name", "Ana", "last_name", "Silva",
        "email", "ana.silva@acme.com", "company", "Acme"));
    Map<String, Object> b = new LinkedHashMap<>(a);
    b.put("id", "B");
    Map<String, Object> c = new LinkedHashMap<>(Map.of("id", "C", "first_name", "Bo", "last_name", "Chen",
        "email", "bo@initech.com", "company", "Initech"));
    Map<String, List<Record>> events = Map.of(
        "A", List.of(Records.of(Map.of("type", "webinar_attended", "timestamp", "2026-03-09T10:00:00Z"))),
        "B", List.of(Records.of(Map.of("type", "webinar_attended", "timestamp", "2026-03-08T10:00:00Z"))));
    List<LeadOutcome> out = new ArrayList<>();
    List<String> merged = new ArrayList<>();
    PipelineResult r = p.run(List.of(Records.of(a), Records.of(b), Records.of(c)),
        id -> events.getOrDefault(id, List.of()), NOW, new PipelineOutput() {
          @Override
          public void lead(LeadOutcome outcome) {
            out.add(outcome);
          }

          @Override
          public void merged(Record duplicate, String survivorId, String clusterId) {
            merged.add(duplicate.get("id") + "->" + survivorId);
          }
        });
    assertThat(r.problems()).isEmpty();
    assertThat(r.stage(PipelineStage.DEDUPE).merged()).isEqualTo(1);
    assertThat(merged).containsExactly("B->A");
    assertThat(out).extracting(LeadOutcome::leadId).containsExactly("A", "C");
    LeadOutcome survivor = out.get(0);
    assertThat(survivor.record().get("duplicate_ids")).isEqualTo("B");
    assertThat(survivor.record().get("cluster_size")).isEqualTo(2L);
    // both webinars count: 12 points each, before decay
    assertThat(survivor.score().score("engagement")).isGreaterThan(12.0);
  }

  @Test
  void theBuilderRefusesWhatCannotWork() {
    assertThatThrownBy(() -> Pipeline.builder().routeWhen("mql").build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a scoring model");
    assertThatThrownBy(() -> Pipeline.builder().scoring(ScoringModel.load(Path.of("../examples/scoring/model.yaml")))
        .routeWhen("sql").build()).hasMessageContaining("has no such threshold");
    assertThatThrownBy(() -> Pipeline.builder().idField("a").idField("b")).hasMessageContaining("already set");
  }
}
