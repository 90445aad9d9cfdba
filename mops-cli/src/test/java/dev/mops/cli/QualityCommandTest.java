package dev.mops.cli;

import static dev.mops.cli.CliRun.mops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityCommandTest {

  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    while (!Files.isDirectory(p.resolve("examples/quality"))) {
      p = p.getParent();
    }
    return p.resolve("examples/quality");
  }

  @Test
  void checksTheLeadExampleAndWritesJsonHtmlAndFailures(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("report.json");
    Path html = dir.resolve("report.html");
    Path failures = dir.resolve("failures.csv");
    CliRun r = mops("quality", "--contract", examples().resolve("lead-contract.yaml").toString(),
        "--input", examples().resolve("leads.csv").toString(), "--as-of", "2026-11-01T00:00:00Z",
        "--output", report.toString(), "--html", html.toString(), "--failures", failures.toString(), "--fail-on", "error");
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.err()).contains("240 records checked against leads", "status fail", "country.type", "row-level failures");
    JsonNode json = new ObjectMapper().readTree(Files.readString(report));
    assertThat(json.path("rows").asLong()).isEqualTo(240);
    assertThat(json.path("asOf").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(json.path("dimensions").path("validity").path("score").asDouble()).isBetween(90.0, 100.0);
    assertThat(json.path("rules").findValuesAsText("status")).contains("fail", "pass");
    assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("Narnia");
    List<String> lines = Files.readAllLines(failures, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("record,line,field,rule,code,severity,value,message");
    assertThat(lines).anyMatch(l -> l.startsWith("18,19,country,country.type,NOT_A_COUNTRY,error,Narnia,"));
    assertThat(lines).anyMatch(l -> l.contains("DUPLICATE_KEY"));
  }

  @Test
  void aFailedRuleFailsTheRunByDefaultAndFailOnNeverExitsZero() {
    // As with Soda and Great Expectations in CI, a failed check fails the job: --fail-on is error by default.
    CliRun byDefault = mops("quality", "--contract", examples().resolve("leads.odcs.yaml").toString(),
        "--input", examples().resolve("leads.csv").toString(), "--as-of", "2026-11-01T00:00:00Z");
    assertThat(byDefault.code()).as(byDefault.err()).isEqualTo(ExitCode.FINDINGS);
    assertThat(byDefault.err()).contains("status fail");
    assertThat(mops("quality", "--help").out().replaceAll("\\s+", " ")).contains("or never. Default: error.");
    CliRun r = mops("quality", "--contract", examples().resolve("leads.odcs.yaml").toString(),
        "--input", examples().resolve("leads.csv").toString(), "--as-of", "2026-11-01T00:00:00Z", "--fail-on", "never");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"format\" : \"mops-quality-report/1\"", "not_evaluated");
    assertThat(r.err()).contains("not_evaluated", "custom SQL");
  }

  @Test
  void badContractIsOneLineWithPositionAndExit2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "contract: x\nfields:\n  a: {type: strng}\n");
    CliRun r = mops("quality", "--contract", bad.toString(), "--input", examples().resolve("leads.csv").toString());
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err().strip()).startsWith("mops quality: ").contains("bad.yaml:3:", "unknown type 'strng'");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void profileWritesAMergeableProfileAndSuggestsAContractThatLoads(@TempDir Path dir) throws Exception {
    Path profile = dir.resolve("profile.json");
    Path suggested = dir.resolve("starter.yaml");
    CliRun r = mops("profile", "--input", examples().resolve("leads.csv").toString(), "--output", profile.toString(),
        "--suggest", suggested.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("240 records, 20 fields");
    assertThat(Files.readString(profile)).contains("\"format\" : \"mops-quality-profile/2\"");
    String yaml = Files.readString(suggested);
    assertThat(yaml).contains("contract: starter", "  id:\n    type: string\n    required: true\n    unique: true",
        "  employees:\n    type: integer   # 1 of 240 values did not read as integer", "  email:\n    type: email",
        "  opt_in:\n    type: boolean", "  created_date:\n    type: date", "  last_activity:\n    type: timestamp",
        "  status:\n    type: string\n    required: true\n    allowed: [qualified, disqualified, working, new, nurture, converted]");
    // the suggestion is a valid contract the quality command accepts
    CliRun q = mops("quality", "--contract", suggested.toString(), "--input", examples().resolve("leads.csv").toString(),
        "--as-of", "2026-11-01T00:00:00Z", "--output", dir.resolve("r.json").toString());
    // it loads and runs; the file breaks some of the rules suggested from it (exit 1, the default --fail-on error)
    assertThat(q.code()).as(q.err()).isEqualTo(ExitCode.FINDINGS);
    assertThat(q.err()).contains("240 records checked against starter");
  }

  @Test
  void helpListsTheNewCommands() {
    assertThat(mops("--help").out()).contains("quality", "profile");
    assertThat(mops("quality", "--help").out()).contains("--contract", "--html", "--failures", "--fail-on", "--as-of");
  }

  @Test
  void demoHasAQualitySection(@TempDir Path dir) {
    CliRun demo = mops("demo", "--dir", dir.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("Quality: 60 leads checked against contract demo-leads", "last_visit.type", "freshness.last_visit");
  }
}
