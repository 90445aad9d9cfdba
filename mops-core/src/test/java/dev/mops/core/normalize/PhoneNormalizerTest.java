package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhoneNormalizerTest {

  private static final PhoneNormalizer US = PhoneNormalizer.builder().defaultRegion("US").build();
  private static final PhoneNormalizer US_NO_CACHE =
      PhoneNormalizer.builder().defaultRegion("us").cacheSize(0).build();

  static Stream<Arguments> table() {
    return Tables.load("cases-phones.txt", 6);
  }

  @ParameterizedTest(name = "[{index}] {0} ({1})")
  @MethodSource("table")
  void normalizesRealWorldNumbers(
      String input, String region, String e164, String ext, String type, String codes) {
    for (PhoneNormalizer phones : List.of(US, US_NO_CACHE, US)) { // third pass: from the cache
      NormalizedPhone p = phones.normalize(input, Tables.orNull(region));
      assertThat(p.e164()).as("e164").isEqualTo(Tables.orNull(e164));
      assertThat(p.extension()).as("extension").isEqualTo(Tables.orNull(ext));
      assertThat(p.type().label()).as("type").isEqualTo(type);
      Tables.assertCodes(p.findings(), codes, input);
      assertThat(p.isValid()).isEqualTo(!e164.isEmpty());
      assertThat(p.original()).isEqualTo(input);
    }
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("table")
  void e164IsAFixedPointInAnyRegion(String input, String region, String e164) {
    if (e164.isEmpty()) {
      return;
    }
    for (String r : new String[] {null, "US", "DE", "JP"}) {
      assertThat(US.normalize(e164, r).e164()).isEqualTo(e164);
    }
  }

  @Test
  void withoutAnyRegionANationalNumberIsReported() {
    PhoneNormalizer none = PhoneNormalizer.builder().build();
    assertThat(none.defaultRegion()).isEmpty();
    NormalizedPhone p = none.normalize("650 253 0000");
    assertThat(p.isValid()).isFalse();
    Tables.assertCodes(p.findings(), "PHONE_NO_COUNTRY", "national without region");
    assertThat(none.normalize("650 253 0000", "US").e164()).isEqualTo("+16502530000");
    assertThat(none.normalize("+49 30 901820").region()).isEqualTo("DE");
  }

  @Test
  void overLongInputIsReportedWithoutParsing() {
    NormalizedPhone p = US.normalize("1".repeat(PhoneNormalizer.MAX_INPUT_LENGTH + 1));
    Tables.assertCodes(p.findings(), "PHONE_TOO_LONG", "long");
  }

  @Test
  void cacheReturnsEqualResultsUnderConcurrentUse() throws Exception {
    PhoneNormalizer small = PhoneNormalizer.builder().defaultRegion("US").cacheSize(8).build();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 2_000; i++) {
            String raw = "650-253-" + String.format(java.util.Locale.ROOT, "%04d", i % 50);
            NormalizedPhone p = small.normalize(raw);
            if (!p.equals(US_NO_CACHE.normalize(raw))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(small.cacheSize()).isEqualTo(8);
  }

  @Test
  void builderValidatesEagerly() {
    assertThatThrownBy(() -> PhoneNormalizer.builder().defaultRegion("XX"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'XX'");
    assertThatThrownBy(() -> PhoneNormalizer.builder().cacheSize(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    PhoneNormalizer.Builder b = PhoneNormalizer.builder().cacheSize(10);
    assertThatThrownBy(() -> b.cacheSize(20)).isInstanceOf(IllegalStateException.class);
    assertThat(PhoneNormalizer.supportedRegions()).contains("US", "DE", "GB");
  }
}
