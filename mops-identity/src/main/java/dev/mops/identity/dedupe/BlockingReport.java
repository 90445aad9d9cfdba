package dev.mops.identity.dedupe;

import java.util.List;

/**
 * What blocking did: per pass, how many blocks and pairs it made and which blocks it skipped for
 * being over the size cap; and the number of distinct candidate pairs.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param passes one report per blocking key, in config order
 * @param candidatePairs distinct pairs compared, over all passes
 */
public record BlockingReport(List<Pass> passes, long candidatePairs) {

  /** Copies the pass list. */
  public BlockingReport {
    passes = List.copyOf(passes);
  }

  /**
   * What one blocking pass did.
   *
   * @param key the blocking key, as written in config
   * @param recordsWithKey records that had every part of the key
   * @param blocks blocks of two records or more that were compared
   * @param pairs pairs the pass made (some also made by earlier passes)
   * @param newPairs pairs no earlier pass had made
   * @param oversizedBlocks blocks skipped for being larger than {@code max_block_size} or than the
   *     largest block the pair budget allows ({@link DedupeConfig#maxCandidatePairs})
   * @param skippedPairs pairs in the skipped blocks
   */
  public record Pass(
      String key, long recordsWithKey, long blocks, long pairs, long newPairs, long oversizedBlocks, long skippedPairs) {}
}
