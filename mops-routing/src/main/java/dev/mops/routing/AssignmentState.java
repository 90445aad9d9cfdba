package dev.mops.routing;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The state routing keeps between decisions: each pool's rotation position, each pool's count of
 * assignments per rep (for weighted pools), and each rep's assignments per day and per week in the
 * rep's time zone (for caps and least-loaded pools).
 *
 * <p>A {@link Router} reads and changes the state only inside {@link #atomically}, one decision per
 * call, so that choosing a rep, checking its caps and counting the assignment happen as one step:
 * implementations must run the calls one at a time (or with an equivalent isolation), which makes
 * routing exact under any number of threads.
 *
 * <p>Implementations: {@link #inMemory()} (the default) and {@link FileAssignmentState} (a JSON
 * file written atomically, for the CLI and small jobs). A shared store (a database row lock, Redis)
 * implements the same two interfaces.
 *
 * <p>Thread safety: implementations are thread-safe.
 */
public interface AssignmentState {

  /**
   * Runs {@code work} with exclusive access to the ledger and returns its result; changes made by
   * {@code work} are visible to every later call.
   */
  <T> T atomically(Function<? super Ledger, ? extends T> work);

  /** Returns a new, empty, thread-safe in-memory state. */
  static AssignmentState inMemory() {
    return new LedgerState();
  }

  /** The two periods caps are counted in. */
  enum Period {
    /** A calendar day in the rep's time zone; index: the epoch day. */
    DAY,
    /** An ISO week (Monday to Sunday) in the rep's time zone; index: {@code floorDiv(epochDay + 3, 7)}. */
    WEEK
  }

  /**
   * The ledger a decision reads and writes, valid only inside {@link #atomically}.
   *
   * <p>Thread safety: confined to the thread running {@link #atomically}, for the length of the call.
   */
  interface Ledger {

    /** Returns the pool's rotation position (0 when never set). */
    long rotation(String pool);

    /** Sets the pool's rotation position. */
    void rotation(String pool, long position);

    /** Returns how many leads {@code rep} was assigned in the period of that index. */
    int assigned(String rep, Period period, long periodIndex);

    /** Returns how many leads {@code pool} assigned to {@code rep} since the state began. */
    long assignedInPool(String pool, String rep);

    /**
     * Counts one assignment to {@code rep} on the day and in the week of those indices, and in
     * {@code pool} when not null.
     */
    void record(@Nullable String pool, String rep, long dayIndex, long weekIndex);
  }
}
