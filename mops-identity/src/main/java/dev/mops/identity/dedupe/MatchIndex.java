package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * An incremental match index: holds existing records under their blocking keys and answers
 * "which records match this new one?" with a trained {@link MatchModel}, for a CRM plugin checking
 * each inbound lead. Records are added one at a time without a rebuild.
 *
 * <pre>{@code
 * MatchIndex index = MatchIndex.of(result);          // from a batch run
 * List<IndexMatch> hits = index.matches(newLead);    // scored, best first
 * index.add(new RecordRef("crm", "L-1001"), newLead);
 * }</pre>
 *
 * <p>A query compares the record with every indexed record sharing one of its blocking keys;
 * keys whose block is larger than {@code max_block_size} are skipped, as in a batch run. The
 * model is not re-estimated as records are added.
 *
 * <p>Thread safety: thread-safe; queries run in parallel and exclude adds (read-write lock).
 */
public final class MatchIndex {

  private final DedupeConfig config;
  private final FieldComparer comparer;
  private final Scorer scorer;
  private final Set<String> junk;
  private final List<PreparedRecord> records = new ArrayList<>();
  private final Map<RecordRef, Integer> byRef = new HashMap<>();
  private final List<Map<String, Deduplicator.IntList>> blocks = new ArrayList<>();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private final @Nullable TermFrequencies termFrequencies;
  private final @Nullable NameWords nameWords;

  private MatchIndex(DedupeConfig config, MatchModel model, Set<String> junk, @Nullable TermFrequencies tf,
      @Nullable NameWords nameWords) {
    this.config = config;
    this.comparer = new FieldComparer(config);
    this.termFrequencies = tf;
    this.nameWords = nameWords;
    this.scorer = new Scorer(comparer, model, tf);
    this.junk = Set.copyOf(junk);
    for (int k = 0; k < config.blockingKeys().size(); k++) {
      blocks.add(new HashMap<>());
    }
  }

  /**
   * Returns an empty index that scores with {@code model}.
   *
   * @param junkValues field to values treated as missing (such as {@link DedupeResult#junkValues()})
   */
  public static MatchIndex create(DedupeConfig config, MatchModel model, Map<String, List<String>> junkValues) {
    return create(config, model, junkValues, null);
  }

  /**
   * Returns an empty index that scores with {@code model}, exact agreements adjusted by the term
   * frequencies {@code tf} of the run that trained it (see {@link TermFrequencies}; null for none).
   * The counts are those of the training run and do not change as records are added.
   *
   * @param junkValues field to values treated as missing (such as {@link DedupeResult#junkValues()})
   */
  public static MatchIndex create(DedupeConfig config, MatchModel model, Map<String, List<String>> junkValues,
      @Nullable TermFrequencies tf) {
    return create(config, model, junkValues, tf, null);
  }

  /**
   * As {@link #create(DedupeConfig, MatchModel, Map, TermFrequencies)}, with the word counts of the
   * training run's organisation-name fields (null: every word of a name weighs 1).
   */
  static MatchIndex create(DedupeConfig config, MatchModel model, Map<String, List<String>> junkValues,
      @Nullable TermFrequencies tf, @Nullable NameWords nameWords) {
    Objects.requireNonNull(config, "config");
    Deduplicator.withModel(config, model);
    Set<String> junk = new HashSet<>();
    for (Map.Entry<String, List<String>> e : junkValues.entrySet()) {
      int f = config.fieldIndex(e.getKey());
      if (f < 0) {
        throw new IllegalArgumentException("junk values given for '" + e.getKey() + "', which is not a declared field");
      }
      for (String v : e.getValue()) {
        junk.add(f + "\u0000" + v);
      }
    }
    if (tf != null && !tf.fields().equals(config.fields().stream().map(FieldRule::field).toList())) {
      throw new IllegalArgumentException("term frequencies of fields " + tf.fields() + " do not fit the config");
    }
    if (nameWords != null) {
      nameWords.checkFields(config);
    }
    return new MatchIndex(config, model, junk, tf, nameWords);
  }

  /** Prepares a record as the batch run did, with the value counts of the term-frequency table. */
  private PreparedRecord prepare(RecordRef ref, Record record) {
    PreparedRecord p = comparer.prepare(ref, record, junk);
    NameWords words = nameWords;
    if (words != null) {
      words.weigh(p);
    }
    TermFrequencies tf = termFrequencies;
    if (tf != null) {
      for (int f = 0; f < p.valueCount.length; f++) {
        String v = p.norm[f];
        p.valueCount[f] = v == null ? 0 : tf.count(f, v);
      }
    }
    return p;
  }

  /** Returns an index holding every record of a batch result, with its model and junk values. */
  public static MatchIndex of(DedupeResult result) {
    MatchIndex index = create(result.config(), result.model(), result.junkValues(), result.termFrequencies(),
        result.nameWords());
    for (int i = 0; i < result.recordCount(); i++) {
      PreparedRecord p = result.prepared(i);
      index.add(p.ref, p.source);
    }
    return index;
  }

  /**
   * Adds a record; a record with the same reference replaces nothing and is refused.
   *
   * @throws IllegalArgumentException when a record with that reference is already indexed
   */
  public void add(RecordRef ref, Record record) {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(record, "record");
    if (!insert(prepare(ref, record))) {
      throw new IllegalArgumentException("record " + ref + " is already in the index");
    }
  }

