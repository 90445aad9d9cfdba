package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;

/** Small builders the dedupe tests share: records from key-value pairs, and property-test seeds. */
final class Fixtures {
  private Fixtures() {}

  /** A record from alternating field names and values; null values leave the field out. */
  static Record rec(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        m.put((String) kv[i], kv[i + 1]);
      }
    }
    return Records.of(m);
  }

  /**
   * The fixed seeds of a property test, or only the one in the project's seed property {@code
   * mops.test.seed} when set (to replay a failure). The seeds are printed.
   */
  static LongStream seeds(long... fixed) {
    String extra = System.getProperty("mops.test.seed");
    long[] seeds = extra == null ? fixed : new long[] {Long.parseLong(extra)};
    System.out.println("property seeds " + java.util.Arrays.toString(seeds) + " (replay one with -Dmops.test.seed=N)");
    return LongStream.of(seeds);
  }
}
