package dev.mops.metrics.report;

import dev.mops.metrics.DurationDistribution;
import dev.mops.metrics.ops.IncidentTimeline;
import dev.mops.metrics.sla.SlaState;
import dev.mops.metrics.sla.SlaSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An operations report: one self-contained HTML page (inline CSS and SVG charts, no scripts, no
 * network) that a marketing-ops lead reads at a glance: SLA adherence by class over the months,
 * time-to-campaign percentiles by class, backlog aging by class, and automation uptime with MTTR
 * and MTBF.
 *
 * <pre>{@code
 * String html = OpsReport.builder(summary).title("Marketing ops, June").uptime(sync.over(from, asOf)).build().toHtml();
 * }</pre>
 *
 * <p>Thread safety: immutable once built; the summary it was built from must not change
 * afterwards.
 */
public final class OpsReport {

  private static final String[] COLORS = {"#2b6cb0", "#dd6b20", "#2f855a", "#6b46c1", "#c53030", "#0987a0", "#975a16"};

  private final SlaSummary summary;
  private final String title;
  private final IncidentTimeline.@Nullable Availability uptime;
  private final String source;

  private OpsReport(Builder b) {
    this.summary = b.summary;
    this.title = b.title;
    this.uptime = b.uptime;
    this.source = b.source;
  }

  /** Returns a builder of a report on {@code summary}. */
  public static Builder builder(SlaSummary summary) {
    return new Builder(summary);
  }

  /**
   * A builder of {@link OpsReport}s.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private final SlaSummary summary;
    private String title = "Marketing operations report";
    private IncidentTimeline.@Nullable Availability uptime;
    private String source = "";

    private Builder(SlaSummary summary) {
      this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** Sets the page's title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Adds the automations' availability over the report's period. */
    public Builder uptime(IncidentTimeline.Availability availability) {
      this.uptime = Objects.requireNonNull(availability, "availability");
      return this;
    }

