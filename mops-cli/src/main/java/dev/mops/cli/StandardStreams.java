package dev.mops.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The standard streams of one run of {@code mops}: standard input, standard output (bytes for
 * records, text for reports), standard error, and whether standard error is a terminal (for the
 * progress line).
 *
 * <p>{@link Main#main} uses the process's streams; tests pass their own, so that a run reads a
 * given stdin and its stdout is captured.
 *
 * <p>Thread safety: one instance per run; not thread-safe, but for the progress-line flag (volatile).
 */
final class StandardStreams {

  private final InputStream in;
  private final OutputStream out;
  private final PrintWriter outText;
  private final PrintWriter err;
  private final BooleanSupplier errIsTerminal;
  private final long progressDelayNanos;
  private int terminal = -1;
  private volatile boolean progressLine;

  StandardStreams(InputStream in, OutputStream out, PrintWriter outText, PrintWriter err, BooleanSupplier errIsTerminal) {
    this(in, out, outText, err, errIsTerminal, 500_000_000L);
  }

  /**
   * Creates streams whose progress line starts after {@code progressDelayNanos} (half a second for
   * a person; zero in tests, so that a short run shows one).
   */
  StandardStreams(InputStream in, OutputStream out, PrintWriter outText, PrintWriter err, BooleanSupplier errIsTerminal,
      long progressDelayNanos) {
    this.progressDelayNanos = progressDelayNanos;
    this.in = in;
    this.out = out;
    this.outText = outText;
    this.err = err;
    this.errIsTerminal = errIsTerminal;
  }

  /** Returns the streams of the run that {@code spec} belongs to (the process's when it has none). */
  static StandardStreams of(@Nullable CommandSpec spec) {
    if (spec == null) {
      throw new IllegalStateException("not run by picocli: no command spec");
    }
    Object root = spec.root().userObject();
    if (root instanceof MopsCommand) {
      return ((MopsCommand) root).streams();
    }
    return system(spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  /** Returns the process's streams, with {@code outText} and {@code err} as the text writers. */
  static StandardStreams system(PrintWriter outText, PrintWriter err) {
    return new StandardStreams(System.in, System.out, outText, err, Terminal::stderrIsTerminal);
  }

  /** Returns standard input. */
  InputStream in() {
    return in;
  }

  /**
   * Returns standard output for records: the text writer is flushed first, and closing the
   * returned stream only flushes it.
   */
  OutputStream recordOut() {
    outText.flush();
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        this.out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }

  /** Returns standard output for text (reports, help). */
  PrintWriter outText() {
    return outText;
  }

  /** Returns standard error. */
  PrintWriter err() {
    return err;
  }

  /** Notes whether a progress line is on the screen (drawn and not cleared). */
  void progressLine(boolean shown) {
    progressLine = shown;
  }

  /** Clears the progress line, if one is on the screen, so that a message starts on a clean line. */
  void clearProgressLine() {
    if (progressLine) {
      progressLine = false;
      err.print("\r\033[K");
    }
  }

  /** Returns how long a run goes before its progress line first shows. */
  long progressDelayNanos() {
    return progressDelayNanos;
  }

  /** Returns whether standard error is a terminal (asked once per run). */
  boolean errIsTerminal() {
    if (terminal < 0) {
      terminal = errIsTerminal.getAsBoolean() ? 1 : 0;
    }
    return terminal == 1;
  }
}
