package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ChannelGroupDiff;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.TrafficSource;
import dev.mops.taxonomy.UtmParser;
import java.io.IOException;
import java.nio.file.Path;
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
 * {@code mops channels-diff}: compares two versions of a channel group (or one with Google
 * Analytics 4's default): channels added and removed, and with traffic sources, which ones land
 * in another channel.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "channels-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a channel group before the change ships: channels added or removed, and with"
          + " --input (URLs, or source, medium and campaign columns), the traffic whose channel changes.",
      "Example: mops channels-diff --old ga4 --new channels.yaml --input urls.csv"
    })
public final class ChannelsDiffCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--old", required = true, paramLabel = "FILE",
      description = "The channel group in use, or 'ga4' for Google Analytics 4's default channel group.")
  String oldFile = "ga4";

  @Option(names = "--new", required = true, paramLabel = "FILE",
      description = "The proposed channel group, or 'ga4'.")
  String newFile = "ga4";

  @Option(names = "--json", description = "Print the diff as one JSON object (for CI).")
  boolean json;

  static ChannelGroup load(String file) {
    return file.equals("ga4") ? ChannelGroup.ga4Default() : ChannelGroup.load(Path.of(file));
  }

  private static @Nullable String text(Record r, @Nullable String column) {
    return column == null ? null : Values.asString(r.get(column));
  }

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    ChannelGroup before = load(oldFile);
    ChannelGroup after = load(newFile);
    ChannelGroupDiff diff = ChannelGroupDiff.between(before, after);
    DiffReport report = new DiffReport("channels-diff");
    report.versions(oldFile, before.name(), before.version(), before.contentHash(), newFile, after.name(),
        after.version(), after.contentHash());
    report.line("channels: added " + diff.channelsAdded() + ", removed " + diff.channelsRemoved());
    report.put("channels_added", diff.channelsAdded());
    report.put("channels_removed", diff.channelsRemoved());
    if (!input.inputs.isEmpty()) {
      FindingPrinter printer = new FindingPrinter(streams, failOn);
      ChannelGroupDiff.Impact impact = diff.impact();
      UtmParser parser = UtmParser.standard();
      List<Map<String, @Nullable Object>> changes = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      try (RecordReader in = input.open()) {
        List<String> fields = in.fields();
        String urlColumn = Columns.find(fields, "url");
        String sourceColumn = Columns.find(fields, "source");
        String mediumColumn = Columns.find(fields, "medium");
        String campaignColumn = Columns.find(fields, "campaign");
        if (urlColumn == null && sourceColumn == null && mediumColumn == null && campaignColumn == null) {
          throw Columns.noneOf(input.name(), fields, List.of("url", "source", "medium", "campaign"), "channels-diff reads");
        }
        Progress progress = Progress.start(progressOptions, streams, "channels-diff", input);
        long read = 0;
        for (InputRecord r; (r = in.next()) != null; ) {
          progress.update(++read);
          printer.accept(r);
          String url = text(r.record(), urlColumn);
          TrafficSource t;
          String label;
          if (url != null && !url.isBlank()) {
            ParsedUrl parsed = parser.parse(url);
            for (Finding f : parsed.findings()) {
              printer.count(f);
            }
            t = TrafficSource.from(parsed);
            label = url;
          } else {
            t = TrafficSource.of(text(r.record(), sourceColumn), text(r.record(), mediumColumn),
                text(r.record(), campaignColumn));
            label = t.source() + " / " + t.medium() + " / " + t.campaign();
          }
          ChannelGroupDiff.SourceChange c = impact.add("line " + r.line(), label, t);
          if (c == null) {
            continue;
          }
          if (lines.size() < TaxonomyDiffCommand.SHOWN) {
            lines.add("  " + c.key() + ": " + c.before().channel() + " -> " + c.after().channel() + "  " + c.label());
          }
          if (changes.size() < ChannelGroupDiff.Impact.MAX_KEPT) {
            Map<String, @Nullable Object> m = new LinkedHashMap<>();
            m.put("key", c.key());
            m.put("source", c.label());
            m.put("before", c.before().channel());
            m.put("after", c.after().channel());
            m.put("rule_before", c.before().ruleIndex() < 0 ? "fallback" : c.before().rule());
            m.put("rule_after", c.after().ruleIndex() < 0 ? "fallback" : c.after().rule());
            changes.add(m);
          }
        }
        progress.done();
      }
      printer.finish();
      report.line(String.format(Locale.ROOT, "with traffic (%s): %,d of %,d change channel %s", input.name(),
          impact.changed(), impact.sources(), impact.moves()));
      lines.forEach(report::line);
      if (impact.changed() > lines.size()) {
        report.line("  ... " + (impact.changed() - lines.size()) + " more (see --json)");
      }
      Map<String, @Nullable Object> data = new LinkedHashMap<>();
      data.put("input", input.name());
      data.put("sources", impact.sources());
      data.put("changed", impact.changed());
      data.put("moves", new LinkedHashMap<>(impact.moves()));
      data.put("changes", changes);
      report.put("data", data);
    }
    report.print(streams.outText(), json);
    return failOn.exitCode();
  }
}
