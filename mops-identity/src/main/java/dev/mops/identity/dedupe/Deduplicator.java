package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The batch deduplication and linkage engine: prepares records, makes candidate pairs by
 * multi-pass blocking, estimates a Fellegi-Sunter model without labels, scores the pairs, and
 * clusters the matches into entities.
 *
 * <pre>{@code
 * DedupeConfig config = DedupeConfigs.load(Path.of("dedupe.yaml"));
 * DedupeResult result = Deduplicator.of(config).dedupe(records, "id");
 * for (EntityCluster c : result.clusters()) { ... }
 * }</pre>
 *
 * <p>Results do not depend on input order: records are put in {@link RecordRef} order first.
 * Bad data (missing ids, junk values, oversized blocks and clusters) becomes findings in the
 * result. Comparison runs on the common fork-join pool.
 *
 * <p>Thread safety: immutable; one instance may run many jobs at once.
 */
public final class Deduplicator {

  /** Most input records in one run. */
  public static final int MAX_RECORDS = 50_000_000;

  /**
   * Heap one candidate pair needs while a run holds it, in bytes: its slot in the pair set (at most
   * half full), its place in the sorted pair array, its comparison pattern and its probability.
   */
  static final long BYTES_PER_PAIR = 64;

  /**
   * Heap one input record needs during a run, in bytes, for a typical lead of about ten short
   * fields: the caller's record and its prepared (normalized) form. An estimate, on the safe side.
   */
  static final long BYTES_PER_RECORD = 2_500;

  /** The smallest pair budget a run is started with. */
  static final long MIN_PAIR_BUDGET = 100_000;

  /** Long loops report progress every 2^20 items (mask). */
  private static final int PROGRESS_EVERY = (1 << 20) - 1;

  /** Most findings of one kind kept in a result; the rest are counted in a summary finding. */
  static final int MAX_FINDINGS_PER_CODE = 100;

  private final DedupeConfig config;
  private final FieldComparer comparer;
  private final @Nullable MatchModel fixedModel;
  private final DedupeProgress progress;
  private final @Nullable TermFrequencies fixedTf;

  private Deduplicator(DedupeConfig config, @Nullable MatchModel fixedModel, DedupeProgress progress,
      @Nullable TermFrequencies fixedTf) {
    this.config = config;
    this.comparer = new FieldComparer(config);
    this.fixedModel = fixedModel;
    this.progress = progress;
    this.fixedTf = fixedTf;
  }

  /** Returns this engine reporting each run's progress to {@code listener}. */
  public Deduplicator withProgress(DedupeProgress listener) {
    return new Deduplicator(config, fixedModel, Objects.requireNonNull(listener, "listener"), fixedTf);
  }

  /** Returns an engine that estimates its model from each input. */
  public static Deduplicator of(DedupeConfig config) {
    return new Deduplicator(Objects.requireNonNull(config, "config"), null, DedupeProgress.NONE, null);
  }

  /**
   * Returns an engine that scores with a saved model (weights and the training run's term
   * frequencies) instead of estimating one.
   *
   * @throws IllegalArgumentException when the model was trained with a config that compares other
   *     fields, kinds, comparators or thresholds
   */
  public static Deduplicator withModel(DedupeConfig config, SavedModel saved) {
    Objects.requireNonNull(saved, "saved").checkConfig(config);
    return new Deduplicator(config, saved.model(), DedupeProgress.NONE, saved.termFrequencies());
  }

