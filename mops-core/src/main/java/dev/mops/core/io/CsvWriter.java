package dev.mops.core.io;

import dev.mops.core.record.Values;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming CSV writer (RFC 4180): fields that hold the delimiter, a quote, a line break or
 * leading or trailing space are quoted, quotes doubled; lines end with {@code \n}.
 *
 * <p>Thread safety: not thread-safe; write from one thread.
 */
public final class CsvWriter implements RecordWriter {

  private final Writer out;
  private final int width;
  private final char delimiter = ',';

  /** Creates a writer and writes the header line. */
  public CsvWriter(Writer out, List<String> fields) throws IOException {
    this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 64 * 1024);
    this.width = fields.size();
    writeLine(fields);
  }

  @Override
  public void write(List<? extends @Nullable Object> values) throws IOException {
    if (values.size() != width) {
      throw new IllegalArgumentException("expected " + width + " values, got " + values.size());
    }
    writeLine(values);
  }

  private void writeLine(List<? extends @Nullable Object> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        out.write(delimiter);
      }
      String s = Values.asString(values.get(i));
      if (s != null) {
        writeField(s);
      }
    }
    out.write('\n');
  }

  private void writeField(String s) throws IOException {
    boolean quote = !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      out.write(s);
      return;
    }
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.write('"');
      }
      out.write(c);
    }
    out.write('"');
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
