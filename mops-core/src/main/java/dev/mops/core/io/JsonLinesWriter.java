package dev.mops.core.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mops.core.record.Values;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming JSON Lines writer: one JSON object per record, keys in the order of the fields.
 *
 * <p>Numbers and booleans are written as JSON numbers and booleans, collections as arrays, other
 * values as text.
 *
 * <p>Thread safety: not thread-safe; write from one thread.
 */
public final class JsonLinesWriter implements RecordWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final List<String> fields;
  private final JsonGenerator gen;

  /** Creates a writer of records with {@code fields}. */
  public JsonLinesWriter(Writer out, List<String> fields) throws IOException {
    this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out, 64 * 1024);
    this.fields = List.copyOf(fields);
    this.gen = JSON.createGenerator(this.out);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    gen.setRootValueSeparator(null);
  }

  @Override
  public void write(List<? extends @Nullable Object> values) throws IOException {
    if (values.size() != fields.size()) {
      throw new IllegalArgumentException("expected " + fields.size() + " values, got " + values.size());
    }
    gen.writeStartObject();
    for (int i = 0; i < fields.size(); i++) {
      gen.writeFieldName(fields.get(i));
      writeValue(values.get(i));
    }
    gen.writeEndObject();
    gen.flush();
    out.write('\n');
  }

  private void writeValue(@Nullable Object v) throws IOException {
    if (v == null) {
      gen.writeNull();
    } else if (v instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (v instanceof Long || v instanceof Integer) {
      gen.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      gen.writeNumber(d);
    } else if (v instanceof BigDecimal bigDecimal) {
      gen.writeNumber(bigDecimal);
    } else if (v instanceof Collection) {
      gen.writeStartArray();
      for (Object o : (Collection<?>) v) {
        writeValue(o);
      }
      gen.writeEndArray();
    } else {
      gen.writeString(Values.asString(v));
    }
  }

  @Override
  public void flush() throws IOException {
    gen.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    gen.close();
    out.close();
  }
}