  /**
   * What {@link #matchesThenAdd} found and did: the matches of the record among the other indexed
   * records, and whether it was added.
   *
   * @param matches the indexed records other than the record's own reference that match it at or
   *     above the review threshold, best first (ties in reference order)
   * @param added false when a record with that reference was indexed already (nothing replaced)
   */
  public record Lookup(List<IndexMatch> matches, boolean added) {
    /** Copies the matches. */
    public Lookup {
      matches = List.copyOf(matches);
    }
  }

  /**
   * Returns the matches of {@code record} among the indexed records other than {@code ref}, then
   * adds it under {@code ref} unless a record with that reference is indexed already: "is this
   * new lead a duplicate?" and "remember it" in one call, which prepares the record once. Another
   * thread may add records between the two steps.
   */
  public Lookup matchesThenAdd(RecordRef ref, Record record) {
    Objects.requireNonNull(ref, "ref");
    PreparedRecord p = prepare(ref, Objects.requireNonNull(record, "record"));
    List<IndexMatch> found = matches(p, ref);
    return new Lookup(found, insert(p));
  }

  /** Indexes a prepared record; returns false (adding nothing) when its reference is indexed already. */
  private boolean insert(PreparedRecord p) {
    RecordRef ref = p.ref;
    lock.writeLock().lock();
    try {
      if (byRef.containsKey(ref)) {
        return false;
      }
      int i = records.size();
      records.add(p);
      byRef.put(ref, i);
      for (int k = 0; k < blocks.size(); k++) {
        String key = comparer.blockingKey(k, p);
        if (key != null) {
          blocks.get(k).computeIfAbsent(key, x -> new Deduplicator.IntList()).add(i);
        }
      }
      return true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Returns the record's blocking keys, one per blocking key of the config in config order, with
   * {@code null} where the record has no key for that pass (a part's field is missing or a junk
   * value of this index). Two records are compared in a batch run when they share a key of the
   * same pass; a distributed engine (mops-spark) groups records by these keys.
   */
  public List<@Nullable String> blockingKeys(Record record) {
    PreparedRecord p = comparer.prepare(new RecordRef("", ""), Objects.requireNonNull(record, "record"), junk);
    List<@Nullable String> keys = new ArrayList<>(blocks.size());
    for (int k = 0; k < blocks.size(); k++) {
      keys.add(comparer.blockingKey(k, p));
    }
    return keys;
  }

  /** Returns the dedupe config the index compares records with. */
  public DedupeConfig config() {
    return config;
  }

  /** Returns the number of indexed records. */
  public int size() {
    lock.readLock().lock();
    try {
      return records.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns the indexed records that match {@code record} at or above the review threshold, best
   * first (ties in reference order).
   */
  public List<IndexMatch> matches(Record record) {
    return matches(prepare(new RecordRef("", ""), Objects.requireNonNull(record, "record")), null);
  }

  /** The matches of a prepared record, leaving out the indexed record {@code self} (when not null). */
  private List<IndexMatch> matches(PreparedRecord q, @Nullable RecordRef self) {
    List<IndexMatch> out = new ArrayList<>();
    lock.readLock().lock();
    try {
      int[] seen = new int[8];
      int n = 0;
      for (int k = 0; k < blocks.size(); k++) {
        String key = comparer.blockingKey(k, q);
        if (key == null) {
          continue;
        }
        Deduplicator.IntList b = blocks.get(k).get(key);
        if (b == null || b.size >= config.maxBlockSize()) {
          continue;
        }
        for (int x = 0; x < b.size; x++) {
          if (n == seen.length) {
            seen = Arrays.copyOf(seen, n * 2);
          }
          seen[n++] = b.items[x];
        }
      }
      Arrays.sort(seen, 0, n);
      for (int x = 0; x < n; x++) {
        if (x > 0 && seen[x] == seen[x - 1]) {
          continue;
        }
        PreparedRecord r = records.get(seen[x]);
        if (r.ref.equals(self)) {
          continue;
        }
        double w = scorer.weight(comparer.pattern(q, r), q, r);
        double p = Scorer.probability(w);
        if (p >= config.reviewThreshold()) {
          out.add(new IndexMatch(r.ref, w, p,
              p >= config.matchThreshold() ? MatchDecision.MATCH : MatchDecision.REVIEW));
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    out.sort((a, b) -> {
      int c = Double.compare(b.probability(), a.probability());
      return c != 0 ? c : a.ref().compareTo(b.ref());
    });
    return out;
  }

  /**
   * Explains how {@code record} compares with an indexed record.
   *
   * @throws IllegalArgumentException when {@code existing} is not indexed
   */
  public PairExplanation explain(Record record, RecordRef existing) {
    PreparedRecord q = prepare(new RecordRef("", "(query)"), record);
    lock.readLock().lock();
    try {
      Integer i = byRef.get(existing);
      if (i == null) {
        throw new IllegalArgumentException("record " + existing + " is not in the index");
      }
      return Explainer.explain(comparer, scorer, q, records.get(i), true);
    } finally {
      lock.readLock().unlock();
    }
  }
}
