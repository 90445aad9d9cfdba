package dev.mops.core.io;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.io.BufferedReader;
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
 * #fields()}.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
public final class JsonLinesReader implements RecordReader {

  private final String source;
  private final BufferedReader in;
  private long line;
  private long records;
  private @Nullable InputRecord pending;
  private final List<String> fields;

  /** Creates a reader over {@code in}; {@code source} names the input in messages. */
  public JsonLinesReader(String source, Reader in) throws IOException {
    this.source = source;
    this.in = in instanceof BufferedReader bufferedReader ? bufferedReader : new BufferedReader(in, 64 * 1024);
    this.pending = read();
    this.fields = pending == null ? List.of() : List.copyOf(pending.record().fieldNames());
  }

  @Override
  public List<String> fields() {
    return fields;
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
    String text;
    do {
      text = in.readLine();
      line++;
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    records++;
    if (text.length() > Records.MAX_JSON_LENGTH) {
      return new InputRecord(records, line, Records.empty(), List.of(Finding.error("JSON_LINE_TOO_LONG", "", null,
          source + ":" + line + ": line of " + text.length() + " characters is over the limit of " + Records.MAX_JSON_LENGTH)));
    }
    try {
      Record r = Records.parseJson(text);
      return new InputRecord(records, line, r, List.of());
    } catch (IllegalArgumentException e) {
      List<Finding> f = new ArrayList<>(1);
      f.add(Finding.error("MALFORMED_JSON", "", text, source + ":" + line + ": " + e.getMessage()));
      return new InputRecord(records, line, Records.empty(), f);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
