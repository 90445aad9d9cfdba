package dev.mops.core.io;

import dev.mops.core.Finding;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * A streaming reader of one sheet of an Excel workbook ({@code .xlsx}), built on fastexcel-reader:
 * the first row that is not blank is the header, every later row that is not blank a record.
 *
 * <p>Cells read as the text Excel shows (see {@link ExcelText}): dates in their number format,
 * numbers with their decimals, percentages and codes with their leading zeros; booleans as {@code
 * TRUE}/{@code FALSE}; formulas as their cached result. An error cell ({@code #N/A}, {@code
 * #DIV/0!}) reads as missing with an {@code XLSX_ERROR_CELL} warning; a value right of the header's
 * last column is dropped with {@code XLSX_LONG_ROW}. Rows stream from the sheet; a workbook read
 * from a stream (not a file) is held in memory while it is read.
 *
 * <p>Thread safety: not thread-safe; read from one thread.
 */
final class XlsxReader implements RecordReader {

  /** Excel's error values, which a formula's cached result may be. */
  private static final Set<String> ERRORS = Set.of(
      "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!");

  private final String source;
  private final ReadableWorkbook workbook;
  private final boolean date1904;
  private final Stream<Row> rows;
  private final Iterator<Row> it;
  private final Schema schema;
  private final InputLayout layout;
  private long records;

  /** Opens a workbook file in place. */
  static RecordReader open(String source, Path file, ReadOptions options) throws IOException {
    return new XlsxReader(source, workbook(source, withFormats -> new ReadableWorkbook(file.toFile(), withFormats)), options);
  }

  /** Opens a workbook from a stream, holding it in memory. */
  static RecordReader open(String source, InputStream in, ReadOptions options) throws IOException {
    byte[] bytes;
    try (InputStream closing = in) {
      bytes = closing.readAllBytes();
    }
    return new XlsxReader(source,
        workbook(source, withFormats -> new ReadableWorkbook(new java.io.ByteArrayInputStream(bytes), withFormats)), options);
  }

  private interface Opener {
    ReadableWorkbook open(ReadingOptions options) throws IOException;
  }

  /**
   * Opens with number formats; a workbook without a styles part (some generators leave it out)
   * is opened again without them, its numbers then read as General.
   */
  private static ReadableWorkbook workbook(String source, Opener opener) throws IOException {
    try {
      return opener.open(new ReadingOptions(true, false));
    } catch (RuntimeException withFormats) {
      try {
        return opener.open(new ReadingOptions(false, false));
      } catch (RuntimeException | IOException without) {
        throw notAWorkbook(source, withFormats);
      }
    }
  }

  private static IOException notAWorkbook(String source, Exception e) {
    return new IOException(source + ": not a readable .xlsx workbook (" + e.getMessage() + ")", e);
  }

  private XlsxReader(String source, ReadableWorkbook wb, ReadOptions options) throws IOException {
    this.source = source;
    this.workbook = wb;
    try {
      this.date1904 = wb.isDate1904();
      Sheet sheet;
      String wanted = options.sheet();
      if (wanted == null) {
        sheet = wb.getFirstSheet();
      } else {
        sheet = wb.getSheets().filter(s -> s.getName().equals(wanted)).findFirst()
            .or(() -> wb.getSheets().filter(s -> s.getName().equalsIgnoreCase(wanted.trim())).findFirst())
            .orElseThrow(() -> new IOException(source + ": no sheet named '" + wanted + "'; the sheets are "
                + wb.getSheets().map(s -> "'" + s.getName() + "'").collect(Collectors.joining(", "))));
      }
      this.rows = sheet.openStream();
      this.it = rows.iterator();
      Row headerRow = null;
      while (it.hasNext()) {
        Row r = it.next();
        if (!blank(r)) {
          headerRow = r;
          break;
        }
      }
      if (headerRow == null) {
        throw new IOException(source + ": sheet '" + sheet.getName() + "' is empty, expected a header row");
      }
      List<String> header = new ArrayList<>();
      for (int i = 0; i < headerRow.getCellCount(); i++) {
        String t = text(headerRow.getCell(i), null);
        header.add(t == null ? "" : t.trim());
      }
      while (!header.isEmpty() && header.get(header.size() - 1).isEmpty()) {
        header.remove(header.size() - 1);
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String name = header.get(i);
        if (name.isEmpty()) {
          throw new IOException(source + ":" + headerRow.getRowNum() + ": empty column name in header (column "
              + (i + 1) + ")");
        }
        if (!seen.add(name)) {
          throw new IOException(source + ":" + headerRow.getRowNum() + ": column '" + name + "' appears twice in the header");
        }
      }
      this.schema = Schema.of(header);
      this.layout = new InputLayout(Format.XLSX, null, null, sheet.getName(),
          "Excel workbook, sheet '" + sheet.getName() + "'" + (wanted == null ? " (the first)" : ""));
    } catch (IOException | RuntimeException e) {
      try {
        wb.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e instanceof IOException) {
        throw (IOException) e;
      }
      throw notAWorkbook(source, e);
    }
  }

  private static boolean blank(Row r) {
    for (Cell c : r) {
      if (c == null || c.getType() == CellType.EMPTY) {
        continue;
      }
      String raw = c.getType() == CellType.STRING ? c.getText() : c.getRawValue();
      if (raw != null && !raw.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** Returns the text Excel shows for a cell, null when empty; error cells add a finding to {@code findings}. */
  private @Nullable String text(@Nullable Cell c, @Nullable List<Finding> findings) {
    if (c == null) {
      return null;
    }
    if (c.getType() == CellType.STRING) {
      return c.getText();
    }
    String raw = c.getRawValue();
    if (raw == null) {
      return null;
    }
    switch (c.getType()) {
      case EMPTY:
        return null;
      case BOOLEAN:
        return "1".equals(raw) || "true".equalsIgnoreCase(raw) ? "TRUE" : "FALSE";
      case ERROR:
        if (findings != null) {
          findings.add(errorFinding(c, raw));
        }
        return null;
      case NUMBER:
        return ExcelText.format(raw, formatOf(c), date1904);
      case FORMULA:
      default:
        if (raw.isEmpty()) {
          return null;
        }
        if (ERRORS.contains(raw)) {
          if (findings != null) {
            findings.add(errorFinding(c, raw));
          }
          return null;
        }
        return looksNumeric(raw) ? ExcelText.format(raw, formatOf(c), date1904) : raw;
    }
  }

  private Finding errorFinding(Cell c, String raw) {
    String field = c.getColumnIndex() < schema.size() ? schema.name(c.getColumnIndex()) : "";
    return Finding.warning("XLSX_ERROR_CELL", field, raw,
        source + ":" + c.getAddress() + ": the cell shows the error " + raw + "; read as missing");
  }

  private static boolean looksNumeric(String raw) {
    try {
      new java.math.BigDecimal(raw);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static @Nullable String formatOf(Cell c) {
    String f = c.getDataFormatString();
    if (f != null && !f.isEmpty()) {
      return f;
    }
    Integer id = c.getDataFormatId();
    return id == null ? null : ExcelText.builtIn(id);
  }

  @Override
  public List<String> fields() {
    return schema.fieldNames();
  }

  @Override
  public InputLayout layout() {
    return layout;
  }

  @Override
  public @Nullable InputRecord next() throws IOException {
    try {
      while (it.hasNext()) {
        Row r = it.next();
        if (blank(r)) {
          continue;
        }
        records++;
        List<Finding> findings = new ArrayList<>(0);
        ArrayRow row = new ArrayRow(schema);
        int n = schema.size();
        for (int i = 0; i < r.getCellCount(); i++) {
          Cell c = r.getCell(i);
          if (i < n) {
            row.set(i, text(c, findings));
          } else {
            String extra = text(c, null);
            if (extra != null && !extra.isBlank()) {
              findings.add(Finding.warning("XLSX_LONG_ROW", "", extra, source + ":" + c.getAddress()
                  + ": a value right of the header's last column was dropped"));
              break;
            }
          }
        }
        return new InputRecord(records, r.getRowNum(), row, findings.isEmpty() ? Collections.emptyList() : findings);
      }
      return null;
    } catch (RuntimeException e) {
      throw new IOException(source + ": the workbook could not be read past record " + records + " (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      rows.close();
    } finally {
      workbook.close();
    }
  }
}
