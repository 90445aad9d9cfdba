package dev.mops.cli;

import dev.mops.core.io.ReadOptions;
import dev.mops.core.io.RecordReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --input} options of every command that reads records: a CSV file with a
 * header (comma, semicolon, tab or pipe), JSON Lines when the name ends in {@code .jsonl}/{@code
 * .ndjson}, an Excel workbook when it ends in {@code .xlsx}, any of them gzipped ({@code .gz}), or
 * {@code -} for standard input (CSV unless {@code --input-format} says otherwise); with {@code
 * --encoding}, {@code --delimiter} and {@code --sheet} for the exports that need them. Opening the
 * input prints how it is read ({@code reading x.csv: CSV, UTF-8 (default), delimiter semicolon
 * (from the header)}) on standard error.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class InputOptions {

  @Spec(Spec.Target.MIXEE)
  @Nullable CommandSpec mixee;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Records to read: CSV with a header, JSON Lines (.jsonl/.ndjson) or Excel (.xlsx), optionally .gz; '-' for stdin.")
  String input = "-";

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "csv, jsonl or xlsx; by default taken from the file name (csv for stdin).")
  @Nullable String inputFormat;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description = "Text encoding of the input: UTF-8 (default), windows-1252, ISO-8859-1 or UTF-16. A byte-order mark wins.")
  @Nullable String encoding;

  @Option(
      names = "--delimiter",
      paramLabel = "D",
      description = "CSV delimiter: comma, semicolon, tab or pipe. Default: tab for .tsv, else detected from the header line.")
  @Nullable String delimiter;

  @Option(
      names = "--sheet",
      paramLabel = "NAME",
      description = "Excel sheet to read, by name (default: the first sheet).")
  @Nullable String sheet;

  /** Returns the input's name as given. */
  public String name() {
    return input;
  }

  /**
   * Returns the read options the command line asked for.
   *
   * @throws UsageException when an encoding or delimiter is unknown
   */
  public ReadOptions readOptions() {
    ReadOptions.Builder b = ReadOptions.builder();
    try {
      if (encoding != null) {
        b.encoding(encoding);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--encoding: " + e.getMessage(), e);
    }
    try {
      if (delimiter != null) {
        b.delimiter(ReadOptions.parseDelimiter(delimiter));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--delimiter: " + e.getMessage(), e);
    }
    if (sheet != null) {
      b.sheet(sheet);
    }
    return b.build();
  }

  /** Opens the input for streaming and prints how it is read on the command's standard error. */
  public RecordReader open() throws IOException {
    RecordReader in = open(input, inputFormat, readOptions());
    if (mixee != null) {
      mixee.commandLine().getErr().println("reading " + (input.equals("-") ? "<stdin>" : input) + ": " + in.layout().summary());
    }
    return in;
  }

  /**
   * Returns the format named by {@code format}, or else implied by the file name ({@code -}: CSV).
   *
   * @throws UsageException when {@code format} is not csv, jsonl or xlsx
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
   * Opens {@code path} ({@code -} for stdin) in {@code format} (null: from the name) with default
   * read options.
   *
   * @throws UsageException when the file does not exist or the format is unknown
   */
  public static RecordReader open(String path, @Nullable String format) throws IOException {
    return open(path, format, ReadOptions.defaults());
  }

  /**
   * Opens {@code path} ({@code -} for stdin) in {@code format} (null: from the name) with {@code
   * options}.
   *
   * @throws UsageException when the file does not exist or the format is unknown
   */
  public static RecordReader open(String path, @Nullable String format, ReadOptions options) throws IOException {
    RecordReader.Format f = formatOf(path, format);
    if (path.equals("-")) {
      return RecordReader.open("<stdin>", System.in, f, options);
    }
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("input file not found: " + path, new NoSuchFileException(path));
    }
    if (format == null) {
      return RecordReader.open(p, options);
    }
    return RecordReader.open(path, Files.newInputStream(p), f, options);
  }
}
