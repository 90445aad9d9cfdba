package dev.mops.spark;

import dev.mops.core.Finding;
import dev.mops.core.record.ArrayRow;
import dev.mops.scoring.BatchScorer;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.RuleContribution;
import dev.mops.scoring.ScoreExplanation;
import dev.mops.scoring.ScoringModel;
import dev.mops.scoring.Subtotal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;

/**
 * Lead scoring as a Dataset transformation: a builder, made by {@link MopsSpark#scoring(String)},
 * that adds a {@code score} struct column (and {@code score_findings}, and with {@link
 * #explain(boolean)} a {@code score_explanation}) to a Dataset of leads.
 *
 * <pre>{@code
 * Dataset<Row> scored = MopsSpark.scoring(Path.of("model.yaml"))
 *     .asOf(Instant.parse("2026-01-31T00:00:00Z"))
 *     .events(events, "lead_id")     // optional: engagement rules read them
 *     .leadId("id")
 *     .explain(true)
 *     .apply(leads);
 * scored.select("id", "score.scores.total", "score.grade", "score.thresholds.mql");
 * }</pre>
 *
 * <p>The model is parsed on the driver when the builder is made (a bad model fails there, with
 * its file, line and column), its text is broadcast, and each partition compiles it once. Events
 * are gathered per lead ({@code collect_list} grouped by the lead id) and joined to their lead, so
 * a lead's score is the one {@code LeadScorer.score(lead, events, now)} gives on one machine. Every
 * lead is in the output, once per input row; a lead with more events than the model's
 * {@code max_events_per_lead} gets a null {@code score} and a {@code TOO_MANY_EVENTS} finding.
 *
 * <p>Thread safety: a builder, for one thread; the Dataset it returns is Spark's.
 */
public final class SparkScoring {

  /** The column added with each lead's score. */
  public static final String SCORE_COLUMN = "score";
  /** The column added with the findings of each lead (values that did not convert, ...). */
  public static final String FINDINGS_COLUMN = "score_findings";
  /** The column added with each lead's explanation, when asked for. */
  public static final String EXPLANATION_COLUMN = "score_explanation";

  private static final String EVENTS = "_mops_events";

  private final ConfigText config;
  private final ScoringModel model;
  private @Nullable Instant now;
  private @Nullable Dataset<Row> events;
  private String eventLeadColumn = "lead_id";
  private String leadIdColumn = "id";
  private boolean explain;

  SparkScoring(ConfigText config) {
    this.config = config;
    this.model = ScoringModel.parse(config.source(), config.text());
  }

  static SparkScoring of(Path file) {
    return new SparkScoring(ConfigText.read(file));
  }

  /** Sets the {@code now} of every decay and window (required). */
  public SparkScoring asOf(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
    return this;
  }

  /**
   * Sets the events engagement rules read: one row per event with {@code type}, {@code timestamp}
   * and property columns, and the column holding the lead id.
   */
  public SparkScoring events(Dataset<Row> events, String leadColumn) {
    this.events = Objects.requireNonNull(events, "events");
    this.eventLeadColumn = Objects.requireNonNull(leadColumn, "leadColumn");
    return this;
  }

  /** Sets the leads' id column, which events are matched on ({@code id} by default). */
  public SparkScoring leadId(String column) {
    this.leadIdColumn = Objects.requireNonNull(column, "column");
    return this;
  }

  /** Adds the {@code score_explanation} column: every rule that fired and each subtotal. */
  public SparkScoring explain(boolean explain) {
    this.explain = explain;
    return this;
  }

  /** Returns the model's name, version and hash as the driver parsed them. */
  public String modelIdentity() {
    return model.name() + " " + model.version() + " (" + model.contentHash() + ")";
  }

