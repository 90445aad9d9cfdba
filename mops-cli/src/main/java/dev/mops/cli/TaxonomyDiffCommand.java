package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Values;
import dev.mops.taxonomy.Taxonomy;
import dev.mops.taxonomy.TaxonomyDiff;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops taxonomy-diff}: compares two versions of a UTM taxonomy: parameters declared or
 * dropped, required or not, allowed values added and removed, and with URLs, which ones change
 * lint result.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "taxonomy-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a UTM taxonomy before the change ships: allowed values added or removed, and with"
          + " --input, the URLs whose lint result changes.",
      "Example: mops taxonomy-diff --old taxonomy.yaml --new taxonomy-v2.yaml --input urls.csv"
    })
public final class TaxonomyDiffCommand implements Callable<Integer> {

  /** The most changed URLs printed as text (all are counted; --json lists up to the library's limit). */
  static final int SHOWN = 50;

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin DiffOptions diffOptions = new DiffOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    Taxonomy before = Taxonomy.load(diffOptions.oldFile);
    Taxonomy after = Taxonomy.load(diffOptions.newFile);
    TaxonomyDiff diff = TaxonomyDiff.between(before, after);
    DiffReport report = new DiffReport("taxonomy-diff");
    report.versions(diffOptions.oldFile.toString(), before.name(), before.version(), before.contentHash(),
        diffOptions.newFile.toString(), after.name(), after.version(), after.contentHash());
    report.line("parameters: " + diff.changes().size() + " changed");
    List<Map<String, @Nullable Object>> params = new ArrayList<>();
    for (TaxonomyDiff.ParameterChange c : diff.changes()) {
      StringBuilder sb = new StringBuilder("  " + c.parameter().parameterName() + ": " + c.change());
      if (!c.valuesAdded().isEmpty()) {
        sb.append("; values added ").append(c.valuesAdded());
      }
      if (!c.valuesRemoved().isEmpty()) {
        sb.append("; values removed ").append(c.valuesRemoved());
      }
      report.line(sb.toString());
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("parameter", c.parameter().parameterName());
      m.put("change", c.change());
      m.put("values_added", c.valuesAdded());
      m.put("values_removed", c.valuesRemoved());
      params.add(m);
    }
    report.put("parameters", params);
    if (!input.inputs.isEmpty()) {
      FindingPrinter printer = new FindingPrinter(streams, failOn);
      TaxonomyDiff.Impact impact = diff.impact();
      List<Map<String, @Nullable Object>> urls = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      try (RecordReader in = input.open()) {
        String urlColumn = Columns.find(in.fields(), "url");
        if (urlColumn == null) {
          throw Columns.noneOf(input.name(), in.fields(), List.of("url"), "taxonomy-diff reads");
        }
        Progress progress = Progress.start(progressOptions, streams, "taxonomy-diff", input);
        long read = 0;
        for (InputRecord r; (r = in.next()) != null; ) {
          progress.update(++read);
          printer.accept(r);
          TaxonomyDiff.UrlChange c = impact.add("line " + r.line(), Values.asString(r.record().get(urlColumn)));
          if (c == null) {
            continue;
          }
          if (lines.size() < SHOWN) {
            lines.add("  " + c.key() + ": " + TaxonomyDiff.UrlChange.status(c.before()) + " -> "
                + TaxonomyDiff.UrlChange.status(c.after()) + "  " + c.url());
            lines.add("      issues " + orNone(c.before().issueSummary()) + " -> " + orNone(c.after().issueSummary()));
          }
          if (urls.size() < TaxonomyDiff.Impact.MAX_KEPT) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("url", c.url());
            m.put("before", TaxonomyDiff.UrlChange.status(c.before()));
            m.put("after", TaxonomyDiff.UrlChange.status(c.after()));
            m.put("issues_before", c.before().issueSummary());
            m.put("issues_after", c.after().issueSummary());
            m.put("fixed_url_after", c.after().fixedUrl());
            urls.add(m);
          }
        }
        progress.done();
      }
      printer.finish();
      report.line(String.format(Locale.ROOT, "with URLs (%s): %,d of %,d change lint result %s", input.name(),
          impact.changed(), impact.urls(), impact.transitions()));
      lines.forEach(report::line);
      if (impact.changed() * 2 > lines.size()) {
        report.line("  ... " + (impact.changed() - lines.size() / 2) + " more (see --json)");
      }
      Map<String, @Nullable Object> data = new LinkedHashMap<>();
      data.put("input", input.name());
      data.put("urls", impact.urls());
      data.put("changed", impact.changed());
      data.put("transitions", new LinkedHashMap<>(impact.transitions()));
      data.put("changes", urls);
      report.put("data", data);
    }
    report.print(streams.outText(), diffOptions.json);
    return failOn.exitCode();
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "(none)" : s;
  }
}
