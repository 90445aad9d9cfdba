package dev.mops.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every {@code *-diff} command shares: the version in use ({@code --old}), the proposed one
 * ({@code --new}) and {@code --json} for a machine-readable report.
 *
 * <p>Thread safety: not thread-safe; one instance per command run.
 */
public final class DiffOptions {

  @Option(names = "--old", required = true, paramLabel = "FILE", description = "The version in use.")
  Path oldFile = Path.of("old.yaml");

  @Option(names = "--new", required = true, paramLabel = "FILE", description = "The proposed version.")
  Path newFile = Path.of("new.yaml");

  @Option(names = "--json", description = "Print the report as one JSON object on standard output (for CI).")
  boolean json;
}
