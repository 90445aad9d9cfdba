package dev.mops.flow.report;

import dev.mops.core.io.HtmlText;
import dev.mops.flow.pipeline.PipelineResult;
import dev.mops.flow.pipeline.StageCounts;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.EntityCluster;
import dev.mops.identity.dedupe.MatchDecision;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.ScoredPair;
import dev.mops.metrics.DurationDistribution;
import dev.mops.metrics.attribution.AttributionCoverage;
import dev.mops.metrics.attribution.AttributionReport;
import dev.mops.metrics.attribution.AttributionResult;
import dev.mops.metrics.attribution.ChannelCredit;
import dev.mops.metrics.report.OpsReport;
import dev.mops.metrics.sla.SlaState;
import dev.mops.metrics.sla.SlaSummary;
import dev.mops.quality.profile.QualityReport;
import dev.mops.routing.RoutingDecision;
import dev.mops.scoring.LeadScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A run report: one self-contained HTML page (inline CSS and SVG charts; no scripts, no network,
 * no external fonts, and a Content-Security-Policy that forbids them) on what one run of mops did
 * to a batch of leads: the pipeline's stage counts, data quality against the contract, duplicates found, the score distribution
 * and the MQLs, routing by owner, the channel mix, attribution, SLA adherence and
 * time-to-campaign.
 *
 * <p>The quality, attribution and operations sections are the pages those modules render
 * themselves ({@link QualityReport#toHtml()}, {@link AttributionReport}, {@link OpsReport}),
 * lifted into the report with their styles scoped to their section; the other sections are drawn
 * here. Every section is optional: the report shows those that were given, in a fixed order, and
 * lists the missing ones.
 *
 * <pre>{@code
 * String html = RunReport.builder()
 *     .title("Inbound leads, week 45")
 *     .quality(qualityReport)
 *     .scores(scores, "total", "mql")
 *     .routing(decisions)
 *     .build()
 *     .toHtml();
 * }</pre>
 *
 * <p>Section ids (stable, for tests and links): {@code glance}, {@code pipeline}, {@code quality},
 * {@code duplicates}, {@code scores}, {@code routing}, {@code channels}, {@code attribution},
 * {@code operations}; ids inside a lifted page are prefixed with its section's id.
 *
 * <p>Thread safety: immutable once built; the results it was built from must not change
 * afterwards.
 */
public final class RunReport {

  /** The Content-Security-Policy of the page: nothing may load; only inline styles and inline SVG apply. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

  /** The most bars drawn in one chart of owners or channels; the rest are added up in one bar. */
  public static final int MAX_BARS = 15;

  /** The section ids in the order they appear, with their headings. */
  static final Map<String, String> SECTIONS = sections();

  private static final String OTHERS = "(others)";

  private final String title;
  private final String source;
  private final @Nullable Instant asOf;
  private final @Nullable PipelineResult pipeline;
  private final @Nullable QualityReport quality;
  private final @Nullable DedupeResult dedupe;
  private final String dedupeSource;
  private final @Nullable PairwiseScore dedupeTruth;
  private final List<LeadScore> scores;
  private final String scoreName;
  private final String threshold;
  private final List<RoutingDecision> decisions;
  private final long suppressed;
  private final String grouping;
  private final Map<String, Long> channels;
  private final List<AttributionResult> attribution;
  private final @Nullable AttributionCoverage coverage;
  private final String attributionSource;
  private final @Nullable SlaSummary sla;
  private final String slaSource;

  private RunReport(Builder b) {
    this.title = b.title;
    this.source = b.source;
    this.asOf = b.asOf;
    this.pipeline = b.pipeline;
    this.quality = b.quality;
    this.dedupe = b.dedupe;
    this.dedupeSource = b.dedupeSource;
    this.dedupeTruth = b.dedupeTruth;
    this.scores = List.copyOf(b.scores);
    this.scoreName = b.scoreName;
    this.threshold = b.threshold;
    this.decisions = List.copyOf(b.decisions);
    this.suppressed = b.suppressed;
    this.grouping = b.grouping;
    this.channels = b.channels == null ? Map.of() : b.channels;
    this.attribution = List.copyOf(b.attribution);
    this.coverage = b.coverage;
    this.attributionSource = b.attributionSource;
    this.sla = b.sla;
    this.slaSource = b.slaSource;
  }

  private static Map<String, String> sections() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("pipeline", "Pipeline: every lead accounted for");
    m.put("quality", "Data quality");
    m.put("duplicates", "Duplicates found");
    m.put("scores", "Score distribution and MQLs");
    m.put("routing", "Routing by owner");
    m.put("channels", "Channel mix");
    m.put("attribution", "Attribution");
    m.put("operations", "SLA adherence and time-to-campaign");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** Returns a builder of an empty report. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder of {@link RunReport}s; each section may be set once.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private String title = "mops run report";
    private String source = "";
    private @Nullable Instant asOf;
    private @Nullable PipelineResult pipeline;
    private @Nullable QualityReport quality;
    private @Nullable DedupeResult dedupe;
    private String dedupeSource = "";
    private @Nullable PairwiseScore dedupeTruth;
    private List<LeadScore> scores = List.of();
    private String scoreName = "";
    private String threshold = "";
    private boolean scoresSet;
    private List<RoutingDecision> decisions = List.of();
    private long suppressed;
    private boolean routingSet;
    private String grouping = "";
    private @Nullable Map<String, Long> channels;
    private List<AttributionResult> attribution = List.of();
    private @Nullable AttributionCoverage coverage;
    private String attributionSource = "";
    private @Nullable SlaSummary sla;
    private String slaSource = "";

    private Builder() {}

    /** Sets the page's title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Sets a line under the title saying what ran on what (files, config versions). */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Sets the run's as-of instant, shown under the title. */
    public Builder asOf(Instant asOf) {
      this.asOf = Objects.requireNonNull(asOf, "asOf");
      return this;
    }

    /**
     * Adds the pipeline section: the records that went into each stage and where each went (on,
     * dead letters, merged as duplicates), whether the counts reconcile, and what the stages
     * measured.
     *
     * @throws IllegalStateException when it was already set
     */
    public Builder pipeline(PipelineResult result) {
      once(pipeline == null, "pipeline");
      this.pipeline = Objects.requireNonNull(result, "result");
      return this;
    }

    /**
     * Adds the data-quality section: the contract's scores, fields and failing rules, as {@link
     * QualityReport#toHtml()} draws them.
     *
     * @throws IllegalStateException when it was already set
     */
    public Builder quality(QualityReport report) {
      once(quality == null, "quality");
      this.quality = Objects.requireNonNull(report, "report");
      return this;
    }

    /**
     * Adds the duplicates section: records, clusters, duplicate records, pairs left for review,
     * the sizes of the clusters, and one explained match.
     *
     * @param source what was deduplicated (shown under the section's heading)
     * @param truth pairwise precision and recall against known entities, or null when there is no
     *     ground truth
     * @throws IllegalStateException when it was already set
     */
    public Builder duplicates(DedupeResult result, String source, @Nullable PairwiseScore truth) {
      once(dedupe == null, "duplicates");
      this.dedupe = Objects.requireNonNull(result, "result");
      this.dedupeSource = Objects.requireNonNull(source, "source");
      this.dedupeTruth = truth;
      return this;
    }

    /**
     * Adds the scores section: a histogram of the score named {@code score} (ten bins from the
     * lowest to the highest score) split by whether each lead met {@code threshold}, the count per
     * grade, and the leads over the threshold.
     *
     * @throws IllegalArgumentException when {@code scores} is empty
     * @throws IllegalStateException when it was already set
     */
    public Builder scores(Collection<LeadScore> scores, String score, String threshold) {
      once(!scoresSet, "scores");
      if (scores.isEmpty()) {
        throw new IllegalArgumentException("the scores section needs at least one score");
      }
      this.scores = List.copyOf(scores);
      this.scoreName = Objects.requireNonNull(score, "score");
      this.threshold = Objects.requireNonNull(threshold, "threshold");
      this.scoresSet = true;
      return this;
    }

    /**
     * Adds the routing section: leads per owner (or queue, hold, escalation), leads per rule, and
     * the leads blocked before routing by suppression or consent.
     *
     * @param suppressed leads that were never routed because suppression or consent blocked them
     * @throws IllegalArgumentException when {@code suppressed} is negative
     * @throws IllegalStateException when it was already set
     */
    public Builder routing(Collection<RoutingDecision> decisions, long suppressed) {
      once(!routingSet, "routing");
      if (suppressed < 0) {
        throw new IllegalArgumentException("suppressed must not be negative, got " + suppressed);
      }
      this.decisions = List.copyOf(decisions);
      this.suppressed = suppressed;
      this.routingSet = true;
      return this;
    }

    /**
     * Adds the channel-mix section: leads (or visits) per channel.
     *
     * @param grouping the channel grouping that classified them (its name and version)
     * @throws IllegalArgumentException when a count is negative
     * @throws IllegalStateException when it was already set
     */
    public Builder channels(String grouping, Map<String, Long> counts) {
      once(channels == null, "channels");
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if (e.getValue() < 0) {
          throw new IllegalArgumentException("negative count for channel " + e.getKey() + ": " + e.getValue());
        }
      }
      this.grouping = Objects.requireNonNull(grouping, "grouping");
      this.channels = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
      return this;
    }

    /**
     * Adds the attribution section, as {@link AttributionReport} draws it: several models side by
     * side, and coverage when given.
     *
     * @throws IllegalArgumentException when {@code results} is empty
     * @throws IllegalStateException when it was already set
     */
    public Builder attribution(List<AttributionResult> results, @Nullable AttributionCoverage coverage, String source) {
      once(attribution.isEmpty(), "attribution");
      if (results.isEmpty()) {
        throw new IllegalArgumentException("the attribution section needs at least one model's result");
      }
      this.attribution = List.copyOf(results);
      this.coverage = coverage;
      this.attributionSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Adds the operations section, as {@link OpsReport} draws it: SLA adherence by class and
     * month, time-to-campaign percentiles and backlog aging.
     *
     * @throws IllegalStateException when it was already set
     */
    public Builder operations(SlaSummary summary, String source) {
      once(sla == null, "operations");
      this.sla = Objects.requireNonNull(summary, "summary");
      this.slaSource = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Builds the report. */
    public RunReport build() {
      return new RunReport(this);
    }

    private static void once(boolean unset, String section) {
      if (!unset) {
        throw new IllegalStateException("the " + section + " section was already set");
      }
    }
  }

  /** Returns the number of scored leads over the threshold (0 without a scores section). */
  public long overThreshold() {
    return scores.stream().filter(s -> s.threshold(threshold)).count();
  }

  /** Returns the number of duplicate records found: records minus clusters (0 without a duplicates section). */
  public long duplicateRecords() {
    DedupeResult d = dedupe;
    return d == null ? 0 : (long) d.recordCount() - d.clusters().size();
  }

  /** Returns the leads per owner as the routing section counts them, largest first (empty without one). */
  public Map<String, Long> leadsByOwner() {
    Map<String, Long> m = new TreeMap<>();
    for (RoutingDecision d : decisions) {
      m.merge(ownerLabel(d), 1L, Long::sum);
    }
    return sortedByCount(m);
  }

  /** Returns the report as one HTML page. */
  public String toHtml() {
    List<String> css = new ArrayList<>();
    Map<String, String> bodies = new LinkedHashMap<>();
    PipelineResult p = pipeline;
    if (p != null) {
      bodies.put("pipeline", pipeline(p));
    }
    QualityReport q = quality;
    if (q != null) {
      lift("quality", q.toHtml(), css, bodies);
    }
    DedupeResult d = dedupe;
    if (d != null) {
      bodies.put("duplicates", duplicates(d));
    }
    if (!scores.isEmpty()) {
      bodies.put("scores", scores());
    }
    if (!decisions.isEmpty() || suppressed > 0) {
      bodies.put("routing", routing());
    }
    if (!channels.isEmpty()) {
      bodies.put("channels", channels());
    }
    if (!attribution.isEmpty()) {
      AttributionReport.Builder a = AttributionReport.builder(attribution).title("Attribution").source(attributionSource);
      AttributionCoverage cov = coverage;
      if (cov != null) {
        a.coverage(cov);
      }
      lift("attribution", a.build().toHtml(), css, bodies);
    }
    SlaSummary s = sla;
    if (s != null) {
      lift("operations", OpsReport.builder(s).title("Operations").source(slaSource).build().toHtml(), css, bodies);
    }

    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}")
        .append("main{max-width:1100px;margin:0 auto;padding:24px}")
        .append(".rr-title{font-size:26px;margin:0 0 4px}.rr-meta{color:#52606d;font-size:13px}")
        .append(".rr-toc{margin:10px 0 0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px}")
        .append(".rr-toc a{color:#2b6cb0;text-decoration:none}")
        .append(".rr-section{margin-top:34px;padding-top:6px;border-top:3px solid #d9e2ec}")
        .append(".rr-h{font-size:21px;margin:10px 0 4px}")
        .append(".rr-cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:14px}")
        .append(".rr-card{background:#fff;border-radius:8px;padding:12px 16px;min-width:140px;flex:1 1 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append(".rr-card .rr-label{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#616e7c}")
        .append(".rr-card .rr-value{font-size:26px;font-weight:700;margin:2px 0}.rr-card .rr-sub{font-size:12px;color:#616e7c}")
        .append(".rr-panel{background:#fff;border-radius:8px;padding:14px 16px;margin-top:14px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-x:auto}")
        .append(".rr-panel h3{font-size:15px;margin:0 0 8px}")
        .append(".rr-panel svg text{font:12px system-ui,sans-serif;fill:#1f2933}.rr-panel svg .rr-muted{fill:#616e7c}")
        .append(".rr-table{border-collapse:collapse;font-size:13px}.rr-table td,.rr-table th{padding:4px 10px;text-align:right;")
        .append("border-bottom:1px solid #e4e7eb}.rr-table td:first-child,.rr-table th:first-child{text-align:left}")
        .append(".rr-legend span{display:inline-block;margin-right:14px;font-size:12px}")
        .append(".rr-legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}")
        .append(".rr-why{font:12px/1.5 ui-monospace,Menlo,Consolas,monospace;background:#f0f4f8;padding:10px;border-radius:6px;")
        .append("white-space:pre-wrap;margin:0}.rr-missing{color:#616e7c}")
        .append(".rr-chips{text-align:left!important}.rr-chips code{display:inline-block;margin:1px 4px 1px 0;padding:1px 5px;")
        .append("background:#f0f4f8;border-radius:3px;font:12px ui-monospace,Menlo,Consolas,monospace}");
    for (String c : css) {
      h.append(c);
    }
    h.append("</style></head><body><main>\n");
    h.append("<h1 class=\"rr-title\">").append(esc(title)).append("</h1>");
    StringBuilder meta = new StringBuilder();
    Instant at = asOf;
    if (at != null) {
      meta.append("as of ").append(at);
    }
    if (!source.isEmpty()) {
      meta.append(meta.length() == 0 ? "" : " · ").append(source);
    }
    if (meta.length() > 0) {
      h.append("<div class=\"rr-meta\">").append(esc(meta.toString())).append("</div>");
    }
    h.append("<ul class=\"rr-toc\">");
    for (String id : bodies.keySet()) {
      h.append("<li><a href=\"#").append(id).append("\">").append(esc(Objects.requireNonNull(SECTIONS.get(id)))).append("</a></li>");
    }
    h.append("</ul>\n");
    glance(h);
    for (Map.Entry<String, String> e : SECTIONS.entrySet()) {
      String body = bodies.get(e.getKey());
      if (body == null) {
        continue;
      }
      h.append("<section class=\"rr-section\" id=\"").append(e.getKey()).append("\"><h2 class=\"rr-h\">")
          .append(esc(e.getValue())).append("</h2>\n").append(body).append("\n</section>\n");
    }
    List<String> missing = new ArrayList<>();
    for (Map.Entry<String, String> e : SECTIONS.entrySet()) {
      if (!bodies.containsKey(e.getKey())) {
        missing.add(e.getValue());
      }
    }
    if (!missing.isEmpty()) {
      h.append("<p class=\"rr-missing\">Not in this run: ").append(esc(String.join(", ", missing))).append(".</p>\n");
    }
    h.append("<p class=\"rr-meta\">Written by mops. Self-contained: no scripts and no network; the charts are inline SVG.</p>\n")
        .append("</main></body></html>\n");
    return h.toString();
  }

  private static void lift(String id, String html, List<String> css, Map<String, String> bodies) {
    EmbeddedPage p = EmbeddedPage.lift(html, id);
    css.add(p.css());
    bodies.put(id, p.body());
  }

  /** The cards at the top: one figure from each section that is present. */
  private void glance(StringBuilder h) {
    h.append("<div class=\"rr-cards\" id=\"glance\">");
    QualityReport q = quality;
    if (q != null) {
      card(h, "Quality score", Double.isNaN(q.overallScore()) ? "n/a" : String.format(Locale.ROOT, "%.1f", Math.floor(q.overallScore() * 10) / 10),
          String.format(Locale.ROOT, "%,d records · contract %s", q.profile().rows(), q.contract().name()));
    }
    DedupeResult d = dedupe;
    if (d != null) {
      card(h, "Duplicates", String.format(Locale.ROOT, "%,d", duplicateRecords()),
          String.format(Locale.ROOT, "%,d records in %,d clusters", d.recordCount(), d.clusters().size()));
    }
    if (!scores.isEmpty()) {
      card(h, threshold.toUpperCase(Locale.ROOT) + "s", String.format(Locale.ROOT, "%,d", overThreshold()),
          String.format(Locale.ROOT, "of %,d scored leads (%s)", scores.size(), pct((double) overThreshold() / scores.size())));
    }
    if (!decisions.isEmpty() || suppressed > 0) {
      long owned = decisions.stream().filter(x -> x.owner() != null).count();
      card(h, "Routed to an owner", String.format(Locale.ROOT, "%,d", owned),
          String.format(Locale.ROOT, "of %,d leads · %,d queued or held · %,d suppressed", decisions.size() + suppressed,
              decisions.size() - owned, suppressed));
    }
    if (!channels.isEmpty()) {
      Map.Entry<String, Long> top = sortedByCount(channels).entrySet().iterator().next();
      long total = channels.values().stream().mapToLong(Long::longValue).sum();
      card(h, "Top channel", top.getKey(), String.format(Locale.ROOT, "%,d of %,d (%s)", top.getValue(), total,
          pct(total == 0 ? Double.NaN : (double) top.getValue() / total)));
    }
    if (!attribution.isEmpty()) {
      AttributionResult first = attribution.get(0);
      ChannelCredit best = null;
      for (ChannelCredit c : first.byChannel()) {
        if (best == null || c.credit() > best.credit()) {
          best = c;
        }
      }
      card(h, "Attributed value", money(first.attributedValue()), best == null ? first.model().name()
          : first.model().name() + ": most to " + best.channel());
    }
    SlaSummary s = sla;
    if (s != null) {
      double adherence = s.adherence(SlaSummary.ALL);
      long decided = s.count(SlaSummary.ALL, SlaState.MET) + s.count(SlaSummary.ALL, SlaState.BREACHED);
      card(h, "SLA adherence", pct(adherence), decided + " decided requests");
      DurationDistribution ttc = s.timeToCampaign(SlaSummary.ALL);
      card(h, "Time-to-campaign p50", ttc.count() == 0 ? "n/a" : hours(ttc.quantileSeconds(0.5)),
          ttc.count() + " campaigns live");
    }
    h.append("</div>\n");
  }

  private static String pipeline(PipelineResult p) {
    StringBuilder h = new StringBuilder(8192);
    h.append("<div class=\"rr-meta\">pipeline ").append(esc(p.name())).append(' ').append(esc(p.version())).append(" · ")
        .append(esc(p.contentHash().length() > 19 ? p.contentHash().substring(0, 19) : p.contentHash())).append(" · as of ")
        .append(esc(p.asOf().toString())).append("</div>");
    h.append("<div class=\"rr-cards\" id=\"pipeline-cards\">");
    card(h, "Leads read", String.format(Locale.ROOT, "%,d", p.read()), "into the first stage");
    card(h, "Passed every stage", String.format(Locale.ROOT, "%,d", p.passed()), "");
    card(h, "Dead letters", String.format(Locale.ROOT, "%,d", p.deadLettered()), "with the stage, the code and the record");
    card(h, "Merged duplicates", String.format(Locale.ROOT, "%,d", p.merged()), "");
    card(h, "Reconciles", p.reconciles() ? "yes" : "NO", p.reconciles() ? "read = passed + dead letters + merged"
        : String.join("; ", p.problems()));
    h.append("</div><div class=\"rr-panel\"><h3>Records into and out of each stage</h3>")
        .append("<table class=\"rr-table\" id=\"pipeline-stages\"><thead><tr><th>Stage</th><th>In</th><th>Out</th>")
        .append("<th>Dead letters</th><th>Merged</th><th></th></tr></thead><tbody>");
    long max = 1;
    for (StageCounts c : p.stages()) {
      max = Math.max(max, c.in());
    }
    for (StageCounts c : p.stages()) {
      h.append("<tr").append(c.enabled() ? "" : " class=\"rr-missing\"").append("><td>").append(esc(c.stage().label()))
          .append(c.enabled() ? "" : " (not configured)").append("</td><td>").append(String.format(Locale.ROOT, "%,d", c.in()))
          .append("</td><td>").append(String.format(Locale.ROOT, "%,d", c.out())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%,d", c.deadLettered())).append("</td><td>")
          .append(String.format(Locale.ROOT, "%,d", c.merged())).append("</td><td>");
      int w = 200;
      int out = (int) Math.round((double) w * c.out() / max);
      int dead = (int) Math.round((double) w * c.deadLettered() / max);
      int merged = (int) Math.round((double) w * c.merged() / max);
      h.append("<svg width=\"").append(w + 2).append("\" height=\"12\" role=\"img\" aria-label=\"").append(esc(c.describe()))
          .append("\"><rect x=\"0\" y=\"1\" width=\"").append(out).append("\" height=\"10\" fill=\"#2f855a\"/><rect x=\"").append(out)
          .append("\" y=\"1\" width=\"").append(dead).append("\" height=\"10\" fill=\"#c53030\"/><rect x=\"").append(out + dead)
          .append("\" y=\"1\" width=\"").append(merged).append("\" height=\"10\" fill=\"#6b46c1\"/></svg></td></tr>");
    }
    h.append("</tbody></table><div class=\"rr-legend\"><span><i style=\"background:#2f855a\"></i>went on</span>")
        .append("<span><i style=\"background:#c53030\"></i>dead letters</span><span><i style=\"background:#6b46c1\"></i>merged</span></div></div>");
    if (!p.breakdowns().isEmpty()) {
      h.append("<div class=\"rr-panel\"><h3>What the stages measured</h3><table class=\"rr-table\" id=\"pipeline-measures\">")
          .append("<thead><tr><th>Measure</th><th>Records by value</th></tr></thead><tbody>");
      for (Map.Entry<String, Map<String, Long>> m : p.breakdowns().entrySet()) {
        h.append("<tr><td>").append(esc(m.getKey())).append("</td><td class=\"rr-chips\">");
        for (Map.Entry<String, Long> e : sortedByCount(m.getValue()).entrySet()) {
          h.append("<code>").append(esc(e.getKey())).append(" &times;").append(String.format(Locale.ROOT, "%,d", e.getValue()))
              .append("</code> ");
        }
        h.append("</td></tr>");
      }
      h.append("</tbody></table></div>");
    }
    return h.toString();
  }

  private String duplicates(DedupeResult d) {
    StringBuilder h = new StringBuilder(8192);
    if (!dedupeSource.isEmpty()) {
      h.append("<div class=\"rr-meta\">").append(esc(dedupeSource)).append("</div>");
    }
    long review = 0;
    long matched = 0;
    for (ScoredPair p : d.pairs()) {
      if (p.decision() == MatchDecision.REVIEW) {
        review++;
      } else if (p.decision() == MatchDecision.MATCH) {
        matched++;
      }
    }
    h.append("<div class=\"rr-cards\" id=\"duplicates-cards\">");
    card(h, "Records", String.format(Locale.ROOT, "%,d", d.recordCount()), "in");
    card(h, "Clusters", String.format(Locale.ROOT, "%,d", d.clusters().size()), "one per person");
    card(h, "Duplicate records", String.format(Locale.ROOT, "%,d", duplicateRecords()), matched + " matched pairs");
    card(h, "Pairs for review", String.format(Locale.ROOT, "%,d", review), "between the two thresholds");
    PairwiseScore t = dedupeTruth;
    if (t != null) {
      card(h, "Against known truth", String.format(Locale.ROOT, "F1 %.3f", t.f1()),
          String.format(Locale.ROOT, "precision %.3f · recall %.3f", t.precision(), t.recall()));
    }
    h.append("</div>");
    Map<Integer, Long> bySize = new TreeMap<>();
    for (EntityCluster c : d.clusters()) {
      if (c.size() > 1) {
        bySize.merge(c.size(), 1L, Long::sum);
      }
    }
    List<Map.Entry<String, Long>> sizes = new ArrayList<>();
    bySize.forEach((k, v) -> sizes.add(Map.entry(k + " records", v)));
    h.append("<div class=\"rr-panel\"><h3>Clusters with duplicates, by size</h3>");
    if (sizes.isEmpty()) {
      h.append("<p>No duplicates: every record is its own cluster.</p>");
    } else {
      bars(h, "duplicates-sizes", "Clusters by number of records", sizes, "#6b46c1", "clusters");
    }
    h.append("</div>");
    for (ScoredPair p : d.pairs()) {
      if (p.decision() == MatchDecision.MATCH) {
        h.append("<div class=\"rr-panel\"><h3>Why ").append(esc(p.a().id())).append(" and ").append(esc(p.b().id()))
            .append(" are one person</h3><pre class=\"rr-why\" id=\"duplicates-why\">")
            .append(esc(d.explain(p.a(), p.b()).toText().strip())).append("</pre></div>");
        break;
      }
    }
    return h.toString();
  }

  private String scores() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (LeadScore s : scores) {
      double v = s.score(scoreName);
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int bins = 10;
    double lo = Math.floor(min / 10) * 10;
    double hi = Math.max(lo + bins, Math.ceil((max + 1e-9) / 10) * 10);
    double width = (hi - lo) / bins;
    long[] over = new long[bins];
    long[] under = new long[bins];
    Map<String, Long> grades = new TreeMap<>();
    for (LeadScore s : scores) {
      int b = (int) Math.min(bins - 1, Math.max(0, Math.floor((s.score(scoreName) - lo) / width)));
      if (s.threshold(threshold)) {
        over[b]++;
      } else {
        under[b]++;
      }
      grades.merge(s.grade(), 1L, Long::sum);
    }
    LeadScore first = scores.get(0);
    StringBuilder h = new StringBuilder(8192);
    h.append("<div class=\"rr-meta\">model ").append(esc(first.model().name())).append(' ').append(esc(first.modelVersion()))
        .append(" · ").append(esc(first.modelHash().length() > 19 ? first.modelHash().substring(0, 19) : first.modelHash()))
        .append(" · score <code>").append(esc(scoreName)).append("</code> · threshold <code>").append(esc(threshold))
        .append("</code></div>");
    long mqls = overThreshold();
    h.append("<div class=\"rr-cards\" id=\"scores-cards\">");
    card(h, "Scored leads", String.format(Locale.ROOT, "%,d", scores.size()), "");
    card(h, threshold.toUpperCase(Locale.ROOT) + "s", String.format(Locale.ROOT, "%,d", mqls), pct((double) mqls / scores.size()) + " of scored");
    double[] sorted = scores.stream().mapToDouble(s -> s.score(scoreName)).sorted().toArray();
    card(h, "Median " + scoreName, String.format(Locale.ROOT, "%.0f", sorted[sorted.length / 2]),
        String.format(Locale.ROOT, "range %.0f to %.0f", sorted[0], sorted[sorted.length - 1]));
    h.append("</div><div class=\"rr-panel\"><h3>Leads by ").append(esc(scoreName)).append(" score</h3>");
    histogram(h, lo, width, over, under);
    h.append("</div><div class=\"rr-panel\"><h3>Leads by grade</h3>");
    bars(h, "scores-grades", "Leads by grade", new ArrayList<>(grades.entrySet()), "#2b6cb0", "leads");
    h.append("</div>");
    return h.toString();
  }

  private void histogram(StringBuilder h, double lo, double width, long[] over, long[] under) {
    int bins = over.length;
    long max = 1;
    for (int i = 0; i < bins; i++) {
      max = Math.max(max, over[i] + under[i]);
    }
    int w = 760;
    int ht = 240;
    int left = 40;
    int bottom = 40;
    int plot = ht - bottom - 14;
    int bw = (w - left - 10) / bins;
    h.append("<div class=\"rr-legend\"><span><i style=\"background:#2f855a\"></i>").append(esc(threshold.toUpperCase(Locale.ROOT)))
        .append("</span><span><i style=\"background:#bcccdc\"></i>below ").append(esc(threshold.toUpperCase(Locale.ROOT)))
        .append("</span></div>");
    h.append("<svg id=\"scores-histogram\" role=\"img\" aria-label=\"Histogram of ").append(esc(scoreName))
        .append(" scores\" width=\"").append(w).append("\" height=\"").append(ht).append("\" viewBox=\"0 0 ").append(w).append(' ')
        .append(ht).append("\">");
    h.append("<line x1=\"").append(left).append("\" y1=\"").append(ht - bottom).append("\" x2=\"").append(w - 10).append("\" y2=\"")
        .append(ht - bottom).append("\" stroke=\"#9aa5b1\"/>");
    h.append("<text class=\"rr-muted\" x=\"4\" y=\"").append(14 + 10).append("\">").append(max).append("</text>");
    for (int i = 0; i < bins; i++) {
      int x = left + i * bw + 3;
      long total = over[i] + under[i];
      int hu = (int) Math.round((double) plot * under[i] / max);
      int ho = (int) Math.round((double) plot * over[i] / max);
      int y = ht - bottom;
      String range = String.format(Locale.ROOT, "%.0f–%.0f", lo + i * width, lo + (i + 1) * width);
      if (under[i] > 0) {
        y -= hu;
        h.append("<rect class=\"rr-bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(bw - 6)
            .append("\" height=\"").append(Math.max(hu, 1)).append("\" fill=\"#bcccdc\"><title>").append(esc(range)).append(": ")
            .append(under[i]).append(" below ").append(esc(threshold)).append("</title></rect>");
      }
      if (over[i] > 0) {
        y -= ho;
        h.append("<rect class=\"rr-bar\" x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(bw - 6)
            .append("\" height=\"").append(Math.max(ho, 1)).append("\" fill=\"#2f855a\"><title>").append(esc(range)).append(": ")
            .append(over[i]).append(' ').append(esc(threshold)).append("</title></rect>");
      }
      if (total > 0) {
        h.append("<text x=\"").append(x + (bw - 6) / 2).append("\" y=\"").append(y - 4).append("\" text-anchor=\"middle\">")
            .append(total).append("</text>");
      }
      h.append("<text class=\"rr-muted\" x=\"").append(x + (bw - 6) / 2).append("\" y=\"").append(ht - bottom + 16)
          .append("\" text-anchor=\"middle\">").append(esc(range)).append("</text>");
    }
    h.append("</svg>");
  }

  private String routing() {
    StringBuilder h = new StringBuilder(8192);
    Map<String, Long> byRule = new TreeMap<>();
    Map<String, Long> byOutcome = new TreeMap<>();
    for (RoutingDecision d : decisions) {
      byRule.merge(d.rule(), 1L, Long::sum);
      byOutcome.merge(d.outcome().label(), 1L, Long::sum);
    }
    if (suppressed > 0) {
      byOutcome.put("suppressed", suppressed);
    }
    h.append("<div class=\"rr-cards\" id=\"routing-cards\">");
    for (Map.Entry<String, Long> e : sortedByCount(byOutcome).entrySet()) {
      card(h, e.getKey(), String.format(Locale.ROOT, "%,d", e.getValue()), "leads");
    }
    h.append("</div><div class=\"rr-panel\"><h3>Leads by owner, queue or hold</h3>");
    bars(h, "routing-owners", "Leads by owner", top(leadsByOwner()), "#2b6cb0", "leads");
    h.append("</div><div class=\"rr-panel\"><h3>Leads by routing rule</h3>");
    bars(h, "routing-rules", "Leads by rule", top(sortedByCount(byRule)), "#0987a0", "leads");
    h.append("</div>");
    return h.toString();
  }

  private String channels() {
    StringBuilder h = new StringBuilder(4096);
    if (!grouping.isEmpty()) {
      h.append("<div class=\"rr-meta\">classified by ").append(esc(grouping)).append("</div>");
    }
    h.append("<div class=\"rr-panel\"><h3>Leads by channel</h3>");
    bars(h, "channels-bars", "Leads by channel", top(sortedByCount(channels)), "#dd6b20", "leads");
    h.append("</div>");
    return h.toString();
  }

  /** The largest {@link #MAX_BARS} entries, the rest added up in one. */
  private static List<Map.Entry<String, Long>> top(Map<String, Long> sorted) {
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    long rest = 0;
    for (Map.Entry<String, Long> e : sorted.entrySet()) {
      if (rows.size() < MAX_BARS) {
        rows.add(e);
      } else {
        rest += e.getValue();
      }
    }
    if (rest > 0) {
      rows.add(Map.entry(OTHERS, rest));
    }
    return rows;
  }

  /** A horizontal bar chart: one row per entry, the label, the bar and the count with its share. */
  private static void bars(StringBuilder h, String id, String label, List<Map.Entry<String, Long>> rows, String color, String unit) {
    long max = 1;
    long total = 0;
    for (Map.Entry<String, Long> e : rows) {
      max = Math.max(max, e.getValue());
      total += e.getValue();
    }
    int rowH = 26;
    int labelW = 220;
    int barW = 480;
    int w = labelW + barW + 150;
    int ht = rowH * rows.size() + 8;
    h.append("<svg id=\"").append(id).append("\" role=\"img\" aria-label=\"").append(esc(label)).append("\" width=\"").append(w)
        .append("\" height=\"").append(ht).append("\" viewBox=\"0 0 ").append(w).append(' ').append(ht).append("\">");
    int y = 4;
    for (Map.Entry<String, Long> e : rows) {
      int bw = (int) Math.round((double) barW * e.getValue() / max);
      String name = e.getKey().length() > 32 ? e.getKey().substring(0, 31) + "…" : e.getKey();
      h.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\">").append(esc(name))
          .append("</text><rect class=\"rr-bar\" x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"")
          .append(Math.max(bw, 1)).append("\" height=\"").append(rowH - 8).append("\" rx=\"3\" fill=\"").append(color)
          .append("\"><title>").append(esc(e.getKey())).append(": ").append(e.getValue()).append(' ').append(unit)
          .append("</title></rect><text class=\"rr-count\" x=\"").append(labelW + Math.max(bw, 1) + 6).append("\" y=\"").append(y + 17)
          .append("\">").append(String.format(Locale.ROOT, "%,d", e.getValue())).append("</text><text class=\"rr-muted\" x=\"")
          .append(labelW + Math.max(bw, 1) + 60).append("\" y=\"").append(y + 17).append("\">")
          .append(pct(total == 0 ? Double.NaN : (double) e.getValue() / total)).append("</text>");
      y += rowH;
    }
    h.append("</svg>");
  }

  private static String ownerLabel(RoutingDecision d) {
    String owner = d.owner();
    return owner != null ? owner : d.outcome().label() + ": " + d.destination();
  }

  private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
    List<Map.Entry<String, Long>> list = new ArrayList<>(counts.entrySet());
    list.sort((a, b) -> {
      int c = Long.compare(b.getValue(), a.getValue());
      return c != 0 ? c : a.getKey().compareTo(b.getKey());
    });
    Map<String, Long> m = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : list) {
      m.put(e.getKey(), e.getValue());
    }
    return m;
  }

  private static void card(StringBuilder h, String label, String value, String sub) {
    h.append("<div class=\"rr-card\"><div class=\"rr-label\">").append(esc(label)).append("</div><div class=\"rr-value\">")
        .append(esc(value)).append("</div><div class=\"rr-sub\">").append(esc(sub)).append("</div></div>");
  }

  private static String pct(double share) {
    return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String hours(double seconds) {
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String esc(String s) {
    return HtmlText.escape(s);
  }
}
