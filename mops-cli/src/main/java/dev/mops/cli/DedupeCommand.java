package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
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
import dev.mops.identity.dedupe.LabelledPair;
import dev.mops.identity.dedupe.MatchDecision;
import dev.mops.identity.dedupe.PairExplanation;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.dedupe.ScoredPair;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
      "With --labels, m and u are learned from pairs a person has labelled as match or not.",
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

  @Option(
      names = "--labels",
      paramLabel = "FILE",
      description = {
        "Labelled pairs to learn m and u from, then dedupe with that model: CSV with header id_a,id_b,match",
        "(match: 1/0, true/false, yes/no, match/non-match) or Splink's unique_id_l,unique_id_r,clerical_match_score",
        "(score >= 0.5 is a match). With several inputs, ids are written file:id (as in the source column)."
      })
  @Nullable String labels;

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

  /**
   * Counts the input files' lines (a fast byte scan; standard input is not counted) and refuses,
   * in one line, a run whose records would not fit in the heap, before reading them.
   */
  private void refuseWhatTheHeapCannotHold() throws java.io.IOException {
    long lines = 0;
    for (String input : inputs) {
      if (!input.equals("-") && java.nio.file.Files.isRegularFile(Path.of(input))) {
        boolean jsonLines = "jsonl".equalsIgnoreCase(inputFormat) || input.endsWith(".jsonl") || input.endsWith(".ndjson");
        lines += Math.max(0, countLines(Path.of(input)) - (jsonLines ? 0 : 1)); // a CSV's header is no record
      }
    }
    try {
      Deduplicator.pairBudget(lines, Runtime.getRuntime().maxMemory());
    } catch (DedupeLimitException e) {
      throw new UsageException(e.getMessage(), e);
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
    PrintWriter err = spec.commandLine().getErr();
    if (linkOnly && inputs.size() < 2) {
      throw new UsageException("--link-only needs two inputs or more");
    }
    boolean several = inputs.size() > 1;
    refuseWhatTheHeapCannotHold();
    List<Finding> labelFindings = new ArrayList<>();
    List<LabelledPair> labelled = labels == null ? List.of() : readLabels(labels, several, labelFindings);
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
      cfg = DedupeConfigs.load(config);
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
    if (labels != null) {
      LabelTraining training = several || linkOnly
          ? engine.trainFromLabels(sources, idColumn, linkOnly, labelled)
          : engine.trainFromLabels(sources.get(0).records(), idColumn, labelled);
      labelFindings.addAll(training.findings());
      int labelShown = 0;
      boolean unknown = false;
      for (Finding f : labelFindings) {
        failOn.count(f);
        unknown |= f.code().equals("LABEL_UNKNOWN_ID");
        if (f.code().startsWith("LABEL_") && labelShown++ < 20) {
          err.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
        }
      }
      if (unknown && several) {
        err.println("  (with several inputs, label ids are written FILE:ID, FILE being the input's file name, such as "
            + sources.get(0).name() + ":ID)");
      }
      long unreadable = labelFindings.stream().filter(f -> f.code().equals("LABEL_UNREADABLE")).count();
      err.printf(Locale.ROOT, "dedupe: trained from %,d labelled pairs (%,d matches, %,d non-matches); %,d skipped%n",
          training.used(), training.matches(), training.nonMatches(), training.skipped() + unreadable);
      engine = Deduplicator.withModel(cfg, training.model());
    }
    DedupeResult result;
    try {
      result = several || linkOnly
          ? engine.link(sources, idColumn, linkOnly)
          : engine.dedupe(sources.get(0).records(), idColumn);
    } catch (DedupeLimitException e) {
      throw new UsageException(e.getMessage(), e);
    }
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
        err.printf(Locale.ROOT, "  blocking %s: %,d blocks over max_block_size or the pair budget skipped (%,d pairs not compared)%n",
            p.key(), p.oversizedBlocks(), p.skippedPairs());
      }
    }
    return failOn.exitCode();
  }

  /**
   * Reads a labels file; rows whose match value or ids cannot be read become LABEL_UNREADABLE
   * findings. With several inputs, Splink's source_dataset_l/_r columns (when present) name the
   * input, by file name or by file name without its extension.
   */
  private List<LabelledPair> readLabels(String path, boolean several, List<Finding> findings) throws Exception {
    Map<String, String> sourceNames = new HashMap<>();
    for (String input : inputs) {
      String name = Path.of(input).getFileName().toString();
      int dot = name.lastIndexOf('.');
      sourceNames.put(name, name);
      if (dot > 0) {
        sourceNames.putIfAbsent(name.substring(0, dot), name);
      }
    }
    List<LabelledPair> out = new ArrayList<>();
    try (RecordReader in = InputOptions.open(path, "csv")) {
      List<String> header = in.fields();
      String idA;
      String idB;
      String matchColumn;
      boolean score;
      if (header.containsAll(List.of("id_a", "id_b", "match"))) {
        idA = "id_a";
        idB = "id_b";
        matchColumn = "match";
        score = false;
      } else if (header.containsAll(List.of("unique_id_l", "unique_id_r", "clerical_match_score"))) {
        idA = "unique_id_l";
        idB = "unique_id_r";
        matchColumn = "clerical_match_score";
        score = true;
      } else {
        throw new UsageException(path + " has columns " + header
            + "; --labels needs id_a,id_b,match or unique_id_l,unique_id_r,clerical_match_score");
      }
      boolean splinkSources = score && several && header.containsAll(List.of("source_dataset_l", "source_dataset_r"));
      for (InputRecord r; (r = in.next()) != null; ) {
        findings.addAll(r.findings());
        Record rec = r.record();
        String where = path + " line " + r.line();
        String a = Values.asString(rec.get(idA));
        String b = Values.asString(rec.get(idB));
        String raw = Values.asString(rec.get(matchColumn));
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
          String column = a == null || a.isBlank() ? idA : idB;
          findings.add(Finding.warning("LABEL_UNREADABLE", column, null, where + ": no " + column + "; label skipped"));
          continue;
        }
        Boolean match = score ? scoreMatch(raw) : parseMatch(raw);
        if (match == null) {
          findings.add(Finding.warning("LABEL_UNREADABLE", matchColumn, raw, where + ": " + matchColumn + " '" + raw
              + "' is not " + (score ? "a number in [0, 1]" : "1/0, true/false, yes/no or match/non-match")
              + "; label skipped"));
          continue;
        }
        if (splinkSources) {
          a = qualified(rec.get("source_dataset_l"), a, sourceNames);
          b = qualified(rec.get("source_dataset_r"), b, sourceNames);
        }
        out.add(new LabelledPair(a, b, match));
      }
    }
    return out;
  }

  private static String qualified(@Nullable Object dataset, String id, Map<String, String> sourceNames) {
    String d = Values.asString(dataset);
    if (d == null || d.isBlank()) {
      return id;
    }
    return sourceNames.getOrDefault(d.strip(), d.strip()) + ":" + id.strip();
  }

  /** Parses 1/0, true/false, yes/no, match/non-match (any case), or null. */
  static @Nullable Boolean parseMatch(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    switch (raw.strip().toLowerCase(Locale.ROOT)) {
      case "1":
      case "true":
      case "yes":
      case "match":
        return Boolean.TRUE;
      case "0":
      case "false":
      case "no":
      case "non-match":
      case "nonmatch":
      case "non_match":
        return Boolean.FALSE;
      default:
        try {
          BigDecimal d = new BigDecimal(raw.strip());
          if (d.compareTo(BigDecimal.ONE) == 0) {
            return Boolean.TRUE;
          }
          return d.signum() == 0 ? Boolean.FALSE : null;
        } catch (NumberFormatException e) {
          return null;
        }
    }
  }

  /** Reads a clerical match score in [0, 1]: at least 0.5 is a match; otherwise null. */
  static @Nullable Boolean scoreMatch(@Nullable String raw) {
    if (raw == null) {
      return null;
    }
    try {
      double d = Double.parseDouble(raw.strip());
      if (!(d >= 0 && d <= 1)) {
        return null;
      }
      return d >= 0.5;
    } catch (NumberFormatException e) {
      return null;
    }
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
