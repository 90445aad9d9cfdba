package dev.mops.core.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-read UTC timestamp path of {@link Values#asInstant} against the general path it shortcuts. */
class ValuesInstantTest {

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    return LongStream.range(0, 8).map(i -> base + i * 6151).boxed();
  }

  /** A timestamp in the fast path's shape, with fields sometimes out of range. */
  static String timestamp(Random r) {
    int year = r.nextInt(10) == 0 ? r.nextInt(10_000) : 1890 + r.nextInt(200);
    int month = r.nextInt(20) == 0 ? r.nextInt(100) : 1 + r.nextInt(12);
    int day = r.nextInt(10) == 0 ? 28 + r.nextInt(5) : r.nextInt(20) == 0 ? r.nextInt(100) : 1 + r.nextInt(28);
    int hour = r.nextInt(20) == 0 ? 23 + r.nextInt(3) : r.nextInt(24);
    int minute = r.nextInt(20) == 0 ? 59 + r.nextInt(3) : r.nextInt(60);
    int second = r.nextInt(20) == 0 ? 59 + r.nextInt(3) : r.nextInt(60);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d",
        year, month, day, hour, minute, second));
    int fraction = r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(10);
    if (fraction > 0) {
      s.append('.');
      for (int i = 0; i < fraction; i++) {
        s.append((char) ('0' + r.nextInt(10)));
      }
    }
    s.append(r.nextInt(10) == 0 ? 'z' : 'Z');
    if (r.nextInt(15) == 0) {
      s.setCharAt(r.nextInt(s.length()), "x-:.T9 Z".charAt(r.nextInt(8)));
    }
    return s.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheGeneralPathOnEveryStringOfItsShape(long seed) {
    System.out.println("ValuesInstantTest seed " + seed);
    Random r = new Random(seed);
    int valid = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = timestamp(r);
      String t = s.trim();
      // asInstant reads a space at index 10 as the T, before either path
      Instant expected = Values.parseInstant(t.length() > 10 && t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t);
      assertThat(Values.asInstant(s)).as(s).isEqualTo(expected);
      if (expected != null) {
        valid++;
      }
    }
    // both valid and invalid strings were really checked
    assertThat(valid).isBetween(8_000, 19_000);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29T12:00:00Z", "1900-02-29T00:00:00Z", "2026-03-10T14:00:00.5Z",
      "2026-03-10T14:00:00.123456789Z", "2026-03-10T14:00:00.1234567890Z", "2026-03-10T14:00:00.Z",
      "2026-03-10 14:00:00Z", "2026-03-10T24:00:00Z", "2026-03-10T14:00:60Z", "2026-13-10T14:00:00Z",
      "0000-01-01T00:00:00Z", "2026-03-10T14:00:00+01:00", "2026-03-10T14:00:00"})
  void edgeCasesAgreeToo(String s) {
    assertThat(Values.asInstant(s)).as(s).isEqualTo(Values.parseInstant(s.replace(' ', 'T')));
  }
}
