package dev.mops.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.util.zip.GZIPOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming writer of records to CSV, JSON Lines or an Excel workbook: the fields are declared
 * once, then each record is written as a list of values in that order.
 *
 * <p>Values are written as text ({@code null} as an empty CSV field, JSON {@code null} or an empty
 * cell); numbers and booleans stay numbers and booleans in JSON Lines and Excel. Text is UTF-8; a
 * name ending in {@code .gz} is gzip-compressed as it is written, {@code .xlsx} is an Excel
 * workbook with one sheet.
 *
 * <p>Thread safety: not thread-safe; write from one thread.
 */
public interface RecordWriter extends Closeable {

  /** Writes one record; {@code values} are in the order of the writer's fields. */
  void write(List<? extends @Nullable Object> values) throws IOException;

  /** Flushes buffered output. */
  void flush() throws IOException;

  /**
   * Opens a file in the format its name implies ({@link RecordReader.Format#forName}), gzipped when
   * the name ends in {@code .gz}, writing {@code fields} as the header.
   */
  static RecordWriter open(Path file, List<String> fields) throws IOException {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    return open(name, Files.newOutputStream(file), null, fields);
  }

  /** Opens a stream (UTF-8 text) in {@code format}, writing {@code fields} as the header. */
  static RecordWriter open(OutputStream out, RecordReader.Format format, List<String> fields) throws IOException {
    switch (format) {
      case JSONL:
        return new JsonLinesWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), fields);
      case XLSX:
        return new XlsxWriter(out, fields);
      default:
        return new CsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), fields);
    }
  }

  /**
   * Opens a stream for a destination called {@code name}: gzip-compressed when the name ends in
   * {@code .gz}, in {@code format}, or when it is null the format the name implies.
   */
  static RecordWriter open(String name, OutputStream out, RecordReader.@Nullable Format format, List<String> fields)
      throws IOException {
    RecordReader.Format f = format != null ? format : RecordReader.Format.forName(name);
    OutputStream o = RecordReader.isGzipName(name) ? new GZIPOutputStream(out, 64 * 1024) : out;
    try {
      return open(o, f, fields);
    } catch (IOException | RuntimeException e) {
      o.close();
      throw e;
    }
  }
}
