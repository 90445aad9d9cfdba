package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.DedupeEvaluation;
import dev.mops.identity.dedupe.DedupeLimitException;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.DedupeSource;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.LabelFile;
import dev.mops.identity.dedupe.PairwiseScore;
import dev.mops.identity.dedupe.RecordRef;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleBiFunction;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops dedupe-eval}: scores a dedupe clustering against the truth (pairwise and cluster
 * precision, recall and F1) and lists the worst false links and missed pairs, explained when the
 * input records are given.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "dedupe-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score a dedupe clustering against the truth: pairwise and cluster precision, recall and F1, and the worst "
          + "false links and missed pairs.",
      "The clusters are the output of mops dedupe (id,cluster_id or source,id,cluster_id). The truth is either "
          + "each record's entity (id,entity_id: the id column, then entity_id or the second column) or labelled "
          + "pairs (id_a,id_b,match or Splink's unique_id_l,unique_id_r,clerical_match_score).",
      "With --input (and --config when the run had one), the mistakes are ranked by match probability and "
          + "explained field by field, and the true pairs are broken down by the evidence their records share "
          + "(identifying fields, names and a city only, names only), with the recall of each.",
      "Example: mops dedupe-eval --clusters clusters.csv --truth truth.csv -i leads.csv --id-column lead_id"
    })
