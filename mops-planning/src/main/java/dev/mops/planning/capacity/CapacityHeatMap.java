package dev.mops.planning.capacity;

import dev.mops.core.io.HtmlText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The capacity heat map: a self-contained HTML page (no scripts, no external resources) with one
 * row per person and one column per week, each cell coloured by utilization and labelled with it.
 *
 * <p>Thread safety: stateless.
 */
public final class CapacityHeatMap {

  private CapacityHeatMap() {}

  /** Returns the page for {@code report}, titled {@code title}. */
  public static String html(CapacityReport report, String title) {
    Map<String, Map<LocalDate, PersonWeek>> grid = new LinkedHashMap<>();
    TreeSet<LocalDate> weeks = new TreeSet<>();
    for (PersonWeek w : report.weeks()) {
      grid.computeIfAbsent(w.person(), k -> new LinkedHashMap<>()).put(w.weekStart(), w);
      weeks.add(w.weekStart());
    }
    StringBuilder sb = new StringBuilder(4096);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(HtmlText.escape(title)).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}")
        .append("th,td{border:1px solid #ccc;padding:.3em .5em;text-align:right;font-size:.85em}")
        .append("th{background:#f4f4f4}td.p{text-align:left;font-weight:600}")
        .append(".legend span{display:inline-block;padding:.2em .6em;margin-right:.3em}</style></head><body>\n<h1>")
        .append(HtmlText.escape(title)).append("</h1>\n<p>Assigned hours over available hours per person and week; ")
        .append("hover a cell for hours and items.</p>\n<p class=\"legend\">")
        .append("<span style=\"background:").append(colour(0)).append("\">idle</span>")
        .append("<span style=\"background:").append(colour(0.5)).append("\">50%</span>")
        .append("<span style=\"background:").append(colour(0.9)).append("\">90%</span>")
        .append("<span style=\"background:").append(colour(1.2)).append("\">over</span></p>\n<table>\n<tr><th>person</th>");
    for (LocalDate w : weeks) {
      sb.append("<th>").append(w).append("</th>");
    }
    sb.append("</tr>\n");
    for (Map.Entry<String, Map<LocalDate, PersonWeek>> e : grid.entrySet()) {
      sb.append("<tr><td class=\"p\">").append(HtmlText.escape(e.getKey())).append("</td>");
      for (LocalDate w : weeks) {
        PersonWeek pw = e.getValue().get(w);
        if (pw == null) {
          sb.append("<td></td>");
          continue;
        }
        double u = pw.utilization();
        String label = Double.isInfinite(u) ? "no time" : Math.round(u * 100) + "%";
        String tip = String.format(Locale.ROOT, "%.1f of %.1f h%s", pw.assignedHours(), pw.availableHours(),
            pw.itemIds().isEmpty() ? "" : ": " + String.join(", ", pw.itemIds()));
        sb.append("<td style=\"background:").append(colour(pw.overAllocated() ? Math.max(u, 1.01) : u))
            .append("\" title=\"").append(HtmlText.escape(tip)).append("\">").append(label).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
    List<PersonWeek> over = new ArrayList<>(report.overAllocated());
    if (!over.isEmpty()) {
      sb.append("<h2>Over-allocated</h2>\n<ul>\n");
      for (PersonWeek w : over) {
        sb.append("<li>").append(HtmlText.escape(w.person())).append(", week of ").append(w.weekStart())
            .append(String.format(Locale.ROOT, ": %.1f h assigned, %.1f h available", w.assignedHours(), w.availableHours()))
            .append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    return sb.append("</body></html>\n").toString();
  }

  /** White at 0, through yellow at 90%, to red above 100%. */
  static String colour(double utilization) {
    if (utilization <= 0) {
      return "#ffffff";
    }
    if (utilization > 1.0) {
      return "#f28b82";
    }
    if (utilization >= 0.9) {
      return "#fdd663";
    }
    int g = (int) Math.round(255 - utilization / 0.9 * 80);
    return String.format(Locale.ROOT, "#%02x%02x%02x", 0xd0 + (int) Math.round(utilization / 0.9 * 0x2d), g, 0xc0 - (int) Math.round(utilization / 0.9 * 0x60));
  }
}
