package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Laws over seeded random strings: normalizers never throw, and normalizing a normalized value
 * changes nothing (normalize(normalize(x)) == normalize(x)). Replay a failure with
 * {@code -Dmops.test.seed=<master seed>} (printed, and shown in the display name); run longer with
 * {@code -Dmops.laws.rounds=500}.
 */
class NormalizerLawsTest {

  private static final int ROUNDS = Integer.getInteger("mops.laws.rounds", 20);
  private static final int PER_ROUND = 150;

  private static final EmailNormalizer EMAILS = EmailNormalizer.builder().build();
  private static final PhoneNormalizer PHONES =
      PhoneNormalizer.builder().defaultRegion("US").cacheSize(1_000).build();
  private static final DomainNormalizer DOMAINS = DomainNormalizer.builder().build();
  private static final PersonNameNormalizer NAMES = PersonNameNormalizer.builder().build();
  private static final CompanyNameNormalizer COMPANIES = CompanyNameNormalizer.builder().build();
  private static final CountryNormalizer COUNTRIES = CountryNormalizer.builder().build();
  private static final JobTitleClassifier TITLES = JobTitleClassifier.builder().build();

  static Stream<Long> seeds() {
    SplittableRandom master = new SplittableRandom(RandomText.MASTER_SEED);
    return LongStream.range(0, ROUNDS).mapToObj(i -> master.nextLong());
  }

