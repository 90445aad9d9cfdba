package dev.mops.core;

/**
 * A receiver of {@link Finding}s, so that code reporting bad data does not decide how findings are
 * stored.
 *
 * <p>Thread safety: implementations say; {@link #IGNORE} is stateless and safe to share.
 */
@FunctionalInterface
public interface FindingSink {

  /** A sink that drops every finding. */
  FindingSink IGNORE = finding -> {};

  /** Receives one finding. */
  void accept(Finding finding);
}
