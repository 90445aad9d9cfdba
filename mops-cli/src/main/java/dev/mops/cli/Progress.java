package dev.mops.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error for long runs, shown only when standard error is a terminal
 * and at most twice a second.
 *
 * <p>Thread safety: not thread-safe; one instance per command run.
 */
public final class Progress {

  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private long lastPrint;
  private boolean printed;

  private Progress(PrintWriter err, String label, boolean enabled) {
    this.err = err;
    this.label = label;
    this.enabled = enabled;
    this.lastPrint = System.nanoTime();
  }

  /** Returns a progress line that prints only when the process has a terminal. */
  public static Progress onTerminal(PrintWriter err, String label) {
    return new Progress(err, label, System.console() != null);
  }

  /** Reports that {@code records} records have been processed so far. */
  public void update(long records) {
    if (!enabled || (records & 0x3FF) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint >= 500_000_000L) {
      lastPrint = now;
      printed = true;
      err.print("\r" + label + ": " + String.format(java.util.Locale.ROOT, "%,d", records) + " records");
      err.flush();
    }
  }

  /** Clears the progress line, if one was printed. */
  public void done() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
