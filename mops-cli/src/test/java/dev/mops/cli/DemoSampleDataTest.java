package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.testkit.SyntheticLeads;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed sample files of the demo are exactly what {@link DemoSampleData} writes. */
class DemoSampleDataTest {

  static final Path EXAMPLES = Path.of("..", "examples");

  @Test
  void committedFilesAreWhatTheGeneratorWrites() throws IOException {
    if (Boolean.getBoolean("mops.demo.regenerate")) {
      DemoSampleData.write(EXAMPLES);
    }
    Map<String, String> generated = DemoSampleData.generate(EXAMPLES);
    assertThat(generated.keySet()).containsExactlyElementsOf(DemoSampleData.FILES);
    for (Map.Entry<String, String> e : generated.entrySet()) {
      Path file = EXAMPLES.resolve("demo").resolve(e.getKey());
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s differs from what DemoSampleData writes (rerun with -Dmops.demo.regenerate=true after a deliberate change)", file)
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void theExampleDedupeConfigIsTheSyntheticLeadsConfig() {
    DedupeConfig example = DedupeConfigs.load(EXAMPLES.resolve("dedupe/leads.yaml"));
    DedupeConfig testkit = DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml());
    assertThat(example.fields()).isEqualTo(testkit.fields());
    assertThat(example.blockingKeys()).isEqualTo(testkit.blockingKeys());
    assertThat(List.of(example.version(), example.maxBlockSize(), example.maxCandidatePairs(), example.randomPairs(),
        example.emIterations(), example.seed(), example.priorScope(), example.matchThreshold(), example.reviewThreshold(),
        example.maxClusterSize(), example.junkValueCount(), example.weakLinkProbability(), example.minLinkShare(),
        example.survivorship(), example.refineWith(), example.termFrequencies(), example.evidenceGroups()))
        .isEqualTo(List.of(testkit.version(), testkit.maxBlockSize(), testkit.maxCandidatePairs(), testkit.randomPairs(),
            testkit.emIterations(), testkit.seed(), testkit.priorScope(), testkit.matchThreshold(), testkit.reviewThreshold(),
            testkit.maxClusterSize(), testkit.junkValueCount(), testkit.weakLinkProbability(), testkit.minLinkShare(),
            testkit.survivorship(), testkit.refineWith(), testkit.termFrequencies(), testkit.evidenceGroups()));
  }

  @Test
  void generatingTwiceGivesTheSameFiles() {
    assertThat(DemoSampleData.generate(EXAMPLES)).isEqualTo(DemoSampleData.generate(EXAMPLES));
  }
}
