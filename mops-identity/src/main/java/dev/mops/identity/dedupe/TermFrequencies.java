package dev.mops.identity.dedupe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How many records hold each normalized value of each compared field: the term frequencies that
 * make agreeing on a common value ({@code smith}, a company's switchboard) weaker evidence than
 * agreeing on a rare one ({@code jeneling}).
 *
 * <p>An exact agreement on a value held by a share {@code s} of the records weighs {@code
 * log2(m / s')} instead of {@code log2(m / u)}, where {@code s'} is {@code s} kept at or above
 * {@code u / }{@value #MAX_RAISE_FACTOR} (a rare value raises the weight by at most 3 bits, a
 * common one lowers it without limit), as Splink's term-frequency adjustment does. Only exact
 * agreement is adjusted.
 *
 * <p>Frequencies are counted from the data of a run of at least {@value #MIN_RECORDS} records
 * (values made junk are not counted). The
 * table keeps, per field, the values held by two records or more (at most {@value
 * #MAX_VALUES_PER_FIELD}, the most frequent); any other value counts as held by one record.
 * Tables of two batches {@link #merge merge} by adding counts.
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class TermFrequencies {

  /** Most values kept per field. */
  public static final int MAX_VALUES_PER_FIELD = 100_000;

  /**
   * Fewest records a run must have for its term frequencies to be used. The counts include each
   * entity's own duplicates; in a small file with several records an entity (fake_1000: four)
   * those dominate the counts, and the adjustment would weaken exactly the agreements of the
   * duplicates it should find (fake_1000, no config: F1 0.8975 without, 0.8832 with).
   */
  public static final int MIN_RECORDS = 5_000;

  /** A rare value's share is kept at or above u divided by this factor (+3 bits at most). */
  static final double MAX_RAISE_FACTOR = 8;

  private final long records;
  private final List<String> fields;
  private final List<Map<String, Integer>> counts;

  /**
   * Makes a table.
   *
   * @param records the number of records counted
   * @param fields the field names, in config order
   * @param counts per field, the values held by two records or more and their counts
   */
  public TermFrequencies(long records, List<String> fields, List<Map<String, Integer>> counts) {
    if (records < 0) {
      throw new IllegalArgumentException("records " + records + " is negative");
    }
    this.records = records;
    this.fields = List.copyOf(fields);
    if (counts.size() != fields.size()) {
      throw new IllegalArgumentException(fields.size() + " fields and " + counts.size() + " count tables");
    }
    List<Map<String, Integer>> c = new ArrayList<>();
    for (Map<String, Integer> m : counts) {
      c.add(Map.copyOf(m));
    }
    this.counts = List.copyOf(c);
  }

  /** Returns the number of records counted. */
  public long records() {
    return records;
  }

  /** Returns the field names, in config order. */
  public List<String> fields() {
    return fields;
  }

  /** Returns, per field, the values held by two records or more and their counts. */
  public List<Map<String, Integer>> counts() {
    return counts;
  }

  /** Returns how many records hold normalized {@code value} in field {@code f} (1 when not in the table). */
  public int count(int f, String value) {
    Integer c = counts.get(f).get(value);
    return c == null ? 1 : c;
  }

  /**
   * Returns the table of both batches: counts added, record counts added (the fields must be the
   * same), the most frequent values kept.
   */
  public TermFrequencies merge(TermFrequencies other) {
    Objects.requireNonNull(other, "other");
    if (!fields.equals(other.fields)) {
      throw new IllegalArgumentException("term frequencies of fields " + fields + " and " + other.fields);
    }
    List<Map<String, Integer>> out = new ArrayList<>();
    for (int f = 0; f < fields.size(); f++) {
      Map<String, Integer> m = new HashMap<>(counts.get(f));
      other.counts.get(f).forEach((k, v) -> m.merge(k, v, Integer::sum));
      out.add(capped(m));
    }
    return new TermFrequencies(records + other.records, fields, out);
  }

  /**
   * Returns the weight adjustment of an exact agreement on a value held by {@code count} of
   * {@code records} records, for a field level with probability {@code u} among non-matches.
   */
  static double adjustment(double u, long count, long records) {
    if (records <= 0) {
      return 0;
    }
    double share = Math.max((double) Math.max(count, 1) / records, u / MAX_RAISE_FACTOR);
    return Math.log(u / share) / Math.log(2);
  }

  private static Map<String, Integer> capped(Map<String, Integer> m) {
    if (m.size() <= MAX_VALUES_PER_FIELD) {
      return m;
    }
    List<Map.Entry<String, Integer>> e = new ArrayList<>(m.entrySet());
    e.sort((x, y) -> {
      int c = Integer.compare(y.getValue(), x.getValue());
      return c != 0 ? c : x.getKey().compareTo(y.getKey());
    });
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < MAX_VALUES_PER_FIELD; i++) {
      out.put(e.get(i).getKey(), e.get(i).getValue());
    }
    return out;
  }

  /**
   * Counts the values of prepared records: fills each record's {@code valueCount} (how many
   * records hold its value of each field, 0 when missing) and returns the table. Counting sorts
   * 64-bit hashes of the values, so memory is 16 bytes a record per field, not a map of values.
   */
  static TermFrequencies count(FieldComparer comparer, PreparedRecord[] recs) {
    int fields = comparer.fieldCount();
    int n = recs.length;
    List<String> names = new ArrayList<>();
    List<Map<String, Integer>> tables = new ArrayList<>();
    List<Map<String, Integer>> counted = new ArrayList<>(java.util.Collections.nCopies(fields, Map.of()));
    for (int f = 0; f < fields; f++) {
      names.add(comparer.rules[f].field());
    }
    // Fields are independent (each writes its own slot of valueCount): count them in parallel.
    java.util.stream.IntStream.range(0, fields).parallel().forEach(f -> {
      long[] hashes = new long[n];
      int present = 0;
      for (PreparedRecord r : recs) {
        String v = r.norm[f];
        if (v != null) {
          hashes[present++] = CandidatePairs.hash(v);
        }
      }
      long[] sorted = Arrays.copyOf(hashes, present);
      Arrays.sort(sorted);
      Map<String, Integer> table = new HashMap<>();
      for (PreparedRecord r : recs) {
        String v = r.norm[f];
        if (v == null) {
          r.valueCount[f] = 0;
          continue;
        }
        long h = CandidatePairs.hash(v);
        int lo = lowerBound(sorted, h);
        int hi = lowerBound(sorted, h + 1 == Long.MIN_VALUE ? h : h + 1);
        int c = h == Long.MAX_VALUE ? present - lo : hi - lo;
        r.valueCount[f] = c;
        if (c >= 2) {
          table.putIfAbsent(v, c);
        }
      }
      synchronized (counted) {
        counted.set(f, capped(table));
      }
    });
    synchronized (counted) {
      tables.addAll(counted);
    }
    return new TermFrequencies(n, names, tables);
  }

  private static int lowerBound(long[] a, long key) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
