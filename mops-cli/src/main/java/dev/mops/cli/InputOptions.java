package dev.mops.cli;

import dev.mops.core.io.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The shared {@code --input} options of every command that reads records: a CSV file with a
 * header, JSON Lines when the name ends in {@code .jsonl}/{@code .ndjson}, or {@code -} for
 * standard input (CSV unless {@code --input-format jsonl}).
 *
 * <p>Thread safety: one instance per command run.
 */
public final class InputOptions {

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Records to read: CSV with a header, or JSON Lines (.jsonl/.ndjson); '-' for stdin.")
  String input = "-";

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "csv or jsonl; by default taken from the file name (csv for stdin).")
  @Nullable String inputFormat;

  /** Returns the input's name as given. */
  public String name() {
    return input;
  }

  /** Opens the input for streaming. */
  public RecordReader open() throws IOException {
    return open(input, inputFormat);
  }

  /**
   * Returns the format named by {@code format}, or else implied by the file name ({@code -}: CSV).
   *
   * @throws UsageException when {@code format} is neither csv nor jsonl
   */
  static RecordReader.Format formatOf(String path, @Nullable String format) {
    try {
      return format != null ? RecordReader.Format.parse(format)
          : path.equals("-") ? RecordReader.Format.CSV : RecordReader.Format.forName(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  /**
   * Opens {@code path} ({@code -} for stdin) in {@code format} (null: from the name).
   *
   * @throws UsageException when the file does not exist or the format is unknown
   */
  public static RecordReader open(String path, @Nullable String format) throws IOException {
    RecordReader.Format f = formatOf(path, format);
    if (path.equals("-")) {
      return RecordReader.open("<stdin>", System.in, f);
    }
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("input file not found: " + path, new NoSuchFileException(path));
    }
    return RecordReader.open(path, Files.newInputStream(p), f);
  }
}
