package dev.mops.cli;

import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --output} options of every command that writes records: CSV, JSON Lines when
 * the name ends in {@code .jsonl}/{@code .ndjson}, an Excel workbook when it ends in {@code .xlsx},
 * gzip-compressed when it ends in {@code .gz}; {@code -} (the default) for standard output.
 *
 * <p>CSV outputs are guarded against formula injection by default (see {@link CsvInjectionGuard});
 * {@code --raw-values} writes values as they are. The guard covers every CSV file a command
 * writes, including its side outputs (failures, pairs, golden records).
 *
 * <p>Thread safety: one instance per command run.
 */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

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

  @Mixin RawValuesOption rawValues = new RawValuesOption();

  /** Returns the output's name as given. */
  public String name() {
    return output;
  }

  /** Returns whether CSV values are written raw ({@code --raw-values}). */
  public boolean rawValues() {
    return rawValues.raw();
  }

  /** Opens the output, writing {@code fields} as the header. */
  public RecordWriter open(List<String> fields) throws IOException {
    return openOther(output, outputFormat, fields);
  }

  /**
   * Opens another output of the command ({@code -} for stdout, left open on close) in {@code
   * format} (null: from the name), with the same guard as the main output.
   *
   * @throws UsageException when the folder of {@code path} does not exist
   */
  public RecordWriter openOther(String path, @Nullable String format, List<String> fields) throws IOException {
    return open(StandardStreams.of(mixee), path, format, fields, rawValues.raw());
  }

  /**
   * Opens {@code path} ({@code -} for the run's stdout, left open on close) in {@code format}
   * (null: from the name), neutralising formula-like CSV values unless {@code raw}.
   *
   * @throws UsageException when the folder of {@code path} does not exist
   */
  static RecordWriter open(StandardStreams streams, String path, @Nullable String format, List<String> fields,
      boolean raw) throws IOException {
    RecordReader.Format f = InputOptions.formatOf(path, format);
    OutputStream out;
    if (path.equals("-")) {
      out = streams.recordOut();
    } else {
      checkFolder(Path.of(path));
      out = Files.newOutputStream(Path.of(path));
    }
    RecordWriter w = RecordWriter.open(path.equals("-") ? "<stdout>" : path, out, f, fields);
    return f == RecordReader.Format.CSV && !raw ? new GuardedWriter(w) : w;
  }

  /**
   * Checks that the folder {@code p} is to be written in exists.
   *
   * @throws UsageException when it does not
   */
  static void checkFolder(@Nullable Path p) {
    if (p == null) {
      return;
    }
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("output folder does not exist: " + parent);
    }
  }

  /** A CSV writer that neutralises formula-like text values before writing them. */
  private static final class GuardedWriter implements RecordWriter {
    private final RecordWriter delegate;

    GuardedWriter(RecordWriter delegate) {
      this.delegate = delegate;
    }

    @Override
    public void write(List<? extends @Nullable Object> values) throws IOException {
      List<@Nullable Object> guarded = null;
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        if (v instanceof CharSequence) {
          String s = v.toString();
          String g = CsvInjectionGuard.neutralise(s);
          if (!g.equals(s)) {
            if (guarded == null) {
              guarded = new ArrayList<>(values);
            }
            guarded.set(i, g);
          }
        }
      }
      if (guarded == null) {
        delegate.write(values);
      } else {
        delegate.write(guarded);
      }
    }

    @Override
    public void flush() throws IOException {
      delegate.flush();
    }

    @Override
    public void close() throws IOException {
      delegate.close();
    }
  }
}
