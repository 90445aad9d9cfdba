package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example pipeline of {@code examples/pipeline}, loaded and run on its sample leads. */
class ExamplePipelineTest {

  static final Path FILE = Path.of("../examples/pipeline/pipeline.yaml");
  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");

  static List<Record> read(Path p) throws IOException {
    List<Record> out = new ArrayList<>();
    try (RecordReader in = RecordReader.open(p)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        out.add(r.record());
      }
    }
    return out;
  }

  @Test
  void runsTheSampleLeads() throws IOException {
    PipelineDefinition def = PipelineDefinition.load(FILE);
    List<Notification> sent = new ArrayList<>();
    Pipeline p = def.builder().notifications(sent::add).build();
    LeadEvents events = def.readEvents();
    List<LeadOutcome> out = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    PipelineResult r = p.run(read(java.util.Objects.requireNonNull(def.leads())), events::of, NOW, new PipelineOutput() {
      @Override
      public void lead(LeadOutcome o) {
        out.add(o);
      }

      @Override
      public void deadLetter(DeadLetter d) {
        dead.add(d);
      }
    });
    java.util.Objects.requireNonNull(p.enricher()).close();
    assertThat(r.problems()).isEmpty();
    assertThat(r.read()).isEqualTo(18);
    assertThat(r.stage(PipelineStage.VALIDATE).deadLettered()).isEqualTo(2);
    assertThat(dead).extracting(DeadLetter::leadId).containsExactly("L-012", "L-018");
    assertThat(dead).extracting(DeadLetter::code).containsExactly("NOT_AN_EMAIL", "MISSING_REQUIRED");
    assertThat(r.stage(PipelineStage.DEDUPE).merged()).isEqualTo(2);      // L-002 into L-001, L-016 into L-014
    assertThat(r.passed()).isEqualTo(14);
    LeadOutcome ana = out.get(0);
    assertThat(ana.leadId()).isEqualTo("L-001");
    assertThat(ana.record().get("duplicate_ids")).isEqualTo("L-002");
    assertThat(ana.record().get("country")).isEqualTo("US");        // "United States", normalised
    assertThat(ana.record().get("phone")).isEqualTo("+16175550100");
    assertThat(ana.record().get("industry")).isEqualTo("Software"); // enriched
    assertThat(ana.record().get("account_owner")).isEqualTo("alice");
    assertThat(ana.record().get("mql")).isEqualTo(true);
    assertThat(ana.record().get("route_owner")).isEqualTo("alice");
    assertThat(ana.record().get("sla_goal")).isEqualTo("hot-lead");
    LeadOutcome kim = out.stream().filter(o -> o.leadId().equals("L-007")).findFirst().orElseThrow();
    assertThat(kim.record().get("route_outcome")).isEqualTo("suppressed");
    assertThat(kim.routing()).isNull();
    assertThat(sent).extracting(Notification::leadId).containsExactly("L-001", "L-003", "L-005", "L-013", "L-014");
    // 10:00 in New York, a hot lead: one business hour
    assertThat(sent.get(0).dueBy()).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
    assertThat(r.breakdown("route_outcomes")).containsEntry("assigned", 5L).containsEntry("suppressed", 1L);
    assertThat(r.configs()).containsKeys("contract", "dedupe", "identity", "scoring", "routing", "sla", "enrichment");
  }

  /** The per-record example of docs/flow.md, with what its comments say. */
  @Test
  void theGuidesPerRecordExample() {
    PipelineDefinition def = PipelineDefinition.load(FILE);
    List<Notification> sent = new ArrayList<>();
    Pipeline pipeline = def.builder().notifications(sent::add).build();
    Record lead = dev.mops.core.record.Records.of(java.util.Map.of("id", "L-100", "email", "Ana.Silva@Acme.com",
        "last_name", "Silva", "title", "VP Marketing", "country", "United States", "created_at", "2026-03-10T13:00:00Z"));
    List<Record> events = List.of(dev.mops.core.record.Records.of(
        java.util.Map.of("type", "form_fill", "form", "demo", "timestamp", "2026-03-10T13:00:00Z")));
    LeadOutcome o = pipeline.process(lead, events, NOW);
    java.util.Objects.requireNonNull(pipeline.enricher()).close();
    assertThat(o.status()).isEqualTo(LeadOutcome.Status.PASSED);
    assertThat(o.record().get("email")).isEqualTo("ana.silva@acme.com");
    assertThat(o.record().get("industry")).isEqualTo("Software");
    assertThat(o.record().get("account_id")).isEqualTo("ACC-1");
    assertThat(o.record().get("mql")).isEqualTo(true);
    assertThat(o.record().get("route_owner")).isEqualTo("alice");
    assertThat(o.notification().dueBy()).isEqualTo(Instant.parse("2026-03-10T15:00:00Z"));
    assertThat(o.notification().slaGoal()).isEqualTo("hot-lead");
    assertThat(sent).containsExactly(o.notification());
  }
}
