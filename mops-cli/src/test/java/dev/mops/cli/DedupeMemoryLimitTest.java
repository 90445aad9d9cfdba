package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mops dedupe} refuses, up front and in one line, an input its heap cannot hold. */
class DedupeMemoryLimitTest {

  @Test
  void tooManyRecordsForTheHeapAreRefusedBeforeReadingWithOneLine(@TempDir Path dir) throws Exception {
    Path leads = dir.resolve("leads.csv");
    List<String> lines = new ArrayList<>();
    lines.add("id,email,last_name");
    for (int i = 0; i < 40_000; i++) {
      lines.add("L" + i + ",p" + i + "@acme.com,Name" + i);
    }
    Files.write(leads, lines, StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
        "-cp", System.getProperty("java.class.path"), "dev.mops.cli.Main", "dedupe", "-i", leads.toString(),
        "--id-column", "id", "-o", dir.resolve("out.csv").toString())
        .redirectErrorStream(true).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.exitValue()).isEqualTo(ExitCode.USAGE);
    assertThat(out).doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
    assertThat(out.lines().count()).isEqualTo(1);
    assertThat(out).startsWith("mops dedupe: 40,000 records need about").contains("-Xmx");
    assertThat(Files.exists(dir.resolve("out.csv"))).isFalse();
  }
}
