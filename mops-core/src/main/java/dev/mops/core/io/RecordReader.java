package dev.mops.core.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of records from CSV, JSON Lines or an Excel workbook: one record at a time,
 * so files larger than memory work.
 *
 * <pre>{@code
 * try (RecordReader in = RecordReader.open(Path.of("leads.csv"))) {
 *   for (InputRecord r; (r = in.next()) != null; ) { ... }
 * }
 * }</pre>
 *
 * <p>The {@code open} methods handle what exports look like: gzip-compressed input (by a {@code
 * .gz} name or the gzip magic bytes), a byte-order mark, UTF-8 by default or the encoding in
 * {@link ReadOptions}, a delimiter given, implied by a {@code .tsv} name or sniffed from the header,
 * and {@code .xlsx} workbooks. {@link #layout()} says what was chosen.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
public interface RecordReader extends Closeable {

  /**
   * Returns the field names: the CSV or sheet header, or for JSON Lines the fields of the first
   * record (later records may have others).
   */
  List<String> fields();

  /**
   * Returns the next record, or {@code null} at the end of the input.
   *
   * @throws IOException when the underlying stream fails (not for malformed content, which becomes
   *     a finding)
   */
  @Nullable InputRecord next() throws IOException;

  /** Returns how the input is read: format, encoding, delimiter, sheet, and how each was chosen. */
  InputLayout layout();

  /** The formats a reader or writer handles. */
  enum Format {
    /** Delimiter-separated values with a header line (RFC 4180; comma, semicolon, tab or pipe). */
    CSV,
    /** One JSON object per line. */
    JSONL,
    /** An Excel workbook (Office Open XML, {@code .xlsx}): one sheet, its first row the header. */
    XLSX;

    /**
     * Returns the format a file name implies, after dropping a {@code .gz}: {@code .jsonl}/{@code
     * .ndjson} JSON Lines, {@code .xlsx} Excel, else CSV.
     */
    public static Format forName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".gz")) {
        n = n.substring(0, n.length() - 3);
      }
      return n.endsWith(".jsonl") || n.endsWith(".ndjson") ? JSONL : n.endsWith(".xlsx") ? XLSX : CSV;
    }

    /**
     * Parses {@code csv}, {@code jsonl} (also {@code ndjson}) or {@code xlsx}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value otherwise
     */
    public static Format parse(String text) {
      switch (text.trim().toLowerCase(Locale.ROOT)) {
        case "csv":
        case "tsv":
          return CSV;
        case "jsonl":
        case "ndjson":
          return JSONL;
        case "xlsx":
          return XLSX;
        default:
          throw new IllegalArgumentException("unknown format '" + text + "', expected csv, jsonl or xlsx");
      }
    }
  }

  /** Returns whether a file name ends in {@code .gz}. */
  static boolean isGzipName(String name) {
    return name.toLowerCase(Locale.ROOT).endsWith(".gz");
  }

  /** Opens a file in the format its name implies, with default options. */
  static RecordReader open(Path file) throws IOException {
    return open(file, ReadOptions.defaults());
  }

  /**
   * Opens a file in the format its name implies ({@link Format#forName}); a {@code .gz} file is
   * decompressed as it is read.
   */
  static RecordReader open(Path file, ReadOptions options) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    Format format = Format.forName(name);
    if (format == Format.XLSX && !isGzipName(name)) {
      return XlsxReader.open(file.toString(), file, options);
    }
    return open(file.toString(), Files.newInputStream(file), format, options);
  }

  /** Opens a stream in the given format with default options (UTF-8 unless a byte-order mark says otherwise). */
  static RecordReader open(String source, InputStream in, Format format) throws IOException {
    return open(source, in, format, ReadOptions.defaults());
  }

  /**
   * Opens a stream in the given format. Gzip-compressed bytes are recognized by their magic number
   * and decompressed; text is decoded as {@link ReadOptions#encoding()} says, with invalid bytes
   * becoming {@code INVALID_ENCODING} findings, never silent replacement characters.
   *
   * @param source a name for the input, used in messages (and, for CSV, its {@code .tsv} extension)
   * @throws IOException when the stream fails, the header cannot be read, or the bytes are an
   *     archive or a workbook read as text
   */
  static RecordReader open(String source, InputStream in, Format format, ReadOptions options) throws IOException {
    BufferedInputStream bin = new BufferedInputStream(in, 64 * 1024);
    try {
      InputStream raw = bin;
      byte[] head = peek(bin, 8);
      if (head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B) {
        raw = new BufferedInputStream(new GZIPInputStream(bin, 64 * 1024), 64 * 1024);
        head = peek((BufferedInputStream) raw, 8);
      }
      if (format == Format.XLSX) {
        return XlsxReader.open(source, raw, options);
      }
      if (head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
        throw new IOException(source + ": this is a zip archive, not " + format.name()
            + " text; an Excel workbook is read when the name ends in .xlsx (or with the format xlsx)");
      }
      if (head.length >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
          && (head[3] & 0xFF) == 0xE0) {
        throw new IOException(source + ": this is an Excel 97-2003 workbook (.xls), which mops does not read;"
            + " save it as .xlsx or CSV");
      }
      DecodingReader reader = new DecodingReader(raw, options.encoding());
      return format == Format.JSONL ? new JsonLinesReader(source, reader) : new CsvReader(source, reader, options);
    } catch (IOException | RuntimeException e) {
      try {
        bin.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private static byte[] peek(BufferedInputStream in, int n) throws IOException {
    in.mark(n);
    byte[] b = in.readNBytes(n);
    in.reset();
    return b;
  }
}
