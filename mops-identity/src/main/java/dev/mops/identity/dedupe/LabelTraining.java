package dev.mops.identity.dedupe;

import dev.mops.core.Finding;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of training a match model from labelled pairs: the model, how many labels were
 * used and skipped, and findings about the labels.
 *
 * <p>Use the model with {@link Deduplicator#withModel(DedupeConfig, MatchModel)}. Findings about
 * the records themselves (missing or duplicated ids, junk values, oversized blocks) are not
 * repeated here: the run that uses the model reports them.
 *
 * <p>Thread safety: an immutable value, safe to share.
 *
 * @param model the trained model
 * @param matches labelled matches used
 * @param nonMatches labelled non-matches used
 * @param skipped labels not used: unknown ids, a record paired with itself, conflicting or
 *     repeated labels
 * @param findings why labels were skipped, and where the estimate fell back to the unlabelled
 *     one (codes {@code LABEL_UNKNOWN_ID}, {@code LABEL_SAME_RECORD}, {@code LABEL_CONFLICT},
 *     {@code LABEL_DUPLICATE}, {@code LABEL_TOO_FEW}, {@code LABEL_FIELD_TOO_FEW}, and the
 *     unlabelled estimate's own, such as {@code EM_NOT_CONVERGED})
 */
public record LabelTraining(MatchModel model, int matches, int nonMatches, int skipped, List<Finding> findings) {

  /**
   * Fewest labelled pairs of a class (matches or non-matches), in all and per field with both
   * values present, for that class's probabilities to be estimated from the labels; below it
   * they come from the unlabelled estimate.
   */
  public static final int MIN_PAIRS_PER_CLASS = 3;

  /** Validates the counts and copies the findings. */
  public LabelTraining {
    Objects.requireNonNull(model, "model");
    findings = List.copyOf(findings);
    if (matches < 0 || nonMatches < 0 || skipped < 0) {
      throw new IllegalArgumentException("negative label count");
    }
  }

  /** Returns the labelled pairs used, matches and non-matches. */
  public int used() {
    return matches + nonMatches;
  }
}
