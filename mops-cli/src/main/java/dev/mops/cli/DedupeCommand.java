package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.BlockingReport;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeLimitException;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.DedupeSource;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.FieldExplanation;
import dev.mops.identity.dedupe.GoldenRecord;
import dev.mops.identity.dedupe.LabelTraining;
import dev.mops.identity.dedupe.LabelFile;
import dev.mops.identity.dedupe.MatchDecision;
import dev.mops.identity.dedupe.PairExplanation;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.ScoredPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops dedupe}: finds the records that are the same entity, in one file or across several,
 * and writes each record's cluster, the scored pairs and golden records.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "dedupe",
    mixinStandardHelpOptions = true,
    description = {
      "Find duplicate records in one input, or link records across several inputs.",
      "A Fellegi-Sunter model is estimated from the data. Without --config, field kinds, comparators and "
          + "blocking keys are inferred from the column names and values. With --labels, m and u are learned "
          + "from pairs a person has labelled as match or not.",
      "Example: mops dedupe -i leads.csv -o clusters.csv --pairs pairs.csv --golden golden.csv"
    })
public final class DedupeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--config", paramLabel = "FILE", description = "Dedupe config (YAML/JSON); inferred when absent.")
  @Nullable Path config;

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = "Labelled pairs to learn m and u from, then dedupe with that model: CSV with header "
          + "id_a,id_b,match (match: 1/0, true/false, yes/no, match/non-match) or Splink's "
          + "unique_id_l,unique_id_r,clerical_match_score (score >= 0.5 is a match). With several inputs, ids "
          + "are written file:id (as in the source column).")
  @Nullable String labels;

  @Option(names = "--save-model", paramLabel = "FILE",
      description = "Also write the trained model (m, u, lambda, term frequencies, junk values, config hash) as JSON, "
          + "for --model or a MatchIndex.")
  @Nullable Path saveModel;

  @Option(names = "--model", paramLabel = "FILE",
      description = "Score with a model saved by --save-model instead of estimating one; the config (given or "
          + "inferred) must compare the same fields as the one it was trained with.")
  @Nullable Path model;

  @Option(names = "--explain-blocking",
      description = "Also print, per blocking pass, its key, records with a key, blocks compared, pairs made, pairs new to "
          + "the run, and the blocks skipped (over max_block_size or the pair budget) with their pairs.")
  boolean explainBlocking;

  @Option(names = "--link-only", description = "Compare only records from different inputs (needs two inputs or more).")
  boolean linkOnly;

  @Option(names = "--pairs", paramLabel = "FILE",
      description = "Also write the scored pairs at or above the review threshold, with explanations.")
  @Nullable String pairs;

  @Option(names = "--golden", paramLabel = "FILE",
      description = "Also write one golden record per cluster, with its lineage. The --output is the clusters: "
          + "one row per input record with source (several inputs), id, cluster_id.")
  @Nullable String golden;

  /**
   * Counts the input files' lines (a fast byte scan; standard input is not counted) and refuses,
   * in one line, a run whose records would not fit in the heap, before reading them.
   */
  private static void refuseWhatTheHeapCannotHold(List<String> inputs) throws java.io.IOException {
    long lines = 0;
    for (String input : inputs) {
      if (!input.equals("-") && java.nio.file.Files.isRegularFile(Path.of(input))) {
        boolean jsonLines = input.endsWith(".jsonl") || input.endsWith(".ndjson");
        lines += Math.max(0, countLines(Path.of(input)) - (jsonLines ? 0 : 1)); // a CSV's header is no record
      }
    }
    try {
      Deduplicator.pairBudget(lines, Runtime.getRuntime().maxMemory());
    } catch (DedupeLimitException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
  }

  private static long countLines(Path file) throws java.io.IOException {
    long lines = 0;
    byte[] buf = new byte[1 << 16];
    try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
      for (int r; (r = in.read(buf)) > 0; ) {
        for (int i = 0; i < r; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
    }
    return lines;
  }

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    List<String> inputs = input.names();
    String idColumn = ids.column();
    if (linkOnly && inputs.size() < 2) {
      throw new UsageException("--link-only needs two inputs or more");
    }
    boolean several = inputs.size() > 1;
    refuseWhatTheHeapCannotHold(inputs);
    List<String> sourceNames = new ArrayList<>();
    for (String in : inputs) {
      String name = several ? fileName(in) : "";
      if (sourceNames.contains(name)) {
        throw new UsageException("two inputs have the file name '" + name + "'; rename one");
      }
      sourceNames.add(name);
    }
    LabelFile labelFile = null;
    if (labels != null) {
      labelFile = readLabels(streams, labels, several ? sourceNames : List.of());
    }
    List<DedupeSource> sources = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    List<Record> sample = new ArrayList<>();
    long read = 0;
    for (int s = 0; s < inputs.size(); s++) {
      String in = inputs.get(s);
      List<Record> records = new ArrayList<>();
      try (RecordReader reader = input.open(in)) {
        if (reader instanceof CsvReader || !reader.fields().isEmpty()) {
          Columns.require(in, reader.fields(), idColumn, "--id-column");
        }
        columns.addAll(reader.fields());
        Progress progress = Progress.start(progressOptions, streams, "dedupe: reading " + displayName(in), input);
        for (InputRecord r; (r = reader.next()) != null; ) {
          read++;
          printer.accept(r);
          records.add(r.record());
          if (sample.size() < 2000) {
            sample.add(r.record());
          }
          progress.update(records.size());
        }
        progress.done();
      }
      sources.add(new DedupeSource(sourceNames.get(s), records));
    }
    DedupeConfig cfg;
    Path configFile = config;
    if (configFile != null) {
      cfg = DedupeConfigs.load(configFile);
      checkConfigColumns(err, cfg, new ArrayList<>(columns), inputs);
    } else {
      List<String> candidates = new ArrayList<>(columns);
      candidates.remove(idColumn);
      try {
        cfg = DedupeConfigs.infer(candidates, sample);
      } catch (IllegalArgumentException e) {
        throw new UsageException("cannot infer a dedupe config: " + e.getMessage() + "; give --config", e);
      }
      err.println("dedupe: no --config; inferred fields " + describeFields(cfg) + "; blocking on "
          + cfg.blockingKeys().size() + " keys");
    }
    Deduplicator engine = Deduplicator.of(cfg);
    Path modelFile = model;
    if (modelFile != null) {
      if (labels != null) {
        throw new UsageException("--model and --labels cannot be used together: the labels would train a new model");
      }
      if (!java.nio.file.Files.isRegularFile(modelFile)) {
        throw new UsageException("--model: file not found: " + modelFile);
      }
      dev.mops.identity.dedupe.SavedModel saved = dev.mops.identity.dedupe.SavedModel.read(modelFile);
      try {
        engine = Deduplicator.withModel(cfg, saved);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--model " + modelFile + ": " + e.getMessage(), e);
      }
      err.println("dedupe: scoring with the model of " + modelFile + " (not re-estimated)");
    }
    Progress phases = Progress.start(progressOptions, streams, "dedupe", null);
    if (labelFile != null) {
      Deduplicator untrained = engine;
      LabelFile lf = labelFile;
      LabelTraining training = phases.during("learning from " + lf.pairs().size() + " labelled pairs",
          () -> several || linkOnly
              ? untrained.trainFromLabels(sources, idColumn, linkOnly, lf.pairs())
              : untrained.trainFromLabels(sources.get(0).records(), idColumn, lf.pairs()));
      List<Finding> labelFindings = new ArrayList<>(lf.findings());
      labelFindings.addAll(training.findings());
      boolean unknown = false;
      for (Finding f : labelFindings) {
        unknown |= f.code().equals("LABEL_UNKNOWN_ID");
        printer.accept(f);
      }
      if (unknown && several) {
        err.println("  (with several inputs, label ids are written FILE:ID, FILE being the input's file name, such as "
            + sources.get(0).name() + ":ID)");
      }
      err.printf(Locale.ROOT, "dedupe: trained from %,d labelled pairs (%,d matches, %,d non-matches); %,d skipped%n",
          training.used(), training.matches(), training.nonMatches(), training.skipped() + lf.unreadable());
      engine = Deduplicator.withModel(cfg, training.model());
    }
    long total = read;
    PhaseReporter reporter = new PhaseReporter(err, total, !phases.enabled() && !Boolean.FALSE.equals(progressOptions.progress));
    Deduplicator chosen = engine.withProgress(reporter);
    DedupeResult result;
    try {
      result = phases.during(reporter::status,
          () -> several || linkOnly
              ? chosen.link(sources, idColumn, linkOnly)
              : chosen.dedupe(sources.get(0).records(), idColumn));
    } catch (DedupeLimitException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    printer.acceptAll(result.findings());
    printer.finish();
    writeClusters(result, several);
    String pairsFile = pairs;
    if (pairsFile != null) {
      writePairs(result, pairsFile);
    }
    String goldenFile = golden;
    if (goldenFile != null) {
      writeGolden(result, goldenFile);
    }
    Path saveFile = saveModel;
    if (saveFile != null) {
      dev.mops.identity.dedupe.SavedModel.of(result).write(saveFile);
    }
    long matches = result.pairs().stream().filter(p -> p.decision() == MatchDecision.MATCH).count();
    long review = result.pairs().size() - matches;
    long multi = result.clusters().stream().filter(c -> c.size() > 1).count();
    err.printf(Locale.ROOT, "dedupe: %,d records read, %,d candidate pairs, %,d matches, %,d to review, %,d clusters (%,d with duplicates); config %s; %s%n",
        read, result.blockingReport().candidatePairs(), matches, review, result.clusters().size(), multi,
        cfg.version(), failOn.summary());
    if (explainBlocking) {
      err.printf(Locale.ROOT, "blocking: %d passes, %,d candidate pairs in all%n", result.blockingReport().passes().size(),
          result.blockingReport().candidatePairs());
      for (BlockingReport.Pass p : result.blockingReport().passes()) {
        err.printf(Locale.ROOT, "  %-50s %,d records with a key, %,d blocks, %,d pairs (%,d new), %,d blocks skipped (%,d pairs)%n",
            p.key(), p.recordsWithKey(), p.blocks(), p.pairs(), p.newPairs(), p.oversizedBlocks(), p.skippedPairs());
      }
    }
    for (BlockingReport.KeyChange c : result.blockingReport().keyChanges()) {
      String loss = c.sampledDuplicates() == 0 ? "recall loss not estimated (no email, phone or id to sample duplicates by)"
          : String.format(Locale.ROOT, "estimated recall loss %.2f%% (%,d of %,d sampled pairs sharing %s)",
              100 * c.recallLoss(), c.lostDuplicates(), c.sampledDuplicates(), c.evidence());
      String refinedTo = c.refinedTo();
      if (refinedTo != null) {
        err.printf(Locale.ROOT, "  blocking %s: about %,d pairs, over its share of the pair budget; refined to %s (about %,d); %s%n",
            c.key(), c.pairsBefore(), refinedTo, c.pairsAfter(), loss);
      } else {
        err.printf(Locale.ROOT, "  blocking %s: about %,d pairs, over its share of the pair budget; dropped; %s%n",
            c.key(), c.pairsBefore(), loss);
      }
    }
    for (BlockingReport.Pass p : result.blockingReport().passes()) {
      if (!explainBlocking && p.oversizedBlocks() > 0) {
        err.printf(Locale.ROOT, "  blocking %s: %,d blocks over max_block_size or the pair budget skipped (%,d pairs not compared)%n",
            p.key(), p.oversizedBlocks(), p.skippedPairs());
      }
    }
    return failOn.exitCode();
  }

  /**
   * The library's progress as the CLI shows it: the status the progress line reads (phase, count
   * of total), and, when no progress line is shown (stderr is not a terminal), one line on stderr
   * when a phase that took 5 seconds or more ends, so a long run in a log is never silent.
   */
  static final class PhaseReporter implements dev.mops.identity.dedupe.DedupeProgress {
    private final PrintWriter err;
    private final boolean log;
    private volatile String status;
    private long phaseStart = System.nanoTime();

    PhaseReporter(PrintWriter err, long records, boolean log) {
      this.err = err;
      this.log = log;
      this.status = String.format(Locale.ROOT, "matching %,d records", records);
    }

    String status() {
      return status;
    }

    @Override
    public void update(Phase phase, long done, long total) {
      String name = phase.name().toLowerCase(Locale.ROOT);
      if (done == 0) {
        phaseStart = System.nanoTime();
      }
      status = String.format(Locale.ROOT, "%s: %,d of %,d %s", name, done, total, phase.unit());
      long took = System.nanoTime() - phaseStart;
      if (log && done == total && took >= 5_000_000_000L) {
        err.printf(Locale.ROOT, "dedupe: %s done: %,d %s in %s%n", name, total, phase.unit(), Progress.clock(took));
        err.flush();
      }
    }
  }

  /**
   * Checks the config's fields against the inputs' columns: none of them is a usage error, a
   * missing one a warning (it reads as missing in every record), each with a did-you-mean.
   */
  private static void checkConfigColumns(PrintWriter err, DedupeConfig cfg, List<String> columns, List<String> inputs) {
    List<String> wanted = new ArrayList<>();
    cfg.fields().forEach(f -> {
      if (!wanted.contains(f.field())) {
        wanted.add(f.field());
      }
    });
    List<String> missing = new ArrayList<>(wanted);
    missing.removeAll(columns);
    if (columns.isEmpty() || missing.isEmpty()) {
      return;
    }
    String where = inputs.size() == 1 ? inputs.get(0) : "the inputs";
    if (missing.size() == wanted.size()) {
      throw Columns.noneOf(where, columns, wanted, "of the dedupe config");
    }
    for (String m : missing) {
      err.println("warning: " + where + " has no column '" + m + "' (dedupe config)" + Columns.didYouMean(m, columns)
          + "; every record reads it as missing");
    }
  }

  private static String fileName(String path) {
    Path name = Path.of(path).getFileName();
    return name == null ? path : name.toString();
  }

  private static String displayName(String path) {
    return path.equals(InputOptions.STDIN) ? "stdin" : fileName(path);
  }

  /** Reads the --labels file with the library's {@link LabelFile}; a header with neither layout is a usage error. */
  private static LabelFile readLabels(StandardStreams streams, String path, List<String> sourceNames)
      throws java.io.IOException {
    try {
      if (path.equals(InputOptions.STDIN)) {
        return LabelFile.read("<stdin>", streams.in(), sourceNames);
      }
      Path p = Path.of(path);
      if (!java.nio.file.Files.isRegularFile(p)) {
        throw new UsageException("--labels: file not found: " + path);
      }
      return LabelFile.read(p, sourceNames);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--labels: " + e.getMessage(), e);
    }
  }

  private static String describeFields(DedupeConfig cfg) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    cfg.fields().forEach(f -> j.add(f.field() + ":" + f.kind().label()));
    return j.toString();
  }

  private void writeClusters(DedupeResult result, boolean several) throws Exception {
    List<String> fields = several ? List.of("source", "id", "cluster_id") : List.of("id", "cluster_id");
    try (RecordWriter out = output.open(fields)) {
      for (Map.Entry<RecordRef, String> e : result.clusterIds().entrySet()) {
        List<@Nullable Object> row = new ArrayList<>(3);
        if (several) {
          row.add(e.getKey().source());
        }
        row.add(e.getKey().id());
        row.add(e.getValue());
        out.write(row);
      }
    }
  }

  private void writePairs(DedupeResult result, String path) throws Exception {
    List<String> fields = List.of("source_a", "id_a", "source_b", "id_b", "probability", "match_weight", "decision", "explanation");
    try (RecordWriter out = output.openOther(path, null, fields)) {
      for (ScoredPair p : result.pairs()) {
        PairExplanation e = result.explain(p.a(), p.b());
        StringJoiner why = new StringJoiner("; ");
        for (FieldExplanation f : e.fields()) {
          why.add(String.format(Locale.ROOT, "%s %s %+.2f", f.field(), f.levelName(), f.weight()));
        }
        out.write(List.of(p.a().source(), p.a().id(), p.b().source(), p.b().id(),
            String.format(Locale.ROOT, "%.6f", p.probability()), String.format(Locale.ROOT, "%.3f", p.matchWeight()),
            p.decision().name().toLowerCase(Locale.ROOT), why.toString()));
      }
    }
  }

  private void writeGolden(DedupeResult result, String path) throws Exception {
    List<GoldenRecord> records = result.goldenRecords();
    Set<String> columns = new LinkedHashSet<>();
    for (GoldenRecord g : records) {
      columns.addAll(g.values().keySet());
    }
    List<String> fields = new ArrayList<>(List.of("cluster_id", "record_count", "lineage"));
    fields.addAll(columns);
    try (RecordWriter out = output.openOther(path, null, fields)) {
      for (GoldenRecord g : records) {
        List<@Nullable Object> row = new ArrayList<>(fields.size());
        row.add(g.clusterId());
        row.add(g.lineage().size());
        StringJoiner lineage = new StringJoiner(" ");
        g.lineage().forEach(r -> lineage.add(r.toString()));
        row.add(lineage.toString());
        for (String c : columns) {
          row.add(g.values().get(c));
        }
        out.write(row);
      }
    }
  }
}