  private static String context(long seed, String input) {
    return "master seed " + RandomText.MASTER_SEED + ", round seed " + seed + ", input '"
        + input + "'";
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void textFoldingIsIdempotent(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < PER_ROUND; i++) {
      String s = RandomText.hostile(random, 12);
      String clean = TextFolding.clean(s);
      assertThat(TextFolding.clean(clean)).as(context(seed, s)).isEqualTo(clean);
      String fold = TextFolding.fold(s);
      assertThat(TextFolding.fold(fold)).as(context(seed, s)).isEqualTo(fold);
      assertThat(TextFolding.tokens(TextFolding.join(TextFolding.tokens(s), 0,
          TextFolding.tokens(s).size()))).as(context(seed, s)).isEqualTo(TextFolding.tokens(s));
    }
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void emailNormalizationIsIdempotent(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int checked = 0;
    for (int i = 0; i < PER_ROUND; i++) {
      String s = random.nextBoolean() ? RandomText.email(random) : RandomText.hostile(random, 10);
      NormalizedEmail e = EMAILS.normalize(s);
      assertThat(e.isValid()).as(context(seed, s)).isEqualTo(!s.isBlank() && !e.hasErrors());
      if (!e.isValid()) {
        continue;
      }
      checked++;
      NormalizedEmail again = EMAILS.normalize(e.normalized());
      assertThat(again.normalized()).as(context(seed, s)).isEqualTo(e.normalized());
      assertThat(again.canonical()).as(context(seed, s)).isEqualTo(e.canonical());
      assertThat(again.flags()).as(context(seed, s)).isEqualTo(e.flags());
      assertThat(EMAILS.normalize(e.canonical()).canonical()).as(context(seed, s))
          .isEqualTo(e.canonical());
      // Round trip through Unicode: the IDN form of the domain normalizes back to the same address.
      if (!e.domain().startsWith("[")) {
        String unicode = e.localPart() + "@" + java.net.IDN.toUnicode(e.domain());
        assertThat(EMAILS.normalize(unicode).normalized()).as(context(seed, s))
            .isEqualTo(e.normalized());
      }
    }
    assertCheckedEnough("email", seed, checked, PER_ROUND / 5);
  }

  /**
   * A law that skips invalid inputs must still have been checked on enough valid ones. The floors
   * sit well under what the default seeds give (about a third of the emails and half of the domains
   * in a round of 150 are valid; random digit strings make a valid phone number about 1 time in 12).
   */
  private static void assertCheckedEnough(String law, long seed, int checked, int min) {
    System.out.println(law + " round seed " + seed + ": " + checked + " of " + PER_ROUND + " inputs checked");
    assertThat(checked).as("%s: valid inputs the law was checked on, master seed %d, round seed %d", law,
        RandomText.MASTER_SEED, seed).isGreaterThanOrEqualTo(min);
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void phoneE164IsAFixedPoint(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] regions = {"US", "GB", "DE", "FR", "IN", "JP", "BR", "AU", null};
    int checked = 0;
    for (int i = 0; i < PER_ROUND; i++) {
      StringBuilder digits = new StringBuilder();
      if (random.nextInt(3) == 0) {
        digits.append('+');
      }
      int n = 5 + random.nextInt(12);
      for (int d = 0; d < n; d++) {
        digits.append((char) ('0' + random.nextInt(10)));
        if (random.nextInt(5) == 0) {
          digits.append(random.nextBoolean() ? ' ' : '-');
        }
      }
      String s = random.nextInt(5) == 0 ? RandomText.hostile(random, 6) : digits.toString();
      String region = regions[random.nextInt(regions.length)];
      NormalizedPhone p = PHONES.normalize(s, region);
      assertThat(p.isValid()).as(context(seed, s)).isEqualTo(!s.isBlank() && p.findings().isEmpty());
      if (p.isValid()) {
        checked++;
        NormalizedPhone again = PHONES.normalize(p.e164(), regions[random.nextInt(regions.length)]);
        assertThat(again.e164()).as(context(seed, s)).isEqualTo(p.e164());
        assertThat(again.type()).as(context(seed, s)).isEqualTo(p.type());
      }
    }
    assertCheckedEnough("phone", seed, checked, PER_ROUND / 50);
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void domainNormalizationIsIdempotent(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int checked = 0;
    for (int i = 0; i < PER_ROUND; i++) {
      String s = random.nextBoolean() ? RandomText.email(random) : RandomText.hostile(random, 8);
      NormalizedDomain d = DOMAINS.normalize(s);
      if (d.host() == null) {
        continue;
      }
      checked++;
      NormalizedDomain again = DOMAINS.normalize(d.host());
      assertThat(again.host()).as(context(seed, s)).isEqualTo(d.host());
      assertThat(again.registrableDomain()).as(context(seed, s)).isEqualTo(d.registrableDomain());
    }
    assertCheckedEnough("domain", seed, checked, PER_ROUND / 5);
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void nameKeysAreIdempotent(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < PER_ROUND; i++) {
      String s = RandomText.hostile(random, 10);
      PersonName n = NAMES.parse(s);
      assertThat(PersonNameNormalizer.key(n.firstKey())).as(context(seed, s))
          .isEqualTo(n.firstKey());
      assertThat(PersonNameNormalizer.key(n.lastKey())).as(context(seed, s))
          .isEqualTo(n.lastKey());
      String k = PersonNameNormalizer.key(s);
      assertThat(PersonNameNormalizer.key(k)).as(context(seed, s)).isEqualTo(k);
      PersonName fields = NAMES.normalize(s, RandomText.hostile(random, 4));
      assertThat(PersonNameNormalizer.key(fields.lastKey())).as(context(seed, s))
          .isEqualTo(fields.lastKey());
    }
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void companyKeyIsIdempotent(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < PER_ROUND; i++) {
      String s = RandomText.hostile(random, 10);
      NormalizedCompanyName c = COMPANIES.normalize(s);
      assertThat(COMPANIES.normalize(c.key()).key()).as(context(seed, s)).isEqualTo(c.key());
      assertThat(COMPANIES.normalize(c.display()).key()).as(context(seed, s)).isEqualTo(c.key());
    }
  }

  @ParameterizedTest(name = "round seed {0}")
  @MethodSource("seeds")
  void countryCodesAndTitlesAreFixedPoints(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < PER_ROUND; i++) {
      String s = RandomText.hostile(random, 6);
      NormalizedCountry c = COUNTRIES.normalize(s);
      if (c.code() != null) {
        assertThat(COUNTRIES.normalize(c.code()).code()).as(context(seed, s)).isEqualTo(c.code());
      }
      JobTitle t = TITLES.classify(s);
      JobTitle again = TITLES.classify(t.normalized());
      assertThat(again.normalized()).as(context(seed, s)).isEqualTo(t.normalized());
      assertThat(again.seniority()).as(context(seed, s)).isEqualTo(t.seniority());
      assertThat(again.department()).as(context(seed, s)).isEqualTo(t.department());
    }
  }
}
