package dev.mops.metrics.attribution;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The lookback window of a model applied to journeys: which touchpoints of a journey count.
 *
 * <p>A converted journey's window ends at its conversion (a touchpoint at the very instant
 * counts) and starts the lookback before it; a journey that did not convert (used by the
 * data-driven models) has a window that ends at its last touchpoint.
 *
 * <p>Thread safety: not thread-safe (it holds the bounds of the journey looked at last).
 */
final class Window {

  private final Journeys js;
  private final long lookbackMillis;
  /** The first touchpoint in the window. */
  int from;
  /** One past the last touchpoint in the window. */
  int to;

  Window(Journeys js, @Nullable Duration lookback) {
    this.js = js;
    this.lookbackMillis = lookback == null ? -1 : saturatedMillis(lookback);
  }

  private static long saturatedMillis(Duration d) {
    try {
      return d.toMillis();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** Sets {@link #from} and {@link #to} for journey {@code j}. */
  void of(int j) {
    int s = js.start[j];
    int e = js.start[j + 1];
    long[] time = js.time;
    long end = js.convertedAt[j];
    if (end == Journeys.NOT_CONVERTED) {
      if (s == e) {
        from = s;
        to = s;
        return;
      }
      end = time[e - 1];
    }
    int b = e;
    while (b > s && time[b - 1] > end) {
      b--;
    }
    int a = s;
    if (lookbackMillis >= 0) {
      long first = end - lookbackMillis;
      if (first > end) {
        first = Long.MIN_VALUE; // underflow
      }
      while (a < b && time[a] < first) {
        a++;
      }
    }
    from = a;
    to = b;
  }
}
