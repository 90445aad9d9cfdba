package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigDiffCommandsTest {

  static final String Q = "../examples/quality/";
  static final String T = "../examples/taxonomy/";

  @Test
  void contractDiffPrintsBothVersionsTheRuleChangesAndTheRowsThatNewlyFail() {
    CliRun run = CliRun.mops("contract-diff", "--old", Q + "lead-contract.yaml", "--new", Q + "lead-contract-v2.yaml",
        "--input", Q + "leads.csv", "--as-of", "2026-11-01T00:00:00Z");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("contract-diff: leads 3 -> leads 4\n  old: " + Q + "lead-contract.yaml  version 3  sha256:")
        .contains("  new: " + Q + "lead-contract-v2.yaml  version 4  sha256:")
        .contains("rules: 1 added, 0 removed, 3 loosened, 2 tightened, 0 changed")
        .contains("  loosened  country.allowed: allowed values added: [MX, ES]")
        .contains("  tightened employees.range: range maximum 5000000 -> 500000")
        .contains("  tightened phone.type: severity warning -> error")
        .contains("  added     title.required: rule added")
        .contains("240 rows, as of 2026-11-01T00:00:00Z): 42 rows newly fail, 0 newly pass; 18 failed before, 60 fail after")
        .contains("  title.required: 44 rows newly break it, 0 no longer do");
  }

  @Test
  void contractDiffJsonForCi() {
    CliRun run = CliRun.mops("contract-diff", "--old", Q + "lead-contract.yaml", "--new", Q + "lead-contract-v2.yaml",
        "--json");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{\"diff\":\"contract-diff\",\"old\":{\"file\":\"" + Q + "lead-contract.yaml\","
            + "\"name\":\"leads\",\"version\":\"3\",\"hash\":\"sha256:")
        .contains("{\"rule\":\"employees.range\",\"change\":\"tightened\",")
        .doesNotContain("\"data\"");
  }

  @Test
  void taxonomyDiffShowsValuesAndUrlsThatChangeLintResult() {
    CliRun run = CliRun.mops("taxonomy-diff", "--old", T + "taxonomy.yaml", "--new", T + "taxonomy-v2.yaml",
        "--input", T + "urls.csv");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("taxonomy-diff: acme-utm 2025.06 -> acme-utm 2025.09\n")
        .contains("  utm_source: values; values added [youtube]; values removed [bing]")
        .contains("  utm_content: now required")
        .contains("10 of 11 change lint result {valid -> invalid=1, fixable -> invalid=5, invalid -> invalid=4}")
        .contains("  line 2: valid -> invalid  https://acme.example/?utm_source=google");
    CliRun same = CliRun.mops("taxonomy-diff", "--old", T + "taxonomy.yaml", "--new", T + "taxonomy.yaml", "--json");
    assertThat(same.out()).contains("\"same_content\":true,\"parameters\":[]");
  }

  @Test
  void channelsDiffShowsTheTrafficThatMovesChannel() {
    CliRun run = CliRun.mops("channels-diff", "--old", T + "channels.yaml", "--new", T + "channels-v2.yaml",
        "--input", T + "visits.csv");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).contains("channels: added [Video], removed []")
        .contains("3 of 7 change channel {Organic Video -> Video=1, Paid Video -> Video=2}")
        .contains("  line 7: Paid Video -> Video  youtube / paid_social / 2025q3_abm");
    CliRun json = CliRun.mops("channels-diff", "--old", "ga4", "--new", T + "channels.yaml", "--input", T + "urls.csv",
        "--json");
    assertThat(json.out()).contains("\"name\":\"GA4 default channel group\"").contains("\"moves\":{\"Affiliates -> Partners\":1}");
  }

  @Test
  void aBadConfigIsAUsageErrorWithItsPosition() {
    CliRun run = CliRun.mops("taxonomy-diff", "--old", T + "taxonomy.yaml", "--new", Q + "lead-contract.yaml");
    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).containsPattern("lead-contract\\.yaml:\\d+:\\d+");
  }
}
