package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mops.core.record.Records;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTextValueTest {

  @Test
  void writesEachKindOfPlainValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("n", null);
    m.put("b", true);
    m.put("l", 42L);
    m.put("i", -7);
    m.put("d", 2.5);
    m.put("whole", 3.0);
    m.put("nan", Double.NaN);
    m.put("inf", Float.POSITIVE_INFINITY);
    m.put("big", new BigDecimal("12345678901234567890.000100"));
    m.put("bigint", new BigInteger("123456789012345678901234567890"));
    m.put("atomic", new AtomicLong(5));
    m.put("at", Instant.parse("2026-12-03T00:00:00Z"));
    m.put("list", List.of("a\"b", 1));
    m.put("record", Records.of(Map.of("email", "x@y.z")));
    assertThat(JsonText.value(m)).isEqualTo("{\"n\":null,\"b\":true,\"l\":42,\"i\":-7,\"d\":2.5,\"whole\":3.0,"
        + "\"nan\":null,\"inf\":null,\"big\":12345678901234567890.000100,"
        + "\"bigint\":123456789012345678901234567890,\"atomic\":5.0,\"at\":\"2026-12-03T00:00:00Z\","
        + "\"list\":[\"a\\\"b\",1],\"record\":{\"email\":\"x@y.z\"}}");
  }

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    return fixed != null ? Stream.of(Long.parseLong(fixed)) : LongStream.range(0, 20).map(i -> 0x15e0L + i).boxed();
  }

  /** Whatever the nesting, the text parses as JSON to the same values (set -Dmops.test.seed=N to replay one). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomValuesParseBackToTheSameValues(long seed) throws Exception {
    Random r = new Random(seed);
    Object v = random(r, 0);
    ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);
    JsonNode parsed = mapper.readTree(JsonText.value(v));
    assertThat(parsed).isEqualTo(mapper.valueToTree(v));
  }

  static Object random(Random r, int depth) {
    int kind = r.nextInt(depth > 3 ? 4 : 6);
    switch (kind) {
      case 0:
        return r.nextLong();
      case 1:
        return r.nextBoolean();
      case 2: {
        char[] cs = new char[r.nextInt(8)];
        for (int i = 0; i < cs.length; i++) {
          cs[i] = (char) r.nextInt(0x3000);
        }
        return new String(cs);
      }
      case 3:
        return (double) r.nextInt(1000) / 8;
      case 4: {
        List<Object> l = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          l.add(random(r, depth + 1));
        }
        return l;
      }
      default: {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          m.put("k" + r.nextInt(100) + Arrays.toString(new int[] {i}), random(r, depth + 1));
        }
        return m;
      }
    }
  }
}
