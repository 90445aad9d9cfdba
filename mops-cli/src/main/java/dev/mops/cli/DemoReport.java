package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.flow.pipeline.DeadLetter;
import dev.mops.flow.pipeline.LeadEvents;
import dev.mops.flow.pipeline.LeadOutcome;
import dev.mops.flow.pipeline.Pipeline;
import dev.mops.flow.pipeline.PipelineDefinition;
import dev.mops.flow.pipeline.PipelineOutput;
import dev.mops.flow.pipeline.PipelineResult;
import dev.mops.flow.report.RunReport;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.metrics.attribution.Attribution;
import dev.mops.metrics.attribution.AttributionCoverage;
import dev.mops.metrics.attribution.AttributionModel;
import dev.mops.metrics.attribution.AttributionResult;
import dev.mops.metrics.attribution.Journeys;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaSummary;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import dev.mops.routing.RoutingDecision;
import dev.mops.scoring.LeadScore;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.TrafficSource;
import dev.mops.taxonomy.UtmParser;
import dev.mops.testkit.SyntheticLeads;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report half of {@code mops demo}: unpacks the bundled sample (the files under {@code
 * examples/} that the demo reads) into {@code <dir>/sample}, runs the lead pipeline that {@code
 * examples/demo/pipeline.yaml} defines on it (validate, normalise, account matching, scoring,
 * suppression, routing, notify), measures attribution, SLAs and duplicates, and writes {@code
 * <dir>/report.html} with {@link RunReport}, the dead letters and the notifications beside it.
 *
 * <p>Thread safety: one instance per run.
 */
final class DemoReport {

  /** Where the bundled examples are in the jar. */
  static final String EXAMPLES = "/dev/mops/cli/examples/";

  /** Every file under {@code examples/} the demo reads, unpacked into {@code <dir>/sample}. */
  static final List<String> SAMPLE = List.of(
      "scoring/leads.csv", "scoring/model.yaml", "demo/events.csv", "demo/lead-contract.yaml", "demo/segments.yaml",
      "demo/urls.csv", "demo/touches.csv", "demo/outcomes.csv", "demo/accounts.csv", "demo/suppression.csv",
      "demo/requests.csv", "demo/pipeline.yaml", "routing/routing.yaml", "pipeline/sla.yaml", "metrics/sla.yaml",
      "metrics/calendar-us.yaml", "dedupe/leads.yaml");

  /** When the leads are scored and routed: a Monday, 10:00 in New York, so that the US reps are at work. */
  static final Instant PIPELINE_AS_OF = Instant.parse("2026-11-02T15:00:00Z");
  /** When the requests' SLAs are measured: the end of October. */
  static final Instant SLA_AS_OF = Instant.parse("2026-10-31T21:00:00Z");
  /** The attribution models drawn side by side. */
  static final List<String> MODELS = List.of("first", "last", "linear", "position", "markov");
  /** The synthetic leads deduplicated, and their seed. */
  static final int DEDUPE_COUNT = 3_000;
  static final long DEDUPE_SEED = 7;

  /** What the run found, for the summary the demo prints and for tests. */
  record Run(Path report, PipelineResult pipeline, QualityReport quality, DedupeResult dedupe, PairwiseScore truth,
      List<LeadScore> scores, List<RoutingDecision> decisions, long suppressed, Map<String, Long> channels,
      List<AttributionResult> attribution, SlaSummary sla, long slaRequests) {}

  private final Path dir;
  private final Path sample;

  DemoReport(Path dir) {
    this.dir = dir;
    this.sample = dir.resolve("sample");
  }

  static InputStream resource(String examplePath) {
    InputStream in = DemoReport.class.getResourceAsStream(EXAMPLES + examplePath);
    if (in == null) {
      throw new IllegalStateException("demo resource missing from the jar: " + EXAMPLES + examplePath);
    }
    return in;
  }

