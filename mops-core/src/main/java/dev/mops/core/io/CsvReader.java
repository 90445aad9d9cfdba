package dev.mops.core.io;

import dev.mops.core.Finding;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A streaming CSV reader (RFC 4180): a header line, then one record per line; fields may be
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
 * <p>The delimiter is the one given, else (with {@link ReadOptions}) a tab when the source's name
 * ends in {@code .tsv} or {@code .tab}, else sniffed from the header line: whichever of comma,
 * semicolon, tab and pipe occurs most often outside quotes (comma on a tie or when none does).
 *
 * <p>When the characters come from {@link RecordReader#open(String, java.io.InputStream,
 * RecordReader.Format, ReadOptions)}, bytes that were not valid in the encoding are an {@code
 * INVALID_ENCODING} error finding on the record, naming the field, the line and the column (in
 * characters) and the bytes, and suggesting {@code --encoding windows-1252} when they look like it;
 * the value keeps a U+FFFD where the bytes were. One finding per field and record. Invalid bytes in
 * the header are an {@link IOException}, since no column could be matched by name.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
public final class CsvReader implements RecordReader {

  /** Longest field kept, in characters. */
  public static final int MAX_FIELD_LENGTH = 1024 * 1024;

  /** Most fields in one line (header or record). */
  public static final int MAX_FIELDS = 10_000;

  private final String source;
  private final Reader in;
  private final @Nullable DecodingReader decoder;
  private final char delimiter;
  private final boolean trim;
  private final InputLayout layout;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean eof;
  private long line = 1;
  /** Characters read before {@code buf[0]}. */
  private long base;
  /** Offset of the first character of the current physical line. */
  private long lineStart;
  /** Fields of the current line that already have an encoding finding, as a bit set (first 64). */
  private long encodingFlagged;
  private boolean inHeader = true;
  private long records;
  private final Schema schema;
  private final List<@Nullable String> fieldValues = new ArrayList<>();
  private final List<Finding> lineFindings = new ArrayList<>();
  private final StringBuilder field = new StringBuilder();

  /** Creates a reader of comma-separated values, fields kept as written. */
  public CsvReader(String source, Reader in) throws IOException {
    this(source, in, ',', false, false);
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
  public CsvReader(String source, Reader in, char delimiter, boolean trim) throws IOException {
    this(source, in, delimiter, trim, true);
  }

  /**
   * Creates a reader that takes its delimiter and trimming from {@code options}; an unset
   * delimiter comes from the source's name ({@code .tsv}, {@code .tab}: tab) or the header line.
   *
   * @param source a name for the input, used in messages and for its extension
   * @throws IOException when the header cannot be read, is empty, names a column twice, or holds
   *     bytes that are not valid in the encoding
   */
  public CsvReader(String source, Reader in, ReadOptions options) throws IOException {
    this(source, in, options.delimiter() != 0 ? options.delimiter() : tabByName(source), options.trim(),
        options.delimiter() != 0);
  }

  private static char tabByName(String source) {
    String n = source.toLowerCase(java.util.Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    return n.endsWith(".tsv") || n.endsWith(".tab") ? '\t' : 0;
  }

  private CsvReader(String source, Reader in, char delimiter, boolean trim, boolean given) throws IOException {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
      throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
    }
    this.source = source;
    this.in = in;
    this.decoder = in instanceof DecodingReader ? (DecodingReader) in : null;
    this.trim = trim;
    fillHeader();
    if (len > 0 && buf[0] == '\uFEFF') {
      pos = 1;
      lineStart = 1;
    }
    String how;
    if (delimiter != 0) {
      this.delimiter = delimiter;
      how = given ? "option" : delimiter == ',' ? "default" : "file name";
    } else {
      this.delimiter = sniff();
      how = "from the header";
    }
    StringBuilder summary = new StringBuilder("CSV");
    if (decoder != null) {
      summary.append(", ").append(decoder.charset().name()).append(" (").append(decoder.source().label()).append(')');
    }
    summary.append(", delimiter ").append(ReadOptions.delimiterName(this.delimiter)).append(" (").append(how).append(')');
    this.layout = new InputLayout(RecordReader.Format.CSV, decoder == null ? null : decoder.charset(), this.delimiter, null,
        summary.toString());
    long headerLine = line;
    if (!readLine()) {
      throw new IOException(source + ": empty input, expected a header line");
    }
    for (Finding f : lineFindings) {
      if (f.code().equals("INVALID_ENCODING")) {
        throw new IOException(f.message());
      }
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
    this.inHeader = false;
  }

  @Override
  public List<String> fields() {
    return schema.fieldNames();
  }

  @Override
  public InputLayout layout() {
    return layout;
  }

  /** Returns the field delimiter in use (given, from the name, or sniffed). */
  public char delimiter() {
    return delimiter;
  }

  /** Reads until the buffer holds a line break or is full, so the header line can be sniffed. */
  private void fillHeader() throws IOException {
    while (len < buf.length) {
      int n = in.read(buf, len, buf.length - len);
      if (n < 0) {
        eof = true;
        break;
      }
      int from = len;
      len += n;
      for (int i = from; i < len; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          return;
        }
      }
    }
  }

  /** Returns the candidate delimiter seen most often outside quotes in the first line. */
  private char sniff() {
    int[] counts = new int[ReadOptions.SNIFFED.length];
    boolean quoted = false;
    for (int i = pos; i < len; i++) {
      char c = buf[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        for (int k = 0; k < counts.length; k++) {
          if (c == ReadOptions.SNIFFED[k]) {
            counts[k]++;
          }
        }
      }
    }
    int best = 0;
    for (int k = 1; k < counts.length; k++) {
      if (counts[k] > counts[best]) {
        best = k;
      }
    }
    return ReadOptions.SNIFFED[best];
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
    base += len;
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
    encodingFlagged = 0;
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
            lineStart = base + pos;
          } else if (c == '\uFFFD' && decoder != null) {
            checkEncoding();
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
        lineStart = base + pos;
        endField(quoted, tooLong);
        return true;
      } else if (c == '"' && !afterQuote && isBlankSoFar()) {
        field.setLength(0);
        quoted = true;
        inQuotes = true;
      } else {
        if (c == '\uFFFD' && decoder != null) {
          checkEncoding();
        }
        tooLong |= append(c);
      }
    }
  }

  /** The character just read is a U+FFFD: a finding if it stands for invalid bytes. */
  private void checkEncoding() {
    long offset = base + pos - 1;
    DecodingReader.Malformed m = Objects.requireNonNull(decoder).malformedAt(offset);
    int index = fieldValues.size();
    if (m == null || (index < 64 && (encodingFlagged & (1L << index)) != 0)) {
      return;
    }
    if (index < 64) {
      encodingFlagged |= 1L << index;
    }
    String name = !inHeader && index < schema.size() ? schema.name(index) : "";
    String where = inHeader ? "in the header: " : name.isEmpty() ? "" : "in field '" + name + "': ";
    lineFindings.add(Finding.error("INVALID_ENCODING", name, m.hex(),
        source + ":" + line + ":" + (offset - lineStart + 1) + ": " + where + m.describe()));
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
