package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.quality.dedupe.BlockingReport;
import dev.mops.quality.dedupe.DedupeConfig;
import dev.mops.quality.dedupe.DedupeResult;
import dev.mops.quality.dedupe.DedupeSource;
import dev.mops.quality.dedupe.Deduplicator;
import dev.mops.quality.dedupe.FieldExplanation;
import dev.mops.quality.dedupe.GoldenRecord;
import dev.mops.quality.dedupe.MatchDecision;
import dev.mops.quality.dedupe.PairExplanation;
import dev.mops.quality.dedupe.RecordRef;
import dev.mops.quality.dedupe.ScoredPair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
      "Find duplicate records (one input) or link records across inputs (several), with a",
      "Fellegi-Sunter model estimated from the data. Without --config, field kinds, comparators",
      "and blocking keys are inferred from the column names and values.",
      "Example: mops dedupe -i leads.csv --id-column id -o clusters.csv --pairs pairs.csv --golden golden.csv"
    })
public final class DedupeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Records to read (CSV or JSON Lines); repeat to link several sources.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--input-format", paramLabel = "FORMAT", description = "csv or jsonl; by default from the file name.")
  @Nullable String inputFormat;

  @Option(names = "--id-column", required = true, paramLabel = "COLUMN", description = "The column holding each record's id.")
  String idColumn = "id";

  @Option(names = "--config", paramLabel = "FILE", description = "Dedupe config (YAML/JSON); inferred when absent.")
  @Nullable Path config;

  @Option(names = "--link-only", description = "Compare only records from different inputs (needs two inputs or more).")
  boolean linkOnly;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      defaultValue = "-",
      description = "Clusters: one row per input record with source (several inputs), id, cluster_id. '-' for stdout.")
  String output = "-";

  @Option(names = "--pairs", paramLabel = "FILE", description = "Scored pairs at or above the review threshold, with explanations.")
  @Nullable String pairs;

  @Option(names = "--golden", paramLabel = "FILE", description = "One golden record per cluster, with its lineage.")
  @Nullable String golden;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = spec.commandLine().getErr();
    if (linkOnly && inputs.size() < 2) {
      throw new UsageException("--link-only needs two inputs or more");
    }
    boolean several = inputs.size() > 1;
    List<DedupeSource> sources = new ArrayList<>();
    Set<String> columns = new LinkedHashSet<>();
    Set<String> names = new HashSet<>();
    List<Record> sample = new ArrayList<>();
    long read = 0;
    int shown = 0;
    for (String input : inputs) {
      String name = several ? Path.of(input).getFileName().toString() : "";
      if (!names.add(name)) {
        throw new UsageException("two inputs have the file name '" + name + "'; rename one");
      }
      List<Record> records = new ArrayList<>();
      try (RecordReader in = InputOptions.open(input, inputFormat)) {
        if (!in.fields().contains(idColumn)) {
          throw new UsageException(input + " has no column '" + idColumn + "' (columns: " + in.fields() + ")");
        }
        columns.addAll(in.fields());
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          for (Finding f : r.findings()) {
            failOn.count(f);
            if (shown++ < 20) {
              err.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
            }
          }
          records.add(r.record());
          if (sample.size() < 2000) {
            sample.add(r.record());
          }
        }
      }
      sources.add(new DedupeSource(name, records));
    }
    DedupeConfig cfg;
    if (config != null) {
      cfg = DedupeConfig.load(config);
    } else {
      List<String> candidates = new ArrayList<>(columns);
      candidates.remove(idColumn);
      try {
        cfg = DedupeConfig.infer(candidates, sample);
      } catch (IllegalArgumentException e) {
        throw new UsageException("cannot infer a dedupe config: " + e.getMessage() + "; give --config", e);
      }
      err.println("dedupe: no --config; inferred fields " + describeFields(cfg) + "; blocking on "
          + cfg.blockingKeys().size() + " keys");
    }
    Deduplicator engine = Deduplicator.of(cfg);
    DedupeResult result = several || linkOnly
        ? engine.link(sources, idColumn, linkOnly)
        : engine.dedupe(sources.get(0).records(), idColumn);
    for (Finding f : result.findings()) {
      failOn.count(f);
    }
    writeClusters(result, several);
    if (pairs != null) {
      writePairs(result, pairs);
    }
    if (golden != null) {
      writeGolden(result, golden);
    }
    long matches = result.pairs().stream().filter(p -> p.decision() == MatchDecision.MATCH).count();
    long review = result.pairs().size() - matches;
    long multi = result.clusters().stream().filter(c -> c.size() > 1).count();
    err.printf(Locale.ROOT, "dedupe: %,d records read, %,d candidate pairs, %,d matches, %,d to review, %,d clusters (%,d with duplicates); config %s; %s%n",
        read, result.blockingReport().candidatePairs(), matches, review, result.clusters().size(), multi,
        cfg.version(), failOn.summary());
    for (BlockingReport.Pass p : result.blockingReport().passes()) {
      if (p.oversizedBlocks() > 0) {
        err.printf(Locale.ROOT, "  blocking %s: %,d blocks over max_block_size skipped (%,d pairs not compared)%n",
            p.key(), p.oversizedBlocks(), p.skippedPairs());
      }
    }
    return failOn.exitCode();
  }

  private static String describeFields(DedupeConfig cfg) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    cfg.fields().forEach(f -> j.add(f.field() + ":" + f.kind().label()));
    return j.toString();
  }

  private void writeClusters(DedupeResult result, boolean several) throws Exception {
    List<String> fields = several ? List.of("source", "id", "cluster_id") : List.of("id", "cluster_id");
    try (RecordWriter out = OutputOptions.open(output, null, fields)) {
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

  private static void writePairs(DedupeResult result, String path) throws Exception {
    List<String> fields = List.of("source_a", "id_a", "source_b", "id_b", "probability", "match_weight", "decision", "explanation");
    try (RecordWriter out = OutputOptions.open(path, null, fields)) {
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

  private static void writeGolden(DedupeResult result, String path) throws Exception {
    List<GoldenRecord> records = result.goldenRecords();
    Set<String> columns = new LinkedHashSet<>();
    for (GoldenRecord g : records) {
      columns.addAll(g.values().keySet());
    }
    List<String> fields = new ArrayList<>(List.of("cluster_id", "record_count", "lineage"));
    fields.addAll(columns);
    try (RecordWriter out = OutputOptions.open(path, null, fields)) {
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