  /** Returns the leads with the score columns added, lazily (nothing runs until an action). */
  public Dataset<Row> apply(Dataset<Row> leads) {
    Instant asOf = Objects.requireNonNull(now, "call asOf(now) first: scores are computed at an explicit now");
    Dataset<Row> input = leads;
    int kept = leads.schema().size();
    int eventsIndex = -1;
    if (events != null) {
      Dataset<Row> ev = events;
      if (!List.of(ev.schema().fieldNames()).contains(eventLeadColumn)) {
        throw new IllegalArgumentException("no column '" + eventLeadColumn + "' in the events " + List.of(ev.schema().fieldNames()));
      }
      if (!List.of(leads.schema().fieldNames()).contains(leadIdColumn)) {
        throw new IllegalArgumentException("no column '" + leadIdColumn + "' in the leads " + List.of(leads.schema().fieldNames()));
      }
      List<Column> eventCols = new ArrayList<>();
      for (String f : ev.schema().fieldNames()) {
        eventCols.add(ev.col(f));
      }
      Dataset<Row> grouped = ev.groupBy(ev.col(eventLeadColumn).cast(DataTypes.StringType).as("_mops_lead"))
          .agg(functions.collect_list(functions.struct(eventCols.toArray(new Column[0]))).as(EVENTS));
      input = leads.join(grouped, leads.col(leadIdColumn).cast(DataTypes.StringType).equalTo(grouped.col("_mops_lead")), "left")
          .drop("_mops_lead");
      eventsIndex = kept;
    }
    StructType out = Columns.extend(leads.schema(), outputFields());
    Broadcast<ConfigText> text = JavaSparkContext.fromSparkContext(leads.sparkSession().sparkContext()).broadcast(config);
    StructType inSchema = input.schema();
    boolean withExplanation = explain;
    int evIdx = eventsIndex;
    return input.mapPartitions(
        (MapPartitionsFunction<Row, Row>) rows -> scorePartition(rows, text.value(), inSchema, kept, evIdx, asOf, withExplanation),
        Encoders.row(out));
  }

