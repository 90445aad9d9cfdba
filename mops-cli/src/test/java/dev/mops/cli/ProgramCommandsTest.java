package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mops program} and {@code mops program-diff}, run on the examples in examples/programs. */
class ProgramCommandsTest {

  static final String EX = "../examples/programs/";
  static final String AS_OF = "2026-03-16T12:00:00Z";

  @TempDir Path dir;

  @Test
  void writesOneStatePerLead() throws Exception {
    Path out = dir.resolve("states.csv");
    CliRun r = CliRun.mops("program", "--program", EX + "welcome.yaml", "--input", EX + "leads.csv",
        "--events", EX + "events.csv", "--as-of", AS_OF, "--output", out.toString(), "--history");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out);
    assertThat(rows.get(0)).isEqualTo("id," + String.join(",", ProgramCommand.COLUMNS) + ",history");
    assertThat(rows).hasSize(1 + Files.readAllLines(Path.of(EX + "leads.csv")).size() - 1);
    assertThat(rows).anyMatch(l -> l.startsWith("P-001,welcome-series,2026.1,sha256:") && l.contains(",completed,1,")
        && l.contains("NOT_AN_INSTANT:timestamp") && l.contains("NOTIFY hand_off"));
    assertThat(rows).anyMatch(l -> l.startsWith("P-002,") && l.contains(",exited,") && l.contains(",unsubscribed,")
        && l.contains("frequency cap: send welcome-2-getting-started delayed"));
    assertThat(rows).anyMatch(l -> l.startsWith("P-007,") && l.contains(",not_eligible,"));
    assertThat(r.err()).contains("10 leads simulated with welcome-series 2026.1")
        .contains("1 lead ids in the events are not in the input")
        .contains("completed=2");
  }

  @Test
  void anActiveLeadHasItsNextActionAndDueTime() throws Exception {
    Path out = dir.resolve("states.csv");
    CliRun r = CliRun.mops("program", "--program", EX + "upsell.yaml", "--input", EX + "leads.csv",
        "--events", EX + "events.csv", "--as-of", AS_OF, "--output", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out)).anyMatch(
        l -> l.startsWith("P-008,upsell,") && l.contains(",active,1,2026-03-13T17:30:00Z,pricing,branch pricing,2026-03-18T17:00:00Z,"));
  }

  @Test
  void badProgramFailsWithPosition() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(Path.of(EX + "welcome.yaml")).replace("then: hand_off", "then: welcome_1"));
    CliRun r = CliRun.mops("program", "--program", bad.toString(), "--input", EX + "leads.csv", "--as-of", AS_OF,
        "--output", dir.resolve("x.csv").toString());
    assertThat(r.code()).isNotZero();
    assertThat(r.err()).contains("bad.yaml:").contains("steps[4].branch.then").contains("only jump forward");
  }

  @Test
  void diffShowsTheLeadsThatWouldChangeWithBothVersions() throws Exception {
    Path v2 = dir.resolve("welcome-v2.yaml");
    Files.writeString(v2, Files.readString(Path.of(EX + "welcome.yaml"))
        .replace("version: \"2026.1\"", "version: \"2026.2\"")
        .replace("wait: {business_days: 2}", "wait: {business_days: 4}"));
    Path changes = dir.resolve("changes.csv");
    CliRun r = CliRun.mops("program-diff", "--old", EX + "welcome.yaml", "--new", v2.toString(),
        "--input", EX + "leads.csv", "--events", EX + "events.csv", "--as-of", "2026-03-05T12:00:00Z",
        "--output", changes.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("old: welcome-series 2026.1 (sha256:").contains("new: welcome-series 2026.2 (sha256:")
        .contains("1 of 10 leads would change")
        .contains("P-001: active, next branch engaged at 2026-03-05T15:00:00Z  =>  active, next branch engaged at 2026-03-09T14:00:00Z");
    assertThat(Files.readAllLines(changes)).hasSize(2).last().asString().startsWith("P-001,active,engaged,");

    CliRun j = CliRun.mops("program-diff", "--old", EX + "welcome.yaml", "--new", v2.toString(),
        "--input", EX + "leads.csv", "--events", EX + "events.csv", "--as-of", "2026-03-05T12:00:00Z", "--json");
    assertThat(j.code()).as(j.err()).isZero();
    JsonNode doc = new ObjectMapper().readTree(j.out());
    assertThat(doc.get("old").get("version").asText()).isEqualTo("2026.1");
    assertThat(doc.get("new").get("hash").asText()).startsWith("sha256:");
    assertThat(doc.get("old").get("hash").asText()).isNotEqualTo(doc.get("new").get("hash").asText());
    assertThat(doc.get("leads").asLong()).isEqualTo(10);
    assertThat(doc.get("changed").asLong()).isEqualTo(1);
    assertThat(doc.get("changes").get(0).get("new").get("due_at").asText()).isEqualTo("2026-03-09T14:00:00Z");
  }

  @Test
  void theSameProgramTwiceChangesNothing() {
    CliRun r = CliRun.mops("program-diff", "--old", EX + "nurture.yaml", "--new", EX + "nurture.yaml",
        "--input", EX + "leads.csv", "--events", EX + "events.csv", "--as-of", AS_OF);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("0 of 10 leads would change");
  }
}
