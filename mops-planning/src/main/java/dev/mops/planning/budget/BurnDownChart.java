package dev.mops.planning.budget;

import dev.mops.core.io.HtmlText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The budget burn-down page: a self-contained HTML page (inline SVG, no scripts, no external
 * resources) with one chart per budget line: the budget remaining over the period against the
 * ideal straight line, the forecast to period end, and the line's status and alerts.
 *
 * <p>Thread safety: stateless.
 */
public final class BurnDownChart {

  private static final int W = 560;
  private static final int H = 220;
  private static final int PAD = 40;

  private BurnDownChart() {}

  /** Returns the page for {@code report}, titled {@code title}. */
  public static String html(BudgetReport report, String title) {
    StringBuilder sb = new StringBuilder(8192);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(HtmlText.escape(title))
        .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:1.5em}section{margin-bottom:2em}")
        .append("svg{border:1px solid #ddd;background:#fff}.s{font-weight:600}.overspent,.overrun_risk{color:#c5221f}")
        .append(".underspend{color:#1a73e8}.on_track{color:#188038}text{font-size:11px;fill:#555}</style></head><body>\n<h1>")
        .append(HtmlText.escape(title)).append("</h1>\n<p>As of ").append(report.asOf())
        .append(". Solid: budget remaining; grey: the ideal straight burn; dashed: the forecast to period end.</p>\n");
    for (BudgetLine l : report.lines()) {
      chart(sb, l, report.asOf());
    }
    return sb.append("</body></html>\n").toString();
  }

  private static void chart(StringBuilder sb, BudgetLine l, LocalDate asOf) {
    double budget = l.budget().doubleValue();
    double top = Math.max(budget, 1);
    double bottom = Math.min(0, budget - Math.max(l.forecast().doubleValue(), l.spent().doubleValue()));
    long days = Math.max(1, l.periodDays());
    sb.append("<section><h2>").append(HtmlText.escape(l.program())).append(" <small>").append(l.periodStart())
        .append(" to ").append(l.periodEnd()).append("</small></h2>\n<p class=\"s ").append(l.status()).append("\">")
        .append(l.status().replace('_', ' ')).append("</p><p>")
        .append(String.format(Locale.ROOT, "budget %s, spent %s, forecast %s (linear %s, run rate %s)",
            l.budget().toPlainString(), l.spent().toPlainString(), l.forecast().toPlainString(),
            l.forecastLinear().toPlainString(), l.forecastRunRate().toPlainString()))
        .append("</p>\n<svg width=\"").append(W).append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W)
        .append(' ').append(H).append("\" role=\"img\" aria-label=\"burn-down of ").append(HtmlText.escape(l.program()))
        .append("\">\n");
    // axes and zero line
    sb.append(line(x(0, days), y(0, top, bottom), x(days, days), y(0, top, bottom), "#999", ""));
    sb.append(line(x(0, days), y(budget, top, bottom), x(days, days), y(0, top, bottom), "#bbb", ""));
    // actual remaining
    StringBuilder pts = new StringBuilder();
    pts.append(fmt(x(0, days))).append(',').append(fmt(y(budget, top, bottom)));
    double last = budget;
    for (BudgetLine.BurnPoint p : l.burn()) {
      long d = ChronoUnit.DAYS.between(l.periodStart(), p.date()) + 1;
      double remaining = budget - p.cumulative().doubleValue();
      pts.append(' ').append(fmt(x(d - 1, days))).append(',').append(fmt(y(last, top, bottom)));
      pts.append(' ').append(fmt(x(d, days))).append(',').append(fmt(y(remaining, top, bottom)));
      last = remaining;
    }
    long now = Math.min(days, Math.max(0, l.elapsedDays()));
    pts.append(' ').append(fmt(x(now, days))).append(',').append(fmt(y(last, top, bottom)));
    sb.append("<polyline fill=\"none\" stroke=\"#1a73e8\" stroke-width=\"2\" points=\"").append(pts).append("\"/>\n");
    if (now < days) {
      sb.append(line(x(now, days), y(last, top, bottom), x(days, days),
          y(budget - l.forecast().doubleValue(), top, bottom), "#c5221f", " stroke-dasharray=\"5,4\""));
    }
    sb.append("<text x=\"4\" y=\"").append(fmt(y(budget, top, bottom) + 4)).append("\">")
        .append(HtmlText.escape(shortMoney(l.budget()))).append("</text>")
        .append("<text x=\"4\" y=\"").append(fmt(y(0, top, bottom) + 4)).append("\">0</text>")
        .append("<text x=\"").append(fmt(x(0, days))).append("\" y=\"").append(H - 6).append("\">")
        .append(l.periodStart()).append("</text>")
        .append("<text x=\"").append(fmt(x(days, days) - 60)).append("\" y=\"").append(H - 6).append("\">")
        .append(l.periodEnd()).append("</text>");
    if (!asOf.isBefore(l.periodStart()) && !asOf.isAfter(l.periodEnd())) {
      sb.append(line(x(now, days), PAD / 2.0, x(now, days), H - PAD / 2.0, "#5f6368", " stroke-dasharray=\"2,3\""));
    }
    sb.append("</svg>\n");
    if (!l.alerts().isEmpty()) {
      sb.append("<ul>");
      l.alerts().forEach(a -> sb.append("<li>").append(a.code()).append(": ").append(HtmlText.escape(a.message())).append("</li>"));
      sb.append("</ul>\n");
    }
    sb.append("</section>\n");
  }

  private static String line(double x1, double y1, double x2, double y2, String colour, String extra) {
    return "<line x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\"" + fmt(y2)
        + "\" stroke=\"" + colour + "\"" + extra + "/>\n";
  }

  private static double x(long day, long days) {
    return PAD + (W - 2.0 * PAD) * day / days;
  }

  private static double y(double value, double top, double bottom) {
    return PAD / 2.0 + (H - PAD) * (top - value) / (top - bottom);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String shortMoney(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString();
  }
}
