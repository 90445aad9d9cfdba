package dev.mops.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Records;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAssignmentStateTest {

  static final RoutingTable TABLE = RoutingTable.parse("t.yaml", String.join("\n",
      "reps: [{id: a, caps: {day: 2}}, {id: b, caps: {day: 2}}, {id: c}]",
      "pools:",
      "  - {name: rr, reps: [a, b]}",
      "  - {name: w, strategy: weighted, reps: [{rep: b, weight: 1}, {rep: c, weight: 3}]}",
      "rules: [{name: w, when: {eq: {field: pool, value: w}}, route: {pool: w}}]",
      "default: {pool: rr}"));
  static final Instant AT = Instant.parse("2026-03-10T12:00:00Z");

  @Test
  void stateSurvivesARestartExactly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    List<String> oneRun = new ArrayList<>();
    Router all = Router.create(TABLE);
    for (int i = 0; i < 10; i++) {
      oneRun.add(all.route(Records.of(java.util.Map.of("pool", i % 3 == 0 ? "w" : "rr")), AT).owner() + "");
    }
    List<String> twoRuns = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (FileAssignmentState s = FileAssignmentState.open(file)) {
        Router r = Router.create(TABLE, s);
        for (int i = run * 5; i < run * 5 + 5; i++) {
          twoRuns.add(r.route(Records.of(java.util.Map.of("pool", i % 3 == 0 ? "w" : "rr")), AT).owner() + "");
        }
      }
    }
    assertThat(twoRuns).isEqualTo(oneRun);
    assertThat(oneRun).contains("null"); // caps reached: held
    String json = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(json).contains(FileAssignmentState.FORMAT, "\"rotation\"", "\"days\"");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "state.json.lock");
    }
  }

  @Test
  void aSnapshotContinuesFromTheFileAsARunWouldButNeverWritesIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    try (FileAssignmentState s = FileAssignmentState.open(file)) {
      Router r = Router.create(TABLE, s);
      for (int i = 0; i < 3; i++) {
        r.route(Records.of(java.util.Map.of("pool", "rr")), AT);
      }
    }
    String saved = Files.readString(file, StandardCharsets.UTF_8);
    List<String> fromSnapshot = new ArrayList<>();
    List<String> fromSecondSnapshot = new ArrayList<>();
    Router a = Router.create(TABLE, FileAssignmentState.snapshot(file));
    Router b = Router.create(TABLE, FileAssignmentState.snapshot(file));
    for (int i = 0; i < 3; i++) {
      fromSnapshot.add(a.route(Records.of(java.util.Map.of("pool", "rr")), AT).owner() + "");
    }
    for (int i = 0; i < 3; i++) {
      fromSecondSnapshot.add(b.route(Records.of(java.util.Map.of("pool", "rr")), AT).owner() + "");
    }
    List<String> fromFile = new ArrayList<>();
    try (FileAssignmentState s = FileAssignmentState.open(file)) {
      Router r = Router.create(TABLE, s);
      for (int i = 0; i < 3; i++) {
        fromFile.add(r.route(Records.of(java.util.Map.of("pool", "rr")), AT).owner() + "");
      }
      // the snapshots did not touch the file: it held the first run's state until this run
      assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(saved);
    }
    // each snapshot is its own copy, and continues exactly as the file-backed run did:
    // one lead left under the daily caps of a and b (2 each, 3 taken), then held
    assertThat(fromSnapshot).isEqualTo(fromFile).isEqualTo(fromSecondSnapshot).containsExactly("b", "null", "null");
    long rotation = FileAssignmentState.snapshot(dir.resolve("none.json")).atomically(l -> l.rotation("rr"));
    assertThat(rotation).isZero();
  }

  @Test
  void aSecondOpenOfTheSameFileFailsWhileTheFirstHoldsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    try (FileAssignmentState first = FileAssignmentState.open(file)) {
      assertThatThrownBy(() -> FileAssignmentState.open(file))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("in use by another process");
      assertThat(first.file()).isEqualTo(file.toAbsolutePath());
    }
    FileAssignmentState.open(file).close(); // released
  }

  @Test
  void aCorruptOrForeignFileIsRefusedNotReset(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"format\": \"mops-routing-state/1\", \"pools\": {\"rr\": {\"rotation\": 1", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileAssignmentState.open(file)).hasMessageContaining("malformed JSON");
    Files.writeString(file, "{\"hello\": 1}", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileAssignmentState.open(file)).hasMessageContaining("is not a routing state");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"hello\": 1}");
    FileAssignmentState.open(dir.resolve("other.json")).close(); // the failed opens released their locks
    FileAssignmentState.open(file.resolveSibling("third.json")).close();
  }

  @Test
  void aWriteThatDiesBeforeTheMoveLeavesThePreviousStateWhole(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    try (FileAssignmentState s = FileAssignmentState.open(file)) {
      Router.create(TABLE, s).route(Records.empty(), AT);
    }
    String before = Files.readString(file, StandardCharsets.UTF_8);
    // a crash mid-write leaves at most a temporary file beside the state; the state itself is whole
    Files.writeString(dir.resolve("state.json.123.tmp"), "{\"format\": \"mops-rou", StandardCharsets.UTF_8);
    try (FileAssignmentState s = FileAssignmentState.open(file)) {
      assertThat(Router.create(TABLE, s).route(Records.empty(), AT).owner()).isEqualTo("b");
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isNotEqualTo(before).contains("\"rotation\" : 2");
  }
}
