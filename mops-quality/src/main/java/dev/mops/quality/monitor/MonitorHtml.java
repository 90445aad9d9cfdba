package dev.mops.quality.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link MonitorResult} as one self-contained HTML page with an inline SVG chart per
 * metric.
 *
 * <p>Thread safety: stateless.
 */
final class MonitorHtml {

  private static final int W = 720;
  private static final int H = 180;
  private static final int PAD_L = 70;
  private static final int PAD_R = 20;
  private static final int PAD_T = 14;
  private static final int PAD_B = 26;

  /** The fills of the bands, in the order of the metric's band and seasonal checks. */
  private static final String[] COLORS = {"#93c5fd", "#c4b5fd"};

  private MonitorHtml() {}

  static String esc(String s) {
    return dev.mops.core.io.HtmlText.escape(s);
  }

  static String render(MonitorResult r) {
    Monitor m = r.monitor();
    StringBuilder h = new StringBuilder(32_768);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>Monitor ").append(esc(m.name())).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}")
        .append("main{max-width:1000px;margin:0 auto;padding:24px}h1{font-size:24px;margin:0 0 4px}")
        .append("h2{font-size:17px;margin:26px 0 6px}.meta{color:#52606d;font-size:13px}")
        .append("svg{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("svg text{font:11px system-ui,sans-serif;fill:#616e7c}")
        .append("table{border-collapse:collapse;background:#fff;width:100%;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e4e7eb}")
        .append("th{background:#f0f4f8;font-size:12px;text-transform:uppercase;color:#52606d}")
        .append(".alert{color:#c53030;font-weight:600}.pass{color:#0e7c3a}.learning,.no_value{color:#9aa5b1}")
        .append("</style></head><body><main>\n");
    h.append("<h1>Monitor ").append(esc(m.name())).append("</h1>\n<div class=\"meta\">dataset ")
        .append(esc(m.dataset())).append(" &middot; monitor version ").append(esc(m.version())).append(" &middot; ")
        .append(esc(m.contentHash().length() > 19 ? m.contentHash().substring(0, 19) : m.contentHash()))
        .append(" &middot; as of ").append(esc(r.snapshot().asOf().toString())).append(" &middot; ")
        .append(r.snapshot().rows()).append(" rows &middot; ").append(r.past().size()).append(" earlier runs &middot; ")
        .append("<span class=\"").append(r.alerts().isEmpty() ? "pass\">no alerts" : "alert\">" + r.alerts().size() + " alerts")
        .append("</span></div>\n");
    List<MonitorSnapshot> runs = new ArrayList<>(r.past());
    runs.add(r.snapshot());
    for (MonitorMetric metric : m.metrics()) {
      chart(h, m, metric, runs);
    }
    h.append("<h2>Checks of this run</h2>\n<table><tr><th>metric</th><th>check</th><th>status</th><th>detail</th></tr>\n");
    for (MonitorResult.CheckResult c : r.checks()) {
      String st = c.status().name().toLowerCase(Locale.ROOT);
      h.append("<tr><td>").append(esc(c.metric())).append("</td><td>").append(esc(c.check().describe()))
          .append("</td><td class=\"").append(st).append("\">").append(st.replace('_', ' ')).append("</td><td>")
          .append(esc(c.message())).append("</td></tr>\n");
    }
    h.append("</table>\n");
    if (!r.notes().isEmpty()) {
      h.append("<h2>Notes</h2>\n<ul>");
      for (String n : r.notes()) {
        h.append("<li>").append(esc(n)).append("</li>");
      }
      h.append("</ul>\n");
    }
    h.append("</main></body></html>\n");
    return h.toString();
  }

  private static void chart(StringBuilder h, Monitor m, MonitorMetric metric, List<MonitorSnapshot> runs) {
    int n = runs.size();
    double[] v = new double[n];
    List<MonitorCheck> bandChecks = new ArrayList<>();
    for (MonitorCheck c : metric.checks()) {
      if ((c instanceof MonitorCheck.Band || c instanceof MonitorCheck.Seasonal) && bandChecks.size() < COLORS.length) {
        bandChecks.add(c);
      }
    }
    double[][] lo = new double[bandChecks.size()][n];
    double[][] hi = new double[bandChecks.size()][n];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      v[i] = runs.get(i).value(metric.name());
      if (Double.isFinite(v[i])) {
        min = Math.min(min, v[i]);
        max = Math.max(max, v[i]);
      }
      for (int b = 0; b < bandChecks.size(); b++) {
        lo[b][i] = Double.NaN;
        hi[b][i] = Double.NaN;
        double[] e = MonitorResult.expected(m, metric, bandChecks.get(b), runs.get(i), runs.subList(0, i));
        if (e.length == 2) {
          lo[b][i] = e[0];
          hi[b][i] = e[1];
          min = Math.min(min, e[0]);
          max = Math.max(max, e[1]);
        }
      }
    }
    List<Double> absolute = new ArrayList<>();
    for (MonitorCheck c : metric.checks()) {
      if (c instanceof MonitorCheck.Absolute a) {
        for (double x : new double[] {a.min(), a.max()}) {
          if (Double.isFinite(x)) {
            absolute.add(x);
            min = Math.min(min, x);
            max = Math.max(max, x);
          }
        }
      }
    }
    h.append("<h2>").append(esc(metric.name())).append(" <span class=\"meta\">").append(esc(metric.describe()))
        .append("</span></h2>\n");
    if (!bandChecks.isEmpty()) {
      h.append("<p class=\"meta\">");
      for (int b = 0; b < bandChecks.size(); b++) {
        h.append(b == 0 ? "" : " &middot; ").append("<span style=\"display:inline-block;width:12px;height:10px;background:")
            .append(COLORS[b]).append("\"></span> ").append(esc(bandChecks.get(b).describe()));
      }
      h.append(", as each run was judged</p>\n");
    }
    if (!Double.isFinite(min)) {
      h.append("<p class=\"meta\">no values yet</p>\n");
      return;
    }
    if (max - min < 1e-12) {
      double pad = Math.max(Math.abs(max) * 0.05, 1e-6);
      min -= pad;
      max += pad;
    }
    double lowY = min;
    double span = max - min;
    int plotW = W - PAD_L - PAD_R;
    int plotH = H - PAD_T - PAD_B;
    java.util.function.IntToDoubleFunction x = i -> PAD_L + (n == 1 ? plotW / 2.0 : (double) plotW * i / (n - 1));
    java.util.function.DoubleUnaryOperator y = val -> PAD_T + plotH * (1 - (val - lowY) / span);
    h.append("<svg role=\"img\" aria-label=\"History of ").append(esc(metric.name())).append("\" width=\"").append(W)
        .append("\" height=\"").append(H).append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\">\n");
    // each band: one polygon per stretch of consecutive runs that have one
    for (int b = 0; b < bandChecks.size(); b++) {
      double[] bl = lo[b];
      double[] bh = hi[b];
      int i = 0;
      while (i < n) {
        if (Double.isNaN(bl[i])) {
          i++;
          continue;
        }
        int j = i;
        while (j + 1 < n && !Double.isNaN(bl[j + 1])) {
          j++;
        }
        if (i == j) {
          h.append("<line x1=\"").append(fmt(x.applyAsDouble(i))).append("\" y1=\"").append(fmt(y.applyAsDouble(bh[i])))
              .append("\" x2=\"").append(fmt(x.applyAsDouble(i))).append("\" y2=\"").append(fmt(y.applyAsDouble(bl[i])))
              .append("\" stroke=\"").append(COLORS[b]).append("\" stroke-width=\"8\" opacity=\"0.6\"/>\n");
        } else {
          StringBuilder pts = new StringBuilder();
          for (int k = i; k <= j; k++) {
            pts.append(fmt(x.applyAsDouble(k))).append(',').append(fmt(y.applyAsDouble(bh[k]))).append(' ');
          }
          for (int k = j; k >= i; k--) {
            pts.append(fmt(x.applyAsDouble(k))).append(',').append(fmt(y.applyAsDouble(bl[k]))).append(' ');
          }
          h.append("<polygon points=\"").append(pts.toString().strip()).append("\" fill=\"").append(COLORS[b])
              .append("\" opacity=\"0.5\"/>\n");
        }
        i = j + 1;
      }
    }
    for (double a : absolute) {
      h.append("<line x1=\"").append(PAD_L).append("\" x2=\"").append(W - PAD_R).append("\" y1=\"")
          .append(fmt(y.applyAsDouble(a))).append("\" y2=\"").append(fmt(y.applyAsDouble(a)))
          .append("\" stroke=\"#f59e0b\" stroke-dasharray=\"5 4\"/><text x=\"").append(W - PAD_R - 4).append("\" y=\"")
          .append(fmt(y.applyAsDouble(a) - 3)).append("\" text-anchor=\"end\">limit ").append(esc(MonitorResult.number(a)))
          .append("</text>\n");
    }
    StringBuilder line = new StringBuilder();
    for (int k = 0; k < n; k++) {
      if (Double.isFinite(v[k])) {
        line.append(line.length() == 0 ? "M" : " L").append(fmt(x.applyAsDouble(k))).append(',').append(fmt(y.applyAsDouble(v[k])));
      }
    }
    if (line.length() > 0) {
      h.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"2\"/>\n");
    }
    for (int k = 0; k < n; k++) {
      if (!Double.isFinite(v[k])) {
        continue;
      }
      boolean alerted = runs.get(k).alerts().contains(metric.name());
      h.append("<circle cx=\"").append(fmt(x.applyAsDouble(k))).append("\" cy=\"").append(fmt(y.applyAsDouble(v[k])))
          .append("\" r=\"").append(alerted ? 5 : 3).append("\" fill=\"").append(alerted ? "#dc2626" : "#2563eb")
          .append("\"><title>").append(esc(runs.get(k).asOf().toString())).append(": ")
          .append(esc(MonitorResult.number(v[k]))).append(alerted ? " (alert)" : "").append("</title></circle>\n");
    }
    h.append("<text x=\"").append(PAD_L - 6).append("\" y=\"").append(PAD_T + 4).append("\" text-anchor=\"end\">")
        .append(esc(MonitorResult.number(max))).append("</text><text x=\"").append(PAD_L - 6).append("\" y=\"")
        .append(PAD_T + plotH).append("\" text-anchor=\"end\">").append(esc(MonitorResult.number(min))).append("</text>")
        .append("<text x=\"").append(PAD_L).append("\" y=\"").append(H - 6).append("\">")
        .append(esc(runs.get(0).asOf().toString().substring(0, 10))).append("</text><text x=\"").append(W - PAD_R)
        .append("\" y=\"").append(H - 6).append("\" text-anchor=\"end\">")
        .append(esc(runs.get(n - 1).asOf().toString().substring(0, 10))).append("</text>\n</svg>\n");
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }
}
