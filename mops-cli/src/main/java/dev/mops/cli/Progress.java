package dev.mops.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A progress line on standard error for long runs: records processed, the rate, and when the
 * input's size is known, the share done and the time left. It is redrawn in place at most four
 * times a second, starting after half a second (a quick run prints none), and cleared at the end.
 *
 * <p>Shown when standard error is a terminal, or when forced with {@code --progress}; never with
 * {@code --no-progress}.
 *
 * <p>Thread safety: {@link #update} and {@link #done} from the thread that reads; {@link #during}
 * redraws from a timer thread while its task runs, synchronised on this object.
 */
public final class Progress {

  private static final long EVERY_NANOS = 250_000_000L;

  private final PrintWriter err;
  private final String label;
  private final boolean enabled;
  private final LongSupplier bytesRead;
  private final long size;
  private final long start;
  private long lastPrint;
  private boolean printed;
  private @Nullable StandardStreams streams;

  private final long firstNanos;

  Progress(PrintWriter err, String label, boolean enabled, LongSupplier bytesRead, long size, long startNanos,
      long firstNanos) {
    this.firstNanos = firstNanos;
    this.err = err;
    this.label = label;
    this.enabled = enabled;
    this.bytesRead = bytesRead;
    this.size = size;
    this.start = startNanos;
    this.lastPrint = startNanos - EVERY_NANOS + firstNanos;
  }

  /** Returns a progress line for a run reading {@code input} (its size gives the time left). */
  static Progress start(ProgressOptions options, StandardStreams streams, String label, @Nullable InputOptions input) {
    Progress p = new Progress(streams.err(), label, options.enabled(streams),
        input == null ? () -> 0 : input::bytesRead, input == null ? -1 : input.size(), System.nanoTime(),
        streams.progressDelayNanos());
    p.streams = streams;
    return p;
  }

  /** Returns whether the line is shown at all. */
  boolean enabled() {
    return enabled;
  }

  /** Reports that {@code records} records have been processed so far. */
  public void update(long records) {
    if (!enabled || (records & 0xFF) != 0) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastPrint >= EVERY_NANOS) {
      lastPrint = now;
      draw(line(records, bytesRead.getAsLong(), now - start));
    }
  }

  /**
   * Runs {@code task} (a phase of unknown length, such as matching), showing {@code what} and the
   * time elapsed while it runs.
   */
  public <T> T during(String what, Callable<T> task) throws Exception {
    return during(() -> what, task);
  }

  /**
   * Runs {@code task} showing the text {@code what} gives (read again every second, so that it
   * can say which step the task is at) and the time elapsed while it runs.
   */
  public <T> T during(java.util.function.Supplier<String> what, Callable<T> task) throws Exception {
    if (!enabled) {
      return task.call();
    }
    long phaseStart = System.nanoTime();
    Thread ticker = new Thread(() -> {
      try {
        Thread.sleep(firstNanos / 1_000_000L);
        while (!Thread.currentThread().isInterrupted()) {
          draw(what.get() + ", " + clock(System.nanoTime() - phaseStart) + " elapsed");
          Thread.sleep(1000);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mops-progress");
    ticker.setDaemon(true);
    ticker.start();
    try {
      return task.call();
    } finally {
      ticker.interrupt();
      ticker.join();
      done();
    }
  }

  /** Clears the progress line, if one was printed. */
  public synchronized void done() {
    if (printed) {
      err.print("\r\033[K");
      err.flush();
      printed = false;
      StandardStreams s = streams;
      if (s != null) {
        s.progressLine(false);
      }
    }
  }

  private synchronized void draw(String text) {
    printed = true;
    err.print("\r" + label + ": " + text + "\033[K");
    err.flush();
    StandardStreams s = streams;
    if (s != null) {
      s.progressLine(true);
    }
  }

  /** Returns the text of the line: count, rate, and share and time left when the size is known. */
  String line(long records, long bytes, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos, 1) / 1e9;
    StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%,d records, %,.0f/s", records, records / seconds));
    if (size > 0 && bytes > 0) {
      double fraction = Math.min(1.0, (double) bytes / size);
      long left = (long) (elapsedNanos * (1 - fraction) / fraction);
      sb.append(String.format(Locale.ROOT, ", %.0f%%, ETA %s", fraction * 100, clock(left)));
    }
    return sb.toString();
  }

  /** Formats a duration as {@code m:ss} or {@code h:mm:ss}. */
  static String clock(long nanos) {
    long s = Math.max(0, nanos / 1_000_000_000L);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
