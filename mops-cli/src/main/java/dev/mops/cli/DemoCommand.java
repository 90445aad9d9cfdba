package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.io.InputRecord;
import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.JobTitle;
import dev.mops.core.normalize.JobTitleClassifier;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.record.Values;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.MatchDecision;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.ScoredPair;
import dev.mops.flow.pipeline.PipelineResult;
import dev.mops.flow.pipeline.StageCounts;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.UtmParser;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops demo}: runs what mops can do on bundled sample data, prints a readable summary, and
 * writes the run report ({@link DemoReport}) into {@code --dir}.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run mops on bundled sample leads, print what it found, and write a report.",
      "Writes <dir>/report.html (one self-contained page), dead-letters.jsonl and notifications.jsonl.",
      "Unpacks the sample files it read (examples/demo/pipeline.yaml and what it names) under <dir>/sample.",
      "Example: mops demo --dir /tmp/mops-demo"
    })
public final class DemoCommand implements Callable<Integer> {

  static final String LEADS = "scoring/leads.csv";
  static final String SEGMENTS = "demo/segments.yaml";
  static final String URLS = "demo/urls.csv";

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "mops-demo",
      description = "Where the report (report.html), the dead letters, the notifications and the unpacked sample files go "
          + "(default: ${DEFAULT-VALUE}).")
  Path dir = Path.of("mops-demo");

  @Override
  public Integer call() throws IOException {
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("--dir: cannot create " + dir + ": " + e.getMessage(), e);
    }
    out.println("mops " + MopsVersion.version() + " demo");
    out.println();
    segments(out);
    normalizers(out);
    campaigns(out);
    quality(out);
    scoring(out);
    DemoReport.Run run = new DemoReport(dir).run(streams);
    dedupe(out, run.dedupe(), run.truth());
    pipeline(out, run);
    out.flush();
    return ExitCode.OK;
  }

  private static InputStream resource(String path) {
    return DemoReport.resource(path);
  }

  /** Prints what the pipeline did and where the report is. */
  private static void pipeline(PrintWriter out, DemoReport.Run run) {
    PipelineResult p = run.pipeline();
    out.printf(Locale.ROOT, "Pipeline %s %s (examples/demo/pipeline.yaml): %d leads, as of %s%n",
        p.name(), p.version(), p.read(), p.asOf());
    for (StageCounts c : p.stages()) {
      if (c.enabled()) {
        out.println("  " + c.describe());
      }
    }
    out.printf(Locale.ROOT, "  %d passed, %d dead letters (%s), counts %s%n", p.passed(), p.deadLettered(),
        run.report().resolveSibling("dead-letters.jsonl"), p.reconciles() ? "reconcile" : "DO NOT reconcile: " + p.problems());
    out.println("  owners' notifications with their due times: " + run.report().resolveSibling("notifications.jsonl"));
    long mql = run.scores().stream().filter(s -> s.threshold("mql")).count();
    out.printf(Locale.ROOT, "  %d MQLs of %d scored; routed %d, suppressed %d; %d campaign requests measured against the SLA%n",
        mql, run.scores().size(), run.decisions().size(), run.suppressed(), run.slaRequests());
    out.println();
    out.println("Report: " + run.report().toAbsolutePath().normalize().toUri());
    out.println("  (one self-contained page: quality, duplicates, scores and MQLs, routing, channels, attribution, SLA and TTC)");
  }

  /** Checks the sample leads against the bundled data contract and prints scores and the worst rules. */
  /** Normalizes the sample leads' emails, companies and titles. */
  private void normalizers(PrintWriter out) throws IOException {
    EmailNormalizer emails = EmailNormalizer.builder().build();
    CompanyNameNormalizer companies = CompanyNameNormalizer.builder().build();
    JobTitleClassifier titles = JobTitleClassifier.builder().build();
    Map<String, Integer> flags = new TreeMap<>();
    Map<String, Integer> seniority = new TreeMap<>();
    java.util.Set<String> companyKeys = new java.util.TreeSet<>();
    java.util.Set<String> companyNames = new java.util.TreeSet<>();
    int n = 0;
    try (RecordReader in = RecordReader.open("scoring/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        n++;
        NormalizedEmail e = emails.normalize(Values.asString(r.record().get("email")));
        e.flags().forEach(f -> flags.merge(f.name(), 1, Integer::sum));
        String company = Values.asString(r.record().get("company"));
        if (company != null) {
          companyNames.add(company);
          companyKeys.add(companies.normalize(company).key());
        }
        JobTitle t = titles.classify(Values.asString(r.record().get("title")));
        seniority.merge(t.seniority().name(), 1, Integer::sum);
      }
    }
    out.printf(Locale.ROOT, "Normalizers: %d leads; email flags %s; %d company spellings, %d companies after legal forms%n",
        n, flags, companyNames.size(), companyKeys.size());
    out.println("  seniority from titles: " + seniority);
    JobTitle example = titles.classify("Sr. Dir., Demand Gen");
    out.printf(Locale.ROOT, "  e.g. 'Sr. Dir., Demand Gen' -> %s, %s; 'The Acme Co., Inc.' -> '%s'%n",
        example.seniority(), example.department(), companies.normalize("The Acme Co., Inc.").key());
    out.println();
  }

  /** Parses the sample landing-page URLs and classifies their channels with GA4's default group. */
  private void campaigns(PrintWriter out) throws IOException {
    UtmParser parser = UtmParser.standard();
    ChannelGroup ga4 = ChannelGroup.ga4Default();
    Map<String, Integer> channels = new TreeMap<>();
    Map<String, Integer> diagnostics = new TreeMap<>();
    int n = 0;
    try (RecordReader in = RecordReader.open("demo/urls.csv", resource(URLS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        n++;
        ParsedUrl url = parser.parse(Values.asString(r.record().get("url")));
        channels.merge(ga4.classify(url).channel(), 1, Integer::sum);
        url.findings().forEach(f -> diagnostics.merge(f.code(), 1, Integer::sum));
      }
    }
    out.printf(Locale.ROOT, "Campaign URLs: %d landing pages, channels by %s %s:%n", n, ga4.name(), ga4.version());
    channels.forEach((k, v) -> out.printf(Locale.ROOT, "  %-26s %d%n", k, v));
    out.println("  diagnostics: " + diagnostics);
    out.println();
  }

  private void quality(PrintWriter out) throws IOException {
    dev.mops.quality.contract.DataContract contract;
    try (InputStream in = resource("demo/lead-contract.yaml")) {
      contract = dev.mops.quality.contract.DataContracts.read(ConfigLoader.standard().load("demo/lead-contract.yaml", in), null, null);
    }
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    var builder = dev.mops.quality.profile.QualityProfile.builder(contract).asOf(asOf);
    try (RecordReader in = RecordReader.open("scoring/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        builder.add(r.record());
      }
    }
    var report = dev.mops.quality.profile.QualityReport.of(contract, builder.build(), asOf);
    out.printf(Locale.ROOT, "Quality: %d leads checked against contract %s (version %s), as of %s: overall %.1f/100%n",
        report.profile().rows(), contract.name(), contract.version(), asOf, report.overallScore());
    for (var d : report.dimensions().values()) {
      if (d.scored()) {
        out.printf(Locale.ROOT, "  %-13s %5.1f%n", d.dimension().label(), d.score());
      }
    }
    for (var r : report.worstRules()) {
      out.printf(Locale.ROOT, "  %-5s %-20s %s%n", r.status().label(), r.rule().id(), r.rule().kind().recordLevel()
          ? r.failures() + " failing, e.g. " + r.samples() : r.note() + ", expected " + r.rule().expectation());
    }
    out.println("  (mops quality --contract ... --input ... --html report.html writes the full report)");
    out.println();
  }

  /** Segments the sample leads with the condition language, with findings and one explanation. */
  private void segments(PrintWriter out) throws IOException {
    ConfigDocument doc;
    try (InputStream in = resource(SEGMENTS)) {
      doc = ConfigLoader.standard().load("demo/segments.yaml", in);
    }
    Instant asOf = new AsOfOption.InstantConverter().convert(doc.root().string("as_of"));
    Schema schema =
        Schema.builder()
            .field("id", ValueType.STRING).field("email", ValueType.STRING)
            .field("first_name", ValueType.STRING).field("last_name", ValueType.STRING)
            .field("company", ValueType.STRING).field("title", ValueType.STRING)
            .field("country", ValueType.STRING).field("employees", ValueType.NUMBER)
            .field("industry", ValueType.STRING).field("last_visit", ValueType.INSTANT)
            .field("form_fills", ValueType.NUMBER).field("tags", ValueType.STRING_LIST)
            .build();
    Map<String, CompiledCondition> segments = new LinkedHashMap<>();
    for (ConfigNode item : doc.root().list("segments").items()) {
      ConfigNode.MapNode m = item.asMap("a segment").checkKeys(List.of("name", "when"));
      Condition c = ConditionYaml.read(m.require("when", "a condition"), schema);
      segments.put(m.string("name"), CompiledCondition.compile(c, schema));
    }

    List<ArrayRow> rows = new ArrayList<>();
    Map<String, Integer> findingCounts = new TreeMap<>();
    List<Finding> examples = new ArrayList<>();
    try (RecordReader in = RecordReader.open("scoring/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        ArrayRow row = schema.row(r.record(), f -> {
          findingCounts.merge(f.code() + " in " + f.field(), 1, Integer::sum);
          if (examples.size() < 3) {
            examples.add(f);
          }
        });
        rows.add(row);
      }
    }

    out.printf(Locale.ROOT, "Conditions: %d sample leads, %d segments from %s (version %s, %s), as of %s%n",
        rows.size(), segments.size(), doc.source(), doc.version(), doc.shortHash(), asOf);
    for (Map.Entry<String, CompiledCondition> e : segments.entrySet()) {
      long n = rows.stream().filter(r -> e.getValue().test(r, asOf)).count();
      out.printf(Locale.ROOT, "  %-26s %3d leads  %s%n", e.getKey(), n, Conditions.describe(e.getValue().condition()));
    }
    out.println();
    out.println("Bad data is reported, not thrown (the value reads as missing):");
    findingCounts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-34s %d%n", k, v));
    for (Finding f : examples) {
      out.printf(Locale.ROOT, "  e.g. %s %s '%s': %s%n", f.code(), f.field(), f.rawValue(), f.message());
    }
    out.println();
    String first = segments.keySet().iterator().next();
    CompiledCondition c = java.util.Objects.requireNonNull(segments.get(first));
    for (ArrayRow r : rows) {
      if (c.test(r, asOf)) {
        ConditionExplanation why = c.explain(r, asOf);
        out.println("Why " + r.get("id") + " is in " + first + ":");
        for (var o : why.decidedBy()) {
          out.println("  " + o.describe());
        }
        break;
      }
    }
    for (ArrayRow r : rows) {
      if (!c.test(r, asOf)) {
        ConditionExplanation why = c.explain(r, asOf);
        out.println("Why " + r.get("id") + " is not:");
        for (var o : why.decidedBy()) {
          out.println("  " + o.describe());
        }
        break;
      }
    }
    out.println();
  }

  /** Scores the sample leads with the bundled scoring model and explains the top lead. */
  private void scoring(PrintWriter out) throws IOException {
    dev.mops.scoring.ScoringModel model;
    try (InputStream in = resource("scoring/model.yaml")) {
      model = dev.mops.scoring.ScoringModel.from(ConfigLoader.standard().load("scoring/model.yaml", in));
    }
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    Map<String, List<ArrayRow>> events = new java.util.HashMap<>();
    try (RecordReader in = RecordReader.open("demo/events.csv", resource("demo/events.csv"), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        events.computeIfAbsent(String.valueOf(r.record().get("lead_id")), k -> new ArrayList<>())
            .add(model.eventRow(r.record(), dev.mops.core.FindingSink.IGNORE));
      }
    }
    dev.mops.scoring.BatchScorer scorer = model.scorer().batch();
    Map<String, Integer> grades = new TreeMap<>();
    int mql = 0;
    int leads = 0;
    dev.mops.scoring.ScoreExplanation best = null;
    String bestId = "";
    try (RecordReader in = RecordReader.open("scoring/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        leads++;
        List<ArrayRow> ev = events.getOrDefault(String.valueOf(r.record().get("id")), List.of());
        dev.mops.scoring.ScoreExplanation e =
            scorer.explain(model.leadRow(r.record(), dev.mops.core.FindingSink.IGNORE), ev, asOf);
        grades.merge(e.score().grade(), 1, Integer::sum);
        mql += e.score().threshold("mql") ? 1 : 0;
        if (best == null || e.score().score("total") > best.score().score("total")) {
          best = e;
          bestId = String.valueOf(r.record().get("id"));
        }
      }
    }
    out.printf(Locale.ROOT, "Scoring: %d sample leads with %s %s (%d rules), as of %s%n",
        leads, model.name(), model.version(), model.ruleCount(), asOf);
    out.println("  grades: " + grades);
    out.printf(Locale.ROOT, "  MQLs: %d%n", mql);
    if (best != null) {
      out.println("Why the top lead, " + bestId + ", scores as it does:");
      best.describe().lines().forEach(l -> out.println("  " + l.strip()));
    }
    out.println();
  }

  /** Prints the deduplication of the synthetic leads (with the bundled config), its score and one explained match. */
  private static void dedupe(PrintWriter out, DedupeResult result, PairwiseScore score) {
    int count = DemoReport.DEDUPE_COUNT;
    long seed = DemoReport.DEDUPE_SEED;
    DedupeConfig config = result.config();
    long review = result.pairs().stream()
        .filter(p -> p.decision() == MatchDecision.REVIEW).count();
    out.printf(Locale.ROOT, "Dedupe: %,d synthetic leads (seed %d: nicknames, typos, plus-tagged emails, phone formats, moves)%n",
        count, seed);
    out.printf(Locale.ROOT, "  %,d candidate pairs from %d blocking passes, %,d clusters, %d pairs for review%n",
        result.blockingReport().candidatePairs(), config.blockingKeys().size(), result.clusters().size(), review);
    out.printf(Locale.ROOT, "  against the generator's truth: precision %.4f, recall %.4f, F1 %.4f%n",
        score.precision(), score.recall(), score.f1());
    for (ScoredPair p : result.pairs()) {
      if (p.decision() != MatchDecision.MATCH) {
        continue;
      }
      String a = result.value(p.a(), "first_name");
      String b = result.value(p.b(), "first_name");
      String ea = result.value(p.a(), "email");
      String eb = result.value(p.b(), "email");
      if (a != null && b != null && !a.equalsIgnoreCase(b) && ea != null && eb != null && !ea.equalsIgnoreCase(eb)) {
        out.println("Why " + p.a().id() + " and " + p.b().id() + " are one person:");
        result.explain(p.a(), p.b()).toText().lines().forEach(l -> out.println("  " + l.strip()));
        break;
      }
    }
    out.println();
  }
}
