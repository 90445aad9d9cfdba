package dev.mops.spark;

import dev.mops.core.Severity;
import dev.mops.quality.contract.ContractValidator;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Contract validation and quality profiles over Datasets.
 *
 * <p>Validation adds a {@code violations} array and a {@code contract_valid} flag to every row.
 * Profiling builds one mergeable {@link QualityProfile} per partition, ships it as its JSON form
 * (the format {@code QualityProfile.toJson} documents) and merges the partitions' profiles in a
 * tree, so the result is the profile one machine builds from the same rows.
 *
 * <p>Thread safety: stateless; contracts are compiled once per partition.
 */
final class SparkContracts {

  static final String VIOLATIONS_COLUMN = "violations";
  static final String VALID_COLUMN = "contract_valid";

  static final StructType VIOLATION = new StructType(new StructField[] {
      DataTypes.createStructField("field", DataTypes.StringType, false),
      DataTypes.createStructField("rule", DataTypes.StringType, false),
      DataTypes.createStructField("code", DataTypes.StringType, false),
      DataTypes.createStructField("severity", DataTypes.StringType, false),
      DataTypes.createStructField("raw_value", DataTypes.StringType, true),
      DataTypes.createStructField("message", DataTypes.StringType, false)});

  private SparkContracts() {}

  static DataContract parse(ConfigText text) {
    return DataContracts.parse(text.source(), text.text());
  }

  static Dataset<Row> validate(Dataset<Row> ds, ConfigText contract, Instant now) {
    parse(contract);
    StructType out = Columns.extend(ds.schema(),
        DataTypes.createStructField(VIOLATIONS_COLUMN, DataTypes.createArrayType(VIOLATION, false), false),
        DataTypes.createStructField(VALID_COLUMN, DataTypes.BooleanType, false));
    Broadcast<ConfigText> text = JavaSparkContext.fromSparkContext(ds.sparkSession().sparkContext()).broadcast(contract);
    StructType in = ds.schema();
    return ds.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> validatePartition(rows, text.value(), in, now),
        Encoders.row(out));
  }

  private static Iterator<Row> validatePartition(Iterator<Row> rows, ConfigText text, StructType schema, Instant now) {
    ContractValidator validator = parse(text).validator();
    SparkRecord.Binding binding = new SparkRecord.Binding(schema);
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        List<ContractViolation> vs = validator.validate(binding.of(r), now);
        List<Row> out = new ArrayList<>(vs.size());
        boolean valid = true;
        for (ContractViolation v : vs) {
          out.add(RowFactory.create(v.field(), v.rule(), v.code(), v.severity().name(), v.rawValue(), v.message()));
          valid &= v.severity() != Severity.ERROR;
        }
        return Columns.append(r, out.toArray(new Row[0]), valid);
      }
    };
  }

  /**
   * Returns the merged profile of every row: one builder per partition, merged in a tree.
   *
   * @param contract the contract, or {@code null} for a profile of every column without one
   */
  static QualityProfile profile(Dataset<Row> ds, @Nullable ConfigText contract, Instant now) {
    if (contract != null) {
      parse(contract);
    }
    StructType in = ds.schema();
    List<String> columns = List.of(in.fieldNames());
    Broadcast<ConfigText> text =
        JavaSparkContext.fromSparkContext(ds.sparkSession().sparkContext()).broadcast(ConfigText.orNone(contract));
    Dataset<String> parts = ds.mapPartitions((MapPartitionsFunction<Row, String>) rows -> {
      ConfigText c = text.value();
      ProfileBuilder b = c.isNone() ? QualityProfile.builder(columns) : QualityProfile.builder(parse(c));
      b.asOf(now);
      SparkRecord.Binding binding = new SparkRecord.Binding(in);
      while (rows.hasNext()) {
        b.add(binding.of(rows.next()));
      }
      return List.of(b.build().toJson()).iterator();
    }, Encoders.STRING());
    if (parts.rdd().getNumPartitions() == 0) {
      return (contract == null ? QualityProfile.builder(columns) : QualityProfile.builder(parse(contract))).asOf(now).build();
    }
    String merged = parts.toJavaRDD().treeReduce(
        (a, b) -> QualityProfile.fromJson(a).merge(QualityProfile.fromJson(b)).toJson());
    return QualityProfile.fromJson(merged);
  }
}
