package dev.mops.identity.dedupe;

/**
 * A dedupe run refused because it would exceed a resource limit (the heap, the record or pair
 * limits); its message is one line naming the size, the limit and the option to change.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class DedupeLimitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Creates the exception with its one-line message. */
  public DedupeLimitException(String message) {
    super(message);
  }
}
