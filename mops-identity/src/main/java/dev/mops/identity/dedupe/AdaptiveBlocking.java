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
 * max_block_size} are not counted: they are skipped anyway.
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
      long pairs = estimate(config, key, recs);
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
          long c = estimate(config, candidate, recs);
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

  /** Pairs the key's blocks up to {@code max_block_size} would make. */
  static long estimate(DedupeConfig config, BlockingKey key, PreparedRecord[] recs) {
    DedupeConfig one = config.withBlockingKeys(List.of(key));
    FieldComparer c = new FieldComparer(one);
    HashMap<String, int[]> counts = new HashMap<>();
    for (PreparedRecord r : recs) {
      String k = c.blockingKey(0, r);
      if (k != null) {
        counts.computeIfAbsent(k, x -> new int[1])[0]++;
      }
    }
    long pairs = 0;
    int max = config.maxBlockSize();
    for (int[] v : counts.values()) {
      if (v[0] >= 2 && v[0] <= max) {
        pairs += (long) v[0] * (v[0] - 1) / 2;
      }
    }
    return pairs;
  }
}
