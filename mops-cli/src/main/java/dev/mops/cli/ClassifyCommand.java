package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Values;
import dev.mops.taxonomy.ChannelClassification;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.TrafficSource;
import dev.mops.taxonomy.UtmParser;
import java.io.PrintWriter;
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
 * {@code mops classify}: gives each row a marketing channel, with GA4's default channel group or a
 * custom one.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    description = {
      "Give each row a marketing channel from its UTM values, with GA4's default channel group or a custom one.",
      "Reads the column 'url' or the columns 'source', 'medium', 'campaign' (matched case- and space-insensitively).",
      "Writes the input columns plus utm_source,utm_medium,utm_campaign,utm_term,utm_content,utm_id,click_id_type,channel.",
      "Example: mops classify --input visits.csv --output out.csv [--channels group.yaml]"
    })
public final class ClassifyCommand implements Callable<Integer> {

  static final List<String> ADDED = List.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content",
      "utm_id", "click_id_type", "channel");

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--channels", paramLabel = "FILE",
      description = "A custom channel group YAML. Default: Google Analytics 4's default channel group.")
  @Nullable Path channelsFile;

  @Option(names = "--explain", description = "Add a 'channel_rule' column: the rule that matched.")
  boolean explain;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    ChannelGroup group = channelsFile == null ? ChannelGroup.ga4Default() : ChannelGroup.load(channelsFile);
    UtmParser parser = UtmParser.standard();
    long read = 0;
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String c : group.channels()) {
      counts.put(c, 0L);
    }
    try (RecordReader in = input.open()) {
      List<String> inFields = in.fields();
      String urlColumn = Columns.find(inFields, "url");
      String sourceColumn = Columns.find(inFields, "source");
      String mediumColumn = Columns.find(inFields, "medium");
      String campaignColumn = Columns.find(inFields, "campaign");
      if (urlColumn == null && sourceColumn == null && mediumColumn == null && campaignColumn == null) {
        throw Columns.noneOf(input.name(), inFields, List.of("url", "source", "medium", "campaign"), "classify reads");
      }
      List<String> outFields = new ArrayList<>(inFields);
      for (String f : ADDED) {
        if (!outFields.contains(f)) {
          outFields.add(f);
        }
      }
      if (explain && !outFields.contains("channel_rule")) {
        outFields.add("channel_rule");
      }
      Progress progress = Progress.start(progressOptions, streams, "classify", input);
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          printer.accept(r);
          Map<String, @Nullable Object> row = new LinkedHashMap<>();
          for (String f : inFields) {
            row.put(f, Values.asString(r.record().get(f)));
          }
          String url = text(r.record(), urlColumn);
          TrafficSource t;
          if (url != null && !url.isBlank()) {
            ParsedUrl parsed = parser.parse(url);
            for (Finding f : parsed.findings()) {
              printer.count(f);
            }
            t = TrafficSource.from(parsed);
          } else {
            t = TrafficSource.of(text(r.record(), sourceColumn), text(r.record(), mediumColumn),
                text(r.record(), campaignColumn));
          }
          ChannelClassification c = group.classify(t);
          counts.merge(c.channel(), 1L, Long::sum);
          row.put("utm_source", t.source());
          row.put("utm_medium", t.medium());
          row.put("utm_campaign", t.campaign());
          row.put("utm_term", t.term());
          row.put("utm_content", t.content());
          row.put("utm_id", t.id());
          row.put("click_id_type", t.clickIdType());
          row.put("channel", c.channel());
          if (explain) {
            row.put("channel_rule", c.ruleIndex() < 0 ? "fallback" : c.rule() + ": " + c.condition());
          }
          List<@Nullable Object> values = new ArrayList<>(outFields.size());
          for (String f : outFields) {
            Object v = row.get(f);
            values.add(v == null ? "" : v);
          }
          out.write(values);
          progress.update(read);
        }
        progress.done();
      }
    }
    printer.finish();
    StringBuilder summary = new StringBuilder();
    counts.forEach((k, v) -> {
      if (v > 0) {
        summary.append(summary.length() == 0 ? "" : ", ").append(k).append(' ').append(v);
      }
    });
    err.printf(Locale.ROOT, "classify: %,d rows with %s %s: %s; %s%n", read, group.name(), group.version(),
        summary, failOn.summary());
    return failOn.exitCode();
  }

  private static @Nullable String text(dev.mops.core.record.Record record, @Nullable String column) {
    return column == null ? null : Values.asString(record.get(column));
  }
}
