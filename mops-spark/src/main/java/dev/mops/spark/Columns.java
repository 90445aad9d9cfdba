package dev.mops.spark;

import dev.mops.core.Finding;
import java.util.Collection;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark types of the columns mops adds, and the conversions that fill them.
 *
 * <p>Thread safety: stateless.
 */
final class Columns {

  private Columns() {}

  /** One finding: {@code code, field, raw_value, severity, message}. */
  static final StructType FINDING = new StructType(new StructField[] {
      DataTypes.createStructField("code", DataTypes.StringType, false),
      DataTypes.createStructField("field", DataTypes.StringType, false),
      DataTypes.createStructField("raw_value", DataTypes.StringType, true),
      DataTypes.createStructField("severity", DataTypes.StringType, false),
      DataTypes.createStructField("message", DataTypes.StringType, false)});

  /** An array of findings. */
  static final org.apache.spark.sql.types.ArrayType FINDINGS = DataTypes.createArrayType(FINDING, false);

  static Row finding(Finding f) {
    return RowFactory.create(f.code(), f.field(), f.rawValue(), f.severity().name(), f.message());
  }

  /** Returns the findings as an array column's value (Spark's row encoder takes arrays, not lists). */
  static Row[] findings(Collection<Finding> findings) {
    Row[] out = new Row[findings.size()];
    int i = 0;
    for (Finding f : findings) {
      out[i++] = finding(f);
    }
    return out;
  }

  /** Returns {@code schema} with {@code added} appended, refusing a column name already there. */
  static StructType extend(StructType schema, StructField... added) {
    StructType out = schema;
    for (StructField f : added) {
      for (String existing : schema.fieldNames()) {
        if (existing.equals(f.name())) {
          throw new IllegalArgumentException("the input already has a column '" + f.name()
              + "', which mops adds; rename or drop it first");
        }
      }
      out = out.add(f);
    }
    return out;
  }

  /** Returns the row's values followed by {@code added}. */
  static Row append(Row row, Object... added) {
    int n = row.length();
    Object[] values = new Object[n + added.length];
    for (int i = 0; i < n; i++) {
      values[i] = row.get(i);
    }
    System.arraycopy(added, 0, values, n, added.length);
    return RowFactory.create(values);
  }
}
