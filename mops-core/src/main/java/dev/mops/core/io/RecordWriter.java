package dev.mops.core.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming writer of records to CSV or JSON Lines: the fields are declared once, then each
 * record is written as a list of values in that order.
 *
 * <p>Values are written as text ({@code null} as an empty CSV field or JSON {@code null}); numbers
 * and booleans stay numbers and booleans in JSON Lines.
 *
 * <p>Thread safety: not thread-safe; write from one thread.
 */
public interface RecordWriter extends Closeable {

  /** Writes one record; {@code values} are in the order of the writer's fields. */
  void write(List<? extends @Nullable Object> values) throws IOException;

  /** Flushes buffered output. */
  void flush() throws IOException;

  /** Opens a file in the format its name implies, writing {@code fields} as the header. */
  static RecordWriter open(Path file, List<String> fields) throws IOException {
    return open(Files.newOutputStream(file), RecordReader.Format.forName(file.getFileName().toString()), fields);
  }

  /** Opens a stream (UTF-8) in {@code format}, writing {@code fields} as the header. */
  static RecordWriter open(OutputStream out, RecordReader.Format format, List<String> fields) throws IOException {
    Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    return format == RecordReader.Format.JSONL ? new JsonLinesWriter(w, fields) : new CsvWriter(w, fields);
  }
}
