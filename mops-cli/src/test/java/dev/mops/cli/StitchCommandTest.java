package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StitchCommandTest {

  private static final Path CONFIG = Path.of("../examples/identity/identity.yaml");
  private static final Path OBSERVATIONS = Path.of("../examples/identity/observations.csv");

  @TempDir Path dir;

  @Test
  void stitchesTheExampleAndAccountsForEveryObservation() throws Exception {
    Path ids = dir.resolve("identifiers.csv");
    Path merges = dir.resolve("merges.csv");
    Path junk = dir.resolve("junk.csv");
    CliRun r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", OBSERVATIONS.toString(), "-o", ids.toString(),
        "--merges", merges.toString(), "--junk", junk.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(ids);
    assertThat(rows.get(0)).isEqualTo("type,identifier,profile_id");
    String ana = profileOf(rows, "user_id", "u-1001");
    assertThat(profileOf(rows, "email", "ana.silva@acme.com")).isEqualTo(ana);
    assertThat(profileOf(rows, "anonymous_id", "c-2b81d0")).isEqualTo(ana);
    assertThat(profileOf(rows, "phone", "+12125550100")).isEqualTo(ana); // the office phone stays with who had it first
    assertThat(profileOf(rows, "user_id", "u-1002")).isNotEqualTo(profileOf(rows, "user_id", "u-1003"));
    assertThat(rows).noneMatch(l -> l.contains("test@test.com") || l.contains("000-000-0000"));

    List<String> log = Files.readAllLines(merges);
    assertThat(log.get(0)).isEqualTo(String.join(",", StitchCommand.MERGE_COLUMNS));
    assertThat(log).anyMatch(l -> l.startsWith("w-004,") && l.contains(",merge,"));
    assertThat(log).anyMatch(l -> l.startsWith("f-012,") && l.contains(",blocked,email,test@test.com,"));
    assertThat(log).anyMatch(l -> l.startsWith("c-007,") && l.contains(",refused,phone,+12125550100,") && l.contains("weak_link"));
    assertThat(log).anyMatch(l -> l.startsWith("w-011,") && l.contains(",unique,"));
    assertThat(log).anyMatch(l -> l.startsWith("w-019,") && l.contains(",empty,"));
    assertThat(log).anyMatch(l -> l.startsWith("f-020,") && l.contains(",invalid,"));
    assertThat(Files.readAllLines(junk)).contains("anonymous_id,c-kiosk-01,3,2," + profileOf(rows, "email", "emma.rossi@initech.com"));

    // Every value of the input is in the identifiers or in the merge log: nothing is dropped silently.
    List<String> input = Files.readAllLines(OBSERVATIONS);
    String[] header = input.get(0).split(",", -1);
    Set<String> accounted = new HashSet<>();
    for (String row : rows.subList(1, rows.size())) {
      String[] f = row.split(",", -1);
      accounted.add(f[0] + "|" + f[1]);
    }
    Set<String> logged = new HashSet<>();
    for (String row : log.subList(1, log.size())) {
      String[] f = row.split(",", -1);
      logged.add(f[0]);
    }
    for (String line : input.subList(1, input.size())) {
      String[] f = line.split(",", -1);
      List<String> values = new ArrayList<>();
      for (int i = 3; i < header.length; i++) {
        if (!f[i].isEmpty()) {
          values.add(header[i] + "|" + f[i]);
        }
      }
      boolean allStitched = !values.isEmpty() && values.stream().allMatch(v -> accounted.contains(v.toLowerCase())
          || v.startsWith("phone|") || v.startsWith("email|"));
      assertThat(allStitched || logged.contains(f[0])).as("observation %s is accounted for", f[0]).isTrue();
    }
    assertThat(r.err()).contains("Stitched 21 observations with web-and-crm 1").contains("suspected junk (2)");
  }

  @Test
  void aSavedGraphGoesOnWhereTheLastRunStopped() throws Exception {
    List<String> all = Files.readAllLines(OBSERVATIONS);
    Path first = dir.resolve("first.csv");
    Path second = dir.resolve("second.csv");
    Files.write(first, all.subList(0, 11));
    List<String> rest = new ArrayList<>(all.subList(11, all.size()));
    rest.add(0, all.get(0));
    Files.write(second, rest);
    Path graph = dir.resolve("graph.bin");
    Path once = dir.resolve("once.csv");
    Path twice = dir.resolve("twice.csv");
    assertThat(CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", OBSERVATIONS.toString(), "-o", once.toString())
        .code()).isZero();
    assertThat(CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", first.toString(), "-o",
        dir.resolve("half.csv").toString(), "--graph", graph.toString()).code()).isZero();
    CliRun r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", second.toString(), "-o", twice.toString(),
        "--graph", graph.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("Loaded");
    assertThat(Files.readAllLines(twice)).containsExactlyInAnyOrderElementsOf(Files.readAllLines(once));

    // A deletion request: retracting w-004 splits the cookie seen first from Ana's login again.
    Path retract = dir.resolve("retract.csv");
    Files.writeString(retract, "observation_id\nw-004\nnope\n");
    Path after = dir.resolve("after.csv");
    Path merges = dir.resolve("merges.csv");
    r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", header(dir), "-o", after.toString(),
        "--graph", graph.toString(), "--retract", retract.toString(), "--merges", merges.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(after);
    assertThat(profileOf(rows, "anonymous_id", "c-2b81d0")).isNotEqualTo(profileOf(rows, "user_id", "u-1001"));
    assertThat(Files.readAllLines(merges)).anyMatch(l -> l.startsWith("w-004,") && l.contains(",retract,"));
    assertThat(r.err()).contains("RETRACTION_NOT_FOUND").contains("1 observations retracted");
  }

  @Test
  void badConfigAndMissingColumnsAreUsageErrors() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nidentifiers:\n  - type: email\n    priority: 1\n    limit: -2\n");
    CliRun r = CliRun.mops("stitch", "--config", bad.toString(), "-i", OBSERVATIONS.toString(), "-o", "-");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("bad.yaml:5:").contains("limit must be 0");

    Path noId = dir.resolve("noid.csv");
    Files.writeString(noId, "id,email\n1,a@b.co\n");
    r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", noId.toString(), "-o", "-");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("no column 'observation_id'");

    Path noTypes = dir.resolve("notypes.csv");
    Files.writeString(noTypes, "observation_id,cookie\n1,abc\n");
    r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", noTypes.toString(), "-o", "-");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("has none of the columns stitch reads").contains("[user_id, crm_contact_id");

    r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", OBSERVATIONS.toString(), "--retract", "x.csv");
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("--retract needs --graph");
  }

  @Test
  void badRecordsAreFindingsNotFailures() throws Exception {
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "observation_id,timestamp,email\n,2026-03-01T00:00:00Z,a@b.co\n2,yesterday,c@d.co\n");
    Path out = dir.resolve("out.csv");
    CliRun r = CliRun.mops("stitch", "--config", CONFIG.toString(), "-i", in.toString(), "-o", out.toString(),
        "--fail-on", "warning");
    assertThat(r.code()).isEqualTo(ExitCode.FINDINGS);
    assertThat(r.err()).contains("OBSERVATION_ID_MISSING").contains("TIMESTAMP_UNREADABLE");
    assertThat(Files.readString(out)).contains("email,a@b.co,").contains("email,c@d.co,");
  }

  private Path headerFile;

  private String header(Path d) throws Exception {
    headerFile = d.resolve("empty.csv");
    Files.writeString(headerFile, "observation_id,email\n");
    return headerFile.toString();
  }

  private static String profileOf(List<String> rows, String type, String value) {
    for (String row : rows) {
      String[] f = row.split(",", -1);
      if (f[0].equals(type) && f[1].equals(value)) {
        return f[2];
      }
    }
    throw new AssertionError(type + ":" + value + " is not in the output");
  }
}
