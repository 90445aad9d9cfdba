package dev.mops.cli;

/**
 * The exit codes of every {@code mops} command.
 *
 * <p>Thread safety: constants only.
 */
public final class ExitCode {
  /** The command ran and found nothing over its {@code --fail-on} threshold. */
  public static final int OK = 0;
  /** The command ran and found problems at or over its {@code --fail-on} threshold. */
  public static final int FINDINGS = 1;
  /** The command line, a configuration file or an input file could not be used. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
