package dev.mops.benchmarks;

import dev.mops.identity.stitch.IdentifierNormalization;
import dev.mops.identity.stitch.IdentifierType;
import dev.mops.identity.stitch.StitchConfig;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The scale workload of identity stitching: observation {@code i} of {@code n} holds three
 * identifiers of one of {@code n / 5} people (a cookie of their 3 devices, one of their 2 emails,
 * and their user id or, for 40% of people, a phone; one in 200 carries their office's shared inbox
 * instead, which the unique user id refuses), so that 10 million observations hold about 11 million
 * distinct identifiers; generated on the fly from {@code i}, the same for every run.
 *
 * <p>Thread safety: stateless.
 */
final class StitchWorkload {

  private StitchWorkload() {}

  static final String[] TYPES = {"anonymous_id", "email", "user_id", "phone"};
  private static final long START = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  /** The config of the workload: user_id unique, email limit 5, phone limit 2, cookies limit 10. */
  static StitchConfig config() {
    return StitchConfig.builder()
        .name("scale")
        .type(IdentifierType.builder("user_id").priority(100).unique(true).build())
        .type(IdentifierType.builder("email").priority(80).limit(5).normalization(IdentifierNormalization.EMAIL)
            .confidence(0.9).blockedValue("test@test.com").build())
        .type(IdentifierType.builder("phone").priority(50).limit(2).confidence(0.6).build())
        .type(IdentifierType.builder("anonymous_id").priority(10).limit(10)
            .normalization(IdentifierNormalization.LOWERCASE).confidence(0.5).build())
        .blockedValue("null").blockedPattern("^[0-]*$")
        .build();
  }

  /** The same types without rules, blocklists or normalization: connected components. */
  static StitchConfig plainConfig() {
    StitchConfig.Builder b = StitchConfig.builder().name("no rules");
    for (String t : new String[] {"user_id", "email", "phone", "anonymous_id"}) {
      b.type(IdentifierType.builder(t).build());
    }
    return b.build();
  }

  static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    x *= 0xc4ceb9fe1a85ec53L;
    x ^= x >>> 33;
    return x;
  }

  /** Fills {@code out} with the types (even slots) and values (odd slots) of observation {@code i}. */
  static void observation(long i, long n, String[] out) {
    long people = Math.max(1, n / 5);
    long h = mix(i * 0x9E3779B97F4A7C15L + 17);
    long person = Long.remainderUnsigned(h, people);
    long r = h >>> 40;
    out[0] = "anonymous_id";
    out[1] = "c" + Long.toHexString(mix(person * 3 + (r % 3)) | 1L << 60);
    out[2] = "email";
    // One observation in 200 carries an office's shared inbox instead of the person's own email.
    out[3] = r % 200 == 0 ? "info@example" + (person % 1000) + ".com"
        : "p" + person + (r % 7 == 0 ? ".alt" : "") + "@example" + (person % 1000) + ".com";
    if (mix(person) % 10 < 6) {
      out[4] = "user_id";
      out[5] = "u" + person;
    } else {
      out[4] = "phone";
      out[5] = "+1" + (2_000_000_000L + person);
    }
  }

  /** Returns the timestamp of observation {@code i}: one a second, in order. */
  static long timestamp(long i) {
    return START + i * 1000;
  }

  /**
   * A plain union-find over the same identifiers, without normalization, rules or records: a
   * {@code HashMap<String, Integer>} per type and an int parent array with path halving and union
   * by size. The baseline of the guarded graph.
   *
   * <p>Thread safety: not thread-safe.
   */
  static final class PlainUnionFind {
    private final java.util.List<Map<String, Integer>> index = new java.util.ArrayList<>();
    private int[] parent = new int[1024];
    private int[] size = new int[1024];
    private int n;

    PlainUnionFind() {
      for (int t = 0; t < TYPES.length; t++) {
        index.add(new HashMap<>());
      }
    }

    void add(String[] typesAndValues) {
      int first = -1;
      for (int k = 0; k < typesAndValues.length; k += 2) {
        int t = typeIndex(typesAndValues[k]);
        Integer id = index.get(t).get(typesAndValues[k + 1]);
        if (id == null) {
          if (n == parent.length) {
            parent = java.util.Arrays.copyOf(parent, n * 2);
            size = java.util.Arrays.copyOf(size, n * 2);
          }
          id = n++;
          parent[id] = id;
          size[id] = 1;
          index.get(t).put(typesAndValues[k + 1], id);
        }
        first = first < 0 ? find(id) : union(first, id);
      }
    }

    private static int typeIndex(String type) {
      for (int t = 0; t < TYPES.length; t++) {
        if (TYPES[t].equals(type)) {
          return t;
        }
      }
      throw new IllegalArgumentException(type);
    }

    private int find(int x) {
      while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
      }
      return x;
    }

    private int union(int a, int b) {
      int ra = find(a);
      int rb = find(b);
      if (ra == rb) {
        return ra;
      }
      if (size[ra] < size[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
      }
      parent[rb] = ra;
      size[ra] += size[rb];
      return ra;
    }

    int identifiers() {
      return n;
    }

    int profiles() {
      int p = 0;
      for (int i = 0; i < n; i++) {
        p += parent[i] == i ? 1 : 0;
      }
      return p;
    }
  }
}
