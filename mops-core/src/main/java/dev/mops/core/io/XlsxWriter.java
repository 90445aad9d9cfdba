package dev.mops.core.io;

import dev.mops.core.record.Values;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * A streaming writer of records to an Excel workbook ({@code .xlsx}) with one sheet, {@code
 * records}, built on fastexcel: a bold header row, then one row per record. Numbers and booleans
 * are written as Excel numbers and booleans, everything else as text (so a code such as {@code
 * 02134} keeps its leading zero). Rows are flushed to the stream as they are written.
 *
 * <p>Limits are Excel's: {@link #MAX_RECORDS} records and {@link #MAX_CELL_LENGTH} characters in a
 * cell; past them {@link #write} fails with an {@link IOException} that says to write CSV instead.
 *
 * <p>Thread safety: not thread-safe; write from one thread.
 */
final class XlsxWriter implements RecordWriter {

  /** Most records in a sheet: Excel's 1,048,576 rows less the header. */
  static final int MAX_RECORDS = Worksheet.MAX_ROWS - 1;

  /** Most characters in one cell. */
  static final int MAX_CELL_LENGTH = 32_767;

  private final OutputStream out;
  private final Workbook workbook;
  private final Worksheet sheet;
  private final int width;
  private int row;

  XlsxWriter(OutputStream out, List<String> fields) throws IOException {
    if (fields.size() > Worksheet.MAX_COLS) {
      throw new IOException(fields.size() + " columns are more than an Excel sheet holds (" + Worksheet.MAX_COLS + ")");
    }
    this.out = out;
    this.workbook = new Workbook(out, "mops", null);
    this.sheet = workbook.newWorksheet("records");
    this.width = fields.size();
    for (int c = 0; c < width; c++) {
      sheet.value(0, c, fields.get(c));
    }
    if (width > 0) {
      sheet.range(0, 0, 0, width - 1).style().bold().set();
    }
    row = 1;
  }

  @Override
  public void write(List<? extends @Nullable Object> values) throws IOException {
    if (values.size() != width) {
      throw new IllegalArgumentException("expected " + width + " values, got " + values.size());
    }
    if (row > MAX_RECORDS) {
      throw new IOException("an Excel sheet holds at most " + MAX_RECORDS + " records; write CSV for more");
    }
    for (int c = 0; c < width; c++) {
      Object v = values.get(c);
      if (v == null) {
        continue;
      }
      if (v instanceof Number && !(v instanceof Double && !Double.isFinite((Double) v))) {
        sheet.value(row, c, (Number) v);
      } else if (v instanceof Boolean) {
        sheet.value(row, c, (Boolean) v);
      } else {
        String s = Values.asString(v);
        if (s != null && s.length() > MAX_CELL_LENGTH) {
          throw new IOException("record " + row + ": a value of " + s.length() + " characters is over Excel's cell limit of "
              + MAX_CELL_LENGTH + "; write CSV instead");
        }
        sheet.value(row, c, s);
      }
    }
    row++;
    if ((row & 0x3FF) == 0) {
      sheet.flush();
    }
  }

  @Override
  public void flush() throws IOException {
    sheet.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      workbook.finish();
    } finally {
      out.close();
    }
  }
}
