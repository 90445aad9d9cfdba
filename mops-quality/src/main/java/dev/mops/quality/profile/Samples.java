package dev.mops.quality.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bounded, mergeable sample of distinct raw values: the {@code k} values with the smallest
 * hashes, so the sample of a merge does not depend on partitioning or order.
 *
 * <p>Thread safety: not thread-safe.
 */
final class Samples {

  private final int k;
  private final TreeMap<Long, String> byHash = new TreeMap<>();

  Samples(int k) {
    this.k = k;
  }

  void add(String value) {
    if (k == 0) {
      return;
    }
    long h = Hashing.hash(value, 0x1234_5678_9abcL);
    if (byHash.size() >= k && h >= byHash.lastKey()) {
      return;
    }
    byHash.putIfAbsent(h, value);
    if (byHash.size() > k) {
      byHash.pollLastEntry();
    }
  }

  void merge(Samples o) {
    for (Map.Entry<Long, String> e : o.byHash.entrySet()) {
      add(e.getValue());
    }
  }

  List<String> values() {
    List<String> out = new ArrayList<>(byHash.values());
    out.sort(null);
    return out;
  }
}
