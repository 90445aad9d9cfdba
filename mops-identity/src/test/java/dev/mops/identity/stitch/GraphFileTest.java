package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphFileTest {

  @TempDir Path dir;

  @Test
  void aSavedGraphGoesOnAsIfItHadNeverStopped() throws IOException {
    SyntheticIdentities.Dataset d = StitchPropertyTest.data(11);
    List<Observation> all = d.observations();
    List<Observation> first = all.subList(0, all.size() / 2);
    List<Observation> second = all.subList(all.size() / 2, all.size());
    StitchConfig config = StitchPropertyTest.guarded();

    IdentityGraph whole = IdentityGraph.create(config);
    all.forEach(whole::add);

    IdentityGraph part = IdentityGraph.create(config);
    first.forEach(part::add);
    Path file = dir.resolve("graph.bin");
    part.save(file);
    IdentityGraph loaded = IdentityGraph.load(file, config);
    assertThat(StitchPropertyTest.snapshot(loaded)).isEqualTo(StitchPropertyTest.snapshot(part));
    second.forEach(loaded::add);
    assertThat(StitchPropertyTest.snapshot(loaded)).isEqualTo(StitchPropertyTest.snapshot(whole));

    // Retraction works on what was loaded, as on the graph that never stopped.
    String id = first.get(3).id();
    assertThat(loaded.retract(id)).isEqualTo(whole.retract(id));
    assertThat(loaded.profiles()).isEqualTo(whole.profiles());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no temporary file is left behind
    }
  }

  @Test
  void damagedOrForeignFilesAreRefused() throws IOException {
    StitchConfig config = Stitching.config();
    IdentityGraph g = IdentityGraph.create(config);
    g.add(Stitching.obs("o1", 0, "user_id", "u1", "email", "a@b.co"));
    Path file = dir.resolve("g.bin");
    g.save(file);
    byte[] bytes = Files.readAllBytes(file);

    Path flipped = dir.resolve("flipped.bin");
    byte[] copy = bytes.clone();
    copy[copy.length - 20] ^= 0x5A;
    Files.write(flipped, copy);
    assertThatThrownBy(() -> IdentityGraph.load(flipped, config)).isInstanceOf(IOException.class);

    Path truncated = dir.resolve("truncated.bin");
    Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> IdentityGraph.load(truncated, config)).isInstanceOf(IOException.class)
        .hasMessageContaining("truncated");

    Path text = dir.resolve("text.bin");
    Files.writeString(text, "type,identifier,profile_id\n");
    assertThatThrownBy(() -> IdentityGraph.load(text, config)).hasMessageContaining("not a saved mops identity graph");

    StitchConfig other = StitchConfig.builder().type(IdentifierType.builder("email").build()).build();
    assertThatThrownBy(() -> IdentityGraph.load(file, other)).hasMessageContaining("saved with identifier types");
  }

  @Test
  void savingReplacesTheFileWhole() throws IOException {
    StitchConfig config = Stitching.config();
    IdentityGraph a = IdentityGraph.create(config);
    a.add(Stitching.obs("o1", 0, "user_id", "u1"));
    IdentityGraph b = IdentityGraph.create(config);
    b.add(Stitching.obs("o2", 0, "user_id", "u2"));
    Path file = dir.resolve("shared.bin");
    a.save(file);
    b.save(file); // two writers: the last save wins, whole
    IdentityGraph loaded = IdentityGraph.load(file, config);
    assertThat(loaded.profileOf("user_id", "u2")).isPresent();
    assertThat(loaded.profileOf("user_id", "u1")).isEmpty();
  }
}
