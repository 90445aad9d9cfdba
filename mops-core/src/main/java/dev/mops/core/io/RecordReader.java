package dev.mops.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of records from CSV or JSON Lines: one record at a time, so files larger than
 * memory work.
 *
 * <pre>{@code
 * try (RecordReader in = RecordReader.open(Path.of("leads.csv"))) {
 *   for (InputRecord r; (r = in.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
public interface RecordReader extends Closeable {

  /**
   * Returns the field names: the CSV header, or for JSON Lines the fields of the first record
   * (later records may have others).
   */
  List<String> fields();

  /**
   * Returns the next record, or {@code null} at the end of the input.
   *
   * @throws IOException when the underlying stream fails (not for malformed content, which becomes
   *     a finding)
   */
  @Nullable InputRecord next() throws IOException;

  /** The formats a reader or writer handles. */
  enum Format {
    /** Comma-separated values with a header line (RFC 4180). */
    CSV,
    /** One JSON object per line. */
    JSONL;

    /** Returns the format a file name implies: {@code .jsonl}/{@code .ndjson} JSON Lines, else CSV. */
    public static Format forName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSONL : CSV;
    }

    /**
     * Parses {@code csv} or {@code jsonl} (also {@code ndjson}), case-insensitively.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static Format parse(String text) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "csv":
          return CSV;
        case "jsonl":
        case "ndjson":
          return JSONL;
        default:
          throw new IllegalArgumentException("unknown format '" + text + "', expected csv or jsonl");
      }
    }
  }

  /** Opens a file in the format its name implies. */
  static RecordReader open(Path file) throws IOException {
    return open(file.toString(), Files.newInputStream(file), Format.forName(file.getFileName().toString()));
  }

  /**
   * Opens a stream (decoded as UTF-8; malformed bytes become U+FFFD) in the given format.
   *
   * @param source a name for the input, used in messages
   */
  static RecordReader open(String source, InputStream in, Format format) throws IOException {
    Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    return format == Format.JSONL ? new JsonLinesReader(source, reader) : new CsvReader(source, reader);
  }
}
