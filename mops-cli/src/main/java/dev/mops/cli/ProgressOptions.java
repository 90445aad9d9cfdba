package dev.mops.cli;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The shared {@code --progress}/{@code --no-progress} option: by default a progress line is shown
 * on standard error when standard error is a terminal; the option forces it on or off.
 *
 * <p>Thread safety: one instance per command run.
 */
public final class ProgressOptions {

  @Option(
      names = "--progress",
      negatable = true,
      description = "Show (or with --no-progress, hide) the progress line on stderr. Default: shown when stderr is a terminal.")
  @Nullable Boolean progress;

  /** Returns whether to show progress, given whether standard error is a terminal. */
  boolean enabled(StandardStreams streams) {
    Boolean p = progress;
    return p != null ? p : streams.errIsTerminal();
  }
}
