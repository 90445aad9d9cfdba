package dev.mops.flow.enrich;

import java.time.Duration;

/**
 * Waits between retries: {@link #SYSTEM} sleeps the thread; tests pass one that only advances a
 * fake clock, so backoff is tested without waiting.
 *
 * <p>Thread safety: implementations must be safe to call from several threads.
 */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps the calling thread. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

  /**
   * Waits for {@code duration}.
   *
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
