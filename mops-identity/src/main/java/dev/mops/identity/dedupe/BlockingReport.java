package dev.mops.identity.dedupe;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What blocking did: per pass, how many blocks and pairs it made and which blocks it skipped for
 * being over the size cap; and the number of distinct candidate pairs.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param passes one report per blocking key, in config order
 * @param candidatePairs distinct pairs compared, over all passes
 * @param keyChanges the keys adaptive blocking refined or dropped to fit the pair budget, in the
 *     order of the config's keys (empty when none was)
 */
public record BlockingReport(List<Pass> passes, long candidatePairs, List<KeyChange> keyChanges) {

  /** Copies the lists. */
  public BlockingReport {
    passes = List.copyOf(passes);
    keyChanges = List.copyOf(keyChanges);
  }

  /** A report with no key changed by adaptive blocking. */
  public BlockingReport(List<Pass> passes, long candidatePairs) {
    this(passes, candidatePairs, List.of());
  }

  /**
   * A blocking key adaptive blocking refined or dropped, with its estimated cost in recall.
   *
   * <p>The estimate samples likely duplicates (pairs of records sharing an email, phone or
   * identifier value held by a few records) and counts those the original key's blocks hold that
   * neither the refined key nor any other key of the run holds (keys reading the pair's own
   * sharing field left out).
   *
   * <p>Thread safety: an immutable value, safe to share.
   *
   * @param key the key as configured or inferred
   * @param refinedTo the key it became, or null when it was dropped
   * @param pairsBefore the key's estimated candidate pairs
   * @param pairsAfter the refined key's estimated pairs (0 when dropped)
   * @param sampledDuplicates likely duplicate pairs sampled (0: no field to sample them by)
   * @param lostDuplicates sampled pairs only the original key found
   * @param evidence the fields the sampled pairs share, such as {@code email or phone}
   */
  public record KeyChange(String key, @Nullable String refinedTo, long pairsBefore, long pairsAfter,
      long sampledDuplicates, long lostDuplicates, String evidence) {

    /** The estimated share of duplicates lost: lost over sampled, 0 when nothing was sampled. */
    public double recallLoss() {
      return sampledDuplicates == 0 ? 0 : (double) lostDuplicates / sampledDuplicates;
    }
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
