package dev.mops.cli;

/**
 * An error a person can fix on the command line or in a file: printed as one line, exit code 2.
 *
 * <p>Thread safety: immutable.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception whose message is the one line printed. */
  public UsageException(String message) {
    super(message);
  }

  /** Creates an exception whose message is the one line printed, with its cause for --debug. */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
