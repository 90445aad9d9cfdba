package dev.mops.quality.profile;

import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link QualityReport} as one self-contained HTML page: scores per dimension, a
 * completeness and a validity bar per field, the worst rules with sample values, and notes.
 *
 * <p>Thread safety: stateless.
 */
final class ReportHtml {

  /** The most rules listed in the worst-rules table. */
  static final int MAX_WORST = 25;

  private ReportHtml() {}

  static String render(QualityReport r) {
    StringBuilder h = new StringBuilder(16_384);
    String title = "Data quality: " + r.contract().name();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(esc(title)).append("</title><style>")
        .append("body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2933;background:#f5f7fa;margin:0}")
        .append("main{max-width:1100px;margin:0 auto;padding:24px}")
        .append("h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 10px}")
        .append(".meta{color:#52606d;font-size:13px}")
        .append(".cards{display:flex;flex-wrap:wrap;gap:12px;margin-top:18px}")
        .append(".card{background:#fff;border-radius:8px;padding:14px 16px;min-width:120px;flex:1 1 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append(".card .label{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#616e7c}")
        .append(".card .score{font-size:30px;font-weight:700;margin:4px 0}")
        .append(".card.overall{background:#102a43;color:#fff}.card.overall .label{color:#bcccdc}")
        .append(".good{color:#0e7c3a}.fair{color:#b7791f}.poor{color:#c53030}.na{color:#9aa5b1}")
        .append(".overall .good{color:#6ee7a0}.overall .fair{color:#f6c560}.overall .poor{color:#ff8a8a}")
        .append("table{width:100%;border-collapse:collapse;background:#fff;border-radius:8px;overflow:hidden;box-shadow:0 1px 3px rgba(0,0,0,.08)}")
        .append("th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #e4e7eb;vertical-align:top}")
        .append("th{background:#f0f4f8;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#52606d}")
        .append(".bar{position:relative;background:#e4e7eb;border-radius:4px;height:14px;min-width:140px}")
        .append(".bar span{position:absolute;left:0;top:0;bottom:0;border-radius:4px}")
        .append(".bar em{position:absolute;right:6px;top:-1px;font-size:11px;font-style:normal;color:#1f2933}")
        .append(".b-good{background:#48bb78}.b-info{background:#7f9cf5}.b-fair{background:#ecc94b}.b-poor{background:#f56565}")
        .append(".badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:12px;font-weight:600}")
        .append(".s-fail{background:#fed7d7;color:#9b2c2c}.s-warn{background:#fefcbf;color:#975a16}")
        .append(".s-pass{background:#c6f6d5;color:#22543d}.s-not_evaluated{background:#e2e8f0;color:#4a5568}")
        .append("code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f0f4f8;padding:1px 4px;border-radius:3px}")
        .append(".samples code{margin-right:4px;display:inline-block;margin-bottom:2px}")
        .append("ul.notes{color:#52606d}")
        .append("</style></head><body><main>\n");
    h.append("<h1>").append(esc(title)).append("</h1>\n");
    h.append("<div class=\"meta\">contract version ").append(esc(r.contract().version())).append(" &middot; ")
        .append(esc(r.contract().contentHash().length() > 19 ? r.contract().contentHash().substring(0, 19) : r.contract().contentHash()))
        .append(" &middot; ").append(String.format(Locale.ROOT, "%,d", r.profile().rows())).append(" records &middot; as of ")
        .append(esc(r.asOf().toString())).append(" &middot; status <span class=\"badge s-").append(r.worstStatus().label()).append("\">")
        .append(r.worstStatus().label()).append("</span></div>\n");
    h.append("<section class=\"cards\" id=\"scores\">");
    card(h, "overall", "Overall", r.overallScore(), "weighted");
    for (DimensionScore d : r.dimensions().values()) {
      card(h, "dim", d.dimension().label(), d.score(), d.rules().size() + " rule" + (d.rules().size() == 1 ? "" : "s"));
    }
    h.append("</section>\n");

    h.append("<h2>Fields</h2>\n<table id=\"fields\"><thead><tr><th>Field</th><th>Type</th><th>Completeness</th><th>Validity</th>")
        .append("<th>Distinct</th><th>Top values</th></tr></thead><tbody>\n");
    // Completeness bars of optional fields are blue: a gap there breaks no rule.
    for (FieldProfile f : r.profile().fields()) {
      h.append("<tr><td><b>").append(esc(f.name())).append("</b></td><td>").append(esc(f.type())).append("</td><td>");
      var spec = r.contract().field(f.name());
      bar(h, f.completeness() * 100, spec != null && !spec.required());
      h.append("</td><td>");
      bar(h, r.validity(f) * 100, false);
      h.append("</td><td>").append(f.distinctExact() ? "" : "~").append(String.format(Locale.ROOT, "%,d", f.distinct()))
          .append("</td><td class=\"samples\">");
      int shown = 0;
      for (var e : f.topValues()) {
        if (shown++ == 3) {
          break;
        }
        h.append("<code>").append(esc(cut(e.getKey()))).append(" &times;").append(e.getValue()).append("</code>");
      }
      h.append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");

    List<RuleResult> worst = r.worstRules();
    h.append("<h2>Rules that did not pass</h2>\n");
    if (worst.isEmpty()) {
      h.append("<p>Every rule passed.</p>\n");
    } else {
      h.append("<table id=\"worst\"><thead><tr><th>Status</th><th>Rule</th><th>Expects</th><th>Failing</th>")
          .append("<th>Threshold</th><th>Sample values</th></tr></thead><tbody>\n");
      for (int i = 0; i < Math.min(MAX_WORST, worst.size()); i++) {
        RuleResult x = worst.get(i);
        h.append("<tr><td><span class=\"badge s-").append(x.status().label()).append("\">").append(x.status().label().replace('_', ' '))
            .append("</span></td><td><code>").append(esc(x.rule().id())).append("</code><br><small>")
            .append(esc(x.rule().dimension().label())).append(" &middot; ").append(esc(x.rule().severity().label()))
            .append("</small></td><td>").append(esc(x.rule().expectation()));
        if (!x.note().isEmpty()) {
          h.append("<br><small>").append(esc(x.note())).append("</small>");
        }
        h.append("</td><td>");
        if (x.status() != RuleStatus.NOT_EVALUATED) {
          if (x.rule().kind().recordLevel() || x.rule().kind() == dev.mops.quality.contract.RuleKind.UNIQUE) {
            h.append(String.format(Locale.ROOT, "%,d (%.2f%%)", x.failures(), x.failurePercent()));
          } else if (x.rule().kind() == dev.mops.quality.contract.RuleKind.FRESHNESS) {
            h.append(esc(age(x.measured())));
          } else {
            h.append(String.format(Locale.ROOT, "%,d rows", (long) x.measured()));
          }
        }
        h.append("</td><td>").append(esc(x.rule().threshold().describe())).append("</td><td class=\"samples\">");
        for (String s : x.samples()) {
          h.append("<code>").append(esc(cut(s))).append("</code>");
        }
        h.append("</td></tr>\n");
      }
      h.append("</tbody></table>\n");
      if (worst.size() > MAX_WORST) {
        h.append("<p class=\"meta\">").append(worst.size() - MAX_WORST).append(" more in the JSON report.</p>\n");
      }
    }
    if (!r.contract().notes().isEmpty()) {
      h.append("<h2>Notes</h2>\n<ul class=\"notes\">");
      for (String n : r.contract().notes()) {
        h.append("<li>").append(esc(n)).append("</li>");
      }
      h.append("</ul>\n");
    }
    h.append("<p class=\"meta\">Generated by mops quality. Scores are computed from the merged profile; ")
        .append("rules not evaluated do not count.</p>\n</main></body></html>\n");
    return h.toString();
  }

  private static void card(StringBuilder h, String cls, String label, double score, String sub) {
    h.append("<div class=\"card ").append(cls).append("\"><div class=\"label\">").append(esc(label)).append("</div><div class=\"score ")
        .append(grade(score)).append("\">").append(Double.isNaN(score) ? "&ndash;" : String.format(Locale.ROOT, "%.1f", floor1(score)))
        .append("</div><div class=\"meta\">").append(esc(Double.isNaN(score) ? "no rules evaluated" : sub)).append("</div></div>");
  }

  /** A bar; optional fields' completeness is informative, so it is drawn neutral, not red. */
  /** Rounds down to one decimal, so that a score below 100 never shows as 100.0. */
  static double floor1(double score) {
    return Math.floor(score * 10) / 10;
  }

  private static void bar(StringBuilder h, double pct, boolean neutral) {
    String g = neutral ? "info" : pct >= 99 ? "good" : pct >= 90 ? "fair" : "poor";
    h.append("<div class=\"bar\" title=\"").append(String.format(Locale.ROOT, "%.1f%%", pct)).append("\"><span class=\"b-").append(g)
        .append("\" style=\"width:").append(String.format(Locale.ROOT, "%.1f", Math.max(0, Math.min(100, pct)))).append("%\"></span><em>")
        .append(String.format(Locale.ROOT, "%.1f%%", floor1(pct))).append("</em></div>");
  }

  private static String grade(double score) {
    return Double.isNaN(score) ? "na" : score >= 95 ? "good" : score >= 80 ? "fair" : "poor";
  }

  private static String age(double seconds) {
    if (seconds >= 86400) {
      return String.format(Locale.ROOT, "%.1f days old", seconds / 86400);
    }
    return String.format(Locale.ROOT, "%.1f hours old", seconds / 3600);
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "\u2026" : s;
  }

  static String esc(String s) {
    return dev.mops.core.io.HtmlText.escape(s);
  }
}
