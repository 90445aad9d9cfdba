package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a lifecycle funnel for people and for CI: per stage, how many leads reached it,
 * the conversion from the previous stage and from the top, median and p90 time in stage; per pair
 * of adjacent stages, the median and p90 velocity; per cohort month, the leads, their conversion to
 * each stage and their median time to reach it. {@link #toJson()} gives the JSON form and {@link
 * #toHtml()} a self-contained page (inline SVG and CSS, no scripts, nothing fetched).
 *
 * <p>Percentiles are within 2% of the exact value (see {@link StageFunnel#timeInPercentile}).
 *
 * <p>Thread safety: an immutable value.
 */
public final class FunnelReport {

  /**
   * One stage of the report.
   *
   * @param stage the stage name
   * @param inFunnel whether the stage is a funnel stage (not recycled or disqualified)
   * @param reached the leads that reached it (entered it or, in the funnel, a later stage)
   * @param fromPrevious the share of the leads that reached the previous funnel stage that reached
   *     this one, or {@code null} for the first stage or when none reached the previous one
   * @param fromTop the share of the leads that reached the first stage that reached this one, or
   *     {@code null}
   * @param entered the leads that spent time in the stage
   * @param medianTime the median time in stage, or {@code null} when no lead entered it
   * @param p90Time the 90th percentile of time in stage, or {@code null}
   */
  public record StageRow(String stage, boolean inFunnel, long reached, @Nullable Double fromPrevious,
      @Nullable Double fromTop, long entered, @Nullable Duration medianTime, @Nullable Duration p90Time) {}

  /**
   * The velocity between two adjacent funnel stages.
   *
   * @param from the earlier stage
   * @param to the later stage
   * @param leads the leads that first entered {@code from}, then {@code to}
   * @param median the median time between the two, or {@code null} when no lead did both
   * @param p90 the 90th percentile, or {@code null}
   */
  public record VelocityRow(String from, String to, long leads, @Nullable Duration median, @Nullable Duration p90) {}

  /**
   * One cohort month.
   *
   * @param month the month (UTC) the leads' histories start
   * @param leads the leads of the cohort
   * @param reached per funnel stage, in order, the leads of the cohort that reached it
   * @param medianTimeTo per funnel stage, the median time from the start of the history to first
   *     entering the stage, or {@code null} when no lead of the cohort entered it
   */
  public record CohortRow(YearMonth month, long leads, List<Long> reached, List<@Nullable Duration> medianTimeTo) {

    /** Copies the lists. */
    public CohortRow {
      reached = List.copyOf(reached);
      medianTimeTo = java.util.Collections.unmodifiableList(new ArrayList<>(medianTimeTo));
    }
  }

  private final String version;
  private final String contentHash;
  private final Instant asOf;
  private final long leads;
  private final List<StageRow> stages;
  private final List<VelocityRow> velocity;
  private final List<CohortRow> cohorts;
  private final List<String> funnelStages;

  private FunnelReport(String version, String contentHash, Instant asOf, long leads, List<StageRow> stages,
      List<VelocityRow> velocity, List<CohortRow> cohorts, List<String> funnelStages) {
    this.version = version;
    this.contentHash = contentHash;
    this.asOf = asOf;
    this.leads = leads;
    this.stages = List.copyOf(stages);
    this.velocity = List.copyOf(velocity);
    this.cohorts = List.copyOf(cohorts);
    this.funnelStages = List.copyOf(funnelStages);
  }

  /** Takes a snapshot of {@code funnel} and {@code cohorts} (of the same lifecycle model). */
  public static FunnelReport of(StageFunnel funnel, StageCohorts cohorts, Instant asOf) {
    LifecycleModel m = funnel.model();
    if (cohorts.model() != m) {
      throw new IllegalArgumentException("the funnel and the cohorts are of different lifecycle models");
    }
    Objects.requireNonNull(asOf, "asOf");
    List<String> names = new ArrayList<>();
    m.stages().forEach(s -> names.add(s.name()));
    String top = names.get(0);
    List<StageRow> rows = new ArrayList<>();
    String prev = null;
    for (Stage s : m.stagesByName().values()) {
      String n = s.name();
      Double fromPrev = s.inFunnel() && prev != null ? funnel.conversion(prev, n).orElse(null) : null;
      Double fromTop = s.inFunnel() && prev != null ? funnel.conversion(top, n).orElse(null) : null;
      long entered = funnel.enteredCount(n);
      rows.add(new StageRow(n, s.inFunnel(), funnel.reached(n), fromPrev, fromTop, entered,
          funnel.timeInPercentile(n, 0.5).orElse(null), funnel.timeInPercentile(n, 0.9).orElse(null)));
      if (s.inFunnel()) {
        prev = n;
      }
    }
    List<VelocityRow> vel = new ArrayList<>();
    for (int i = 0; i + 1 < names.size(); i++) {
      String a = names.get(i);
      String b = names.get(i + 1);
      vel.add(new VelocityRow(a, b, funnel.velocityCount(a, b), funnel.velocityPercentile(a, b, 0.5).orElse(null),
          funnel.velocityPercentile(a, b, 0.9).orElse(null)));
    }
    List<CohortRow> cs = new ArrayList<>();
    for (YearMonth ym : cohorts.months()) {
      List<Long> reached = new ArrayList<>();
      List<@Nullable Duration> med = new ArrayList<>();
      for (String n : names) {
        reached.add(cohorts.reached(ym, n));
        med.add(cohorts.timeToStage(ym, n, 0.5).orElse(null));
      }
      cs.add(new CohortRow(ym, cohorts.leads(ym), reached, med));
    }
    return new FunnelReport(m.version(), m.contentHash(), asOf, funnel.leads(), rows, vel, cs, names);
  }

  /** Returns the version of the lifecycle model. */
  public String modelVersion() {
    return version;
  }

  /** Returns the content hash of the lifecycle model. */
  public String modelHash() {
    return contentHash;
  }

  /** Returns the instant the leads were staged as of. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns the number of leads in the funnel. */
  public long leads() {
    return leads;
  }

  /** Returns every stage: the funnel stages in order, then the recycled and disqualified stages. */
  public List<StageRow> stages() {
    return stages;
  }

  /** Returns the velocity between each pair of adjacent funnel stages. */
  public List<VelocityRow> velocity() {
    return velocity;
  }

  /** Returns the cohorts, oldest month first. */
  public List<CohortRow> cohorts() {
    return cohorts;
  }

  /** Returns the funnel stage names, in order (the order of {@link CohortRow#reached()}). */
  public List<String> funnelStages() {
    return funnelStages;
  }

  static String days(@Nullable Duration d) {
    return d == null ? "null" : String.format(Locale.ROOT, "%.2f", d.toSeconds() / 86_400.0);
  }

  static String share(@Nullable Double d) {
    return d == null ? "null" : String.format(Locale.ROOT, "%.4f", d);
  }

  static void string(StringBuilder sb, String s) {
    dev.mops.core.io.JsonText.quote(sb, s);
  }

  /**
   * Returns the JSON form: {@code model_version}, {@code model_hash}, {@code as_of}, {@code leads},
   * {@code stages} (each with {@code stage}, {@code in_funnel}, {@code reached}, {@code
   * conversion_from_previous}, {@code conversion_from_top}, {@code entered}, {@code
   * median_days_in_stage}, {@code p90_days_in_stage}), {@code velocity} ({@code from}, {@code to},
   * {@code leads}, {@code median_days}, {@code p90_days}) and {@code cohorts} ({@code month},
   * {@code leads}, {@code stages}: {@code stage}, {@code reached}, {@code conversion}, {@code
   * median_days_to_reach}). Shares are fractions (0 to 1); times are days to two decimals;
   * {@code null} where there is nothing to measure.
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(4096);
    sb.append("{\n  \"model_version\": ");
    string(sb, version);
    sb.append(",\n  \"model_hash\": ");
    string(sb, contentHash);
    sb.append(",\n  \"as_of\": ");
    string(sb, asOf.toString());
    sb.append(",\n  \"leads\": ").append(leads).append(",\n  \"stages\": [");
    for (int i = 0; i < stages.size(); i++) {
      StageRow r = stages.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"stage\": ");
      string(sb, r.stage());
      sb.append(", \"in_funnel\": ").append(r.inFunnel()).append(", \"reached\": ").append(r.reached())
          .append(", \"conversion_from_previous\": ").append(share(r.fromPrevious()))
          .append(", \"conversion_from_top\": ").append(share(r.fromTop()))
          .append(", \"entered\": ").append(r.entered())
          .append(", \"median_days_in_stage\": ").append(days(r.medianTime()))
          .append(", \"p90_days_in_stage\": ").append(days(r.p90Time())).append('}');
    }
    sb.append("\n  ],\n  \"velocity\": [");
    for (int i = 0; i < velocity.size(); i++) {
      VelocityRow v = velocity.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"from\": ");
      string(sb, v.from());
      sb.append(", \"to\": ");
      string(sb, v.to());
      sb.append(", \"leads\": ").append(v.leads()).append(", \"median_days\": ").append(days(v.median()))
          .append(", \"p90_days\": ").append(days(v.p90())).append('}');
    }
    sb.append("\n  ],\n  \"cohorts\": [");
    for (int i = 0; i < cohorts.size(); i++) {
      CohortRow c = cohorts.get(i);
      sb.append(i == 0 ? "\n" : ",\n").append("    {\"month\": ");
      string(sb, c.month().toString());
      sb.append(", \"leads\": ").append(c.leads()).append(", \"stages\": [");
      for (int j = 0; j < funnelStages.size(); j++) {
        sb.append(j == 0 ? "" : ", ").append("{\"stage\": ");
        string(sb, funnelStages.get(j));
        long reached = c.reached().get(j);
        sb.append(", \"reached\": ").append(reached).append(", \"conversion\": ")
            .append(share(c.leads() == 0 ? null : (double) reached / c.leads()))
            .append(", \"median_days_to_reach\": ").append(days(c.medianTimeTo().get(j))).append('}');
      }
      sb.append("]}");
    }
    sb.append("\n  ]\n}\n");
    return sb.toString();
  }

  /**
   * Returns a self-contained HTML page: the funnel as horizontal bars with the conversion between
   * stages, time in stage as median bars with p90 whiskers, and the cohort table with conversion
   * and median days to each stage, shaded. Inline SVG and CSS only: no scripts, nothing fetched.
   */
  public String toHtml() {
    return FunnelHtml.render(this);
  }
}
