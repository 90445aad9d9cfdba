package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;

/**
 * Adaptive blocking: before any pair is made, estimates each blocking key's candidate pairs from
 * its block-size histogram (one pass over the records' keys) and refines a key whose pairs exceed
 * its share of the pair budget by appending parts of {@link DedupeConfig#refineWith()} (a second
 * field such as the last name's code or the first name's initial), one or two, until it fits; a
 * key that no refinement brings under its share is dropped. Each decision is a finding ({@code
 * BLOCKING_KEY_REFINED}, {@code BLOCKING_KEY_DROPPED}) with the estimated pairs, and the refined
 * keys are the config of the run (its blocking report and {@code --explain-blocking}).
 *
 * <p>A key's share is the budget divided by the number of keys. Blocks over {@code
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

  /** Returns the config with its keys refined (or the same keys when every key fits its share). */
  static DedupeConfig plan(DedupeConfig config, PreparedRecord[] recs, long budget, Deduplicator.Findings findings) {
    List<BlockingKey> keys = config.blockingKeys();
    long share = Math.max(1, budget / keys.size());
    List<BlockingKey> out = new ArrayList<>();
    boolean changed = false;
    for (BlockingKey key : keys) {
      long[] base = estimateWithCoverage(config, key, recs);
      long pairs = base[0];
      if (pairs <= share) {
        out.add(key);
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
        out.add(best);
        findings.add(Finding.info("BLOCKING_KEY_REFINED", key.describe(), Long.toString(pairs), String.format(Locale.ROOT,
            "blocking key %s would make about %,d candidate pairs, over its share %,d of the pair budget %,d: refined to"
                + " %s (about %,d pairs)", key.describe(), pairs, share, budget, best.describe(), bestPairs)));
      } else {
        findings.add(Finding.warning("BLOCKING_KEY_DROPPED", key.describe(), Long.toString(pairs), String.format(
            Locale.ROOT, "blocking key %s would make about %,d candidate pairs, over its share %,d of the pair budget"
                + " %,d, and no refinement (%s) brings it under: dropped; duplicates only it would find are missed",
            key.describe(), pairs, share, budget, String.join(", ", config.refineWith()))));
      }
    }
    if (!changed) {
      return config;
    }
    if (out.isEmpty()) {
      // Keep the smallest refinement of the first key rather than no blocking at all.
      out.add(keys.get(0));
    }
    return config.withBlockingKeys(out);
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
