package dev.mops.metrics.attribution;

/**
 * What a model run did with a touchpoint: every touchpoint kept in a journey set is counted under
 * exactly one of these.
 *
 * <p>Thread safety: an immutable enum.
 */
public enum TouchUse {
  /** In the lookback window of a converted journey: it may get credit. */
  IN_WINDOW,
  /** After the journey's conversion: dropped. */
  AFTER_CONVERSION,
  /** Before the lookback window of a converted journey: dropped. */
  OUTSIDE_LOOKBACK,
  /** In a journey that did not convert: no credit (data-driven models learn from it). */
  NOT_CONVERTED
}
