package dev.mops.flow.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad pipeline definition fails at load with the file, line, column and path. */
class PipelineDefinitionTest {

  @TempDir Path dir;

  Path write(String yaml) throws IOException {
    Path p = dir.resolve("pipeline.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void readsTheEnrichSettings() throws IOException {
    Files.writeString(dir.resolve("firmo.csv"), "domain,industry\nacme.com,Software\n");
    PipelineDefinition d = PipelineDefinition.load(write("""
        pipeline: p
        version: "7"
        inputs: {firmographics: firmo.csv}
        enrich:
          timeout: 250ms
          attempts: 4
          backoff: {base: 100ms, max: 2s, jitter: 0.25}
          cache: {size: 10, ttl: 5m}
          circuit_breaker: {failures: 3, open_for: 1m}
        """));
    assertThat(d.name()).isEqualTo("p");
    assertThat(d.version()).isEqualTo("7");
    assertThat(d.enrichmentPolicy().timeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(d.enrichmentPolicy().maxAttempts()).isEqualTo(4);
    assertThat(d.enrichmentPolicy().baseDelay()).isEqualTo(Duration.ofMillis(100));
    assertThat(d.enrichmentPolicy().jitter()).isEqualTo(0.25);
    assertThat(d.enrichmentPolicy().cacheSize()).isEqualTo(10);
    assertThat(d.enrichmentPolicy().failureThreshold()).isEqualTo(3);
    assertThat(d.enrichmentPolicy().openFor()).isEqualTo(Duration.ofMinutes(1));
    Pipeline p = d.builder().build();
    assertThat(p.enabledStages()).containsExactlyInAnyOrder(PipelineStage.NORMALISE, PipelineStage.ENRICH);
    java.util.Objects.requireNonNull(p.enricher()).close();
  }

  @Test
  void anUnknownKeyNamesItsPlaceAndTheNearestKey() throws IOException {
    Path p = write("pipeline: p\nconfigs:\n  scorng: model.yaml\n");
    assertThatThrownBy(() -> PipelineDefinition.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipeline.yaml:3:3").hasMessageContaining("configs.scorng")
        .hasMessageContaining("did you mean 'scoring'");
  }

  @Test
  void aMissingFileFailsAtTheKeyThatNamesIt() throws IOException {
    Path p = write("pipeline: p\nconfigs:\n  scoring: nowhere.yaml\n");
    assertThatThrownBy(() -> PipelineDefinition.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("pipeline.yaml:3:12").hasMessageContaining("configs.scoring")
        .hasMessageContaining("no such file");
  }

  @Test
  void aBrokenConfigFailsInItsOwnFile() throws IOException {
    Files.writeString(dir.resolve("model.yaml"), "name: m\nversion: 1\nscores: 12\n");
    Path p = write("pipeline: p\nconfigs:\n  scoring: model.yaml\n");
    assertThatThrownBy(() -> PipelineDefinition.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("model.yaml:3");
  }

  @Test
  void badSettingsNameTheirPath() throws IOException {
    assertThatThrownBy(() -> PipelineDefinition.load(write("pipeline: p\nroute: {when: mql}\n")))
        .hasMessageContaining("route.when").hasMessageContaining("needs configs.scoring");
    Files.writeString(dir.resolve("firmo.csv"), "domain,industry\nacme.com,Software\n");
    assertThatThrownBy(() -> PipelineDefinition.load(write(
        "inputs: {firmographics: firmo.csv}\nenrich:\n  timeout: soon\n")))
        .hasMessageContaining("pipeline.yaml:3:12").hasMessageContaining("enrich.timeout")
        .hasMessageContaining("expected a duration");
    assertThatThrownBy(() -> PipelineDefinition.load(write(
        "inputs: {firmographics: firmo.csv}\nenrich:\n  attempts: 50\n")))
        .hasMessageContaining("enrich.attempts").hasMessageContaining("max attempts must be 1 to 10");
    assertThatThrownBy(() -> PipelineDefinition.load(write("enrich: {attempts: 2}\n")))
        .hasMessageContaining("needs inputs.firmographics");
    assertThatThrownBy(() -> PipelineDefinition.load(write("output: {stages: [validate, scoring]}\n")))
        .hasMessageContaining("output.stages[1]").hasMessageContaining("unknown stage 'scoring'");
    assertThatThrownBy(() -> PipelineDefinition.load(write("validate: {reject: sometimes}\n")))
        .hasMessageContaining("validate.reject").hasMessageContaining("'errors' or 'never'");
  }
}