    /** Sets a line saying where the figures come from (the policy's name, version and hash, the files). */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Builds the report. */
    public OpsReport build() {
      return new OpsReport(this);
    }
  }

  /** Returns the report as one HTML page. */
  public String toHtml() {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}")
        .append("main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}")
        .append("h2{font-size:18px;margin:28px 0 10px}.meta{color:#52606d;font-size:13px}")
        .append(".cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}")
        .append(".card{background:#fff;border-radius:8px;padding:14px 16px;min-width:150px;flex:1 1 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append(".card .label{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#616e7c}")
        .append(".card .value{font-size:28px;font-weight:700;margin:4px 0}.card .sub{font-size:12px;color:#616e7c}")
        .append("section{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("svg text{font:12px system-ui,sans-serif;fill:#1f2933}.legend span{display:inline-block;margin-right:14px;font-size:12px}")
        .append(".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}")
        .append("</style></head><body><main>");
    h.append("<h1>").append(esc(title)).append("</h1><div class=\"meta\">As of ")
        .append(esc(summary.asOf().toString())).append(source.isEmpty() ? "" : " · " + esc(source)).append("</div>");
    cards(h);
    List<String> classes = new ArrayList<>();
    for (String c : summary.classes()) {
      if (!c.equals(SlaSummary.ALL)) {
        classes.add(c);
      }
    }
    h.append("<h2>SLA adherence by class and month</h2><section id=\"adherence\">");
    adherenceChart(h, classes);
    h.append("</section><h2>Time-to-campaign by class (accepted to first live, hours)</h2><section id=\"ttc\">");
    ttcChart(h, classes);
    h.append("</section><h2>Backlog aging (share of open requests older than 14 days)</h2><section id=\"backlog\">");
    backlogChart(h, classes);
    h.append("</section></main></body></html>\n");
    return h.toString();
  }

  private void cards(StringBuilder h) {
    h.append("<div class=\"cards\" id=\"cards\">");
    double adherence = summary.adherence(SlaSummary.ALL);
    long decided = summary.count(SlaSummary.ALL, SlaState.MET) + summary.count(SlaSummary.ALL, SlaState.BREACHED);
    card(h, "SLA adherence", Double.isNaN(adherence) ? "n/a" : pct(adherence), decided + " decided requests");
    DurationDistribution ttc = summary.timeToCampaign(SlaSummary.ALL);
    card(h, "Time-to-campaign p50", ttc.count() == 0 ? "n/a" : hours(ttc.quantileSeconds(0.5)),
        ttc.count() == 0 ? "no campaigns live" : "p90 " + hours(ttc.quantileSeconds(0.9)) + " · " + ttc.count() + " campaigns");
    double aged = summary.backlogAging(SlaSummary.ALL);
    card(h, "Backlog aging", Double.isNaN(aged) ? "n/a" : pct(aged), summary.open(SlaSummary.ALL) + " open requests");
    long atRisk = summary.count(SlaSummary.ALL, SlaState.AT_RISK);
    card(h, "At risk now", Long.toString(atRisk), summary.count(SlaSummary.ALL, SlaState.RUNNING) + " running · "
        + summary.count(SlaSummary.ALL, SlaState.PAUSED) + " paused");
    if (uptime != null) {
      Duration mttr = uptime.mttr();
      Duration mtbf = uptime.mtbf();
      card(h, "Automation uptime", String.format(Locale.ROOT, "%.2f%%", uptime.uptime() * 100),
          uptime.outages() + " outages · MTTR " + (mttr == null ? "n/a" : hours((double) mttr.toSeconds()))
              + " · MTBF " + (mtbf == null ? "n/a" : hours((double) mtbf.toSeconds())));
    }
    h.append("</div>");
  }

  private static void card(StringBuilder h, String label, String value, String sub) {
    h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
        .append(esc(value)).append("</div><div class=\"sub\">").append(esc(sub)).append("</div></div>");
  }

  private void adherenceChart(StringBuilder h, List<String> classes) {
    TreeSet<String> months = new TreeSet<>();
    for (String c : classes) {
      months.addAll(summary.adherenceByMonth(c).keySet());
    }
    if (months.isEmpty()) {
      h.append("<p class=\"meta\">No request has met or breached its SLA yet.</p>");
      return;
    }
    int groupWidth = Math.max(60, 24 * classes.size() + 20);
    int width = 60 + groupWidth * months.size();
    int height = 220;
    int top = 10;
    int bottom = 180;
    h.append("<svg role=\"img\" aria-label=\"SLA adherence by class and month\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
    for (int p = 0; p <= 100; p += 25) {
      double y = bottom - (bottom - top) * p / 100.0;
      h.append(String.format(Locale.ROOT, "<line x1=\"50\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e4e7eb\"/>", width, y, y));
      h.append(String.format(Locale.ROOT, "<text x=\"44\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>", y + 4, p));
    }
    int m = 0;
    for (String month : months) {
      double x0 = 60 + groupWidth * m;
      for (int c = 0; c < classes.size(); c++) {
        Double rate = summary.adherenceByMonth(classes.get(c)).get(month);
        if (rate == null) {
          continue;
        }
        double barH = (bottom - top) * rate;
        h.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"20\" height=\"%.1f\" fill=\"%s\"><title>%s %s: %s</title></rect>",
            x0 + 24 * c, bottom - barH, barH, COLORS[c % COLORS.length], esc(classes.get(c)), month, pct(rate)));
      }
      h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", x0, bottom + 18, month));
      m++;
    }
    h.append("</svg>");
    legend(h, classes);
  }

  private void ttcChart(StringBuilder h, List<String> classes) {
    double max = 0;
    for (String c : classes) {
      DurationDistribution d = summary.timeToCampaign(c);
      if (d.count() > 0) {
        max = Math.max(max, d.quantileSeconds(0.95));
      }
    }
    if (max <= 0) {
      h.append("<p class=\"meta\">No campaign has gone live yet.</p>");
      return;
    }
    int rowH = 34;
    int width = 760;
    int height = 20 + rowH * classes.size();
    h.append("<svg role=\"img\" aria-label=\"Time-to-campaign percentiles by class\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
    double scale = 520 / max;
    int row = 0;
    for (String c : classes) {
      DurationDistribution d = summary.timeToCampaign(c);
      double y = 10 + rowH * row;
      h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\">%s</text>", y + 16, esc(c)));
      if (d.count() == 0) {
        h.append(String.format(Locale.ROOT, "<text x=\"120\" y=\"%.1f\" fill=\"#9aa5b1\">none live</text>", y + 16));
      } else {
        double p50 = d.quantileSeconds(0.5);
        double p90 = d.quantileSeconds(0.9);
        double p95 = d.quantileSeconds(0.95);
        h.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"#bee3f8\"><title>p95 %s</title></rect>",
            y + 2, Math.max(1, p95 * scale), hours(p95)));
        h.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"#63b3ed\"><title>p90 %s</title></rect>",
            y + 2, Math.max(1, p90 * scale), hours(p90)));
        h.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%.1f\" width=\"%.1f\" height=\"20\" fill=\"#2b6cb0\"><title>p50 %s</title></rect>",
            y + 2, Math.max(1, p50 * scale), hours(p50)));
        h.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">p50 %s · p90 %s · n=%d</text>",
            126 + p95 * scale, y + 16, hours(p50), hours(p90), d.count()));
      }
      row++;
    }
    h.append("</svg>");
  }

  private void backlogChart(StringBuilder h, List<String> classes) {
    int rowH = 30;
    int width = 760;
    int height = 20 + rowH * Math.max(1, classes.size());
    h.append("<svg role=\"img\" aria-label=\"Backlog aging by class\" width=\"").append(width)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">");
    int row = 0;
    for (String c : classes) {
      double y = 10 + rowH * row;
      double share = summary.backlogAging(c);
      h.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%.1f\">%s</text>", y + 15, esc(c)));
      h.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%.1f\" width=\"400\" height=\"18\" fill=\"#e4e7eb\"/>", y + 2));
      if (!Double.isNaN(share)) {
        h.append(String.format(Locale.ROOT, "<rect x=\"120\" y=\"%.1f\" width=\"%.1f\" height=\"18\" fill=\"%s\"/>",
            y + 2, 400 * share, share > 0.25 ? "#f56565" : share > 0.1 ? "#ecc94b" : "#48bb78"));
      }
      h.append(String.format(Locale.ROOT, "<text x=\"530\" y=\"%.1f\">%s of %d open</text>", y + 15,
          Double.isNaN(share) ? "none" : pct(share), summary.open(c)));
      row++;
    }
    h.append("</svg>");
  }

  private static void legend(StringBuilder h, List<String> classes) {
    h.append("<div class=\"legend\">");
    for (int c = 0; c < classes.size(); c++) {
      h.append("<span><i style=\"background:").append(COLORS[c % COLORS.length]).append("\"></i>")
          .append(esc(classes.get(c))).append("</span>");
    }
    h.append("</div>");
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String hours(double seconds) {
    double h = seconds / 3600.0;
    return h >= 48 ? String.format(Locale.ROOT, "%.1f d", h / 24) : String.format(Locale.ROOT, "%.1f h", h);
  }

  static String esc(String s) {
    return dev.mops.core.io.HtmlText.escape(s);
  }

}
