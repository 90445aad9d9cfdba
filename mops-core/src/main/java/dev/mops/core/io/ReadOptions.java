package dev.mops.core.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How to read an input: its text encoding, its CSV delimiter, the Excel sheet, and whether to trim
 * unquoted CSV fields. Anything left unset is worked out from the input, as described on each
 * setter.
 *
 * <pre>{@code
 * ReadOptions options = ReadOptions.builder().encoding("windows-1252").delimiter(';').build();
 * try (RecordReader in = RecordReader.open(Path.of("export.csv"), options)) { ... }
 * }</pre>
 *
 * <p>Thread safety: an immutable value, safe to share; its builder is not thread-safe.
 */
public final class ReadOptions {

  private static final ReadOptions DEFAULTS = new Builder().build();

  /** The delimiters the reader sniffs from a header line, in order of preference on a tie. */
  static final char[] SNIFFED = {',', ';', '\t', '|'};

  private final @Nullable Charset encoding;
  private final char delimiter;
  private final @Nullable String sheet;
  private final boolean trim;

  private ReadOptions(Builder b) {
    this.encoding = b.encoding;
    this.delimiter = b.delimiter;
    this.sheet = b.sheet;
    this.trim = b.trim;
  }

  /** Returns options with nothing set: every choice is made from the input. */
  public static ReadOptions defaults() {
    return DEFAULTS;
  }

  /** Returns a new builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the encoding asked for, or null to detect it (byte-order mark, else UTF-8). */
  public @Nullable Charset encoding() {
    return encoding;
  }

  /** Returns the CSV delimiter asked for, or {@code 0} to take it from the name or the header. */
  public char delimiter() {
    return delimiter;
  }

  /** Returns the Excel sheet asked for by name, or null for the first sheet. */
  public @Nullable String sheet() {
    return sheet;
  }

  /** Returns whether white space around unquoted CSV fields is stripped. */
  public boolean trim() {
    return trim;
  }

  /**
   * Parses an encoding name: {@code UTF-8}, {@code windows-1252} (also {@code cp1252}), {@code
   * ISO-8859-1} (also {@code latin1}), {@code UTF-16}, {@code UTF-16LE}, {@code UTF-16BE}, case-
   * and dash-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the names accepted
   */
  public static Charset parseEncoding(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    switch (n) {
      case "utf8":
        return StandardCharsets.UTF_8;
      case "windows1252":
      case "cp1252":
      case "win1252":
        return DecodingReader.WINDOWS_1252;
      case "iso88591":
      case "latin1":
        return StandardCharsets.ISO_8859_1;
      case "utf16":
        return StandardCharsets.UTF_16;
      case "utf16le":
        return StandardCharsets.UTF_16LE;
      case "utf16be":
        return StandardCharsets.UTF_16BE;
      default:
        throw new IllegalArgumentException("unknown encoding '" + name
            + "', expected UTF-8, windows-1252, ISO-8859-1, UTF-16, UTF-16LE or UTF-16BE");
    }
  }

  /**
   * Parses a delimiter: {@code comma}, {@code semicolon}, {@code tab}, {@code pipe}, or the
   * character itself ({@code ,} {@code ;} {@code |}, {@code \t} for a tab).
   *
   * @throws IllegalArgumentException naming the value and the names accepted
   */
  public static char parseDelimiter(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "comma":
      case ",":
        return ',';
      case "semicolon":
      case ";":
        return ';';
      case "tab":
      case "\\t":
      case "\t":
        return '\t';
      case "pipe":
      case "|":
        return '|';
      default:
        throw new IllegalArgumentException("unknown delimiter '" + text + "', expected comma, semicolon, tab or pipe");
    }
  }

  /** Returns the name of a delimiter for people: {@code ','} as {@code comma}. */
  public static String delimiterName(char c) {
    switch (c) {
      case ',':
        return "comma";
      case ';':
        return "semicolon";
      case '\t':
        return "tab";
      case '|':
        return "pipe";
      default:
        return "'" + c + "'";
    }
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ReadOptions
        && Objects.equals(encoding, ((ReadOptions) o).encoding)
        && delimiter == ((ReadOptions) o).delimiter
        && Objects.equals(sheet, ((ReadOptions) o).sheet)
        && trim == ((ReadOptions) o).trim;
  }

  @Override
  public int hashCode() {
    return Objects.hash(encoding, delimiter, sheet, trim);
  }

  @Override
  public String toString() {
    return "ReadOptions{encoding=" + (encoding == null ? "detect" : encoding.name())
        + ", delimiter=" + (delimiter == 0 ? "detect" : delimiterName(delimiter))
        + ", sheet=" + (sheet == null ? "first" : sheet) + ", trim=" + trim + "}";
  }

  /**
   * A builder of {@link ReadOptions}; each value may be set once.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private @Nullable Charset encoding;
    private char delimiter;
    private @Nullable String sheet;
    private boolean trim;
    private boolean trimSet;

    private Builder() {}

    /**
     * Sets the text encoding of CSV and JSON Lines input. A byte-order mark in the input still
     * wins; {@code UTF-16} without a mark reads little-endian when the start of the input looks so.
     * Unset: a byte-order mark, else UTF-16 when every other byte of the start is NUL, else UTF-8.
     */
    public Builder encoding(Charset encoding) {
      Objects.requireNonNull(encoding, "encoding");
      if (this.encoding != null) {
        throw new IllegalStateException("encoding already set to " + this.encoding.name());
      }
      this.encoding = encoding;
      return this;
    }

    /** Sets the encoding by name, as {@link ReadOptions#parseEncoding(String)} reads it. */
    public Builder encoding(String name) {
      return encoding(parseEncoding(name));
    }

    /**
     * Sets the CSV field delimiter. Unset: a tab when the input's name ends in {@code .tsv} or
     * {@code .tab} (before any {@code .gz}), else whichever of comma, semicolon, tab and pipe
     * occurs most often outside quotes in the header line (comma when none does).
     *
     * @throws IllegalArgumentException for a quote, a line break or NUL
     */
    public Builder delimiter(char delimiter) {
      if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == 0) {
        throw new IllegalArgumentException("delimiter cannot be a quote, a line break or NUL");
      }
      if (this.delimiter != 0) {
        throw new IllegalStateException("delimiter already set to " + delimiterName(this.delimiter));
      }
      this.delimiter = delimiter;
      return this;
    }

    /** Sets the Excel sheet to read, by its name as shown on its tab. Unset: the first sheet. */
    public Builder sheet(String sheet) {
      Objects.requireNonNull(sheet, "sheet");
      if (this.sheet != null) {
        throw new IllegalStateException("sheet already set to '" + this.sheet + "'");
      }
      this.sheet = sheet;
      return this;
    }

    /** Sets whether to strip white space around unquoted CSV fields (default false). */
    public Builder trim(boolean trim) {
      if (trimSet) {
        throw new IllegalStateException("trim already set");
      }
      this.trim = trim;
      this.trimSet = true;
      return this;
    }

    /** Returns the options. */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
