package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Adaptive blocking: before any pair is made, estimates each blocking key's candidate pairs from
 * its block-size histogram (one pass over the records' keys) and refines a key whose pairs exceed
 * its share of the pair budget by appending parts of {@link DedupeConfig#refineWith()} (a second
 * field such as the last name's code or the first name's initial), one or two, until it fits; a
 * key that no refinement brings under its share is dropped. Each decision is a finding ({@code
 * BLOCKING_KEY_REFINED}, {@code BLOCKING_KEY_DROPPED}) with the estimated pairs, and the refined
 * keys are the config of the run (its blocking report and {@code --explain-blocking}).
 *
 * <p>Shares are filled like water: the keys that make the fewest pairs first, each allowed an even
 * share of the budget that the keys before it left, so that what small keys (an email, a phone)
 * do not use goes to the large ones. Blocks over {@code
 * max_block_size} are counted too (refining them recovers their pairs). A part missing in more
 * than a tenth of the records that have the key is not appended (those records would lose the
 * key).
 *
 * <p>Thread safety: stateless.
 */
final class AdaptiveBlocking {

  /** Most parts appended to one key. */
  static final int MAX_ADDED_PARTS = 2;

  private AdaptiveBlocking() {}

  /** Most likely-duplicate pairs sampled for the recall-loss estimate. */
  static final int LOSS_SAMPLE = 20_000;

  /** Most records sharing an identifier value for their pairs to count as likely duplicates. */
  static final int LOSS_GROUP_MAX = 4;

  /** The plan: the run's config (keys refined or dropped) and what changed. */
  record Plan(DedupeConfig config, List<BlockingReport.KeyChange> changes) {}

  /** Returns the config with its keys refined (or the same keys when every key fits its share). */
  static Plan plan(DedupeConfig config, PreparedRecord[] recs, long budget, Deduplicator.Findings findings) {
    List<BlockingKey> keys = config.blockingKeys();
    int n = keys.size();
    long[][] estimates = new long[n][];
    Integer[] order = new Integer[n];
    Estimator estimator = Estimator.of(config, recs);
    for (int k = 0; k < n; k++) {
      estimates[k] = estimator.estimate(keys.get(k));
      order[k] = k;
    }
    // Shares by water-filling: the smallest keys first, each taking what it makes up to an even
    // share of what is left, so that the budget small keys leave goes to the large ones.
    java.util.Arrays.sort(order, (x, y) -> Long.compare(estimates[x][0], estimates[y][0]));
    @Nullable BlockingKey[] chosen = new BlockingKey[n];
    @Nullable Decision[] decided = new Decision[n];
    long remaining = budget;
    boolean changed = false;
    for (int i = 0; i < n; i++) {
      int k = order[i];
      BlockingKey key = keys.get(k);
      long share = Math.max(1, remaining / (n - i));
      long[] base = estimates[k];
      long pairs = base[0];
      if (pairs <= share) {
        chosen[k] = key;
        remaining -= pairs;
        continue;
      }
      changed = true;
      BlockingKey best = key;
      long bestPairs = pairs;
      for (int depth = 0; depth < MAX_ADDED_PARTS && bestPairs > share; depth++) {
        BlockingKey round = null;
        long roundPairs = Long.MAX_VALUE;
        for (String part : config.refineWith()) {
          BlockingKey.Part p = BlockingKey.Part.parse(part);
          if (best.parts().contains(p)) {
            continue;
          }
          List<BlockingKey.Part> parts = new ArrayList<>(best.parts());
          parts.add(p);
          BlockingKey candidate = new BlockingKey(parts);
          long[] est = estimator.estimate(candidate);
          if (est[1] * 10 < base[1] * 9) {
            continue; // the part is missing in many records: they would lose this key
          }
          long c = est[0];
          if (c <= share) {
            round = candidate;
            roundPairs = c;
            break;
          }
          if (c < roundPairs) {
            round = candidate;
            roundPairs = c;
          }
        }
        if (round == null || roundPairs >= bestPairs) {
          break;
        }
        best = round;
        bestPairs = roundPairs;
      }
      if (bestPairs <= share) {
        chosen[k] = best;
        remaining -= bestPairs;
        decided[k] = new Decision(key, best, pairs, bestPairs, share);
      } else {
        decided[k] = new Decision(key, null, pairs, 0, share);
      }
    }
    if (!changed) {
      return new Plan(config, List.of());
    }
    List<BlockingKey> out = new ArrayList<>();
    List<Decision> decisions = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BlockingKey c = chosen[k];
      if (c != null) {
        out.add(c);
      }
      Decision d = decided[k];
      if (d != null) {
        decisions.add(d);
      }
    }
    if (out.isEmpty()) {
      // Keep the smallest refinement of the first key rather than no blocking at all.
      out.add(keys.get(0));
    }
    LossSample sample = LossSample.of(config, recs);
    List<BlockingReport.KeyChange> changes = new ArrayList<>();
    for (Decision d : decisions) {
      long lost = sample.lost(config, d.key, d.refined, out, recs);
      BlockingReport.KeyChange change = new BlockingReport.KeyChange(d.key.describe(),
          d.refined == null ? null : d.refined.describe(), d.pairs, d.refinedPairs, sample.size(), lost,
          sample.evidence());
      changes.add(change);
      String loss = sample.size() == 0
          ? "; the recall it costs is not estimated (no email, phone or identifier shared by a few records to sample"
              + " likely duplicates from)"
          : String.format(Locale.ROOT, "; estimated recall loss %.2f%% (%,d of %,d sampled likely duplicates, pairs"
              + " sharing %s, that only this key found)", 100.0 * change.recallLoss(), lost, sample.size(),
              sample.evidence());
      if (d.refined != null) {
        findings.add(Finding.info("BLOCKING_KEY_REFINED", d.key.describe(), Long.toString(d.pairs), String.format(
            Locale.ROOT, "blocking key %s would make about %,d candidate pairs, over its share %,d of the pair budget"
                + " %,d: refined to %s (about %,d pairs)%s", d.key.describe(), d.pairs, d.share, budget,
            d.refined.describe(), d.refinedPairs, loss)));
      } else {
        findings.add(Finding.warning("BLOCKING_KEY_DROPPED", d.key.describe(), Long.toString(d.pairs), String.format(
            Locale.ROOT, "blocking key %s would make about %,d candidate pairs, over its share %,d of the pair budget"
                + " %,d, and no refinement (%s) brings it under: dropped%s", d.key.describe(), d.pairs, d.share, budget,
            String.join(", ", config.refineWith()), loss)));
      }
    }
    return new Plan(config.withBlockingKeys(out), changes);
  }

  /** One key over its share: refined (to {@code refined}) or dropped ({@code refined} null). */
  private record Decision(BlockingKey key, @Nullable BlockingKey refined, long pairs, long refinedPairs, long share) {}

  /**
   * A sample of likely duplicate pairs, as labels for the recall-loss estimate: pairs of records
   * that share the value of an email, phone or identifier field held by at most {@value
   * #LOSS_GROUP_MAX} records (a shared switchboard or placeholder is not a label). A key's loss is
   * the share of them that the key's blocks hold and that neither its refinement nor another key of
   * the run holds, keys reading the pair's own labelling field left out (they would find it by
   * construction). It estimates the share of duplicates that only this key would have found,
   * assuming that whether a duplicate shares its email does not depend on its names.
   */
  private static final class LossSample {
    final int[] a;
    final int[] b;
    final int[] labelField;
    final int count;
    final String evidence;

    private LossSample(int[] a, int[] b, int[] labelField, int count, String evidence) {
      this.a = a;
      this.b = b;
      this.labelField = labelField;
      this.count = count;
      this.evidence = evidence;
    }

    int size() {
      return count;
    }

    String evidence() {
      return evidence;
    }

    static LossSample of(DedupeConfig config, PreparedRecord[] recs) {
      List<Integer> fields = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int f = 0; f < config.fields().size(); f++) {
        if (config.fields().get(f).kind().identifying()) {
          fields.add(f);
          names.add(config.fields().get(f).field());
        }
      }
      int[] a = new int[LOSS_SAMPLE];
      int[] b = new int[LOSS_SAMPLE];
      int[] lf = new int[LOSS_SAMPLE];
      long seen = 0;
      java.util.SplittableRandom rnd = new java.util.SplittableRandom(config.seed());
      for (int f : fields) {
        HashMap<String, Deduplicator.IntList> groups = new HashMap<>();
        for (int i = 0; i < recs.length; i++) {
          String v = recs[i].norm[f];
          if (v != null) {
            Deduplicator.IntList g = groups.computeIfAbsent(v, x -> new Deduplicator.IntList());
            if (g.size <= LOSS_GROUP_MAX) {
              g.add(i);
            }
          }
        }
        // Only the values of 2 to LOSS_GROUP_MAX records make pairs: sort just those.
        List<String> values = new ArrayList<>();
        groups.forEach((v, g) -> {
          if (g.size >= 2 && g.size <= LOSS_GROUP_MAX) {
            values.add(v);
          }
        });
        values.sort(null);
        for (String v : values) {
          Deduplicator.IntList g = java.util.Objects.requireNonNull(groups.get(v));
          if (g.size < 2 || g.size > LOSS_GROUP_MAX) {
            continue;
          }
          for (int x = 0; x < g.size; x++) {
            for (int y = x + 1; y < g.size; y++) {
              // reservoir sampling: every pair equally likely to be kept
              int slot = seen < LOSS_SAMPLE ? (int) seen : (int) rnd.nextLong(seen + 1);
              seen++;
              if (slot < LOSS_SAMPLE) {
                a[slot] = g.items[x];
                b[slot] = g.items[y];
                lf[slot] = f;
              }
            }
          }
        }
      }
      return new LossSample(a, b, lf, (int) Math.min(seen, LOSS_SAMPLE), String.join(" or ", names));
    }

    /** Sampled pairs {@code key} holds that neither {@code refined} nor another of {@code kept} holds. */
    long lost(DedupeConfig config, BlockingKey key, @Nullable BlockingKey refined, List<BlockingKey> kept,
        PreparedRecord[] recs) {
      if (count == 0) {
        return 0;
      }
      KeyFunction k = new KeyFunction(config, key);
      KeyFunction r = refined == null ? null : new KeyFunction(config, refined);
      List<KeyFunction> others = new ArrayList<>();
      for (BlockingKey o : kept) {
        if (!o.equals(refined)) {
          others.add(new KeyFunction(config, o));
        }
      }
      long lost = 0;
      for (int s = 0; s < count; s++) {
        int i = a[s];
        int j = b[s];
        if (!k.same(i, j, recs, -1)) {
          continue;
        }
        if (r != null && r.same(i, j, recs, -1)) {
          continue;
        }
        boolean found = false;
        for (KeyFunction o : others) {
          if (o.same(i, j, recs, labelField[s])) {
            found = true;
            break;
          }
        }
        if (!found) {
          lost++;
        }
      }
      return lost;
    }
  }

  /** One key's function over records. */
  private static final class KeyFunction {
    final FieldComparer comparer;
    final java.util.Set<Integer> reads = new java.util.HashSet<>();

    KeyFunction(DedupeConfig config, BlockingKey key) {
      this.comparer = new FieldComparer(config.withBlockingKeys(List.of(key)));
      for (BlockingKey.Part p : key.parts()) {
        reads.add(config.fieldIndex(p.field()));
      }
    }

    /** Whether records i and j share this key; false when the key reads field {@code skipField}. */
    boolean same(int i, int j, PreparedRecord[] recs, int skipField) {
      if (reads.contains(skipField)) {
        return false;
      }
      String x = comparer.blockingKey(0, recs[i]);
      return x != null && x.equals(comparer.blockingKey(0, recs[j]));
    }
  }

  /** Pairs the key's blocks would make, oversized blocks included (refining them recovers their pairs). */
  static long estimate(DedupeConfig config, BlockingKey key, PreparedRecord[] recs) {
    return estimateWithCoverage(config, key, recs)[0];
  }

  /** The key's pairs (all blocks) and the number of records that have the key. */
  static long[] estimateWithCoverage(DedupeConfig config, BlockingKey key, PreparedRecord[] recs) {
    DedupeConfig one = config.withBlockingKeys(List.of(key));
    FieldComparer c = new FieldComparer(one);
    HashMap<String, int[]> counts = new HashMap<>();
    long withKey = 0;
    for (PreparedRecord r : recs) {
      String k = c.blockingKey(0, r);
      if (k != null) {
        withKey++;
        counts.computeIfAbsent(k, x -> new int[1])[0]++;
      }
    }
    long pairs = 0;
    for (int[] v : counts.values()) {
      if (v[0] >= 2) {
        pairs += (long) v[0] * (v[0] - 1) / 2;
      }
    }
    return new long[] {pairs, withKey};
  }

  /**
   * Estimates keys as {@link #estimateWithCoverage} does, with the same results, without making a
   * key string per record and key: each part of a key (such as {@code phonetic(last_name)}) is
   * coded once per record as the number of its distinct value (in record order; -1 when missing or
   * empty), the codes of a key's leading parts are ranked into one code per distinct tuple, and
   * the tuples are counted by sorting. Two records share a key exactly when they share each part's
   * value, since the key joins its parts with U+001F; when a part's value holds U+001F itself the
   * estimator falls back to the key strings. The codes of the parts (4 bytes a record and part)
   * are made on the common fork-join pool, all at once.
   */
  static final class Estimator {
    private final DedupeConfig config;
    private final PreparedRecord[] recs;
    private final java.util.Map<BlockingKey.Part, int[]> codes;
    private final boolean exact;
    private List<BlockingKey.Part> cachedPrefix = List.of();
    private int @Nullable [] cachedRanks;

    private Estimator(DedupeConfig config, PreparedRecord[] recs, java.util.Map<BlockingKey.Part, int[]> codes,
        boolean exact) {
      this.config = config;
      this.recs = recs;
      this.codes = codes;
      this.exact = exact;
    }

    /** Codes the parts of the config's keys and of its {@code refine_with}. */
    static Estimator of(DedupeConfig config, PreparedRecord[] recs) {
      java.util.LinkedHashSet<BlockingKey.Part> parts = new java.util.LinkedHashSet<>();
      for (BlockingKey k : config.blockingKeys()) {
        parts.addAll(k.parts());
      }
      for (String r : config.refineWith()) {
        parts.add(BlockingKey.Part.parse(r));
      }
      List<BlockingKey.Part> list = new ArrayList<>(parts);
      FieldComparer comparer = new FieldComparer(config);
      int[][] coded = new int[list.size()][];
      boolean[] clean = new boolean[list.size()];
      java.util.stream.IntStream.range(0, list.size()).parallel().forEach(p -> {
        BlockingKey.Part part = list.get(p);
        int f = config.fieldIndex(part.field());
        HashMap<String, Integer> ids = new HashMap<>();
        int[] out = new int[recs.length];
        boolean ok = true;
        for (int i = 0; i < recs.length; i++) {
          String v = comparer.part(part, recs[i], f);
          if (v == null) {
            out[i] = -1;
          } else {
            Integer id = ids.putIfAbsent(v, ids.size());
            out[i] = id == null ? ids.size() - 1 : id;
            ok &= v.indexOf('\u001f') < 0;
          }
        }
        coded[p] = out;
        clean[p] = ok;
      });
      java.util.Map<BlockingKey.Part, int[]> codes = new HashMap<>();
      boolean exact = true;
      for (int p = 0; p < list.size(); p++) {
        codes.put(list.get(p), coded[p]);
        exact &= clean[p];
      }
      return new Estimator(config, recs, codes, exact);
    }

    /** The key's pairs (all blocks) and the number of records that have the key. */
    long[] estimate(BlockingKey key) {
      List<BlockingKey.Part> parts = key.parts();
      if (!exact || parts.isEmpty() || !codes.keySet().containsAll(parts)) {
        return estimateWithCoverage(config, key, recs);
      }
      int n = recs.length;
      int[] last = java.util.Objects.requireNonNull(codes.get(parts.get(parts.size() - 1)));
      long[] tuples = new long[n];
      int m = 0;
      if (parts.size() == 1) {
        for (int i = 0; i < n; i++) {
          if (last[i] >= 0) {
            tuples[m++] = last[i];
          }
        }
      } else {
        int[] lead = ranks(parts.subList(0, parts.size() - 1));
        for (int i = 0; i < n; i++) {
          if (lead[i] >= 0 && last[i] >= 0) {
            tuples[m++] = ((long) lead[i] << 32) | last[i];
          }
        }
      }
      java.util.Arrays.sort(tuples, 0, m);
      long pairs = 0;
      for (int x = 0; x < m; ) {
        int y = x + 1;
        while (y < m && tuples[y] == tuples[x]) {
          y++;
        }
        long c = y - x;
        pairs += c * (c - 1) / 2;
        x = y;
      }
      return new long[] {pairs, m};
    }

    /** Per record, a number for its tuple of the parts' values (-1 when one is missing); the last prefix is kept. */
    private int[] ranks(List<BlockingKey.Part> prefix) {
      int[] cached = cachedRanks;
      if (cached != null && cachedPrefix.equals(prefix)) {
        return cached;
      }
      int[] rank = java.util.Objects.requireNonNull(codes.get(prefix.get(0)));
      for (int p = 1; p < prefix.size(); p++) {
        int[] next = java.util.Objects.requireNonNull(codes.get(prefix.get(p)));
        int[] out = new int[rank.length];
        LongIds ids = new LongIds(rank.length);
        for (int i = 0; i < rank.length; i++) {
          out[i] = rank[i] < 0 || next[i] < 0 ? -1 : ids.idOf(((long) rank[i] << 32) | next[i]);
        }
        rank = out;
      }
      cachedPrefix = List.copyOf(prefix);
      cachedRanks = rank;
      return rank;
    }
  }

  /** Numbers distinct non-negative longs 0, 1, 2, ... in the order first seen (open addressing). */
  private static final class LongIds {
    private final long[] keys;
    private final int[] ids;
    private final int mask;
    private int size;

    LongIds(int expected) {
      int cap = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) << 1;
      keys = new long[cap];
      java.util.Arrays.fill(keys, -1L);
      ids = new int[cap];
      mask = cap - 1;
    }

    int idOf(long key) {
      int slot = (int) (mix(key) & mask);
      while (true) {
        long k = keys[slot];
        if (k == key) {
          return ids[slot];
        }
        if (k == -1L) {
          keys[slot] = key;
          ids[slot] = size;
          return size++;
        }
        slot = (slot + 1) & mask;
      }
    }

    private static long mix(long x) {
      x ^= x >>> 33;
      x *= 0xff51afd7ed558ccdL;
      x ^= x >>> 33;
      return x;
    }
  }
}
