package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keeps docs/stitching.md true: it shows the example config whole, and its Java example runs as shown. */
class StitchGuideTest {

  static final Path GUIDE = Path.of("..", "docs", "stitching.md");
  static final Path EXAMPLE = Path.of("..", "examples", "identity", "identity.yaml");

  @Test
  void guideShowsTheExampleConfigWhole() throws Exception {
    assertThat(Files.readString(GUIDE)).contains("```yaml\n" + Files.readString(EXAMPLE) + "```");
  }

  @Test
  void guideJavaExampleGivesWhatItSays(@TempDir Path dir) throws Exception {
    StitchConfig config = StitchConfig.load(EXAMPLE);
    List<Refusal> refused = new ArrayList<>();
    IdentityGraph graph = IdentityGraph.builder(config)
        .listener(new StitchListener() {
          @Override
          public void refused(Refusal refusal) {
            refused.add(refusal);
          }
        })
        .build();
    graph.add(Observation.of("w-1", Instant.parse("2026-03-02T09:14:00Z"),
        "anonymous_id", "C-7F3A9E", "user_id", "u-1001"));
    graph.add(Observation.of("f-2", Instant.parse("2026-03-02T09:16:30Z"),
        "anonymous_id", "c-7f3a9e", "email", "Ana.Silva@Acme.com", "phone", "+1 (415) 555-0142"));
    graph.add(Observation.of("w-3", Instant.parse("2026-03-03T18:02:11Z"),
        "user_id", "u-2002", "email", "ana.silva@acme.com"));

    assertThat(graph.profileOf("email", "ANA.SILVA@acme.com")).isEqualTo(graph.profileOf("user_id", "u-1001"));
    assertThat(graph.profileOf("email", "ANA.SILVA@acme.com").orElseThrow()).startsWith("p-").hasSize(18);
    assertThat(refused.get(0).reason()).isEqualTo(RefusalReason.UNIQUE);
    assertThat(refused.get(0).detail()).startsWith("would give a profile 2 different user_id values (unique) merging ");
    assertThat(graph.metrics().stitchingRate()).isEqualTo(0.8);
    Path file = dir.resolve("graph.bin");
    graph.save(file);
    assertThat(IdentityGraph.load(file, config).profiles()).isEqualTo(graph.profiles());
    graph.retract("f-2");
    assertThat(graph.profileOf("email", "ana.silva@acme.com")).isEmpty();
    assertThat(graph.profileOf("phone", "+14155550142")).isEmpty();
    assertThat(graph.profileOf("anonymous_id", "c-7f3a9e")).isEqualTo(graph.profileOf("user_id", "u-1001"));
  }
}