public final class DedupeEvalCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin IdOptions ids = new IdOptions();
  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--clusters", required = true, paramLabel = "FILE",
      description = "The clustering to score: CSV with id,cluster_id (source,id,cluster_id when several inputs were linked).")
  Path clusters = Path.of("clusters.csv");

  @Option(names = "--truth", required = true, paramLabel = "FILE",
      description = "The truth: CSV of id,entity_id (the first column is the id, the entity is entity_id or else the "
          + "second column; source,id,entity_id for several inputs), or labelled pairs.")
  Path truth = Path.of("truth.csv");

  @Option(names = "--config", paramLabel = "FILE",
      description = "The dedupe config of the run, for the explanations; inferred when absent, as mops dedupe does.")
  @Nullable Path config;

  @Option(names = "--link-only", description = "Count only pairs of records from different inputs (a --link-only run).")
  boolean linkOnly;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many false links and missed pairs to show (default: ${DEFAULT-VALUE}).")
  int top = 10;

  @Option(names = "--evidence-rows", paramLabel = "N", defaultValue = "15",
      description = "With the input: how many sets of agreeing fields to list in the breakdown of missed pairs by "
          + "shared evidence (default: ${DEFAULT-VALUE}; 0 prints the evidence classes only).")
  int evidenceRows = 15;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    PrintWriter err = streams.err();
    if (top < 0) {
      throw new UsageException("--top must be 0 or more, got " + top);
    }
    if (evidenceRows < 0) {
      throw new UsageException("--evidence-rows must be 0 or more, got " + evidenceRows);
    }
    Map<RecordRef, String> predicted = readClusters(clusters);
    List<String> truthHeader = header(truth);
    boolean pairs = false;
    for (LabelFile.Format f : LabelFile.Format.values()) {
      pairs |= truthHeader.containsAll(f.columns());
    }
    DedupeEvaluation eval;
    if (pairs) {
      LabelFile labels;
      try {
        labels = LabelFile.read(truth);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--truth: " + e.getMessage(), e);
      }
      eval = DedupeEvaluation.ofLabelledPairs(predicted, labels.pairs());
      if (labels.unreadable() > 0) {
        err.printf(Locale.ROOT, "dedupe-eval: %,d labelled pairs unreadable, skipped%n", labels.unreadable());
      }
    } else {
      eval = DedupeEvaluation.ofEntities(predicted, readTruth(truth, truthHeader), linkOnly);
    }
    PairwiseScore p = eval.pairwise();
    out.printf(Locale.ROOT, "records            %,d%n", predicted.size());
    out.printf(Locale.ROOT, "pairwise           precision %.4f  recall %.4f  F1 %.4f  (%,d predicted pairs, %,d true, "
        + "%,d both)%n", p.precision(), p.recall(), p.f1(), p.predicted(), p.actual(), p.truePositives());
    DedupeEvaluation.ClusterScore c = eval.clusters();
    if (c != null) {
      out.printf(Locale.ROOT, "clusters (B-cubed) precision %.4f  recall %.4f  F1 %.4f%n", c.bcubedPrecision(),
          c.bcubedRecall(), c.bcubedF1());
      out.printf(Locale.ROOT, "clusters (exact)   precision %.4f  recall %.4f  F1 %.4f  (%,d clusters, %,d true "
          + "entities)%n", c.exactPrecision(), c.exactRecall(), c.exactF1(), c.clusters(), c.entities());
    }
    out.printf(Locale.ROOT, "false links        %,d%nmissed pairs       %,d%n", eval.falseLinkCount(),
        eval.missedPairCount());
    boolean mistakes = top > 0 && !(eval.falseLinks().isEmpty() && eval.missedPairs().isEmpty());
    if (input.inputs.isEmpty() && !mistakes) {
      out.flush();
      return ExitCode.OK;
    }
    DedupeResult result = input.inputs.isEmpty() ? null : rerun(streams, predicted.keySet());
    if (result != null) {
      out.println();
      out.print(eval.evidence(result).toText(evidenceRows));
    }
    if (!mistakes) {
      out.flush();
      return failOn.exitCode();
    }
    ToDoubleBiFunction<RecordRef, RecordRef> probability = result == null ? (a, b) -> 0.0
        : (a, b) -> known(result, a, b) ? result.explain(a, b).probability() : 0.0;
    printMistakes(out, "worst false links (most confident first)", eval.worstFalseLinks(top, probability), result);
    printMistakes(out, "worst missed pairs (lowest probability first)", eval.worstMissedPairs(top, probability), result);
    if (result == null) {
      out.println("(give the input with -i, and --config if the run had one, to rank and explain these pairs)");
    }
    out.flush();
    return failOn.exitCode();
  }

  private static boolean known(DedupeResult result, RecordRef a, RecordRef b) {
    return result.clusterIdOf(a) != null && result.clusterIdOf(b) != null;
  }

  private static void printMistakes(PrintWriter out, String title, List<DedupeEvaluation.Mistake> list,
      @Nullable DedupeResult result) {
    out.println();
    out.println(title + ":");
    if (list.isEmpty()) {
      out.println("  none");
    }
    for (DedupeEvaluation.Mistake m : list) {
      if (result != null && known(result, m.a(), m.b())) {
        for (String line : result.explain(m.a(), m.b()).toText().split("\n")) {
          out.println("  " + line);
        }
      } else {
        out.println("  " + m.a() + " vs " + m.b());
      }
    }
  }

  /** Runs the dedupe again over the inputs to explain the pairs (the model is re-estimated). */
  private @Nullable DedupeResult rerun(StandardStreams streams, Set<RecordRef> refs) throws Exception {
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    List<String> inputs = input.names();
    boolean several = inputs.size() > 1;
    List<DedupeSource> sources = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    List<Record> sample = new ArrayList<>();
    for (String in : inputs) {
      List<Record> records = new ArrayList<>();
      try (RecordReader reader = input.open(in)) {
        Columns.require(in, reader.fields(), ids.column(), "--id-column");
        columns.addAll(reader.fields());
        Progress progress = Progress.start(progressOptions, streams, "dedupe-eval: reading " + in, input);
        for (InputRecord r; (r = reader.next()) != null; ) {
          printer.accept(r);
          records.add(r.record());
          if (sample.size() < 2000) {
            sample.add(r.record());
          }
          progress.update(records.size());
        }
        progress.done();
      }
      Path name = Path.of(in).getFileName();
      sources.add(new DedupeSource(several && name != null ? name.toString() : "", records));
    }
    printer.finish();
    DedupeConfig cfg;
    Path configFile = config;
    if (configFile != null) {
      cfg = DedupeConfigs.load(configFile);
    } else {
      List<String> candidates = new ArrayList<>(columns);
      candidates.remove(ids.column());
      try {
        cfg = DedupeConfigs.infer(candidates, sample);
      } catch (IllegalArgumentException e) {
        throw new UsageException("cannot infer a dedupe config: " + e.getMessage() + "; give --config", e);
      }
    }
    err.println("dedupe-eval: running the dedupe again over the input to explain the mistakes");
    try {
      Deduplicator engine = Deduplicator.of(cfg);
      DedupeResult r = several || linkOnly ? engine.link(sources, ids.column(), linkOnly)
          : engine.dedupe(sources.get(0).records(), ids.column());
      long unknown = refs.stream().filter(x -> r.clusterIdOf(x) == null).count();
      if (unknown > 0) {
        err.printf(Locale.ROOT, "warning: %,d records of the clusters file are not in the input%n", unknown);
      }
      return r;
    } catch (DedupeLimitException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
  }

  private static List<String> header(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new UsageException("file not found: " + file);
    }
    try (RecordReader reader = RecordReader.open(file)) {
      return reader.fields();
    }
  }

  /** Reads {@code id,cluster_id} or {@code source,id,cluster_id}. */
  private Map<RecordRef, String> readClusters(Path file) throws Exception {
    List<String> h = header(file);
    String id = h.contains(ids.column()) ? ids.column() : h.contains("id") ? "id" : null;
    if (id == null || !h.contains("cluster_id")) {
      throw new UsageException("--clusters: " + file + " has columns " + h + "; expected id,cluster_id (the output "
          + "of mops dedupe), or source,id,cluster_id");
    }
    return readGroups(file, h.contains("source") ? "source" : null, id, "cluster_id");
  }

  /** Reads {@code id,entity_id}: the id column, then entity_id or the second column. */
  private Map<RecordRef, String> readTruth(Path file, List<String> h) throws Exception {
    if (h.size() < 2) {
      throw new UsageException("--truth: " + file + " has columns " + h + "; expected id,entity_id or labelled pairs "
          + "(id_a,id_b,match)");
    }
    String source = h.contains("source") ? "source" : null;
    String id = h.contains(ids.column()) ? ids.column() : source != null && h.size() > 2 ? h.get(1) : h.get(0);
    String entity = h.contains("entity_id") ? "entity_id" : h.stream().filter(x -> !x.equals(id)
        && !x.equals("source")).findFirst().orElseThrow();
    return readGroups(file, source, id, entity);
  }

  private static Map<RecordRef, String> readGroups(Path file, @Nullable String sourceColumn, String idColumn,
      String groupColumn) throws Exception {
    Map<RecordRef, String> out = new HashMap<>();
    try (RecordReader reader = RecordReader.open(file)) {
      for (InputRecord r; (r = reader.next()) != null; ) {
        String id = Values.asString(r.record().get(idColumn));
        String group = Values.asString(r.record().get(groupColumn));
        if (id == null || id.isBlank() || group == null || group.isBlank()) {
          continue;
        }
        String source = sourceColumn == null ? "" : Values.asString(r.record().get(sourceColumn));
        out.put(new RecordRef(source == null ? "" : source.strip(), id.strip()), group.strip());
      }
    }
    return out;
  }
}
