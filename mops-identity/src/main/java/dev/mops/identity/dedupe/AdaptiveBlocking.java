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
    for (int k = 0; k < n; k++) {
      estimates[k] = estimateWithCoverage(config, keys.get(k), recs);
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
          long[] est = estimateWithCoverage(config, candidate, recs);
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
        List<String> values = new ArrayList<>(groups.keySet());
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
}
