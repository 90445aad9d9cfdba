package dev.mops.core.io;

import java.nio.charset.Charset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a reader reads its input, as it decided: the format, the text encoding, the CSV delimiter
 * and the Excel sheet, with a one-line summary for people that also says how each was chosen
 * ({@code CSV, windows-1252 (option), delimiter semicolon (from the header)}).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param format the format read
 * @param encoding the text encoding, or null for Excel workbooks
 * @param delimiter the CSV delimiter, or null for other formats
 * @param sheet the Excel sheet's name, or null for other formats
 * @param summary the summary for people
 */
public record InputLayout(
    RecordReader.Format format,
    @Nullable Charset encoding,
    @Nullable Character delimiter,
    @Nullable String sheet,
    String summary) {

  /** Checks the components. */
  public InputLayout {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(summary, "summary");
  }
}
