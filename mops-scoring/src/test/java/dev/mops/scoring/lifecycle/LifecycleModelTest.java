package dev.mops.scoring.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleModelTest {

  static final Instant T = Instant.parse("2026-01-10T00:00:00Z");
  static final Schema FACTS = Schema.builder().field("email", ValueType.STRING).field("mql", ValueType.BOOLEAN)
      .field("accepted", ValueType.BOOLEAN).field("fit_grade", ValueType.STRING).build();

  static final String YAML = String.join("\n",
      "version: 7",
      "stages:",
      "  - {name: Subscriber}",
      "  - {name: Lead, entry: {exists: email}}",
      "  - {name: MQL, entry: {eq: {field: mql, value: true}}}",
      "  - {name: SAL, entry: {eq: {field: accepted, value: true}}}",
      "  - {name: SQL}",
      "  - {name: Opportunity}",
      "  - {name: Customer}",
      "  - {name: Evangelist}",
      "recycled_stage: Nurture",
      "disqualified_stage: Junk",
      "recycle_to: Lead",
      "closed: [Customer, Evangelist]",
      "reason_codes: [no_budget, bad_fit]",
      "allow: [{from: Customer, to: Opportunity}]",
      "");

  static LifecycleModel model(String yaml) {
    return LifecycleModel.from(ConfigLoader.standard().loadString("life.yaml", yaml), FACTS);
  }

  static ArrayRow facts(Object email, Object mql, Object accepted) {
    return ArrayRow.of(FACTS, email, mql, accepted, "A");
  }

  @Test
  void defaultsHaveTheStandardStages() {
    LifecycleModel d = LifecycleModel.defaults();
    assertThat(d.stages()).extracting(Stage::name).containsExactlyElementsOf(LifecycleModel.DEFAULT_STAGES);
    assertThat(d.stagesByName()).containsKeys("recycled", "disqualified");
    assertThat(d.moveTo("lead", "mql", null, T).stage()).isEqualTo("mql");
    assertThat(d.moveTo("mql", "lead", null, T).refusal()).contains("forward-only");
    assertThat(d.advance("lead", facts("a@b.c", true, true), T).changed()).isFalse();
  }

  @Test
  void advanceJumpsToTheFurthestStageWhoseCriteriaHold() {
    LifecycleModel m = model(YAML);
    StageDecision d = m.advance("Subscriber", facts("a@b.c", true, null), T);
    assertThat(d.stage()).isEqualTo("MQL");
    assertThat(d.transitions()).containsExactly(new StageTransition("Subscriber", "MQL", T, StageTransition.Kind.ADVANCE, null));
    assertThat(m.advance("MQL", facts("a@b.c", true, null), T).changed()).isFalse();
    assertThat(m.advance("MQL", facts("a@b.c", false, null), T).stage()).as("never backward").isEqualTo("MQL");
  }

  @Test
  void withoutSkippingAdvanceGoesStepByStepWhileCriteriaHold() {
    LifecycleModel m = model(YAML + "allow_skip: false\n");
    StageDecision d = m.advance("Subscriber", facts("a@b.c", true, null), T);
    assertThat(d.transitions()).extracting(StageTransition::to).containsExactly("Lead", "MQL");
    assertThat(m.advance("Subscriber", facts(null, true, true), T).changed()).as("Lead blocks").isFalse();
    assertThat(m.moveTo("Lead", "SAL", facts("x", true, true), T).refusal()).contains("skipping stages is off");
  }

  @Test
  void explicitMovesCheckEntryCriteriaAndDirection() {
    LifecycleModel m = model(YAML);
    StageDecision refused = m.moveTo("MQL", "SAL", facts("a@b.c", true, false), T);
    assertThat(refused.refused()).isTrue();
    assertThat(refused.stage()).isEqualTo("MQL");
    assertThat(refused.refusal()).isEqualTo("entry criteria of 'SAL' not met: accepted eq true: actual false -> false");
    assertThat(m.moveTo("MQL", "SAL", facts("a@b.c", true, true), T).stage()).isEqualTo("SAL");
    assertThat(m.moveTo("SAL", "SQL", null, T).stage()).isEqualTo("SQL");
    assertThat(m.moveTo("SQL", "MQL", null, T).refusal()).contains("forward-only");
    assertThat(m.moveTo("SQL", "SQL", null, T).refusal()).contains("already in");
    assertThat(m.moveTo("SQL", "Nurture", null, T).refusal()).contains("recycle the lead with a reason code");
    assertThat(m.moveTo("Customer", "Opportunity", null, T).transitions().get(0).kind()).isEqualTo(StageTransition.Kind.ALLOWED);
  }

  @Test
  void recycleAndDisqualifyNeedAKnownReasonAndAnOpenStage() {
    LifecycleModel m = model(YAML);
    StageDecision r = m.recycle("SQL", "no_budget", T);
    assertThat(r.transitions()).containsExactly(new StageTransition("SQL", "Nurture", T, StageTransition.Kind.RECYCLE, "no_budget"));
    assertThat(m.recycle("SQL", "tired", T).refusal()).isEqualTo("unknown reason code 'tired', expected one of [no_budget, bad_fit]");
    assertThat(m.recycle("Customer", "no_budget", T).refusal()).contains("closed");
    assertThat(m.recycle("Nurture", "no_budget", T).refusal()).contains("already Nurture");
    assertThat(m.disqualify("Nurture", "bad_fit", T).stage()).isEqualTo("Junk");
    assertThat(m.disqualify("Junk", "bad_fit", T).refused()).isTrue();
    assertThat(m.moveTo("Junk", "Lead", null, T).refusal()).contains("disqualified lead does not move");
    assertThat(m.advance("Junk", facts("a@b.c", true, true), T).changed()).isFalse();
  }

  @Test
  void recycledLeadsReenterAtRecycleToOrLater() {
    LifecycleModel m = model(YAML);
    assertThat(m.moveTo("Nurture", "Subscriber", null, T).refusal()).contains("re-enters at 'Lead' or later");
    StageDecision d = m.advance("Nurture", facts("a@b.c", true, false), T);
    assertThat(d.transitions()).containsExactly(new StageTransition("Nurture", "MQL", T, StageTransition.Kind.REOPEN, null));
  }

  @Test
  void unknownStagesAreCallerMistakes() {
    assertThatThrownBy(() -> model(YAML).advance("Prospect", facts(null, null, null), T))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown stage 'Prospect'");
  }

  @Test
  void badLifecycleConfigFailsAtLoadWithPosition() {
    assertThatThrownBy(() -> model(YAML.replace("field: mql", "field: mqll")))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("life.yaml:5:").hasMessageContaining("mqll");
    assertThatThrownBy(() -> model(YAML.replace("recycle_to: Lead", "recycle_to: Leed")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown stage 'Leed'");
    assertThatThrownBy(() -> model(YAML + "skip: true\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'skip'");
    assertThatThrownBy(() -> model(YAML.replace("{name: SQL}", "{name: MQL}")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("duplicate stage 'MQL'");
    assertThatThrownBy(() -> model(YAML.replace("disqualified_stage: Junk", "disqualified_stage: Lead")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("must differ");
  }

  @Test
  void modelIsSafeToShareAcrossThreads() throws Exception {
    LifecycleModel m = model(YAML);
    List<Thread> threads = new java.util.ArrayList<>();
    java.util.concurrent.ConcurrentLinkedQueue<String> results = new java.util.concurrent.ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      Thread th = new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          results.add(m.advance("Subscriber", facts("a", i % 2 == 0, i % 4 == 0), T).stage());
        }
      });
      threads.add(th);
      th.start();
    }
    for (Thread th : threads) {
      th.join();
    }
    assertThat(results).hasSize(8000);
    assertThat(results.stream().filter("SAL"::equals).count()).isEqualTo(2000);
    assertThat(results.stream().filter("MQL"::equals).count()).isEqualTo(2000);
    assertThat(results.stream().filter("Lead"::equals).count()).isEqualTo(4000);
  }
}
