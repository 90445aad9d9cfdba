package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.record.Values;
import dev.mops.metrics.attribution.Attribution;
import dev.mops.metrics.attribution.AttributionCoverage;
import dev.mops.metrics.attribution.AttributionModel;
import dev.mops.metrics.attribution.AttributionReport;
import dev.mops.metrics.attribution.AttributionResult;
import dev.mops.metrics.attribution.ChannelCredit;
import dev.mops.metrics.attribution.Journeys;
import dev.mops.metrics.attribution.RuleBasedModel;
import dev.mops.metrics.attribution.TouchUse;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.NamingConvention;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.TrafficSource;
import dev.mops.taxonomy.UtmParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops attribute}: multi-touch attribution of converted value to channels and campaigns,
 * with one model or several side by side, attribution coverage and ROI.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "attribute",
    mixinStandardHelpOptions = true,
    description = {
      "Attribute converted value to channels and campaigns with a multi-touch model, or compare several.",
      "Touchpoints: journey_id, timestamp, channel, and optionally campaign, source, medium, url, cost, milestone "
          + "(lead, opportunity). Outcomes: journey_id, converted_at, value.",
      "Writes model,channel,campaign,credit,conversions.",
      "Example: mops attribute --touchpoints touches.csv --outcomes outcomes.csv --model time_decay --half-life 7d "
          + "--lookback 90d --output credit.csv",
      "Example: mops attribute --touchpoints touches.csv --outcomes outcomes.csv --compare first,last,linear,markov "
          + "--html report.html --coverage"
    })
public final class AttributeCommand implements Callable<Integer> {

  /** The columns of the credit output, in order (part of the command's contract). */
  static final List<String> COLUMNS = List.of("model", "channel", "campaign", "credit", "conversions");

  /** The columns of the ROI output. */
  static final List<String> ROI_COLUMNS = List.of("model", "channel", "campaign", "credit", "conversions", "cost", "roi",
      "roas");

