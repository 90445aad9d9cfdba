package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws over seeded random inputs. Each case's seed is its parameter (shown in the test name);
 * set {@code -Dmops.test.seed=N} to run one seed, e.g. to replay a failure.
 */
class TaxonomyPropertiesTest {

  static LongStream seeds() {
    String fixed = System.getProperty("mops.test.seed");
    if (fixed != null) {
      System.out.println("TaxonomyPropertiesTest seed " + fixed);
      return LongStream.of(Long.parseLong(fixed));
    }
    long base = 0x5EEDL;
    System.out.println("TaxonomyPropertiesTest seeds " + base + " + i * 7919, i < 200 (replay one with -Dmops.test.seed=N)");
    return LongStream.range(0, 200).map(i -> base + i * 7919);
  }

  private static final String ALPHABET = "abcXYZ019 _-.~+%&=#?/{}[]|*\u00e9\u4e2d\ud83d\ude00";

  private static String randomValue(Random r) {
    int n = 1 + r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    while (sb.length() < n) {
      int i = r.nextInt(ALPHABET.length());
      char c = ALPHABET.charAt(i);
      if (Character.isHighSurrogate(c)) {
        sb.append(c).append(ALPHABET.charAt(i + 1));
      } else if (!Character.isLowSurrogate(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Encoding any value and parsing it back gives the value: the parser inverts the encoder. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void encodedValuesParseBack(long seed) {
    Random r = new Random(seed);
    Map<UtmParameter, String> values = new LinkedHashMap<>();
    StringBuilder url = new StringBuilder("https://example.com/p?x=1");
    for (UtmParameter p : UtmParameter.values()) {
      if (r.nextBoolean()) {
        String v = randomValue(r);
        values.put(p, v);
        url.append('&').append(p.parameterName()).append('=').append(TaxonomyLinter.encode(v));
      }
    }
    ParsedUrl u = UtmParser.standard().parse(url.toString());
    assertThat(u.utm().asMap()).as("seed %d: %s", seed, url).isEqualTo(values);
  }

  /** Any fixed URL lints clean, and fixing it again changes nothing (fix is idempotent). */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void fixIsCleanAndIdempotent(long seed) {
    Random r = new Random(seed);
    TaxonomyLinter linter = TaxonomyLinter.of(TaxonomyLinterTest.TAXONOMY);
    List<String> sources = List.of("google", "Google", "GOOGLE", "adwords", "bing");
    List<String> pairs = new ArrayList<>();
    pairs.add(pick(r, List.of("utm_source", "UTM_SOURCE", "utm_source%20")) + "=" + pick(r, sources));
    pairs.add(pick(r, List.of("utm_medium", "Utm_Medium")) + "=" + pick(r, List.of("cpc", "CPC", "ppc", "Ppc")));
    pairs.add("utm_campaign=" + pick(r, List.of("2025q3_brand", "2025Q3_Brand", "2025q3%20brand", "2025q3+Brand",
        "2025q3%2520brand")));
    pairs.add("utm_term=" + pick(r, List.of("shoes", "red+shoes", "Red%20Shoes")));
    if (r.nextBoolean()) {
      pairs.add("utm_source=" + pick(r, sources));
    }
    if (r.nextBoolean()) {
      pairs.add("utm_content=");
    }
    if (r.nextBoolean()) {
      pairs.add("q=" + randomValue(r).replace("&", "").replace("#", "").replace("%", ""));
    }
    java.util.Collections.shuffle(pairs, r);
    String url = "https://shop.example/" + (r.nextBoolean() ? "p" : "") + "?" + String.join("&", pairs);
    LintResult first = linter.lint(url);
    String fixed = linter.fix(url).orElse(null);
    assertThat(fixed).as("seed %d: %s -> %s", seed, url, first.issueSummary()).isNotNull();
    assertThat(linter.lint(fixed).valid()).as("seed %d: %s", seed, fixed).isTrue();
    assertThat(linter.fix(fixed)).as("seed %d", seed).contains(fixed);
  }

  /** Names built from valid tokens read back to the same tokens. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void builtNamesReadBack(long seed) {
    Random r = new Random(seed);
    NamingConvention c = NamingConventionTest.CONVENTION;
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("fy_quarter", String.format(Locale.ROOT, "FY%02dQ%d", r.nextInt(100), 1 + r.nextInt(4)));
    tokens.put("region", pick(r, List.of("NA", "EMEA", "APAC", "LATAM", "GLOBAL")));
    tokens.put("channel", pick(r, List.of("paid-search", "paid-social", "display", "email", "events", "webinar")));
    if (r.nextBoolean()) {
      tokens.put("type", pick(r, List.of("acq", "nurture", "retarget", "upsell")));
    }
    StringBuilder slug = new StringBuilder();
    int words = 1 + r.nextInt(3);
    for (int i = 0; i < words; i++) {
      slug.append(i == 0 ? "" : "-").append(pick(r, List.of("spring", "q3", "launch", "promo", "abm", "x1")));
    }
    if (slug.length() < 3) {
      slug.append("-go");
    }
    tokens.put("slug", slug.toString());
    String name = c.build(tokens);
    ParsedName parsed = c.parse(name);
    assertThat(parsed.valid()).as("seed %d: %s", seed, name).isTrue();
    assertThat(parsed.tokens()).as("seed %d", seed).isEqualTo(tokens);
  }

  /** GA4 classification ignores case, as Google's rules do. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void ga4IgnoresCase(long seed) throws Exception {
    Random r = new Random(seed);
    List<String[]> rows = Ga4DefaultChannelGroupTest.rows();
    String[] row = rows.get(r.nextInt(rows.size()));
    String s = flipCase(r, row[0]);
    String m = flipCase(r, row[1]);
    String camp = flipCase(r, row[2]);
    assertThat(ChannelGroup.ga4Default().classify(s, m, camp).channel()).as("seed %d: %s/%s/%s", seed, s, m, camp)
        .isEqualTo(row[3]);
  }

  private static String flipCase(Random r, String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      sb.append(r.nextBoolean() ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
    }
    return sb.toString();
  }

  private static String pick(Random r, List<String> options) {
    return options.get(r.nextInt(options.size()));
  }
}
