package dev.mops.benchmarks;

import dev.mops.core.io.InputLayout;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;

import dev.mops.core.Finding;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * mops' CSV reader as it was before encodings, delimiter sniffing and Excel were added (commit
 * df44d4f, verbatim but for this comment, its name and {@link #layout()}), kept as the baseline
 * {@link CsvReadBenchmark} measures the current reader against in the same run. Read through an
 * {@code InputStreamReader} that replaces invalid UTF-8, as {@code RecordReader.open} did then.
 *
 * <p>Original description: a streaming CSV reader (RFC 4180): a header line, then one record per line; fields may be
 * quoted with {@code "}, quotes inside doubled, and quoted fields may span lines.
 *
 * <p>An empty unquoted field reads as missing (null); a quoted empty field ({@code ""}) as the
 * empty string. Blank lines are skipped. A record with fewer fields than the header gets nulls and
 * a {@code CSV_SHORT_ROW} finding; one with more keeps the header's fields and gets a {@code
 * CSV_LONG_ROW} finding; an unterminated quote at the end of the input gives {@code
 * CSV_UNTERMINATED_QUOTE}. Limits: {@link #MAX_FIELD_LENGTH} characters per field (longer fields
 * are cut, with {@code CSV_FIELD_TOO_LONG}) and {@link #MAX_FIELDS} fields per line. A byte-order
 * mark is skipped.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
final class CsvReaderBefore implements RecordReader {

  /** Longest field kept, in characters. */
  public static final int MAX_FIELD_LENGTH = 1024 * 1024;

  /** Most fields in one line (header or record). */
  public static final int MAX_FIELDS = 10_000;

  private final String source;
  private final Reader in;
  private final char delimiter;
  private final boolean trim;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;
  private long line = 1;
  private long records;
  private final Schema schema;
  private final List<@Nullable String> fieldValues = new ArrayList<>();
  private final List<Finding> lineFindings = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  /** Creates a reader of comma-separated values, fields kept as written. */
  public CsvReaderBefore(String source, Reader in) throws IOException {
    this(source, in, ',', false);
  }

  /**
   * Creates a reader.
   *
   * @param source a name for the input, used in messages
   * @param in the characters to read
   * @param delimiter the field separator, such as {@code ,} {@code ;} or a tab
   * @param trim whether to strip white space around unquoted fields (FEBRL files need it)
   * @throws IOException when the header cannot be read, is empty, or names a column twice
   */
  public CsvReaderBefore(String source, Reader in, char delimiter, boolean trim) throws IOException {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
    }
    this.source = source;
    this.in = in;
    this.delimiter = delimiter;
    this.trim = trim;
    if (fill() && buf[0] == '\uFEFF') {
      pos = 1;
    }
    long headerLine = line;
    if (!readLine()) {
      throw new IOException(source + ": empty input, expected a header line");
    }
    List<String> header = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String h : fieldValues) {
      String name = h == null ? "" : h.trim();
      if (name.isEmpty()) {
        throw new IOException(source + ":" + headerLine + ": empty column name in header (column " + (header.size() + 1) + ")");
      }
      if (!seen.add(name)) {
        throw new IOException(source + ":" + headerLine + ": column '" + name + "' appears twice in the header");
      }
      header.add(name);
    }
    this.schema = Schema.of(header);
  }

  @Override
  public InputLayout layout() {
    return new InputLayout(RecordReader.Format.CSV, java.nio.charset.StandardCharsets.UTF_8, delimiter, null, "CSV (before)");
  }

  @Override
  public List<String> fields() {
    return schema.fieldNames();
  }

  /** Returns the schema of the header's columns (all untyped). */
  public Schema schema() {
    return schema;
  }

  @Override
  public @Nullable InputRecord next() throws IOException {
    long start;
    do {
      start = line;
      if (!readLine()) {
        return null;
      }
    } while (fieldValues.size() == 1 && fieldValues.get(0) == null && lineFindings.isEmpty());
    records++;
    List<Finding> findings = new ArrayList<>(lineFindings);
    int n = schema.size();
    ArrayRow row = new ArrayRow(schema);
    for (int i = 0; i < Math.min(n, fieldValues.size()); i++) {
      row.set(i, fieldValues.get(i));
    }
    if (fieldValues.size() < n) {
      findings.add(Finding.warning("CSV_SHORT_ROW", "", null,
          source + ":" + start + ": " + fieldValues.size() + " fields, the header has " + n + "; the rest read as missing"));
    } else if (fieldValues.size() > n) {
      findings.add(Finding.warning("CSV_LONG_ROW", "", fieldValues.get(n),
          source + ":" + start + ": " + fieldValues.size() + " fields, the header has " + n + "; the extra fields were dropped"));
    }
    return new InputRecord(records, start, row, findings.isEmpty() ? Collections.emptyList() : findings);
  }

  private boolean fill() throws IOException {
    if (eof) {
      return false;
    }
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      eof = true;
      len = 0;
      return false;
    }
    return true;
  }

  /** Reads one logical line into {@link #fieldValues}; false at end of input. */
  private boolean readLine() throws IOException {
    fieldValues.clear();
    lineFindings.clear();
    if (pos >= len && !fill()) {
      return false;
    }
    field.setLength(0);
    boolean quoted = false;
    boolean inQuotes = false;
    boolean afterQuote = false;
    boolean tooLong = false;
    while (true) {
      if (pos >= len && !fill()) {
        if (inQuotes) {
          lineFindings.add(Finding.error("CSV_UNTERMINATED_QUOTE", "", null,
              source + ":" + line + ": a quoted field is not closed before the end of the input"));
        }
        endField(quoted, tooLong);
        return true;
      }
      char c = buf[pos++];
      if (inQuotes) {
        if (c == '"') {
          if (pos >= len) {
            fill();
          }
          if (pos < len && buf[pos] == '"') {
            pos++;
            tooLong |= append(c);
          } else {
            inQuotes = false;
            afterQuote = true;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          tooLong |= append(c);
        }
        continue;
      }
      if (c == delimiter) {
        endField(quoted, tooLong);
        quoted = false;
        afterQuote = false;
        tooLong = false;
        if (fieldValues.size() >= MAX_FIELDS) {
          throw new IOException(source + ":" + line + ": more than " + MAX_FIELDS + " fields on one line");
        }
      } else if (c == '\n' || c == '\r') {
        if (c == '\r') {
          if (pos >= len) {
            fill();
          }
          if (pos < len && buf[pos] == '\n') {
            pos++;
          }
        }
        line++;
        endField(quoted, tooLong);
        return true;
      } else if (c == '"' && !afterQuote && isBlankSoFar()) {
        field.setLength(0);
        quoted = true;
        inQuotes = true;
      } else {
        tooLong |= append(c);
      }
    }
  }

  private boolean isBlankSoFar() {
    for (int i = 0; i < field.length(); i++) {
      if (!Character.isWhitespace(field.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean append(char c) {
    if (field.length() >= MAX_FIELD_LENGTH) {
      return true;
    }
    field.append(c);
    return false;
  }

  private void endField(boolean quoted, boolean tooLong) {
    String value;
    if (quoted) {
      value = field.toString();
    } else {
      String s = trim ? field.toString().strip() : field.toString();
      value = s.isEmpty() ? null : s;
    }
    if (tooLong) {
      lineFindings.add(Finding.warning("CSV_FIELD_TOO_LONG", "", null,
          source + ":" + line + ": a field is longer than " + MAX_FIELD_LENGTH + " characters and was cut"));
    }
    fieldValues.add(value);
    field.setLength(0);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
