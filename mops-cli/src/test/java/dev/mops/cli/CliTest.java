package dev.mops.cli;

import static dev.mops.cli.CliRun.mops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @Test
  void versionAndHelp() {
    CliRun v = mops("--version");
    assertThat(v.code()).isZero();
    assertThat(v.out()).startsWith("mops ").doesNotContain("${");
    CliRun h = mops("--help");
    assertThat(h.code()).isZero();
    assertThat(h.out()).contains("demo", "filter");
    CliRun fh = mops("filter", "--help");
    assertThat(fh.code()).isZero();
    assertThat(fh.out()).contains("--input", "--output", "--fail-on", "--where", "--when", "--explain");
  }

  @Test
  void usageErrorsAreOneLineWithExitCode2() {
    CliRun noCommand = mops();
    assertThat(noCommand.code()).isEqualTo(2);
    CliRun unknown = mops("frobnicate");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unmatched argument");
    CliRun missing = mops("filter", "--input", "nope.csv", "--when", "true");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("mops filter: input file not found: nope.csv");
  }

  @Test
  void demoRunsOnBundledData(@TempDir Path dir) {
    CliRun demo = mops("demo", "--dir", dir.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    assertThat(demo.out()).contains("60 sample leads", "north_america_mid_market", "NOT_A_NUMBER in employees", "Why L-",
        "Normalizers: 60 leads", "Campaign URLs: 12 landing pages", "Paid Search                3", "UNFILLED_MACRO",
        "Dedupe: 3,000 synthetic leads", "are one person:", "nickname");
  }

  @Test
  void filterSelectsMarksAndExplains(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,country,employees\n1,US,500\n2,CA,20\n3,US,n/a\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun r = mops("filter", "-i", in.toString(), "-o", out.toString(), "--when", "{all: [{eq: {field: country, value: US}}, {gt: {field: employees, value: 100}}]}");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readString(out)).isEqualTo("id,country,employees\n1,US,500\n");
    assertThat(r.err()).contains("3 records read, 1 matched");

    Path marked = dir.resolve("marked.jsonl");
    Path cond = dir.resolve("cond.yaml");
    Files.writeString(cond, "gt: {field: employees, value: 100}\n");
    r = mops("filter", "-i", in.toString(), "-o", marked.toString(), "--where", cond.toString(), "--mark", "--explain");
    assertThat(r.code()).as(r.err()).isZero();
    String jsonl = Files.readString(marked);
    assertThat(jsonl.lines()).hasSize(3);
    assertThat(jsonl).contains("\"matched\":true", "\"matched\":false", "not comparable as a number");
  }

  @Test
  void filterReportsConfigErrorsWithPosition(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,country\n1,US\n");
    Path cond = dir.resolve("bad.yaml");
    Files.writeString(cond, "all:\n  - eqq: {field: country, value: US}\n");
    CliRun r = mops("filter", "-i", in.toString(), "--where", cond.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("mops filter: " + cond + ":2:5: at all[0].eqq: unknown key 'eqq' (did you mean 'eq'?)");
    assertThat(r.err()).doesNotContain("\tat ");
    CliRun unknownField = mops("filter", "-i", in.toString(), "--when", "{eq: {field: region, value: EU}}");
    assertThat(unknownField.code()).isEqualTo(2);
    assertThat(unknownField.err()).contains("the condition reads [region], which " + in + " does not have");
  }

  @Test
  void failOnTurnsFindingsIntoExitCode1(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,country\n1,US\n2\n");
    CliRun lenient = mops("filter", "-i", in.toString(), "--when", "true", "-o", dir.resolve("o.csv").toString());
    assertThat(lenient.code()).isZero();
    CliRun strict = mops("filter", "-i", in.toString(), "--when", "true", "--fail-on", "warning", "-o", dir.resolve("o.csv").toString());
    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.err()).contains("CSV_SHORT_ROW", "1 warnings");
    CliRun typo = mops("filter", "-i", in.toString(), "--when", "true", "--fail-on", "sometimes");
    assertThat(typo.code()).isEqualTo(2);
  }
}
