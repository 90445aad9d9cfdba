package dev.mops.scoring;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Record;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A lead scoring model loaded from versioned YAML: named scores made of groups of fit rules (on the
 * lead's fields) and engagement rules (on the lead's events) with decay and caps, combined scores,
 * grade scales and a grade grid, and thresholds such as MQL.
 *
 * <pre>{@code
 * ScoringModel model = ScoringModel.load(Path.of("model.yaml"));
 * LeadScorer scorer = model.scorer();                       // thread-safe
 * LeadScore s = scorer.score(leadRecord, eventRecords, now, findings::add);
 * s.score("fit"); s.grade(); s.threshold("mql");
 * BatchScorer batch = scorer.batch();                        // one per thread, for millions
 * LeadScore t = batch.score(model.leadRow(leadRecord, findings::add), eventRows, now);
 * }</pre>
 *
 * <p>Every key of the document is checked when it loads: an unknown key, an unknown field in a
 * condition, a bad duration or a band out of order is a {@link dev.mops.core.config.ConfigException}
 * naming the file, line, column and path. The model records its {@link #version()} and {@link
 * #contentHash()}, and every {@link LeadScore} it produces carries them. See {@code docs/scoring.md}
 * for every key.
 *
 * <p>Limits: at most {@link #MAX_RULES} rules, {@link #MAX_SCORES} scores, {@link #MAX_THRESHOLDS}
 * thresholds, {@link #MAX_GRID_CELLS} cells in the grade grid, points within ±{@link #MAX_POINTS},
 * and {@link #maxEventsPerLead()} events per lead (default {@link #DEFAULT_MAX_EVENTS_PER_LEAD}, at
 * most {@link #MAX_EVENTS_PER_LEAD}).
 *
 * <p>Thread safety: immutable and safe to share; the compiled conditions it holds are thread-safe.
 */
public final class ScoringModel {

  /** The event field holding the event's type, always present in {@link #eventSchema()}. */
  public static final String EVENT_TYPE = "type";

  /** The event field holding the event's time, always present in {@link #eventSchema()}. */
  public static final String EVENT_TIMESTAMP = "timestamp";

  /** The most rules a model may hold. */
  public static final int MAX_RULES = 10_000;

  /** The most scores a model may define. */
  public static final int MAX_SCORES = 64;

  /** The most thresholds a model may define. */
  public static final int MAX_THRESHOLDS = 64;

  /** The most cells (combinations of grades) the grade grid may have. */
  public static final int MAX_GRID_CELLS = 10_000;

  /**
   * The largest size of any points value, cap or band minimum. With at most {@link
   * #MAX_EVENTS_PER_LEAD} events a rule's total stays within a {@code long} of millionths; sums of
   * many rules saturate instead of overflowing.
   */
  public static final double MAX_POINTS = 1e6;

  /** The default for {@code limits.max_events_per_lead}. */
  public static final int DEFAULT_MAX_EVENTS_PER_LEAD = 10_000;

  /** The largest value {@code limits.max_events_per_lead} may take. */
  public static final int MAX_EVENTS_PER_LEAD = 1_000_000;

  /** Points are summed in millionths, exactly, so that a sum never depends on event order. */
  static final double MICRO = 1_000_000.0;

  private final ConfigDocument document;
  private final String name;
  private final Schema leadSchema;
  private final List<String> requiredLeadFields;
  private final Schema eventSchema;
  private final Schema outcomeSchema;
  private final int maxEventsPerLead;
  final Parts.Rule[] rules;
  final Parts.Group[] groups;
  final Parts.Score[] scores;
  final Parts.GradeScale[] grades;
  final int[] grid;
  final String[] gridLabels;
  final Parts.Threshold[] thresholds;
  final Map<String, int[]> rulesByType;
  final int[] untypedEventRules;
  final int[] leadRules;
  private final List<String> scoreNames;
  private final List<String> gradeNames;
  private final List<String> thresholdNames;

  private ScoringModel(ConfigDocument document, ModelReader r) {
    this.document = document;
    this.name = r.name;
    this.leadSchema = r.leadSchema;
    this.requiredLeadFields = List.copyOf(r.requiredLeadFields);
    this.eventSchema = r.eventSchema;
    this.outcomeSchema = r.outcomeSchema;
    this.maxEventsPerLead = r.maxEventsPerLead;
    this.rules = r.rules.toArray(new Parts.Rule[0]);
    this.groups = r.groups.toArray(new Parts.Group[0]);
    this.scores = r.scores.toArray(new Parts.Score[0]);
    this.grades = r.grades.toArray(new Parts.GradeScale[0]);
    this.grid = r.grid;
    this.thresholds = r.thresholds.toArray(new Parts.Threshold[0]);
    this.rulesByType = ModelReader.toArrays(r.rulesByType);
    this.untypedEventRules = r.untypedEventRules.stream().mapToInt(Integer::intValue).toArray();
    this.leadRules = r.leadRules.stream().mapToInt(Integer::intValue).toArray();
    this.gridLabels = gridLabels(grades, grid);
    List<String> sn = new ArrayList<>();
    for (Parts.Score s : scores) {
      sn.add(s.name);
    }
    this.scoreNames = Collections.unmodifiableList(sn);
    List<String> gn = new ArrayList<>();
    for (Parts.GradeScale g : grades) {
      gn.add(g.name);
    }
    this.gradeNames = Collections.unmodifiableList(gn);
    List<String> tn = new ArrayList<>();
    for (Parts.Threshold t : thresholds) {
      tn.add(t.name);
    }
    this.thresholdNames = Collections.unmodifiableList(tn);
  }

  private static String[] gridLabels(Parts.GradeScale[] grades, int[] grid) {
    int cells = 1;
    for (int g : grid) {
      cells *= grades[g].size();
    }
    String[] out = new String[cells];
    for (int cell = 0; cell < cells; cell++) {
      StringBuilder sb = new StringBuilder();
      int rest = cell;
      int[] bands = new int[grid.length];
      for (int i = grid.length - 1; i >= 0; i--) {
        int size = grades[grid[i]].size();
        bands[i] = rest % size;
        rest /= size;
      }
      for (int i = 0; i < grid.length; i++) {
        sb.append(grades[grid[i]].label(bands[i]));
      }
      out[cell] = sb.toString();
    }
    return out;
  }

  /**
   * Loads a model from a YAML or JSON file.
   *
   * @throws dev.mops.core.config.ConfigException naming the position when the model is invalid
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static ScoringModel load(Path file) {
    return from(ConfigLoader.standard().load(file));
  }

  /**
   * Reads a model from YAML or JSON text.
   *
   * @param source the name to give in errors
   * @throws dev.mops.core.config.ConfigException naming the position when the model is invalid
   */
  public static ScoringModel parse(String source, String text) {
    return from(ConfigLoader.standard().loadString(source, text));
  }

  /**
   * Reads a model from a loaded document.
   *
   * @throws dev.mops.core.config.ConfigException naming the position when the model is invalid
   */
  public static ScoringModel from(ConfigDocument document) {
    Objects.requireNonNull(document, "document");
    return new ScoringModel(document, new ModelReader(document).read());
  }

  /** Returns the model's {@code name}, or its source when it has none. */
  public String name() {
    return name;
  }

  /** Returns the model's {@code version}, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return document.version();
  }

  /** Returns {@code sha256:} and the hex hash of the model's text. */
  public String contentHash() {
    return document.contentHash();
  }

  /** Returns the document the model was read from. */
  public ConfigDocument document() {
    return document;
  }

  /** Returns the schema of lead rows: the {@code lead_fields}, typed. */
  public Schema leadSchema() {
    return leadSchema;
  }

  /** Returns the schema of event rows: {@code type}, {@code timestamp} and the {@code event_fields}. */
  public Schema eventSchema() {
    return eventSchema;
  }

  /**
   * Returns the schema threshold conditions read: one number field per score, a {@code
   * <scale>_grade} text field per grade scale, and {@code grade} (the grid label) when the model has
   * grades.
   */
  public Schema outcomeSchema() {
    return outcomeSchema;
  }

  /** Returns the score names, in model order (combined scores after those they combine). */
  public List<String> scoreNames() {
    return scoreNames;
  }

  /** Returns the grade scale names, in model order. */
  public List<String> gradeNames() {
    return gradeNames;
  }

  /** Returns the threshold names, in model order. */
  public List<String> thresholdNames() {
    return thresholdNames;
  }

  /** Returns the lead fields declared {@code required}. */
  public List<String> requiredLeadFields() {
    return requiredLeadFields;
  }

  /** Returns the most events one lead may have ({@code limits.max_events_per_lead}). */
  public int maxEventsPerLead() {
    return maxEventsPerLead;
  }

  /** Returns the number of rules. */
  public int ruleCount() {
    return rules.length;
  }

  /**
   * Converts a lead record into a row of {@link #leadSchema()}, reporting values that do not
   * convert ({@code NOT_A_NUMBER}, ...) and required fields that are missing ({@code
   * MISSING_VALUE}, a warning) on {@code findings}. Such values read as missing: rules on them do
   * not fire.
   */
  public ArrayRow leadRow(Record lead, FindingSink findings) {
    ArrayRow row = leadSchema.row(lead, findings);
    for (String f : requiredLeadFields) {
      Object v = row.get(f);
      if (v == null || Values.isEmpty(v)) {
        findings.accept(Finding.warning("MISSING_VALUE", f, null, "required lead field '" + f + "' is missing"));
      }
    }
    return row;
  }

  /**
   * Converts an event record into a row of {@link #eventSchema()}, reporting values that do not
   * convert, and a missing {@code type} or {@code timestamp} ({@code MISSING_VALUE}), on {@code
   * findings}. An event without a readable timestamp is ignored by the scorer.
   */
  public ArrayRow eventRow(Record event, FindingSink findings) {
    ArrayRow row = eventSchema.row(event, findings);
    if (Values.isEmpty(event.get(EVENT_TYPE))) {
      findings.accept(Finding.warning("MISSING_VALUE", EVENT_TYPE, null, "event has no type; type rules cannot fire"));
    }
    if (Values.isEmpty(event.get(EVENT_TIMESTAMP))) {
      findings.accept(Finding.warning("MISSING_VALUE", EVENT_TIMESTAMP, null, "event has no timestamp; it is ignored"));
    }
    return row;
  }

  /** Returns a thread-safe scorer of this model. */
  public LeadScorer scorer() {
    return new LeadScorer(this);
  }

  /** Returns the index of a score by name, or -1. */
  int scoreIndex(String scoreName) {
    return scoreNames.indexOf(scoreName);
  }

  @Override
  public String toString() {
    return "ScoringModel[" + name + " " + version() + " " + document.shortHash() + ", " + rules.length + " rules]";
  }
}