  private StructField[] outputFields() {
    List<StructField> scoreFields = new ArrayList<>();
    for (String s : model.scoreNames()) {
      scoreFields.add(DataTypes.createStructField(s, DataTypes.DoubleType, false));
    }
    List<StructField> grades = new ArrayList<>();
    for (String g : model.gradeNames()) {
      grades.add(DataTypes.createStructField(g, DataTypes.StringType, true));
    }
    List<StructField> thresholds = new ArrayList<>();
    for (String t : model.thresholdNames()) {
      thresholds.add(DataTypes.createStructField(t, DataTypes.BooleanType, false));
    }
    StructType score = new StructType(new StructField[] {
        DataTypes.createStructField("scores", structOf(scoreFields), false),
        DataTypes.createStructField("grade", DataTypes.StringType, false),
        DataTypes.createStructField("grades", structOf(grades), false),
        DataTypes.createStructField("thresholds", structOf(thresholds), false),
        DataTypes.createStructField("model", DataTypes.StringType, false),
        DataTypes.createStructField("model_version", DataTypes.StringType, false),
        DataTypes.createStructField("model_hash", DataTypes.StringType, false)});
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(SCORE_COLUMN, score, true));
    fields.add(DataTypes.createStructField(FINDINGS_COLUMN, Columns.FINDINGS, false));
    if (explain) {
      fields.add(DataTypes.createStructField(EXPLANATION_COLUMN, EXPLANATION, true));
    }
    return fields.toArray(new StructField[0]);
  }

  private static StructType structOf(List<StructField> fields) {
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** One rule that fired. */
  static final StructType RULE = new StructType(new StructField[] {
      DataTypes.createStructField("score", DataTypes.StringType, false),
      DataTypes.createStructField("group", DataTypes.StringType, false),
      DataTypes.createStructField("rule", DataTypes.StringType, false),
      DataTypes.createStructField("when", DataTypes.StringType, false),
      DataTypes.createStructField("occurrences", DataTypes.IntegerType, false),
      DataTypes.createStructField("points_before_decay", DataTypes.DoubleType, false),
      DataTypes.createStructField("points_after_decay", DataTypes.DoubleType, false),
      DataTypes.createStructField("points_after_cap", DataTypes.DoubleType, false)});

  /** One group's or score's points before and after caps. */
  static final StructType SUBTOTAL = new StructType(new StructField[] {
      DataTypes.createStructField("score", DataTypes.StringType, false),
      DataTypes.createStructField("group", DataTypes.StringType, false),
      DataTypes.createStructField("points_before_cap", DataTypes.DoubleType, false),
      DataTypes.createStructField("points_after_cap", DataTypes.DoubleType, false)});

  /** The explanation: rules, subtotals and the whole explanation as the CLI's JSON. */
  static final StructType EXPLANATION = new StructType(new StructField[] {
      DataTypes.createStructField("rules", DataTypes.createArrayType(RULE, false), false),
      DataTypes.createStructField("subtotals", DataTypes.createArrayType(SUBTOTAL, false), false),
      DataTypes.createStructField("json", DataTypes.StringType, false)});

  private static Iterator<Row> scorePartition(
      Iterator<Row> rows, ConfigText text, StructType schema, int kept, int eventsIndex, Instant now, boolean explain) {
    ScoringModel model = ScoringModel.parse(text.source(), text.text());
    BatchScorer batch = model.scorer().batch();
    SparkRecord.Binding leads = new SparkRecord.Binding(schema);
    SparkRecord.@Nullable Binding[] eventBinding = new SparkRecord.Binding[1];
    if (eventsIndex >= 0) {
      StructType eventType = (StructType) ((ArrayType) schema.fields()[eventsIndex].dataType()).elementType();
      eventBinding[0] = new SparkRecord.Binding(eventType);
    }
    List<String> scores = model.scoreNames();
    List<String> gradeNames = model.gradeNames();
    List<String> thresholdNames = model.thresholdNames();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public Row next() {
        Row r = rows.next();
        List<Finding> findings = new ArrayList<>(2);
        ArrayRow lead = model.leadRow(leads.of(r), findings::add);
        List<ArrayRow> eventRows = new ArrayList<>();
        boolean tooMany = false;
        if (eventsIndex >= 0 && !r.isNullAt(eventsIndex)) {
          List<Row> evs = r.getList(eventsIndex);
          if (evs.size() > model.maxEventsPerLead()) {
            tooMany = true;
            findings.add(Finding.error("TOO_MANY_EVENTS", "", Integer.toString(evs.size()),
                "the lead has " + evs.size() + " events, over the model's limit of " + model.maxEventsPerLead()
                    + " (limits.max_events_per_lead); not scored"));
          } else {
            SparkRecord.Binding b = Objects.requireNonNull(eventBinding[0]);
            for (Row e : evs) {
              eventRows.add(model.eventRow(b.of(e), findings::add));
            }
          }
        }
        @Nullable Object[] values = new Object[kept + (explain ? 3 : 2)];
        for (int i = 0; i < kept; i++) {
          values[i] = r.get(i);
        }
        @Nullable Row scoreRow = null;
        @Nullable Row explanation = null;
        if (!tooMany) {
          LeadScore s = batch.score(lead, eventRows, now);
          Object[] sv = new Object[scores.size()];
          for (int i = 0; i < sv.length; i++) {
            sv[i] = s.score(i);
          }
          Object[] gv = new Object[gradeNames.size()];
          for (int i = 0; i < gv.length; i++) {
            gv[i] = s.grade(gradeNames.get(i));
          }
          Object[] tv = new Object[thresholdNames.size()];
          for (int i = 0; i < tv.length; i++) {
            tv[i] = s.threshold(thresholdNames.get(i));
          }
          scoreRow = RowFactory.create(RowFactory.create(sv), s.grade(), RowFactory.create(gv), RowFactory.create(tv),
              model.name(), s.modelVersion(), s.modelHash());
          if (explain) {
            explanation = explanation(batch.explain(lead, eventRows, now));
          }
        }
        values[kept] = scoreRow;
        values[kept + 1] = Columns.findings(findings);
        if (explain) {
          values[kept + 2] = explanation;
        }
        return RowFactory.create(values);
      }
    };
  }

  private static Row explanation(ScoreExplanation e) {
    List<Row> rules = new ArrayList<>(e.rules().size());
    for (RuleContribution c : e.rules()) {
      rules.add(RowFactory.create(c.score(), c.group(), c.rule(), c.when(), c.occurrences(), c.pointsBeforeDecay(),
          c.pointsAfterDecay(), c.pointsAfterCap()));
    }
    List<Row> subtotals = new ArrayList<>(e.subtotals().size());
    for (Subtotal s : e.subtotals()) {
      subtotals.add(RowFactory.create(s.score(), s.group(), s.pointsBeforeCap(), s.pointsAfterCap()));
    }
    return RowFactory.create(rules.toArray(new Row[0]), subtotals.toArray(new Row[0]), e.toJson());
  }
}
