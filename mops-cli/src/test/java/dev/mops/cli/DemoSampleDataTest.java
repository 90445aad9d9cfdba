package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void generatingTwiceGivesTheSameFiles() {
    assertThat(DemoSampleData.generate(EXAMPLES)).isEqualTo(DemoSampleData.generate(EXAMPLES));
  }
}
