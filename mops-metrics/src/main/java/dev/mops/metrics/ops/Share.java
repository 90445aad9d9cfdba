package dev.mops.metrics.ops;

/**
 * A mergeable share: a count of items that qualify out of a count of items, such as template
 * reuse (campaigns built from an approved template over campaigns), self-serve share (requests
 * fulfilled by self-serve components over requests), licence utilisation (active users over
 * seats), feature adoption (users of a feature over active users), stitching confidence
 * (identities matched at or over the threshold over identities), or a quality gate's first-time
 * pass rate (campaigns that passed review first time over campaigns reviewed).
 *
 * <p>Thread safety: an immutable value.
 *
 * @param part the items that qualify; at most {@code whole}
 * @param whole all the items counted
 */
public record Share(long part, long whole) {

  /** Validates the counts. */
  public Share {
    if (part < 0 || whole < 0 || part > whole) {
      throw new IllegalArgumentException("a share needs 0 <= part <= whole, found " + part + " of " + whole);
    }
  }

  /** Returns the empty share (0 of 0). */
  public static Share none() {
    return new Share(0, 0);
  }

  /** Returns this share with one more item, qualifying or not. */
  public Share plus(boolean qualifies) {
    return new Share(part + (qualifies ? 1 : 0), whole + 1);
  }

  /** Returns the share of both counts together (merge: associative and commutative). */
  public Share merge(Share other) {
    return new Share(Math.addExact(part, other.part), Math.addExact(whole, other.whole));
  }

  /** Returns part over whole, {@code NaN} when nothing was counted. */
  public double value() {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  /** Returns part per 1,000 of whole (duplicates per 1,000 records), {@code NaN} when nothing was counted. */
  public double perThousand() {
    return whole == 0 ? Double.NaN : 1000.0 * part / whole;
  }
}
