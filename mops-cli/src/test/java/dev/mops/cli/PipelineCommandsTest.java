package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mops run} and {@code mops replay} on the example pipeline of examples/pipeline. */
class PipelineCommandsTest {

  static final String PIPELINE = "../examples/pipeline/pipeline.yaml";
  static final String AS_OF = "2026-03-10T14:00:00Z";

  @TempDir Path dir;

  @Test
  void runWritesEveryOutputAndASummaryThatReconciles() throws Exception {
    Path out = dir.resolve("out");
    CliRun r = CliRun.mops("run", "--pipeline", PIPELINE, "--as-of", AS_OF, "--output-dir", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("validate: 18 in, 16 out, 2 dead letters")
        .contains("dedupe: 16 in, 14 out, 2 merged as duplicates")
        .contains("18 read = 14 out + 2 dead letters + 2 merged: reconciles")
        .contains("events: 26 of 14 leads");
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.get("reconciles").asBoolean()).isTrue();
    assertThat(summary.get("version").asText()).isEqualTo("2026.3");
    assertThat(summary.get("stages")).hasSize(8);
    List<String> leads = Files.readAllLines(out.resolve("leads.jsonl"));
    List<String> dead = Files.readAllLines(out.resolve("dead-letters.jsonl"));
    List<String> merged = Files.readAllLines(out.resolve("merged.jsonl"));
    assertThat(leads.size() + dead.size() + merged.size()).isEqualTo(18);
    assertThat(leads.get(0)).contains("\"id\":\"L-001\"").contains("\"route_owner\":\"alice\"");
    assertThat(dead).anyMatch(l -> l.contains("\"code\":\"NOT_AN_EMAIL\"") && l.contains("\"email\":\"not-an-email\""));
    assertThat(merged).anyMatch(l -> l.contains("\"id\":\"L-002\"") && l.contains("\"_survivor_id\":\"L-001\""));
    assertThat(Files.readAllLines(out.resolve("notifications.jsonl"))).hasSize(5);
    assertThat(Files.readAllLines(out.resolve("stages/validate.jsonl"))).hasSize(16);
    assertThat(out.resolve("stages/normalise.jsonl")).doesNotExist();   // not in output.stages
  }

  @Test
  void replayRerunsJustTheDeadLettersAfterTheCauseIsFixed() throws Exception {
    Path out = dir.resolve("out");
    assertThat(CliRun.mops("run", "--pipeline", PIPELINE, "--as-of", AS_OF, "--output-dir", out.toString()).code())
        .isZero();
    // the fix: a copy of the example whose contract errors are findings only
    Path ex = dir.resolve("examples");
    for (String sub : List.of("pipeline", "scoring", "routing")) {
      Files.createDirectories(ex.resolve(sub));
      try (var files = Files.list(Path.of("../examples", sub))) {
        for (Path f : (Iterable<Path>) files::iterator) {
          Files.copy(f, ex.resolve(sub).resolve(f.getFileName()));
        }
      }
    }
    Path copy = ex.resolve("pipeline/pipeline.yaml");
    Files.writeString(copy, Files.readString(copy).replace("reject: errors", "reject: never"));
    Path again = dir.resolve("again");
    CliRun r = CliRun.mops("replay", "--dead-letters", out.resolve("dead-letters.jsonl").toString(),
        "--pipeline", copy.toString(), "--as-of", AS_OF, "--output-dir", again.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("replaying 2 dead letters").contains("2 read = 2 out + 0 dead letters");
    assertThat(Files.readAllLines(again.resolve("leads.jsonl"))).hasSize(2)
        .anyMatch(l -> l.contains("\"id\":\"L-012\"")).anyMatch(l -> l.contains("\"id\":\"L-018\""));
  }

  @Test
  void aRoutingStateCarriesTheRotationFromOneRunToTheNext() throws Exception {
    Path state = dir.resolve("routing-state.json");
    for (String run : List.of("first", "second")) {
      CliRun r = CliRun.mops("run", "--pipeline", PIPELINE, "--as-of", AS_OF, "--routing-state", state.toString(),
          "--output-dir", dir.resolve(run).toString());
      assertThat(r.code()).as(r.err()).isZero();
      if (run.equals("first")) {
        Files.copy(state, dir.resolve("after-first.json"));
      }
    }
    JsonNode first = new ObjectMapper().readTree(dir.resolve("after-first.json").toFile());
    JsonNode second = new ObjectMapper().readTree(state.toFile());
    assertThat(first.get("format").asText()).isEqualTo("mops-routing-state/1");
    long assignedFirst = 0;
    long assignedSecond = 0;
    for (var pool : (Iterable<java.util.Map.Entry<String, JsonNode>>) first.get("pools")::fields) {
      for (var rep : (Iterable<java.util.Map.Entry<String, JsonNode>>) pool.getValue().path("assigned")::fields) {
        assignedFirst += rep.getValue().asLong();
        assignedSecond += second.get("pools").get(pool.getKey()).get("assigned").get(rep.getKey()).asLong();
      }
    }
    // the second run started from the first one's counts: every pool assignment counted twice
    assertThat(assignedFirst).isPositive();
    assertThat(assignedSecond).isEqualTo(2 * assignedFirst);

    Path notState = dir.resolve("not-state.json");
    Files.writeString(notState, "{\"format\": \"something-else\"}");
    CliRun bad = CliRun.mops("run", "--pipeline", PIPELINE, "--as-of", AS_OF, "--routing-state", notState.toString(),
        "--output-dir", dir.resolve("third").toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--routing-state:").contains("is not a routing state");
  }

  @Test
  void aBadPipelineFailsWithItsPosition() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "pipeline: p\nroute:\n  when: mql\n  chanel: email\n");
    CliRun r = CliRun.mops("run", "--pipeline", bad.toString(), "--as-of", AS_OF, "--input", "../examples/pipeline/leads.csv",
        "--output-dir", dir.resolve("x").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml:4:3").contains("route.chanel").contains("did you mean 'channel'");
  }

  @Test
  void replayRefusesToWriteOverTheRunItReplays() throws Exception {
    Path out = dir.resolve("out");
    CliRun.mops("run", "--pipeline", PIPELINE, "--as-of", AS_OF, "--output-dir", out.toString());
    CliRun r = CliRun.mops("replay", "--dead-letters", out.resolve("dead-letters.jsonl").toString(),
        "--pipeline", PIPELINE, "--as-of", AS_OF, "--output-dir", out.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("write the replay elsewhere");
  }
}