  @Spec @Nullable CommandSpec spec;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = "--touchpoints", required = true, paramLabel = "FILE",
      description = "Touchpoints: journey_id, timestamp, channel, optional campaign, cost, milestone (CSV, JSON Lines or Excel).")
  String touchpoints = "";

  @Option(names = "--outcomes", required = true, paramLabel = "FILE",
      description = "Outcomes: journey_id, converted_at, value. A journey without an outcome did not convert.")
  String outcomes = "";

  @Option(names = "--model", paramLabel = "MODEL",
      description = "first, last, last_non_direct, linear, time_decay, position, w_shaped, markov or shapley.")
  @Nullable String model;

  @Option(names = "--compare", paramLabel = "MODELS", split = ",",
      description = "Several models side by side, such as first,last,linear,markov (instead of --model).")
  List<String> compare = new ArrayList<>();

  @Option(names = "--half-life", paramLabel = "DURATION", defaultValue = "7d",
      description = "Half-life of time_decay: 7d, 12h, P7D, or 'infinite' (default: ${DEFAULT-VALUE}).")
  String halfLife = "7d";

  @Option(names = "--lookback", paramLabel = "DURATION",
      description = "Only touchpoints within this time before the conversion count, such as 90d (default: all).")
  @Nullable String lookback;

  @Option(names = "--position", paramLabel = "F,M,L", defaultValue = "40,20,40",
      description = "Shares of the position model: first, middle, last, in percent (default: ${DEFAULT-VALUE}).")
  String position = "40,20,40";

  @Option(names = "--w-shaped", paramLabel = "F,L,O,R", defaultValue = "30,30,30,10",
      description = "Shares of the w_shaped model: first touch, lead creation, opportunity creation, the rest "
          + "(default: ${DEFAULT-VALUE}).")
  String wShaped = "30,30,30,10";

  @Option(names = "--direct-channels", paramLabel = "LIST", split = ",",
      description = "Channels last_non_direct skips (default: direct, (direct); ignoring case).")
  List<String> directChannels = new ArrayList<>();

  @Option(names = "--order", paramLabel = "N", defaultValue = "1",
      description = "Order of the markov model: how many latest channels a state remembers, 1 to 4 (default: ${DEFAULT-VALUE}).")
  int order = 1;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "20261202",
      description = "Seed of the shapley model's sampling beyond 15 channels (default: ${DEFAULT-VALUE}).")
  long seed = 20_261_202L;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "10000",
      description = "Random orders the shapley model draws beyond 15 channels (default: ${DEFAULT-VALUE}).")
  int samples = 10_000;

  @Option(names = "--html", paramLabel = "FILE", description = "Write the models side by side as one self-contained HTML page.")
  @Nullable Path html;

  @Option(names = "--coverage",
      description = "Print attribution coverage: the share of converted value tied to a valid channel and campaign, "
          + "and the largest uncovered deals.")
  boolean coverage;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many of the largest uncovered deals --coverage lists (default: ${DEFAULT-VALUE}).")
  int top = 10;

  @Option(names = "--roi", paramLabel = "FILE",
      description = "Write credit, cost, ROI ((credit - cost) / cost) and ROAS per model, channel and campaign.")
  @Nullable String roi;

  @Option(names = "--classify",
      description = "Give touchpoints without a channel one from their url (or source, medium, campaign) with a "
          + "channel group; an empty campaign is taken from utm_campaign.")
  boolean classify;

  @Option(names = "--channels", paramLabel = "FILE",
      description = "A channel group YAML for --classify (default: GA4's default channel group); with --coverage, "
          + "only its channels are valid.")
  @Nullable Path channelsFile;

  @Option(names = "--naming", paramLabel = "FILE",
      description = "A campaign naming convention YAML (as for mops lint-names); with --coverage, only campaign "
          + "names valid under it count.")
  @Nullable Path namingFile;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    List<String> names = new ArrayList<>();
    if (!compare.isEmpty()) {
      if (model != null) {
        throw new UsageException("give --model or --compare, not both");
      }
      for (String n : compare) {
        if (!n.isBlank()) {
          names.add(n.trim());
        }
      }
    } else if (model != null) {
      names.add(model);
    } else if (!coverage) {
      throw new UsageException("give --model, --compare or --coverage");
    }
    if (top < 0) {
      throw new UsageException("--top must not be negative, got " + top);
    }
    Duration window = lookback == null ? null : duration("--lookback", lookback);
    List<AttributionModel> models = new ArrayList<>();
    for (String n : new LinkedHashSet<>(names)) {
      models.add(configure(n, window));
    }
    if (html != null && models.isEmpty()) {
      throw new UsageException("--html needs --model or --compare");
    }
    ChannelGroup group = channelsFile != null ? ChannelGroup.load(channelsFile) : classify ? ChannelGroup.ga4Default() : null;
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Journeys.Builder builder = Journeys.builder();
    readTouchpoints(builder, group, printer, err);
    readOutcomes(builder, printer, err);
    Journeys journeys = builder.build();
    Journeys.InputCounts counts = journeys.counts();
    List<AttributionResult> results = new ArrayList<>();
    for (AttributionModel m : models) {
      try {
        results.add(Attribution.run(journeys, m));
      } catch (IllegalArgumentException e) {
        throw new UsageException(m.name() + ": " + e.getMessage(), e);
      }
    }
    if (!results.isEmpty()) {
      try (RecordWriter out = output.open(COLUMNS)) {
        for (AttributionResult r : results) {
          for (ChannelCredit c : r.rows()) {
            if (c.credit() == 0 && c.conversions() == 0) {
              continue;
            }
            out.write(List.of(r.model().name(), c.channel(), c.campaign(), num(c.credit()), num(c.conversions())));
          }
        }
      }
    }
    String roiFile = roi;
    if (roiFile != null) {
      try (RecordWriter out = output.openOther(roiFile, null, ROI_COLUMNS)) {
        for (AttributionResult r : results) {
          for (ChannelCredit c : r.rows()) {
            out.write(List.of(r.model().name(), c.channel(), c.campaign(), num(c.credit()), num(c.conversions()),
                num(c.cost()), Double.isNaN(c.roi()) ? "" : num(c.roi()), Double.isNaN(c.roas()) ? "" : num(c.roas())));
          }
        }
      }
    }
    AttributionCoverage cov = null;
    if (coverage || html != null) {
      Predicate<String> validChannel = AttributionCoverage::isValidChannel;
      if (channelsFile != null && group != null) {
        Set<String> known = new java.util.HashSet<>(group.channels());
        validChannel = c -> known.contains(c) && AttributionCoverage.isValidChannel(c);
      }
      Predicate<String> validCampaign = AttributionCoverage::isValidCampaign;
      if (namingFile != null) {
        NamingConvention naming = NamingConvention.load(namingFile);
        validCampaign = c -> AttributionCoverage.isValidCampaign(c) && naming.parse(c).valid();
      }
      cov = AttributionCoverage.measure(journeys, window, validChannel, validCampaign, top);
    }
    Path page = html;
    if (page != null) {
      Path parent = page.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UsageException("--html: folder does not exist: " + parent);
      }
      AttributionReport.Builder report = AttributionReport.builder(results)
          .source(touchpoints + " · " + outcomes + (window == null ? "" : " · lookback " + lookback));
      if (cov != null) {
        report.coverage(cov);
      }
      Files.writeString(page, report.build().toHtml(), StandardCharsets.UTF_8);
    }
    printer.finish();
    err.printf(Locale.ROOT, "attribute: %,d touchpoint rows (%,d kept, %,d rejected), %,d outcome rows (%,d kept, %,d rejected), "
        + "%,d journeys%n", counts.touchpointRows(), counts.touchpointsKept(), counts.touchpointsRejected(),
        counts.outcomeRows(), counts.outcomesKept(), counts.outcomesRejected(), journeys.size());
    for (AttributionResult r : results) {
      Map<TouchUse, Long> t = r.touchpoints();
      err.printf(Locale.ROOT, "  %s: %,d conversions attributed (%s), %,d without touchpoints in the window (%s), "
          + "%,d not converted; touchpoints: %,d in window, %,d after conversion, %,d outside lookback, %,d in "
          + "journeys that did not convert%n", r.model().description(), r.attributedConversions(),
          money(r.attributedValue()), r.unattributedConversions(), money(r.unattributedValue()), r.notConverted(),
          t.get(TouchUse.IN_WINDOW), t.get(TouchUse.AFTER_CONVERSION), t.get(TouchUse.OUTSIDE_LOOKBACK),
          t.get(TouchUse.NOT_CONVERTED));
      if (!r.channelWeights().isEmpty()) {
        StringBuilder weights = new StringBuilder();
        r.channelWeights().forEach((c, v) -> weights.append(weights.length() == 0 ? "" : ", ").append(c).append(' ')
            .append(String.format(Locale.ROOT, "%.4f", v)));
        err.println("    " + (r.model().name().equals("markov") ? "removal effects: " : "Shapley values: ") + weights);
      }
    }
    if (coverage && cov != null) {
      PrintWriter to = output.name().equals("-") && !results.isEmpty() ? err : streams.outText();
      printCoverage(to, cov);
      to.flush();
    }
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  private AttributionModel configure(String name, @Nullable Duration window) {
    AttributionModel m;
    try {
      m = AttributionModel.named(name);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    try {
      switch (m.name()) {
        case "time_decay":
          m = AttributionModel.timeDecay(halfLife.trim().equalsIgnoreCase("infinite") ? RuleBasedModel.INFINITE
              : duration("--half-life", halfLife));
          break;
        case "position": {
          double[] p = shares("--position", position, 3);
          if (Math.abs(p[0] + p[1] + p[2] - 1) > 1e-9) {
            throw new UsageException("--position: the shares must add up to 100, got " + position);
          }
          m = AttributionModel.positionBased(p[0], p[2]);
          break;
        }
        case "w_shaped": {
          double[] w = shares("--w-shaped", wShaped, 4);
          m = AttributionModel.wShaped(w[0], w[1], w[2], w[3]);
          break;
        }
        case "last_non_direct":
          if (!directChannels.isEmpty()) {
            m = AttributionModel.lastNonDirect().withDirectChannels(directChannels);
          }
          break;
        case "markov":
          m = AttributionModel.markov(order);
          break;
        case "shapley":
          m = AttributionModel.shapley().withSeed(seed).withSamples(samples);
          break;
        default:
          break;
      }
      return m.withLookback(window);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
  }

  private static double[] shares(String option, String text, int count) {
    String[] parts = text.split(",");
    if (parts.length != count) {
      throw new UsageException(option + ": expected " + count + " numbers separated by commas, got '" + text + "'");
    }
    double[] out = new double[count];
    for (int i = 0; i < count; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim()) / 100;
      } catch (NumberFormatException e) {
        throw new UsageException(option + ": not a number: '" + parts[i].trim() + "'", e);
      }
    }
    return out;
  }

  private static Duration duration(String option, String text) {
    try {
      Duration d = ConditionYaml.parseDuration(text);
      if (d.isNegative() || d.isZero()) {
        throw new UsageException(option + " must be positive, got " + text);
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage(), e);
    }
  }

  private void readTouchpoints(Journeys.Builder builder, @Nullable ChannelGroup group, FindingPrinter printer,
      PrintWriter err) throws IOException {
    UtmParser parser = UtmParser.standard();
    try (RecordReader in = open(touchpoints)) {
      err.println("reading " + touchpoints + ": " + in.layout().summary());
      List<String> fields = in.fields();
      if (in instanceof CsvReader) {
        Columns.require(touchpoints, fields, "journey_id", "--touchpoints");
        Columns.require(touchpoints, fields, "timestamp", "--touchpoints");
        if (!classify) {
          Columns.require(touchpoints, fields, "channel", "--touchpoints");
        } else if (Columns.find(fields, "channel") == null && Columns.find(fields, "url") == null
            && Columns.find(fields, "source") == null && Columns.find(fields, "medium") == null) {
          throw Columns.noneOf(touchpoints, fields, List.of("channel", "url", "source", "medium"), "--classify reads");
        }
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        printer.accept(r);
        Record rec = r.record();
        if (classify && group != null && Values.isEmpty(rec.get("channel"))) {
          rec = classified(rec, group, parser);
        }
        for (Finding f : builder.touchpoint(rec)) {
          printer.accept(r.line(), f);
        }
      }
    }
  }

  private static Record classified(Record rec, ChannelGroup group, UtmParser parser) {
    String url = Values.asString(rec.get("url"));
    TrafficSource t;
    if (url != null && !url.isBlank()) {
      ParsedUrl parsed = parser.parse(url);
      t = TrafficSource.from(parsed);
    } else {
      t = TrafficSource.of(Values.asString(rec.get("source")), Values.asString(rec.get("medium")),
          Values.asString(rec.get("campaign")));
    }
    Map<String, @Nullable Object> values = new HashMap<>();
    for (String f : List.of("journey_id", "timestamp", "campaign", "cost", "milestone")) {
      values.put(f, rec.get(f));
    }
    values.put("channel", group.classify(t).channel());
    if (Values.isEmpty(values.get("campaign")) && t.campaign() != null) {
      values.put("campaign", t.campaign());
    }
    Map<String, Object> present = new HashMap<>();
    values.forEach((k, v) -> {
      if (v != null) {
        present.put(k, v);
      }
    });
    return Records.of(present);
  }

  private void readOutcomes(Journeys.Builder builder, FindingPrinter printer, PrintWriter err) throws IOException {
    try (RecordReader in = open(outcomes)) {
      err.println("reading " + outcomes + ": " + in.layout().summary());
      if (in instanceof CsvReader) {
        Columns.require(outcomes, in.fields(), "journey_id", "--outcomes");
        Columns.require(outcomes, in.fields(), "converted_at", "--outcomes");
        Columns.require(outcomes, in.fields(), "value", "--outcomes");
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        printer.accept(r);
        for (Finding f : builder.outcome(r.record())) {
          printer.accept(r.line(), f);
        }
      }
    }
  }

  private static void printCoverage(PrintWriter to, AttributionCoverage c) {
    to.printf(Locale.ROOT, "coverage: %s of converted value (%s of %s); %,d of %,d conversions%n",
        Double.isNaN(c.valueShare()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", c.valueShare() * 100),
        money(c.coveredValue()), money(c.convertedValue()), c.coveredConversions(), c.conversions());
    StringBuilder gaps = new StringBuilder();
    for (AttributionCoverage.Gap g : AttributionCoverage.Gap.values()) {
      gaps.append(gaps.length() == 0 ? "" : ", ").append(g.name().toLowerCase(Locale.ROOT)).append(' ')
          .append(c.uncovered(g)).append(" (").append(money(c.uncoveredValue(g))).append(')');
    }
    to.println("  uncovered: " + gaps);
    if (!c.largestUncovered().isEmpty()) {
      to.println("  largest uncovered deals:");
      for (AttributionCoverage.UncoveredDeal d : c.largestUncovered()) {
        to.printf(Locale.ROOT, "    %s %s %s%n", d.journeyId(), money(d.value()), d.gap().name().toLowerCase(Locale.ROOT));
      }
    }
  }

  private static String num(double x) {
    if (x == 0) {
      return "0";
    }
    return BigDecimal.valueOf(x).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  private static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  private static RecordReader open(String path) throws IOException {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("file not found: " + path, new NoSuchFileException(path));
    }
    RecordReader.Format format;
    try {
      format = RecordReader.Format.forName(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    return RecordReader.open(path, Files.newInputStream(p), format);
  }
}
