package dev.mops.cli;

import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The shared {@code --output} options of every command that writes records: CSV, JSON Lines when
 * the name ends in {@code .jsonl}/{@code .ndjson}, an Excel workbook when it ends in {@code .xlsx},
 * gzip-compressed when it ends in {@code .gz}; {@code -} (the default) for standard output.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class OutputOptions {

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Where to write records: CSV, JSON Lines (.jsonl/.ndjson) or Excel (.xlsx), gzipped when .gz; '-' for stdout (default).")
  String output = "-";

  @Option(
      names = "--output-format",
      paramLabel = "FORMAT",
      description = "csv, jsonl or xlsx; by default taken from the file name (csv for stdout).")
  @Nullable String outputFormat;

  /** Returns the output's name as given. */
  public String name() {
    return output;
  }

  /** Opens the output, writing {@code fields} as the header. */
  public RecordWriter open(List<String> fields) throws IOException {
    return open(output, outputFormat, fields);
  }

  /** Opens {@code path} ({@code -} for stdout, left open on close) in {@code format} (null: from the name). */
  public static RecordWriter open(String path, @Nullable String format, List<String> fields) throws IOException {
    RecordReader.Format f = InputOptions.formatOf(path, format);
    OutputStream out;
    if (path.equals("-")) {
      out = new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          this.out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    } else {
      Path p = Path.of(path);
      Path parent = p.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageException("output folder does not exist: " + parent);
      }
      out = Files.newOutputStream(p);
    }
    return RecordWriter.open(path.equals("-") ? "<stdout>" : path, out, f, fields);
  }
}
