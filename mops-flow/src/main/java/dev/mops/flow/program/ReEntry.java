package dev.mops.flow.program;

import java.time.Duration;
import java.util.Objects;

/**
 * The re-entry rules of a {@link Program}: whether a lead that left may enter again, how long after
 * its previous entry, and how many times in all.
 *
 * <p>A lead is never in a program twice at once: triggers while it is in the program are ignored.
 * A lead that left by a criterion with {@link Criterion#blocksReentry()} never enters again.
 *
 * <p>Thread safety: an immutable value.
 *
 * @param allowed whether a lead may enter again after it left
 * @param after the least time between two entries (zero for none)
 * @param maxEntries the most entries in all, {@link #UNLIMITED} for no limit
 */
public record ReEntry(boolean allowed, Duration after, int maxEntries) {

  /** The {@code maxEntries} that means no limit. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** The default: a lead enters at most once. */
  public static final ReEntry NEVER = new ReEntry(false, Duration.ZERO, 1);

  /** Validates the components. */
  public ReEntry {
    Objects.requireNonNull(after, "after");
    if (after.isNegative() || maxEntries < 1) {
      throw new IllegalArgumentException("after must not be negative and maxEntries at least 1");
    }
  }
}
