package dev.mops.quality.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mops.core.record.Records;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The profile's distinct-count sketch: accuracy where a plain HyperLogLog is weakest, set semantics, its serialized form. */
class DistinctSketchTest {

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    if (fixed != null) {
      return Stream.of(Long.parseLong(fixed));
    }
    return LongStream.range(0, 6).map(i -> 0xd15c0000L + i * 104729).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void estimateIsAFunctionOfTheSetWhateverTheOrderAndSplit(long seed) {
    System.out.println("DistinctSketchTest seed " + seed);
    Random r = new Random(seed);
    int n = 1_000 + r.nextInt(60_000);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      values.add("v" + seed + "-" + i + "@example.com");
    }
    DistinctSketch one = new DistinctSketch();
    values.forEach(one::add);
    List<String> shuffled = new ArrayList<>(values);
    Collections.shuffle(shuffled, r);
    // three parts, repeated values included: a set function ignores repeats
    DistinctSketch[] parts = {new DistinctSketch(), new DistinctSketch(), new DistinctSketch()};
    for (String v : shuffled) {
      parts[r.nextInt(3)].add(v);
      if (r.nextInt(10) == 0) {
        parts[r.nextInt(3)].add(v);
      }
    }
    DistinctSketch left = parts[0].copy();
    left.merge(parts[1]);
    left.merge(parts[2]);
    DistinctSketch right = parts[2].copy();
    right.merge(parts[0]);
    right.merge(parts[1]);
    assertThat(left).isEqualTo(one);
    assertThat(right).isEqualTo(one);
    assertThat(left.encode()).isEqualTo(one.encode());
    assertThat(left.estimate()).isEqualTo(one.estimate());
    assertThat(DistinctSketch.decode(one.encode())).isEqualTo(one);
    // CPC at lgK 14 has a standard error near 0.5%; 2.5% is five of them
    assertThat((double) one.estimate()).isCloseTo(n, org.assertj.core.data.Offset.offset(n * 0.025));
  }

  @Test
  void accurateJustPastTheLinearCountingHandOverWhereTheOldSketchWasOffByTwoAndAHalfPercent() {
    double sumSquares = 0;
    int trials = 8;
    for (int t = 0; t < trials; t++) {
      DistinctSketch s = new DistinctSketch();
      for (int i = 0; i < 41_000; i++) {
        s.add("lead-" + t + "-" + i + "@acme.example");
      }
      double e = (s.estimate() - 41_000.0) / 41_000.0;
      sumSquares += e * e;
    }
    assertThat(Math.sqrt(sumSquares / trials)).isLessThan(0.012);
  }

  @Test
  void damagedTextIsRefusedWithAnIllegalArgument() {
    assertThatThrownBy(() -> DistinctSketch.decode("not base64 !!")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DistinctSketch.decode("AAAA")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad distinct sketch");
  }

  @Test
  void aProfileOfTheOldFormatWithAHyperLogLogFieldIsRefusedWithWhatToDo() throws Exception {
    DataContract c = DataContracts.parse("d.yaml", "contract: d\nfields:\n  email: {type: string}\n");
    ProfileBuilder b = QualityProfile.builder(c).distinctLimit(10);
    for (int i = 0; i < 50; i++) {
      b.add(Records.of(Map.of("email", "p" + i + "@example.com")));
    }
    String json = b.build().toJson();
    assertThat(json).contains("\"format\" : \"mops-quality-profile/2\"").contains("\"cpc\"");
    ObjectMapper om = new ObjectMapper();
    ObjectNode root = (ObjectNode) om.readTree(json);
    root.put("format", "mops-quality-profile/1");
    ObjectNode field = (ObjectNode) root.path("fields").get(0);
    field.remove("cpc");
    field.put("hll", "AAAA");
    assertThatThrownBy(() -> QualityProfile.fromJson(om.writeValueAsString(root)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("HyperLogLog")
        .hasMessageContaining("profile the data again");
  }
}
