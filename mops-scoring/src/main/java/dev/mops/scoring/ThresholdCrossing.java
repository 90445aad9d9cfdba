package dev.mops.scoring;

import java.util.Objects;

/**
 * A threshold (such as MQL) that a lead entered or left between two scores.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param threshold the threshold's name
 * @param direction whether the lead entered or left it
 */
public record ThresholdCrossing(String threshold, Direction direction) {

  /** Which way a threshold was crossed. */
  public enum Direction {
    /** The lead now meets the threshold and did not before. */
    ENTERED,
    /** The lead met the threshold before and does not now. */
    LEFT
  }

  /** Validates the components. */
  public ThresholdCrossing {
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(direction, "direction");
  }
}
