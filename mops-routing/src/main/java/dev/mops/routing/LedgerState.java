package dev.mops.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory assignment state: maps guarded by one lock.
 *
 * <p>Per rep it keeps the {@value #KEPT_DAYS} most recent days and {@value #KEPT_WEEKS} most recent
 * weeks that had assignments; an older period is dropped when a newer one needs its place, so
 * memory stays bounded however long the state lives. Thread-safe.
 */
class LedgerState implements AssignmentState, AssignmentState.Ledger {

  static final int KEPT_DAYS = 16;
  static final int KEPT_WEEKS = 8;

  final ReentrantLock lock = new ReentrantLock();
  final Map<String, long[]> rotations = new HashMap<>();
  final Map<String, Map<String, long[]>> poolCounts = new HashMap<>();
  final Map<String, RepCounts> repCounts = new HashMap<>();

  /** A rep's counts per period: small arrays of (index, count), unordered. */
  static final class RepCounts {
    final Periods days = new Periods(KEPT_DAYS);
    final Periods weeks = new Periods(KEPT_WEEKS);
  }

  /** Up to {@code capacity} (period index, count) pairs. */
  static final class Periods {
    final long[] index;
    final int[] count;
    int size;

    Periods(int capacity) {
      index = new long[capacity];
      count = new int[capacity];
    }

    int get(long i) {
      for (int k = 0; k < size; k++) {
        if (index[k] == i) {
          return count[k];
        }
      }
      return 0;
    }

    void add(long i, int n) {
      for (int k = 0; k < size; k++) {
        if (index[k] == i) {
          count[k] += n;
          return;
        }
      }
      if (size < index.length) {
        index[size] = i;
        count[size] = n;
        size++;
        return;
      }
      int oldest = 0;
      for (int k = 1; k < size; k++) {
        if (index[k] < index[oldest]) {
          oldest = k;
        }
      }
      if (index[oldest] < i) {
        index[oldest] = i;
        count[oldest] = n;
      }
    }
  }

  @Override
  public <T> T atomically(Function<? super Ledger, ? extends T> work) {
    lock.lock();
    try {
      return work.apply(this);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long rotation(String pool) {
    long[] r = rotations.get(pool);
    return r == null ? 0 : r[0];
  }

  @Override
  public void rotation(String pool, long position) {
    rotations.computeIfAbsent(pool, k -> new long[1])[0] = position;
  }

  @Override
  public int assigned(String rep, Period period, long periodIndex) {
    RepCounts c = repCounts.get(rep);
    if (c == null) {
      return 0;
    }
    return (period == Period.DAY ? c.days : c.weeks).get(periodIndex);
  }

  @Override
  public long assignedInPool(String pool, String rep) {
    Map<String, long[]> m = poolCounts.get(pool);
    long[] n = m == null ? null : m.get(rep);
    return n == null ? 0 : n[0];
  }

  @Override
  public void record(@Nullable String pool, String rep, long dayIndex, long weekIndex) {
    RepCounts c = repCounts.computeIfAbsent(rep, k -> new RepCounts());
    c.days.add(dayIndex, 1);
    c.weeks.add(weekIndex, 1);
    if (pool != null) {
      poolCounts.computeIfAbsent(pool, k -> new HashMap<>()).computeIfAbsent(rep, k -> new long[1])[0]++;
    }
  }
}
