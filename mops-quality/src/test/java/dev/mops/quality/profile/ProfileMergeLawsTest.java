package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The merge laws over seeded random partitions (set -Dmops.test.seed=N to replay one seed). */
class ProfileMergeLawsTest {

  static final DataContract CONTRACT = DataContracts.parse("laws.yaml", String.join("\n",
      "contract: laws",
      "fields:",
      "  id: {type: string, required: true, unique: true}",
      "  email: {type: email, unique: {max_failures: 1%}}",
      "  country: {type: string, allowed: [US, CA, GB]}",
      "  n: {type: number, min: 0}",
      "  k: {type: integer}",
      "  seen: {type: timestamp}",
      "unique:",
      "  - [country, k]",
      "rules:",
      "  - name: k-small-in-us",
      "    when: {eq: {field: country, value: US}}",
      "    then: {lt: {field: k, value: 50}}",
      ""));

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    if (fixed != null) {
      return Stream.of(Long.parseLong(fixed));
    }
    return LongStream.range(0, 12).map(i -> 0x5eed0000L + i * 7919).boxed();
  }

  static List<Map<String, Object>> records(Random r, int n) {
    List<Map<String, Object>> out = new ArrayList<>();
    String[] countries = {"US", "CA", "GB", "FR", "", "us"};
    for (int i = 0; i < n; i++) {
      Map<String, Object> m = new HashMap<>();
      m.put("id", "L-" + r.nextInt(n * 4));
      m.put("email", r.nextInt(20) == 0 ? "broken" : "p" + r.nextInt(n * 3) + "@example.com");
      m.put("country", countries[r.nextInt(countries.length)]);
      if (r.nextInt(10) > 0) {
        m.put("n", r.nextBoolean() ? Double.toString(r.nextGaussian() * 100) : Integer.toString(r.nextInt(1000) - 10));
      }
      m.put("k", r.nextInt(15) == 0 ? "x" : Integer.toString(r.nextInt(r.nextBoolean() ? 100 : 5000)));
      m.put("seen", "2026-" + String.format(java.util.Locale.ROOT, "%02d", 1 + r.nextInt(12)) + "-0" + (1 + r.nextInt(9)) + "T10:00:00Z");
      out.add(m);
    }
    return out;
  }

  static QualityProfile profile(List<Map<String, Object>> recs, int distinctLimit) {
    ProfileBuilder b = QualityProfile.builder(CONTRACT).distinctLimit(distinctLimit).sampleSize(3);
    for (Map<String, Object> m : recs) {
      b.add(Records.of(m));
    }
    return b.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergeIsAssociativeCommutativeAndEqualToOnePass(long seed) throws Exception {
    System.out.println("ProfileMergeLawsTest seed " + seed);
    Random r = new Random(seed);
    List<Map<String, Object>> all = records(r, 300 + r.nextInt(900));
    int limit = r.nextBoolean() ? 50 : 100_000;
    int cut1 = r.nextInt(all.size());
    int cut2 = cut1 + r.nextInt(all.size() - cut1 + 1);
    QualityProfile a = profile(all.subList(0, cut1), limit);
    QualityProfile b = profile(all.subList(cut1, cut2), limit);
    QualityProfile c = profile(all.subList(cut2, all.size()), limit);
    QualityProfile whole = profile(all, limit);

    QualityProfile left = a.merge(b).merge(c);
    QualityProfile right = a.merge(b.merge(c));
    QualityProfile swapped = c.merge(a).merge(b);
    assertSameState(left, right);
    assertSameState(left, swapped);
    assertSameState(b.merge(a), a.merge(b));
    // samples of unique rules hold duplicates found inside a partition, so they depend on the split
    assertSameState(withoutUniqueSamples(left), withoutUniqueSamples(whole));
    assertSameState(QualityProfile.fromJson(left.toJson()), left);
    assertThat(left.rows()).isEqualTo(all.size());
    assertThat(left.duplicates("id.unique")).isEqualTo(exactDuplicates(all, "id"));
    Instant now = Instant.parse("2027-01-01T00:00:00Z");
    assertThat(QualityReport.of(CONTRACT, withoutUniqueSamples(left), now).toJson())
        .isEqualTo(QualityReport.of(CONTRACT, withoutUniqueSamples(whole), now).toJson());
  }

  static QualityProfile withoutUniqueSamples(QualityProfile p) throws Exception {
    ObjectMapper om = new ObjectMapper();
    JsonNode root = om.readTree(p.toJson());
    for (JsonNode rule : root.path("rules")) {
      if (rule.path("kind").asText().equals("unique")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) rule).putArray("samples");
      }
    }
    return QualityProfile.fromJson(om.writeValueAsString(root));
  }

  static long exactDuplicates(List<Map<String, Object>> recs, String field) {
    return recs.size() - recs.stream().map(m -> m.get(field)).distinct().count();
  }

  /** Compares two profiles' JSON: exactly, except the floating moments (mean, m2) to 1e-9 relative. */
  static void assertSameState(QualityProfile x, QualityProfile y) throws Exception {
    ObjectMapper om = new ObjectMapper();
    compare(om.readTree(x.toJson()), om.readTree(y.toJson()), "");
  }

  private static void compare(JsonNode x, JsonNode y, String path) {
    if (x.isObject()) {
      assertThat(y.isObject()).as(path).isTrue();
      assertThat(iterable(y.fieldNames())).as(path).containsExactlyElementsOf(iterable(x.fieldNames()));
      x.properties().forEach(e -> compare(e.getValue(), y.get(e.getKey()), path + "." + e.getKey()));
    } else if (x.isArray()) {
      assertThat(y.size()).as(path).isEqualTo(x.size());
      for (int i = 0; i < x.size(); i++) {
        compare(x.get(i), y.get(i), path + "[" + i + "]");
      }
    } else if ((path.endsWith(".mean") || path.endsWith(".m2")) && x.isNumber()) {
      double a = x.asDouble();
      double b = y.asDouble();
      assertThat(Math.abs(a - b)).as(path).isLessThanOrEqualTo(1e-9 * Math.max(1, Math.max(Math.abs(a), Math.abs(b))));
    } else {
      assertThat(y).as(path).isEqualTo(x);
    }
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
