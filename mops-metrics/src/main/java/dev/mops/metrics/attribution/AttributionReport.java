package dev.mops.metrics.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An attribution report: one self-contained HTML page (inline CSS and SVG, no scripts, no network)
 * with several models side by side: each channel's share of the attributed value under each model
 * as a grouped bar chart, the credit and conversions as a table, and attribution coverage when it
 * is given.
 *
 * <pre>{@code
 * String html = AttributionReport.builder(List.of(first, last, linear, markov)).title("Q2 attribution").build().toHtml();
 * }</pre>
 *
 * <p>At most {@link #MAX_CHANNELS} channels are drawn (those with the largest credit in any model);
 * the others are added up in one bar.
 *
 * <p>Thread safety: immutable once built.
 */
public final class AttributionReport {

  /** The most channels drawn one by one. */
  public static final int MAX_CHANNELS = 20;

  private static final String[] COLORS = {"#2b6cb0", "#dd6b20", "#2f855a", "#6b46c1", "#c53030", "#0987a0", "#975a16",
      "#b83280", "#4a5568"};
  private static final String OTHERS = "(other channels)";

  private final List<AttributionResult> results;
  private final String title;
  private final String source;
  private final @Nullable AttributionCoverage coverage;

  private AttributionReport(Builder b) {
    this.results = List.copyOf(b.results);
    this.title = b.title;
    this.source = b.source;
    this.coverage = b.coverage;
  }

  /**
   * Returns a builder of a report on {@code results}, one per model, in the order given.
   *
   * @throws IllegalArgumentException when there are no results
   */
  public static Builder builder(List<AttributionResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one model's result");
    }
    return new Builder(results);
  }

  /**
   * A builder of {@link AttributionReport}s.
   *
   * <p>Thread safety: not thread-safe.
   */
  public static final class Builder {
    private final List<AttributionResult> results;
    private String title = "Multi-touch attribution";
    private String source = "";
    private @Nullable AttributionCoverage coverage;

    private Builder(List<AttributionResult> results) {
      this.results = List.copyOf(results);
    }

    /** Sets the page's title. */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /** Sets a line saying where the figures come from (files, dates). */
    public Builder source(String source) {
      this.source = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Adds attribution coverage. */
    public Builder coverage(AttributionCoverage coverage) {
      this.coverage = Objects.requireNonNull(coverage, "coverage");
      return this;
    }

    /** Builds the report. */
    public AttributionReport build() {
      return new AttributionReport(this);
    }
  }

  /** Returns the report as one HTML page. */
  public String toHtml() {
    List<Map<String, double[]>> byModel = new ArrayList<>();
    Map<String, Double> largest = new HashMap<>();
    for (AttributionResult r : results) {
      Map<String, double[]> m = new HashMap<>();
      double total = r.attributedValue() > 0 ? r.attributedValue() : Math.max(1e-300, (double) r.attributedConversions());
      for (ChannelCredit c : r.byChannel()) {
        double share = (r.attributedValue() > 0 ? c.credit() : c.conversions()) / total;
        m.put(c.channel(), new double[] {share, c.credit(), c.conversions()});
        largest.merge(c.channel(), share, Math::max);
      }
      byModel.add(m);
    }
    List<String> channels = new ArrayList<>(largest.keySet());
    channels.sort((a, b) -> {
      int c = Double.compare(Objects.requireNonNull(largest.get(b)), Objects.requireNonNull(largest.get(a)));
      return c != 0 ? c : a.compareTo(b);
    });
    Set<String> drawn = new LinkedHashSet<>(channels.subList(0, Math.min(MAX_CHANNELS, channels.size())));
    List<String> rowsShown = new ArrayList<>(drawn);
    if (channels.size() > drawn.size()) {
      rowsShown.add(OTHERS);
    }
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
        .append(".card .value{font-size:24px;font-weight:700;margin:4px 0}.card .sub{font-size:12px;color:#616e7c}")
        .append("section{background:#fff;border-radius:8px;padding:14px 16px;box-shadow:0 1px 3px rgba(0,0,0,.08);overflow-x:auto}")
        .append("svg text{font:12px system-ui,sans-serif;fill:#1f2933}.legend span{display:inline-block;margin-right:14px;font-size:12px}")
        .append(".legend i{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}")
        .append("table{border-collapse:collapse;font-size:13px}td,th{padding:4px 10px;text-align:right;border-bottom:1px solid #e4e7eb}")
        .append("td:first-child,th:first-child{text-align:left}")
        .append("</style></head><body><main>");
    h.append("<h1>").append(esc(title)).append("</h1><div class=\"meta\">")
        .append(esc(source.isEmpty() ? results.size() + " models" : source)).append("</div>");
    h.append("<div class=\"cards\" id=\"cards\">");
    AttributionResult first = results.get(0);
    card(h, "Attributed value", money(first.attributedValue()), first.attributedConversions() + " conversions · "
        + first.unattributedConversions() + " without touchpoints in the window (" + money(first.unattributedValue()) + ")");
    AttributionCoverage cov = coverage;
    if (cov != null) {
      card(h, "Attribution coverage", Double.isNaN(cov.valueShare()) ? "n/a" : pct(cov.valueShare()),
          cov.coveredConversions() + " of " + cov.conversions() + " conversions tied to a channel and campaign");
    }
    card(h, "Models", Integer.toString(results.size()), String.join(" · ", results.stream().map(r -> r.model().name()).toList()));
    h.append("</div>");
    h.append("<h2>Share of attributed value by channel</h2><section id=\"chart\">");
    legend(h);
    chart(h, rowsShown, drawn, byModel);
    h.append("</section><h2>Credit by channel</h2><section id=\"table\"><table><thead><tr><th>channel</th>");
    for (AttributionResult r : results) {
      h.append("<th title=\"").append(esc(r.model().description())).append("\">").append(esc(r.model().name()))
          .append("</th>");
    }
    h.append("</tr></thead><tbody>");
    for (String c : channels) {
      h.append("<tr><td>").append(esc(c)).append("</td>");
      for (Map<String, double[]> m : byModel) {
        double[] v = m.get(c);
        h.append("<td>").append(v == null ? "0" : money(v[1]) + " <span class=\"meta\">("
            + String.format(Locale.ROOT, "%.2f", v[2]) + ")</span>").append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table><p class=\"meta\">Credit in value, conversions in brackets.</p></section>");
    if (cov != null && !cov.largestUncovered().isEmpty()) {
      h.append("<h2>Largest uncovered deals</h2><section id=\"uncovered\"><table><thead><tr><th>journey</th>")
          .append("<th>value</th><th>gap</th></tr></thead><tbody>");
      for (AttributionCoverage.UncoveredDeal d : cov.largestUncovered()) {
        h.append("<tr><td>").append(esc(d.journeyId())).append("</td><td>").append(money(d.value())).append("</td><td>")
            .append(esc(d.gap().name().toLowerCase(Locale.ROOT))).append("</td></tr>");
      }
      h.append("</tbody></table></section>");
    }
    h.append("<h2>Models</h2><section id=\"models\"><ul>");
    for (AttributionResult r : results) {
      h.append("<li>").append(esc(r.model().description())).append("</li>");
    }
    h.append("</ul></section></main></body></html>\n");
    return h.toString();
  }

  private void legend(StringBuilder h) {
    h.append("<div class=\"legend\">");
    for (int k = 0; k < results.size(); k++) {
      h.append("<span><i style=\"background:").append(COLORS[k % COLORS.length]).append("\"></i>")
          .append(esc(results.get(k).model().name())).append("</span>");
    }
    h.append("</div>");
  }

  private void chart(StringBuilder h, List<String> rows, Set<String> drawn, List<Map<String, double[]>> byModel) {
    int models = results.size();
    int bar = 12;
    int group = models * bar + 14;
    int labelWidth = 190;
    int plot = 700;
    int height = rows.size() * group + 30;
    double max = 0;
    double[][] shares = new double[rows.size()][models];
    for (int i = 0; i < rows.size(); i++) {
      String c = rows.get(i);
      for (int k = 0; k < models; k++) {
        double s = 0;
        if (c.equals(OTHERS)) {
          for (Map.Entry<String, double[]> e : byModel.get(k).entrySet()) {
            if (!drawn.contains(e.getKey())) {
              s += e.getValue()[0];
            }
          }
        } else {
          double[] v = byModel.get(k).get(c);
          s = v == null ? 0 : v[0];
        }
        shares[i][k] = s;
        max = Math.max(max, s);
      }
    }
    double scale = max > 0 ? plot / max : 0;
    h.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(labelWidth + plot + 70)
        .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(labelWidth + plot + 70).append(' ')
        .append(height).append("\">");
    for (int i = 0; i < rows.size(); i++) {
      int y = 10 + i * group;
      h.append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + models * bar / 2 + 4)
          .append("\" text-anchor=\"end\">").append(esc(rows.get(i))).append("</text>");
      for (int k = 0; k < models; k++) {
        double s = shares[i][k];
        int w = (int) Math.round(s * scale);
        int by = y + k * bar;
        h.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(by).append("\" width=\"").append(w)
            .append("\" height=\"").append(bar - 2).append("\" fill=\"").append(COLORS[k % COLORS.length])
            .append("\"><title>").append(esc(results.get(k).model().name())).append(": ").append(pct(s))
            .append("</title></rect>");
        h.append("<text x=\"").append(labelWidth + w + 4).append("\" y=\"").append(by + bar - 3)
            .append("\" style=\"font-size:10px\">").append(pct(s)).append("</text>");
      }
    }
    h.append("</svg>");
  }

  private static void card(StringBuilder h, String label, String value, String sub) {
    h.append("<div class=\"card\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"value\">")
        .append(esc(value)).append("</div><div class=\"sub\">").append(esc(sub)).append("</div></div>");
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String esc(String s) {
    return dev.mops.core.io.HtmlText.escape(s);
  }
}
