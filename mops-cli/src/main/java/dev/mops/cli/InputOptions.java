package dev.mops.cli;

import dev.mops.core.io.ReadOptions;
import dev.mops.core.io.RecordReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * (from the header)}) on standard error. Without {@code --input} a command
 * reads standard input, so {@code cat leads.csv | mops filter --when ...} works.
 *
 * <p>It counts the bytes read from the input, so that a progress line can show how far through
 * a file a run is.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class InputOptions {

  /** The input of commands run without {@code --input}. */
  static final String STDIN = "-";

  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "FILE",
      description = "Records to read: CSV with a header, JSON Lines (.jsonl/.ndjson) or Excel (.xlsx), optionally .gz; "
          + "'-' for stdin. "
          + "Default: stdin. Repeatable in dedupe and dedupe-eval only, to link several files.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = "--input-format",
      paramLabel = "FORMAT",
      description = "csv, jsonl or xlsx; by default taken from the file name (csv for stdin).")
  @Nullable String inputFormat;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description = "Text encoding of the input: UTF-8 (default), windows-1252, ISO-8859-1 or UTF-16. "
          + "A byte-order mark wins.")
  @Nullable String encoding;

  @Option(
      names = "--delimiter",
      paramLabel = "D",
      description = "CSV delimiter: comma, semicolon, tab or pipe. Default: tab for .tsv, else detected from the "
          + "header line.")
  @Nullable String delimiter;

  @Option(
      names = "--sheet",
      paramLabel = "NAME",
      description = "Excel sheet to read, by name. Default: the first sheet.")
  @Nullable String sheet;

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

  private @Nullable CountingStream counter;
  private long size = -1;

  /** Returns the names of the inputs as given ({@code -} when none was). */
  public List<String> names() {
    return inputs.isEmpty() ? List.of(STDIN) : List.copyOf(inputs);
  }

  /**
   * Returns the input's name as given ({@code -} for stdin).
   *
   * @throws UsageException when {@code --input} was given more than once
   */
  public String name() {
    if (inputs.size() > 1) {
      throw new UsageException("--input: this command reads one input, got " + inputs.size() + " " + inputs);
    }
    return inputs.isEmpty() ? STDIN : inputs.get(0);
  }

  /** Opens the input for streaming (see {@link #name()}). */
  public RecordReader open() throws IOException {
    return open(name());
  }

  /**
   * Opens {@code path} ({@code -} for stdin), one of this command's inputs, in the format of
   * {@code --input-format} or of its name; its bytes are counted for {@link #bytesRead()}.
   *
   * @throws UsageException when the file does not exist or the format is unknown
   */
  public RecordReader open(String path) throws IOException {
    RecordReader.Format f = formatOf(path, inputFormat);
    InputStream raw;
    String source;
    if (path.equals(STDIN)) {
      raw = streams().in();
      source = "<stdin>";
      size = -1;
    } else {
      Path p = existing(path);
      raw = Files.newInputStream(p);
      source = path;
      size = Files.size(p);
    }
    CountingStream c = new CountingStream(raw, !path.equals(STDIN));
    counter = c;
    RecordReader in = RecordReader.open(source, c, f, readOptions());
    streams().err().println("reading " + source + ": " + in.layout().summary());
    return in;
  }

  /**
   * Opens another file the command reads (events, labels): {@code -} for stdin, the format from
   * {@code format} or else from the name.
   */
  public RecordReader openOther(String path, @Nullable String format) throws IOException {
    RecordReader.Format f = formatOf(path, format);
    if (path.equals(STDIN)) {
      return RecordReader.open("<stdin>", new CountingStream(streams().in(), false), f);
    }
    return RecordReader.open(path, Files.newInputStream(existing(path)), f);
  }

  /** Returns the bytes read so far from the input opened last. */
  public long bytesRead() {
    CountingStream c = counter;
    return c == null ? 0 : c.count;
  }

  /** Returns the size in bytes of the input opened last, or -1 when unknown (stdin). */
  public long size() {
    return size;
  }

  private StandardStreams streams() {
    return StandardStreams.of(mixee);
  }

  private static Path existing(String path) {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("input file not found: " + path, new NoSuchFileException(path));
    }
    return p;
  }

  /**
   * Returns the format named by {@code format}, or else implied by the file name ({@code -}: CSV).
   *
   * @throws UsageException when {@code format} is neither csv nor jsonl
   */
  static RecordReader.Format formatOf(String path, @Nullable String format) {
    try {
      return format != null ? RecordReader.Format.parse(format)
          : path.equals(STDIN) ? RecordReader.Format.CSV : RecordReader.Format.forName(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
  }

  /** An input stream that counts the bytes read through it; stdin is left open on close. */
  private static final class CountingStream extends FilterInputStream {
    private final boolean closeUnderlying;
    long count;

    CountingStream(InputStream in, boolean closeUnderlying) {
      super(in);
      this.closeUnderlying = closeUnderlying;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long k = super.skip(n);
      count += k;
      return k;
    }

    @Override
    public void close() throws IOException {
      if (closeUnderlying) {
        super.close();
      }
    }
  }
}
