package dev.mops.spark;

import dev.mops.core.Finding;
import dev.mops.taxonomy.ChannelClassification;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ClickId;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.UtmParameters;
import dev.mops.taxonomy.UtmParser;
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
 * URL parsing and channel classification as a Dataset transformation: each landing-page URL is
 * taken apart by {@link UtmParser#standard()} and classified by a channel group (GA4's default
 * group unless one is given as YAML).
 *
 * <p>Thread safety: stateless; the parser and group are built once per partition.
 */
final class SparkUrls {

  static final String CHANNEL_COLUMN = "url_channel";
  static final String FINDINGS_COLUMN = "url_findings";

  static final StructType CHANNEL = new StructType(new StructField[] {
      DataTypes.createStructField("host", DataTypes.StringType, false),
      DataTypes.createStructField("path", DataTypes.StringType, false),
      DataTypes.createStructField("utm_source", DataTypes.StringType, true),
      DataTypes.createStructField("utm_medium", DataTypes.StringType, true),
      DataTypes.createStructField("utm_campaign", DataTypes.StringType, true),
      DataTypes.createStructField("utm_term", DataTypes.StringType, true),
      DataTypes.createStructField("utm_content", DataTypes.StringType, true),
      DataTypes.createStructField("utm_id", DataTypes.StringType, true),
      DataTypes.createStructField("click_id_type", DataTypes.StringType, true),
      DataTypes.createStructField("click_id", DataTypes.StringType, true),
      DataTypes.createStructField("channel", DataTypes.StringType, false),
      DataTypes.createStructField("channel_rule", DataTypes.StringType, false),
      DataTypes.createStructField("channel_group", DataTypes.StringType, false),
      DataTypes.createStructField("channel_group_version", DataTypes.StringType, false)});

  private SparkUrls() {}

  static Dataset<Row> apply(Dataset<Row> ds, String urlColumn, @Nullable ConfigText channelGroup) {
    if (channelGroup != null) {
      ChannelGroup.parse(channelGroup.source(), channelGroup.text()); // a bad group fails on the driver
    }
    int urlIndex = new SparkRecord.Binding(ds.schema()).require(urlColumn);
    StructType out = Columns.extend(ds.schema(),
        DataTypes.createStructField(CHANNEL_COLUMN, CHANNEL, false),
        DataTypes.createStructField(FINDINGS_COLUMN, Columns.FINDINGS, false));
    Broadcast<ConfigText> text =
        JavaSparkContext.fromSparkContext(ds.sparkSession().sparkContext()).broadcast(ConfigText.orNone(channelGroup));
    return ds.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> partition(rows, urlIndex, text.value()),
        Encoders.row(out));
  }

  private static Iterator<Row> partition(Iterator<Row> rows, int urlIndex, ConfigText groupText) {
    UtmParser parser = UtmParser.standard();
    ChannelGroup group = groupText.isNone() ? ChannelGroup.ga4Default() : ChannelGroup.parse(groupText.source(), groupText.text());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        ParsedUrl p = parser.parse(SparkRecord.text(r, urlIndex));
        ChannelClassification c = group.classify(p);
        UtmParameters u = p.utm();
        ClickId click = p.clickId();
        Row channel = RowFactory.create(p.host(), p.path(), u.source(), u.medium(), u.campaign(), u.term(), u.content(),
            u.id(), click == null ? null : click.type().name(), click == null ? null : click.value(), c.channel(),
            c.rule(), c.groupName(), c.groupVersion());
        List<Finding> findings = new ArrayList<>(p.findings());
        return Columns.append(r, channel, Columns.findings(findings));
      }
    };
  }
}
