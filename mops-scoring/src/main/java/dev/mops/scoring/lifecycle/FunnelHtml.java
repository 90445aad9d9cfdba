package dev.mops.scoring.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link FunnelReport} as one self-contained HTML page with inline SVG charts.
 *
 * <p>Thread safety: stateless.
 */
final class FunnelHtml {

  private FunnelHtml() {}

  static String esc(String s) {
    return dev.mops.core.io.HtmlText.escape(s);
  }

  private static String pct(@Nullable Double d) {
    return d == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * d);
  }

  private static String days(@Nullable Duration d) {
    if (d == null) {
      return "–";
    }
    double x = d.toSeconds() / 86_400.0;
    return x < 1 ? String.format(Locale.ROOT, "%.1f h", d.toSeconds() / 3600.0) : String.format(Locale.ROOT, "%.1f d", x);
  }

  static String render(FunnelReport r) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Lifecycle funnel</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}")
        .append("main{max-width:1100px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}")
        .append("h2{font-size:18px;margin:28px 0 10px}.meta{color:#52606d;font-size:13px}")
        .append("svg{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("svg text{font:12px system-ui,sans-serif;fill:#1f2933}svg .muted{fill:#616e7c}")
        .append("table{border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("th,td{text-align:right;padding:6px 10px;border-bottom:1px solid #e4e7eb}th:first-child,td:first-child{text-align:left}")
        .append("th{background:#f0f4f8;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#52606d}")
        .append("td small{display:block;color:#616e7c}")
        .append("</style></head><body><main>\n<h1>Lifecycle funnel</h1>\n");
    h.append("<div class=\"meta\">model version ").append(esc(r.modelVersion())).append(" &middot; ")
        .append(esc(r.modelHash().length() > 19 ? r.modelHash().substring(0, 19) : r.modelHash()))
        .append(" &middot; as of ").append(esc(r.asOf().toString())).append(" &middot; ")
        .append(r.leads()).append(" leads</div>\n");
    funnel(h, r);
    timeInStage(h, r);
    velocity(h, r);
    cohorts(h, r);
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static void funnel(StringBuilder h, FunnelReport r) {
    List<FunnelReport.StageRow> rows = r.stages();
    long max = 1;
    for (FunnelReport.StageRow s : rows) {
      max = Math.max(max, s.reached());
    }
    int rowH = 30;
    int width = 900;
    int labelW = 140;
    int barW = 520;
    h.append("<h2>Stages reached</h2>\n<svg role=\"img\" aria-label=\"Funnel: leads reaching each stage\" width=\"")
        .append(width).append("\" height=\"").append(rowH * rows.size() + 20).append("\" viewBox=\"0 0 ")
        .append(width).append(' ').append(rowH * rows.size() + 20).append("\">\n");
    int y = 10;
    for (FunnelReport.StageRow s : rows) {
      int w = (int) Math.round((double) barW * s.reached() / max);
      int x = labelW + (s.inFunnel() ? (barW - w) / 2 : 0);
      String color = s.inFunnel() ? "#3b82f6" : "#9aa5b1";
      h.append("<text x=\"8\" y=\"").append(y + 18).append("\">").append(esc(s.stage())).append("</text>")
          .append("<rect x=\"").append(x).append("\" y=\"").append(y + 3).append("\" width=\"").append(Math.max(w, 1))
          .append("\" height=\"").append(rowH - 8).append("\" rx=\"3\" fill=\"").append(color).append("\"><title>")
          .append(esc(s.stage())).append(": ").append(s.reached()).append(" leads</title></rect>")
          .append("<text x=\"").append(labelW + barW + 12).append("\" y=\"").append(y + 18).append("\">")
          .append(s.reached());
      if (s.fromPrevious() != null) {
        h.append(" <tspan class=\"muted\">(").append(pct(s.fromPrevious())).append(" of previous, ")
            .append(pct(s.fromTop())).append(" of top)</tspan>");
      } else if (!s.inFunnel()) {
        h.append(" <tspan class=\"muted\">(out of the funnel)</tspan>");
      }
      h.append("</text>\n");
      y += rowH;
    }
    h.append("</svg>\n");
  }

  private static void timeInStage(StringBuilder h, FunnelReport r) {
    List<FunnelReport.StageRow> rows = r.stages();
    double max = 1;
    for (FunnelReport.StageRow s : rows) {
      if (s.p90Time() != null) {
        max = Math.max(max, s.p90Time().toSeconds() / 86_400.0);
      }
    }
    int rowH = 26;
    int labelW = 140;
    int barW = 600;
    int height = rowH * rows.size() + 40;
    h.append("<h2>Time in stage</h2>\n<p class=\"meta\">Bars are the median; the whisker reaches the 90th percentile. ")
        .append("The current stage counts until the as-of time.</p>\n")
        .append("<svg role=\"img\" aria-label=\"Median and p90 days in each stage\" width=\"900\" height=\"")
        .append(height).append("\" viewBox=\"0 0 900 ").append(height).append("\">\n");
    int y = 10;
    for (FunnelReport.StageRow s : rows) {
      h.append("<text x=\"8\" y=\"").append(y + 16).append("\">").append(esc(s.stage())).append("</text>");
      if (s.medianTime() != null && s.p90Time() != null) {
        double med = s.medianTime().toSeconds() / 86_400.0;
        double p90 = s.p90Time().toSeconds() / 86_400.0;
        int mw = (int) Math.round(barW * med / max);
        int pw = (int) Math.round(barW * p90 / max);
        h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 4).append("\" width=\"").append(Math.max(mw, 1))
            .append("\" height=\"16\" rx=\"3\" fill=\"#10b981\"><title>median ").append(days(s.medianTime()))
            .append("</title></rect>")
            .append("<line x1=\"").append(labelW + mw).append("\" y1=\"").append(y + 12).append("\" x2=\"")
            .append(labelW + pw).append("\" y2=\"").append(y + 12).append("\" stroke=\"#047857\" stroke-width=\"2\"/>")
            .append("<line x1=\"").append(labelW + pw).append("\" y1=\"").append(y + 6).append("\" x2=\"")
            .append(labelW + pw).append("\" y2=\"").append(y + 18).append("\" stroke=\"#047857\" stroke-width=\"2\"/>")
            .append("<text x=\"").append(labelW + pw + 8).append("\" y=\"").append(y + 16).append("\">")
            .append(days(s.medianTime())).append(" <tspan class=\"muted\">p90 ").append(days(s.p90Time()))
            .append(", ").append(s.entered()).append(" leads</tspan></text>");
      } else {
        h.append("<text class=\"muted\" x=\"").append(labelW).append("\" y=\"").append(y + 16).append("\">no lead entered</text>");
      }
      h.append('\n');
      y += rowH;
    }
    h.append("<text class=\"muted\" x=\"").append(labelW).append("\" y=\"").append(y + 18).append("\">0 d</text>")
        .append("<text class=\"muted\" x=\"").append(labelW + barW - 30).append("\" y=\"").append(y + 18).append("\">")
        .append(String.format(Locale.ROOT, "%.0f d", max)).append("</text>\n</svg>\n");
  }

  private static void velocity(StringBuilder h, FunnelReport r) {
    h.append("<h2>Velocity between stages</h2>\n<table><tr><th>from → to</th><th>leads</th><th>median</th><th>p90</th></tr>\n");
    for (FunnelReport.VelocityRow v : r.velocity()) {
      h.append("<tr><td>").append(esc(v.from())).append(" → ").append(esc(v.to())).append("</td><td>")
          .append(v.leads()).append("</td><td>").append(days(v.median())).append("</td><td>").append(days(v.p90()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void cohorts(StringBuilder h, FunnelReport r) {
    h.append("<h2>Cohorts by month</h2>\n<p class=\"meta\">Each cell: the share of the month's leads that reached ")
        .append("the stage, and below it the median time from the start of their history to first entering it. ")
        .append("Darker is a higher share.</p>\n<table><tr><th>month</th><th>leads</th>");
    for (String s : r.funnelStages()) {
      h.append("<th>").append(esc(s)).append("</th>");
    }
    h.append("</tr>\n");
    for (FunnelReport.CohortRow c : r.cohorts()) {
      h.append("<tr><td>").append(c.month()).append("</td><td>").append(c.leads()).append("</td>");
      for (int i = 0; i < r.funnelStages().size(); i++) {
        double share = c.leads() == 0 ? 0 : (double) c.reached().get(i) / c.leads();
        h.append(String.format(Locale.ROOT, "<td style=\"background:rgba(59,130,246,%.2f)\">", 0.08 + 0.6 * share))
            .append(pct(share)).append("<small>").append(days(c.medianTimeTo().get(i))).append("</small></td>");
      }
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }
}
