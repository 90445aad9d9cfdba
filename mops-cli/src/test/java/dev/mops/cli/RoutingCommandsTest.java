package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingCommandsTest {

  static final Path EXAMPLES = Path.of("..", "examples", "routing");
  static final String AS_OF = "2026-03-10T14:00:00Z";

  @TempDir Path dir;

  @BeforeEach
  void copyExamples() throws IOException {
    for (String f : List.of("routing.yaml", "routing-v4.yaml", "leads.csv", "accounts.csv", "suppression.csv", "consent.csv")) {
      Files.copy(EXAMPLES.resolve(f), dir.resolve(f));
    }
  }

  String p(String name) {
    return dir.resolve(name).toString();
  }

  List<String> lines(String name) throws IOException {
    return Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void matchAccountsAddsExactlyTheContractColumns() throws IOException {
    CliRun r = CliRun.mops("match-accounts", "--input", p("leads.csv"), "--accounts", p("accounts.csv"), "--output", p("m.csv"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = lines("m.csv");
    assertThat(rows).hasSize(11);
    assertThat(rows.get(0)).isEqualTo("id,email,company,website,country,city,phone,employees,created_at,"
        + "account_id,account_confidence,account_reason");
    assertThat(rows.get(1)).contains(",ACC-1,0.961,email domain acme.com;");
    assertThat(rows.get(3)).endsWith(",,0.000,no candidate account");
    assertThat(rows.get(6)).contains(",ACC-4,").contains("free-mail domain gmail.com ignored");
    assertThat(r.err()).contains("6 of 10 leads matched to 5 accounts");
  }

  @Test
  void routeAppliesSuppressionAndConsentFirstAndWritesEveryRow() throws IOException {
    CliRun r = CliRun.mops("route", "--rules", p("routing.yaml"), "--input", p("leads.csv"), "--accounts", p("accounts.csv"),
        "--suppression", p("suppression.csv"), "--consent", p("consent.csv"), "--state", p("state.json"),
        "--as-of", AS_OF, "--at-field", "created_at", "--output", p("routed.csv"));
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = lines("routed.csv");
    assertThat(rows).hasSize(11);
    assertThat(rows.get(0)).endsWith(",created_at,destination,owner,rule,reason");
    assertThat(rows.get(1)).contains(",named-accounts,alice,existing-account,account owner alice is available");
    assertThat(rows.get(5)).contains(",suppressed,,,suppressed email kim@umbrella.de (unsubscribed 2026-02-11)");
    assertThat(rows.get(8)).contains(",suppressed,,,suppressed role_account bundled list");
    assertThat(rows.get(9)).contains(",suppressed,,,consent revoked for email/sales");
    assertThat(rows.get(10)).contains(",suppressed,,,suppressed competitor competitor.io");
    for (String row : rows.subList(1, rows.size())) {
      if (row.contains(",suppressed,")) {
        assertThat(row).doesNotContain("alice", "carla", "erin");
      }
    }
    assertThat(Files.readString(dir.resolve("state.json"), StandardCharsets.UTF_8)).contains("mops-routing-state/1");

    // a second run continues the rotation and counts from the state file
    CliRun again = CliRun.mops("route", "--rules", p("routing.yaml"), "--input", p("leads.csv"), "--state", p("state.json"),
        "--as-of", AS_OF, "--output", p("again.csv"), "--explain");
    assertThat(again.code()).as(again.err()).isZero();
    List<String> second = lines("again.csv");
    assertThat(second.get(0)).endsWith(",destination,owner,rule,reason,explanation");
    assertThat(second.get(2)).contains(",emea-smb,dev,emea,least_loaded in pool emea-smb chose dev");
  }

  @Test
  void routeDiffShowsMovesBetweenDestinations() {
    CliRun r = CliRun.mops("route-diff", "--old", p("routing.yaml"), "--new", p("routing-v4.yaml"), "--input", p("leads.csv"),
        "--as-of", AS_OF);
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("1 leads move to another destination (10.0%)", "erin -> na-enterprise: 1",
        "3: erin (strategic) -> na-enterprise (na-enterprise)");
  }

  @Test
  void routeDiffStartsBothTablesFromACopyOfTheStateAndNeverWritesIt() throws IOException {
    // today's runs: the emea-smb pool (least loaded) has counts, and erin has taken leads
    for (int i = 0; i < 2; i++) {
      CliRun day = CliRun.mops("route", "--rules", p("routing.yaml"), "--input", p("leads.csv"), "--state", p("state.json"),
          "--as-of", AS_OF, "--output", p("day" + i + ".csv"));
      assertThat(day.code()).as(day.err()).isZero();
    }
    String before = Files.readString(dir.resolve("state.json"), StandardCharsets.UTF_8);
    CliRun empty = CliRun.mops("route-diff", "--old", p("routing.yaml"), "--new", p("routing-v4.yaml"), "--input", p("leads.csv"),
        "--as-of", AS_OF);
    CliRun fromState = CliRun.mops("route-diff", "--old", p("routing.yaml"), "--new", p("routing-v4.yaml"), "--input",
        p("leads.csv"), "--as-of", AS_OF, "--state", p("state.json"));
    assertThat(fromState.code()).as(fromState.err()).isZero();
    assertThat(empty.out()).contains("both tables started from an empty assignment state");
    assertThat(fromState.out()).contains("both tables started from a copy of " + p("state.json") + " (not written)")
        .contains("1 leads move to another destination");
    assertThat(Files.readString(dir.resolve("state.json"), StandardCharsets.UTF_8)).isEqualTo(before);
    // a state file that is not one is a usage error, as in mops route
    Files.writeString(dir.resolve("bad.json"), "[]", StandardCharsets.UTF_8);
    CliRun bad = CliRun.mops("route-diff", "--old", p("routing.yaml"), "--new", p("routing-v4.yaml"), "--input", p("leads.csv"),
        "--as-of", AS_OF, "--state", p("bad.json"));
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--state: ").contains("is not a routing state");
  }

  @Test
  void badTablesAndBusyStateAreUsageErrors() throws IOException {
    Files.writeString(dir.resolve("bad.yaml"), "rules: []\n", StandardCharsets.UTF_8);
    CliRun bad = CliRun.mops("route", "--rules", p("bad.yaml"), "--input", p("leads.csv"), "--as-of", AS_OF);
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("bad.yaml:").contains("missing key 'default'");
    Files.writeString(dir.resolve("state.json"), "not json", StandardCharsets.UTF_8);
    CliRun state = CliRun.mops("route", "--rules", p("routing.yaml"), "--input", p("leads.csv"), "--as-of", AS_OF,
        "--state", p("state.json"), "--output", p("x.csv"));
    assertThat(state.code()).isEqualTo(2);
    assertThat(state.err()).contains("is not a routing state");
  }
}
