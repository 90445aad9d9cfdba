package dev.mops.core.io;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of JSON Lines: one JSON object per line, blank lines skipped.
 *
 * <p>A line that is not a JSON object becomes an empty record with a {@code MALFORMED_JSON}
 * finding; a line longer than {@link Records#MAX_JSON_LENGTH} characters an empty record with
 * {@code JSON_LINE_TOO_LONG}. The reader reads ahead to the first record to learn {@link
 * #fields()}. Bytes that were not valid in the encoding (when read through {@link
 * RecordReader#open(String, java.io.InputStream, RecordReader.Format, ReadOptions)}) are an {@code
 * INVALID_ENCODING} error finding with the line and column of the first such bytes on the line.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
public final class JsonLinesReader implements RecordReader {

  private final String source;
  private final Reader in;
  private final @Nullable DecodingReader decoder;
  private final InputLayout layout;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long base;
  private final StringBuilder text = new StringBuilder();
  private long line;
  private long records;
  private @Nullable InputRecord pending;
  private final List<String> fields;

  /** Creates a reader over {@code in}; {@code source} names the input in messages. */
  public JsonLinesReader(String source, Reader in) throws IOException {
    this.source = source;
    this.in = in;
    this.decoder = in instanceof DecodingReader ? (DecodingReader) in : null;
    this.layout = new InputLayout(RecordReader.Format.JSONL, decoder == null ? null : decoder.charset(), null, null,
        decoder == null ? "JSON Lines" : "JSON Lines, " + decoder.charset().name() + " (" + decoder.source().label() + ")");
    this.pending = read();
    this.fields = pending == null ? List.of() : List.copyOf(pending.record().fieldNames());
  }

  @Override
  public List<String> fields() {
    return fields;
  }

  @Override
  public InputLayout layout() {
    return layout;
  }

  /**
   * Reads one line (without its terminator) into {@link #text}; returns the offset of its first
   * character, or -1 at the end of the input.
   */
  private long readLine() throws IOException {
    text.setLength(0);
    if (pos >= len && !fill()) {
      return -1;
    }
    long start = base + pos;
    while (true) {
      if (pos >= len && !fill()) {
        return start;
      }
      int from = pos;
      while (pos < len && buf[pos] != '\n') {
        pos++;
      }
      if (text.length() <= Records.MAX_JSON_LENGTH) {
        text.append(buf, from, pos - from);
      }
      if (pos < len) {
        pos++;
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) == '\r') {
          text.setLength(n - 1);
        }
        return start;
      }
    }
  }

  private boolean fill() throws IOException {
    base += len;
    pos = 0;
    len = Math.max(0, in.read(buf, 0, buf.length));
    return len > 0;
  }

  @Override
  public @Nullable InputRecord next() throws IOException {
    if (pending != null) {
      InputRecord r = pending;
      pending = null;
      return r;
    }
    return read();
  }

  private @Nullable InputRecord read() throws IOException {
    long start;
    String text;
    do {
      start = readLine();
      line++;
      if (start < 0) {
        return null;
      }
      text = this.text.toString();
    } while (text.isBlank());
    records++;
    Finding encoding = decoder == null ? null : encodingFinding(text, start);
    if (text.length() > Records.MAX_JSON_LENGTH) {
      return new InputRecord(records, line, Records.empty(), List.of(Finding.error("JSON_LINE_TOO_LONG", "", null,
          source + ":" + line + ": line of " + text.length() + " characters is over the limit of " + Records.MAX_JSON_LENGTH)));
    }
    try {
      Record r = Records.parseJson(text);
      return new InputRecord(records, line, r, encoding == null ? List.of() : List.of(encoding));
    } catch (IllegalArgumentException e) {
      List<Finding> f = new ArrayList<>(2);
      if (encoding != null) {
        f.add(encoding);
      }
      f.add(Finding.error("MALFORMED_JSON", "", text, source + ":" + line + ": " + e.getMessage()));
      return new InputRecord(records, line, Records.empty(), f);
    }
  }

  /** Returns a finding for the first replacement character on the line that stands for invalid bytes. */
  private @Nullable Finding encodingFinding(String text, long start) {
    DecodingReader d = java.util.Objects.requireNonNull(decoder);
    for (int i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) {
      DecodingReader.Malformed m = d.malformedAt(start + i);
      if (m != null) {
        return Finding.error("INVALID_ENCODING", "", m.hex(), source + ":" + line + ":" + (i + 1) + ": " + m.describe());
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