  Run run(StandardStreams streams) throws IOException {
    unpack();
    DataContract contract = DataContracts.load(file("demo/lead-contract.yaml"));
    PipelineDefinition definition = PipelineDefinition.load(file("demo/pipeline.yaml"));
    Path leadsFile = definition.leads();
    List<Record> leads = records(leadsFile != null ? leadsFile : file("scoring/leads.csv"));

    // quality: the contract's profile of every lead as it arrived
    ProfileBuilder profile = QualityProfile.builder(contract).asOf(PIPELINE_AS_OF);
    leads.forEach(profile::add);
    QualityReport quality = QualityReport.of(contract, profile.build(), PIPELINE_AS_OF);

    // the pipeline: validate -> normalise -> accounts -> score -> suppression -> route -> notify, as
    // examples/demo/pipeline.yaml defines it
    StringBuilder notifications = new StringBuilder();
    Pipeline pipeline = definition.builder().notifications(n -> notifications.append(n.toJson()).append('\n')).build();
    LeadEvents events = definition.readEvents();
    List<LeadScore> scores = new ArrayList<>();
    List<RoutingDecision> decisions = new ArrayList<>();
    long[] suppressed = {0};
    StringBuilder deadLetters = new StringBuilder();
    PipelineResult result = pipeline.run(leads, events::of, PIPELINE_AS_OF, new PipelineOutput() {
      @Override
      public void lead(LeadOutcome outcome) {
        LeadScore s = outcome.score();
        if (s != null) {
          scores.add(s);
        }
        RoutingDecision d = outcome.routing();
        if (d != null) {
          decisions.add(d);
        } else if ("suppressed".equals(Values.asString(outcome.record().get("route_outcome")))) {
          suppressed[0]++;
        }
      }

      @Override
      public void deadLetter(DeadLetter dl) {
        deadLetters.append(dl.toJson()).append('\n');
      }
    });
    Files.writeString(dir.resolve("dead-letters.jsonl"), deadLetters, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notifications.jsonl"), notifications, StandardCharsets.UTF_8);

    // channel mix: how each lead arrived (its first touch), by GA4's default channel group
    UtmParser parser = UtmParser.standard();
    ChannelGroup ga4 = ChannelGroup.ga4Default();
    Journeys.Builder journeys = Journeys.builder();
    Map<String, String> firstChannel = new TreeMap<>();
    Map<String, Instant> firstAt = new HashMap<>();
    for (Record t : records("demo/touches.csv")) {
      String id = Values.asString(t.get("journey_id"));
      Instant at = Values.asInstant(t.get("timestamp"));
      String url = Values.asString(t.get("url"));
      if (id == null || at == null || url == null) {
        continue;
      }
      ParsedUrl parsed = parser.parse(url);
      TrafficSource source = TrafficSource.from(parsed);
      String channel = ga4.classify(source).channel();
      Number cost = Values.asNumber(t.get("cost"));
      journeys.touchpoint(id, at, channel, source.campaign(), cost == null ? 0 : cost.doubleValue(), List.of());
      Instant seen = firstAt.get(id);
      if (seen == null || at.isBefore(seen)) {
        firstAt.put(id, at);
        firstChannel.put(id, channel);
      }
    }
    Map<String, Long> channels = new TreeMap<>();
    firstChannel.values().forEach(c -> channels.merge(c, 1L, Long::sum));
    for (Record o : records("demo/outcomes.csv")) {
      journeys.outcome(o);
    }
    Journeys built = journeys.build();
    List<AttributionResult> attribution = new ArrayList<>();
    for (String m : MODELS) {
      attribution.add(Attribution.run(built, AttributionModel.named(m)));
    }
    AttributionCoverage coverage = AttributionCoverage.measure(built, null, AttributionCoverage::isValidChannel,
        AttributionCoverage::isValidCampaign, 5);

    // SLAs and time-to-campaign of the marketing-ops team's campaign requests
    SlaPolicy policy = SlaPolicy.load(file("metrics/sla.yaml"));
    SlaCommand.Run sla;
    FindingPrinter printer = new FindingPrinter(streams, new FailOnOption());
    try (RecordReader in = RecordReader.open(file("demo/requests.csv"))) {
      sla = SlaCommand.evaluate(in, "demo/requests.csv", null, p -> RecordReader.open(Path.of(p)), policy, SLA_AS_OF, "id",
          printer, null, null);
    }

    // duplicates: synthetic leads with known truth (nicknames, typos, plus-tagged emails, moves)
    SyntheticLeads.Dataset data = SyntheticLeads.generate(DEDUPE_COUNT, DEDUPE_SEED);
    DedupeConfig config = DedupeConfigs.load(file("dedupe/leads.yaml"));
    DedupeResult dedupe = Deduplicator.of(config).dedupe(data.records(), "id");
    PairwiseScore truth = PairwiseScore.of(dedupe, RecordRef.truthOf(data.entityOf()));

    RunReport report = RunReport.builder()
        .title("mops demo: a week of inbound leads")
        .asOf(PIPELINE_AS_OF)
        .source(leads.size() + " sample leads, their events and touches, 10 accounts, " + sla.read()
            + " campaign requests (read from " + sample + ")")
        .pipeline(result)
        .quality(quality)
        .duplicates(dedupe, String.format(java.util.Locale.ROOT,
            "%,d synthetic leads (SyntheticLeads, seed %d) with known truth, config %s %s", DEDUPE_COUNT, DEDUPE_SEED,
            "dedupe/leads.yaml", config.version()), truth)
        .scores(scores, "total", "mql")
        .routing(decisions, suppressed[0])
        .channels(ga4.name() + " " + ga4.version() + ", first touch of each lead", channels)
        .attribution(attribution, coverage, "demo/touches.csv · demo/outcomes.csv · channels by " + ga4.name())
        .operations(sla.summary(), "policy " + policy.name() + " " + policy.version() + " · " + sla.read() + " requests")
        .build();
    Path page = dir.resolve("report.html");
    Files.writeString(page, report.toHtml(), StandardCharsets.UTF_8);
    printer.finish();
    return new Run(page, result, quality, dedupe, truth, scores, decisions, suppressed[0], channels, attribution, sla.summary(), sla.read());
  }

  /** Copies the sample files out of the jar, so the report's inputs can be read, and reused, as files. */
  private void unpack() throws IOException {
    for (String f : SAMPLE) {
      Path target = sample.resolve(f);
      Files.createDirectories(target.getParent());
      try (InputStream in = resource(f)) {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private Path file(String examplePath) {
    return sample.resolve(examplePath);
  }

  private List<Record> records(String examplePath) throws IOException {
    return records(file(examplePath));
  }

  private static List<Record> records(Path path) throws IOException {
    List<Record> out = new ArrayList<>();
    try (RecordReader in = RecordReader.open(path)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        out.add(r.record());
      }
    }
    return out;
  }
}
