package dev.mops.flow.enrich;

import java.util.Objects;

/**
 * A failed enrichment lookup, thrown by an {@link EnrichmentProvider}: a stable code, whether
 * trying again may help, and a message for people.
 *
 * <p>Throw it retryable for what passes (a rate limit, a 5xx, a dropped connection), and not
 * retryable for what will fail the same way again (a bad key, a refused account). "Not found" is
 * not a failure: return an empty map.
 *
 * <p>Thread safety: immutable once thrown.
 */
public final class EnrichmentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final boolean retryable;

  /**
   * Creates the exception.
   *
   * @param code a stable upper-case code, such as {@code RATE_LIMITED}
   * @param retryable whether another attempt may succeed
   * @param message what happened
   */
  public EnrichmentException(String code, boolean retryable, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    this.retryable = retryable;
  }

  /** Returns the stable code. */
  public String code() {
    return code;
  }

  /** Returns whether another attempt may succeed. */
  public boolean retryable() {
    return retryable;
  }
}