  /**
   * Returns an engine that scores with {@code model} instead of estimating one, such as a model
   * trained on a larger file or on labelled pairs.
   */
  public static Deduplicator withModel(DedupeConfig config, MatchModel model) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(model, "model");
    if (model.fields().size() != config.fields().size()) {
      throw new IllegalArgumentException("the model has " + model.fields().size()
          + " fields, the config " + config.fields().size());
    }
    for (int f = 0; f < model.fields().size(); f++) {
      if (!model.fields().get(f).field().equals(config.fields().get(f).field())
          || model.fields().get(f).levelNames().size() != config.fields().get(f).levelCount()) {
        throw new IllegalArgumentException("the model's field " + f + " ('" + model.fields().get(f).field()
            + "') does not match the config's");
      }
    }
    return new Deduplicator(config, model, DedupeProgress.NONE, null);
  }

  /**
   * Returns the pair budget of a run over {@code records} records with {@code maxHeapBytes} of
   * heap ({@link Runtime#maxMemory()}) when the config sets none: a third of the heap left after the
   * records (the rest is for the garbage collector's headroom and the results), at {@value
   * #BYTES_PER_PAIR} bytes a pair, at most {@link
   * DedupeConfig#MAX_CANDIDATE_PAIRS_LIMIT}.
   *
   * @throws DedupeLimitException when the records alone leave less than {@value #MIN_PAIR_BUDGET}
   *     pairs' worth of heap: the run would run out of memory, so it is refused before it starts
   */
  public static long pairBudget(long records, long maxHeapBytes) {
    long left = maxHeapBytes - records * BYTES_PER_RECORD;
    long pairs = left / 3 / BYTES_PER_PAIR;
    if (pairs < MIN_PAIR_BUDGET) {
      throw new DedupeLimitException(String.format(java.util.Locale.ROOT,
          "%,d records need about %,d MB of heap to deduplicate and this JVM has %,d MB: run java with a larger"
              + " -Xmx (JAVA_OPTS for mops), or split the input", records,
          (records * BYTES_PER_RECORD + 3 * MIN_PAIR_BUDGET * BYTES_PER_PAIR) >> 20, maxHeapBytes >> 20));
    }
    return Math.min(pairs, DedupeConfig.MAX_CANDIDATE_PAIRS_LIMIT);
  }

  /** Returns the config. */
  public DedupeConfig config() {
    return config;
  }

  /** Deduplicates one source; {@code idField} names the field holding each record's id. */
  public DedupeResult dedupe(List<? extends Record> records, String idField) {
    return run(List.of(new DedupeSource("", records)), idField, false);
  }

  /**
   * Deduplicates or links several sources.
   *
   * @param sources the sources, with distinct names
   * @param idField the field holding each record's id within its source
   * @param linkOnly when true only pairs of records from different sources are compared
   */
  public DedupeResult link(List<DedupeSource> sources, String idField, boolean linkOnly) {
    return run(List.copyOf(sources), idField, linkOnly);
  }

  private DedupeResult run(List<DedupeSource> sources, String idField, boolean linkOnly) {
    Prepared in = prepare(sources, idField, linkOnly);
    return in.engine.finish(in, linkOnly);
  }

  /** Steps 5 to 7 of a run: the model, the scores and the clusters. */
  private DedupeResult finish(Prepared in, boolean linkOnly) {
    Findings findings = in.findings;
    int n = in.refs.length;
    RecordRef[] refs = in.refs;
    PreparedRecord[] recs = in.recs;
    int[] source = in.source;
    long[] patterns = in.patterns;
    CandidatePairs candidates = in.candidates;

    // 5. Model.
    progress.update(DedupeProgress.Phase.ESTIMATING, 0, 1);
    MatchModel model = fixedModel != null
        ? fixedModel
        : ModelEstimator.estimate(comparer, recs, source, linkOnly, patterns, findings);
    progress.update(DedupeProgress.Phase.ESTIMATING, 1, 1);
    Scorer scorer = new Scorer(comparer, model, in.termFrequencies);

    // 6. Scores and decisions, pair by pair as blocking enumerates them again; only the pairs at
    // or above the review threshold are kept.
    int total = patterns.length;
    progress.update(DedupeProgress.Phase.SCORING, 0, total);
    LongList keptPairs = new LongList();
    java.util.ArrayList<Double> keptWeight = new java.util.ArrayList<>();
    double review = config.reviewThreshold();
    for (int k = 0; k < config.blockingKeys().size(); k++) {
      for (int blk = 0; blk < candidates.blockCount(k); blk++) {
        candidates.visitBlock(k, blk, (i, j, idx) -> {
          double w = scorer.weight(patterns[(int) idx], recs[i], recs[j]);
          if (Scorer.probability(w) >= review) {
            keptPairs.add(PairSet.pack(i, j));
            keptWeight.add(w);
          }
        });
      }
      progress.update(DedupeProgress.Phase.SCORING, candidates.offset(k, candidates.blockCount(k)), total);
    }
    progress.update(DedupeProgress.Phase.SCORING, total, total);
    // In record order, as a sorted pair set gave them.
    Integer[] order = new Integer[keptPairs.size];
    for (int x = 0; x < order.length; x++) {
      order[x] = x;
    }
    Arrays.sort(order, (x, y) -> Long.compare(keptPairs.items[x], keptPairs.items[y]));
    List<ScoredPair> scored = new ArrayList<>(order.length);
    int matched = 0;
    double[] probOf = new double[order.length];
    for (int x = 0; x < order.length; x++) {
      int o = order[x];
      double w = keptWeight.get(o);
      double p = Scorer.probability(w);
      probOf[x] = p;
      MatchDecision d = p >= config.matchThreshold() ? MatchDecision.MATCH : MatchDecision.REVIEW;
      if (d == MatchDecision.MATCH) {
        matched++;
      }
      long pair = keptPairs.items[o];
      scored.add(new ScoredPair(refs[PairSet.first(pair)], refs[PairSet.second(pair)], w, p, d));
    }
    int[] ea = new int[matched];
    int[] eb = new int[matched];
    double[] ep = new double[matched];
    int e = 0;
    for (int x = 0; x < order.length; x++) {
      if (probOf[x] >= config.matchThreshold()) {
        long pair = keptPairs.items[order[x]];
        ea[e] = PairSet.first(pair);
        eb[e] = PairSet.second(pair);
        ep[e] = probOf[x];
        e++;
      }
    }

    // 7. Clusters.
    progress.update(DedupeProgress.Phase.CLUSTERING, 0, n);
    int[] clusterOf = Clusterer.cluster(n, ea, eb, ep, config, i -> refs[i].toString(), findings::add,
        (x, y) -> Scorer.probability(scorer.weight(comparer.pattern(recs[Math.min(x, y)], recs[Math.max(x, y)]),
            recs[x], recs[y])));
    progress.update(DedupeProgress.Phase.CLUSTERING, n, n);
    return new DedupeResult(config, comparer, model, in.sourceNames, linkOnly, refs, recs, source, clusterOf,
        scored, in.candidates, in.report, findings.list(), in.junk, in.termFrequencies);
  }

  /**
   * Learns the model's m and u probabilities from pairs a person has labelled as match or
   * non-match, for use with {@link #withModel(DedupeConfig, MatchModel)}.
   *
   * <p>Records are prepared exactly as {@link #dedupe} prepares them (normalization, junk values
   * made missing) and each labelled pair is compared with the same field comparison as scoring.
   * Per field and agreement level, m is the share of labelled matches at that level and u the
   * share of labelled non-matches, each with add-one smoothing over the pairs where the field is
   * present: {@code (count + 1) / (pairs + levels)}. The prior lambda is not the labelled match
   * share (labelled sets are enriched with matches): it is this engine's unlabelled estimate (EM
   * over the candidate pairs, honouring {@code prior: all_pairs}), or the fixed model's lambda
   * for an engine made by {@link #withModel}. Where a class has fewer than
   * {@link LabelTraining#MIN_PAIRS_PER_CLASS} labelled pairs (in all, or with the field
   * present), that class's probabilities fall back to the unlabelled estimate, with a finding.
   * m and u fixed in the config are kept.
   *
   * <p>Bad labels are findings, not exceptions: an id no record has ({@code LABEL_UNKNOWN_ID}),
   * a record paired with itself ({@code LABEL_SAME_RECORD}), a pair labelled both ways
   * ({@code LABEL_CONFLICT}, neither label is used), a pair labelled twice alike
   * ({@code LABEL_DUPLICATE}, used once). An id used by several records (a
   * {@code DUPLICATE_ID} finding of the dedupe run) means the first of them in input order.
   *
   * @param records the records, as they would be given to {@link #dedupe}
   * @param idField the field holding each record's id
   * @param labels the labelled pairs, by record id
   */
  public LabelTraining trainFromLabels(
      Iterable<? extends Record> records, String idField, Iterable<LabelledPair> labels) {
    Objects.requireNonNull(records, "records");
    List<Record> list = new ArrayList<>();
    for (Record r : records) {
      list.add(r);
    }
    return train(List.of(new DedupeSource("", list)), idField, false, labels);
  }

  /**
   * Learns the model from labelled pairs of records of several sources, as {@link
   * #trainFromLabels(Iterable, String, Iterable)} does for one; the ids of the labels are written
   * {@code source:id} (as {@link RecordRef#toString()} writes them).
   *
   * @param sources the sources, as they would be given to {@link #link}
   * @param idField the field holding each record's id within its source
   * @param linkOnly as for {@link #link}; it changes the candidate pairs of the unlabelled estimate,
   *     while labelled pairs within one source are still used
   * @param labels the labelled pairs, by {@code source:id}
   */
  public LabelTraining trainFromLabels(
      List<DedupeSource> sources, String idField, boolean linkOnly, Iterable<LabelledPair> labels) {
    return train(List.copyOf(sources), idField, linkOnly, labels);
  }

  private LabelTraining train(
      List<DedupeSource> sources, String idField, boolean linkOnly, Iterable<LabelledPair> labels) {
    Objects.requireNonNull(labels, "labels");
    Prepared in = prepare(sources, idField, linkOnly);
    // Findings about the records (ids, junk, blocks) belong to the run that uses the model.
    Findings findings = new Findings();
    MatchModel base = fixedModel != null
        ? fixedModel
        : ModelEstimator.estimate(comparer, in.recs, in.source, linkOnly, in.patterns, findings);
    return LabelEstimator.train(comparer, in.recs, base, labels, idField, findings);
  }

  /** The records of a run, prepared, blocked and compared: everything before the model. */
  private static final class Prepared {
    final Findings findings;
    final List<String> sourceNames;
    final RecordRef[] refs;
    final PreparedRecord[] recs;
    final int[] source;
    final Set<String> junk;
    final CandidatePairs candidates;
    final BlockingReport report;
    final long[] patterns;
    final @Nullable TermFrequencies termFrequencies;

    final Deduplicator engine;

    Prepared(Deduplicator engine, Findings findings, List<String> sourceNames, RecordRef[] refs, PreparedRecord[] recs, int[] source,
        Set<String> junk, CandidatePairs candidates, BlockingReport report, long[] patterns,
        @Nullable TermFrequencies termFrequencies) {
      this.termFrequencies = termFrequencies;
      this.engine = engine;
      this.findings = findings;
      this.sourceNames = sourceNames;
      this.refs = refs;
      this.recs = recs;
      this.source = source;
      this.junk = junk;
      this.candidates = candidates;
      this.report = report;
      this.patterns = patterns;
    }
  }

  private Prepared prepare(List<DedupeSource> sources, String idField, boolean linkOnly) {
    Objects.requireNonNull(idField, "idField");
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("at least one source is needed");
    }
    Set<String> names = new HashSet<>();
    long total = 0;
    for (DedupeSource s : sources) {
      if (!names.add(s.name())) {
        throw new IllegalArgumentException("source name '" + s.name() + "' is used twice");
      }
      total += s.records().size();
    }
    if (total > MAX_RECORDS) {
      throw new IllegalArgumentException(total + " records are over the limit of " + MAX_RECORDS);
    }
    Findings findings = new Findings();
    int n = (int) total;

    // 1. Records in RecordRef order, so nothing depends on input order.
    RecordRef[] inRefs = new RecordRef[n];
    Record[] inRecords = new Record[n];
    int at = 0;
    for (DedupeSource s : sources) {
      int row = 0;
      for (Record r : s.records()) {
        row++;
        String id = Values.asString(r.get(idField));
        if (id == null || id.isBlank()) {
          id = "row-" + row;
          findings.add(Finding.warning("MISSING_ID", idField, null,
              "record " + row + (s.name().isEmpty() ? "" : " of " + s.name()) + " has no id; called it " + id));
        } else {
          id = id.strip();
        }
        inRefs[at] = new RecordRef(s.name(), id);
        inRecords[at] = r;
        at++;
      }
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> {
      int c = inRefs[x].compareTo(inRefs[y]);
      return c != 0 ? c : Integer.compare(x, y);
    });
    List<String> sourceNames = new ArrayList<>(names);
    sourceNames.sort(null);
    RecordRef[] refs = new RecordRef[n];
    int[] source = new int[n];
    PreparedRecord[] recs = new PreparedRecord[n];
    for (int i = 0; i < n; i++) {
      refs[i] = inRefs[order[i]];
      source[i] = sourceNames.indexOf(refs[i].source());
      if (i > 0 && refs[i].equals(refs[i - 1])) {
        findings.add(Finding.warning("DUPLICATE_ID", idField, refs[i].id(),
            "id " + refs[i] + " is used by more than one record; results for them depend on input order"));
      }
    }
    progress.update(DedupeProgress.Phase.PREPARING, 0, n);
    IntStream.range(0, n).parallel().forEach(i -> recs[i] = comparer.prepare(refs[i], inRecords[order[i]], null));
    progress.update(DedupeProgress.Phase.PREPARING, n, n);

    // 2. Junk values of identifying fields.
    Set<String> junk = flagJunk(recs, findings);
    OrgNames.weigh(comparer, recs);
    TermFrequencies tf = fixedTf != null ? fixedTf
        : config.termFrequencies() && n >= TermFrequencies.MIN_RECORDS ? TermFrequencies.count(comparer, recs) : null;
    if (fixedTf != null) {
      for (PreparedRecord r : recs) {
        for (int f = 0; f < r.valueCount.length; f++) {
          String v = r.norm[f];
          r.valueCount[f] = v == null ? 0 : fixedTf.count(f, v);
        }
      }
    }

    long budget = config.maxCandidatePairs() > 0
        ? config.maxCandidatePairs()
        : pairBudget(n, Runtime.getRuntime().maxMemory());
    Deduplicator engine = this;
    List<BlockingReport.KeyChange> changes = List.of();
    if (!config.refineWith().isEmpty()) {
      AdaptiveBlocking.Plan plan = AdaptiveBlocking.plan(config, recs, budget, findings);
      changes = plan.changes();
      if (!plan.config().blockingKeys().equals(config.blockingKeys())) {
        engine = new Deduplicator(plan.config(), fixedModel, progress, fixedTf);
      }
    }
    return engine.blockAndCompare(findings, sourceNames, refs, recs, source, junk, tf, linkOnly, budget, changes);
  }

  /** Steps 3 and 4 of a run: blocking within the pair budget, then the comparison patterns. */
  private Prepared blockAndCompare(Findings findings, List<String> sourceNames, RecordRef[] refs, PreparedRecord[] recs,
      int[] source, Set<String> junk, @Nullable TermFrequencies tf, boolean linkOnly, long budget,
      List<BlockingReport.KeyChange> changes) {
    // 3. Blocking, within the pair budget: when the blocks would make more pairs than the budget,
    // the largest blocks are skipped (and reported) until the rest fit.
    int n = recs.length;
    int cut = blockSizeCut(recs, budget, findings);
    int passCount = config.blockingKeys().size();
    long[][] keyHash = new long[passCount][];
    int[][][] blocks = new int[passCount][][];
    BlockingReport.Pass[] partial = new BlockingReport.Pass[passCount];
    List<List<Finding>> passFindings = new ArrayList<>();
    for (int k = 0; k < passCount; k++) {
      passFindings.add(new ArrayList<>());
    }
    progress.update(DedupeProgress.Phase.BLOCKING, 0, passCount);
    // The passes are independent: run them in parallel, their findings added in pass order after.
    java.util.concurrent.atomic.AtomicInteger passesDone = new java.util.concurrent.atomic.AtomicInteger();
    IntStream.range(0, passCount).parallel().forEach(k -> {
      keyHash[k] = new long[n];
      List<int[]> compared = new ArrayList<>();
      partial[k] = block(k, recs, source, linkOnly, passFindings.get(k), cut, keyHash[k], compared);
      blocks[k] = compared.toArray(new int[0][]);
      progress.update(DedupeProgress.Phase.BLOCKING, passesDone.incrementAndGet(), passCount);
    });
    for (List<Finding> fs : passFindings) {
      fs.forEach(findings::add);
    }
    CandidatePairs candidates = new CandidatePairs(keyHash, blocks, source, linkOnly);
    if (candidates.size() > DedupeConfig.MAX_CANDIDATE_PAIRS_LIMIT) {
      throw new DedupeLimitException("blocking made " + candidates.size() + " candidate pairs, over the limit of "
          + DedupeConfig.MAX_CANDIDATE_PAIRS_LIMIT + "; set blocking.max_candidate_pairs or tighten the keys");
    }
    List<BlockingReport.Pass> passes = new ArrayList<>(passCount);
    for (int k = 0; k < passCount; k++) {
      BlockingReport.Pass p = partial[k];
      passes.add(new BlockingReport.Pass(p.key(), p.recordsWithKey(), p.blocks(), p.pairs(), candidates.newPairs(k),
          p.oversizedBlocks(), p.skippedPairs()));
    }
    BlockingReport report = new BlockingReport(passes, candidates.size(), changes);

    // 4. Comparison patterns, block by block in parallel; a pair's pattern sits at its index.
    int pairTotal = (int) candidates.size();
    long[] patterns = new long[pairTotal];
    progress.update(DedupeProgress.Phase.COMPARING, 0, pairTotal);
    for (int k = 0; k < passCount; k++) {
      int pass = k;
      IntStream.range(0, candidates.blockCount(k)).parallel().forEach(blk -> candidates.visitBlock(pass, blk,
          (i, j, idx) -> patterns[(int) idx] = comparer.pattern(recs[i], recs[j])));
      progress.update(DedupeProgress.Phase.COMPARING, candidates.offset(k, candidates.blockCount(k)), pairTotal);
    }
    return new Prepared(this, findings, sourceNames, refs, recs, source, junk, candidates, report, patterns, tf);
  }

  /**
   * Returns the largest block compared: {@code max_block_size}, or less when the blocks up to it
   * would make more than {@code budget} pairs (summed over the passes, an upper bound of the
   * distinct pairs), estimated from each pass's block-size histogram without making a pair.
   */
  private int blockSizeCut(PreparedRecord[] recs, long budget, Findings findings) {
    int max = config.maxBlockSize();
    long n = recs.length;
    if (n * (n - 1) / 2 <= budget) {
      return max;
    }
    int passes = config.blockingKeys().size();
    long[][] hist = new long[passes][max + 1];
    IntStream.range(0, passes).parallel().forEach(k -> {
      HashMap<String, int[]> counts = new HashMap<>();
      for (PreparedRecord r : recs) {
        String key = comparer.blockingKey(k, r);
        if (key != null) {
          counts.computeIfAbsent(key, x -> new int[1])[0]++;
        }
      }
      for (int[] c : counts.values()) {
        if (c[0] >= 2 && c[0] <= max) {
          hist[k][c[0]]++;
        }
      }
    });
    long all = pairsUpTo(hist, max);
    if (all <= budget) {
      return max;
    }
    int lo = 1;
    int hi = max;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pairsUpTo(hist, mid) <= budget) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    findings.add(Finding.warning("PAIR_BUDGET", "", Long.toString(budget), String.format(java.util.Locale.ROOT,
        "the blocks would make up to %,d candidate pairs, over the pair budget of %,d (max_candidate_pairs, or"
            + " derived from the heap): blocks larger than %d records are skipped (up to %,d pairs); tighten the"
            + " blocking keys or give more heap", all, budget, lo, all - pairsUpTo(hist, lo))));
    return lo;
  }

  private static long pairsUpTo(long[][] hist, int size) {
    long total = 0;
    for (long[] h : hist) {
      for (int s = 2; s <= size; s++) {
        total += h[s] * s * (s - 1) / 2;
      }
    }
    return total;
  }

  private Set<String> flagJunk(PreparedRecord[] recs, Findings findings) {
    Set<String> junk = new HashSet<>();
    for (int f = 0; f < comparer.fieldCount(); f++) {
      FieldRule rule = comparer.rules[f];
      if (!rule.kind().identifying()) {
        continue;
      }
      Map<String, int[]> counts = new HashMap<>();
      for (PreparedRecord r : recs) {
        String v = r.norm[f];
        if (v != null) {
          counts.computeIfAbsent(v, x -> new int[1])[0]++;
        }
      }
      List<String> bad = new ArrayList<>();
      for (Map.Entry<String, int[]> c : counts.entrySet()) {
        if (c.getValue()[0] > config.junkValueCount() || Normalization.knownJunk(rule.kind(), c.getKey())) {
          bad.add(c.getKey());
        }
      }
      bad.sort(null);
      for (String v : bad) {
        junk.add(f + "\u0000" + v);
        findings.add(Finding.warning("JUNK_VALUE", rule.field(), v,
            "value shared by " + Objects.requireNonNull(counts.get(v))[0] + " records, or a known placeholder; not used for matching"));
      }
      if (!bad.isEmpty()) {
        Set<String> badSet = new HashSet<>(bad);
        for (PreparedRecord r : recs) {
          if (r.norm[f] != null && badSet.contains(r.norm[f])) {
            comparer.setValue(r, f, null);
          }
        }
      }
    }
    return junk;
  }

  /**
   * Runs blocking pass {@code k}: the compared blocks (size 2 to {@code cut}) go to {@code compared}
   * in key order, each record of one gets its key's hash in {@code keyHash}; the pass's counts are
   * returned (new pairs are counted later, by {@link CandidatePairs}).
   */
  private BlockingReport.Pass block(int k, PreparedRecord[] recs, int[] source, boolean linkOnly, List<Finding> findings,
      int cut, long[] keyHash, List<int[]> compared) {
    HashMap<String, IntList> blocks = new HashMap<>();
    long withKey = 0;
    for (int i = 0; i < recs.length; i++) {
      String key = comparer.blockingKey(k, recs[i]);
      if (key != null) {
        withKey++;
        blocks.computeIfAbsent(key, x -> new IntList()).add(i);
      }
    }
    long blockCount = 0;
    long pairCount = 0;
    List<String> comparedKeys = new ArrayList<>();
    long oversized = 0;
    long skipped = 0;
    String keyName = config.blockingKeys().get(k).describe();
    List<String> oversizedKeys = new ArrayList<>();
    List<String> overBudgetKeys = new ArrayList<>();
    for (Map.Entry<String, IntList> entry : blocks.entrySet()) {
      IntList b = entry.getValue();
      int s = b.size;
      if (s < 2) {
        continue;
      }
      if (s > config.maxBlockSize()) {
        oversized++;
        skipped += (long) s * (s - 1) / 2;
        oversizedKeys.add(entry.getKey());
        continue;
      }
      if (s > cut) {
        oversized++;
        skipped += (long) s * (s - 1) / 2;
        overBudgetKeys.add(entry.getKey());
        continue;
      }
      blockCount++;
      comparedKeys.add(entry.getKey());
      int[] m = b.items;
      if (linkOnly) {
        for (int x = 0; x < s; x++) {
          for (int y = x + 1; y < s; y++) {
            if (source[m[x]] != source[m[y]]) {
              pairCount++;
            }
          }
        }
      } else {
        pairCount += (long) s * (s - 1) / 2;
      }
    }
    comparedKeys.sort(null);
    for (String key : comparedKeys) {
      IntList b = Objects.requireNonNull(blocks.get(key));
      long h = CandidatePairs.hash(key);
      int[] m = Arrays.copyOf(b.items, b.size);
      for (int i : m) {
        keyHash[i] = h;
      }
      compared.add(m);
    }
    oversizedKeys.sort(null);
    for (String key : oversizedKeys) {
      findings.add(Finding.warning("BLOCK_TOO_LARGE", keyName, key.replace('\u001f', '|'),
          "block of " + Objects.requireNonNull(blocks.get(key)).size + " records is over max_block_size " + config.maxBlockSize()
              + "; its pairs were not compared by this pass"));
    }
    overBudgetKeys.sort(null);
    for (String key : overBudgetKeys) {
      findings.add(Finding.warning("BLOCK_OVER_PAIR_BUDGET", keyName, key.replace('\u001f', '|'),
          "block of " + Objects.requireNonNull(blocks.get(key)).size + " records is over " + cut
              + ", the largest block the pair budget allows; its pairs were not compared by this pass"));
    }
    return new BlockingReport.Pass(keyName, withKey, blockCount, pairCount, 0, oversized, skipped);
  }

  /** A growable list of longs. */
  static final class LongList {
    long[] items = new long[16];
    int size;

    void add(long v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }
  }

  /** A growable list of ints. */
  static final class IntList {
    int[] items = new int[2];
    int size;

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }
  }

  /** Findings of a run, capped per code. */
  static final class Findings {
    private final List<Finding> list = new ArrayList<>();
    private final Map<String, int[]> perCode = new HashMap<>();

    synchronized void add(Finding f) {
      int c = ++perCode.computeIfAbsent(f.code(), x -> new int[1])[0];
      if (c <= MAX_FINDINGS_PER_CODE) {
        list.add(f);
      }
    }

    synchronized List<Finding> list() {
      List<Finding> out = new ArrayList<>(list);
      List<String> codes = new ArrayList<>(perCode.keySet());
      codes.sort(null);
      for (String code : codes) {
        int c = Objects.requireNonNull(perCode.get(code))[0];
        if (c > MAX_FINDINGS_PER_CODE) {
          out.add(Finding.info("FINDINGS_CAPPED", "", code,
              c + " findings of code " + code + "; the first " + MAX_FINDINGS_PER_CODE + " are listed"));
        }
      }
      return out;
    }
  }

  static SplittableRandom random(long seed) {
    return new SplittableRandom(seed);
  }
}
