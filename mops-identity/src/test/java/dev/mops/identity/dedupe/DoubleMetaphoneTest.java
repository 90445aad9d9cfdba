package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.record.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Double Metaphone against Apache commons-codec's {@code DoubleMetaphone} as an oracle: every given
 * name and surname of the shared data sets, seeded random strings (set {@code -Dphonetic.seed} to
 * add a seed), classic examples, and the listed cases where commons-codec departs from Philips'
 * original (see {@link Phonetic}).
 */
class DoubleMetaphoneTest {

  private static final Pattern NAME_COLUMN =
      Pattern.compile("given_name|first_name|surname|last_name|forename");

  /** What both encoders are given: the letters Phonetic codes, one space between words. */
  static String clean(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-zçñ ]", "").replaceAll(" +", " ").strip();
  }

  static PhoneticCodes oracle(String input, int maxLength) {
    DoubleMetaphone dm = new DoubleMetaphone();
    dm.setMaxCodeLen(maxLength);
    String p = dm.doubleMetaphone(input);
    String a = dm.doubleMetaphone(input, true);
    return new PhoneticCodes(p == null ? "" : p, a == null ? "" : a);
  }

  /**
   * Returns which listed departure of commons-codec from Philips' original explains a difference,
   * or null when none does.
   */
  static @Nullable String deviation(String input, PhoneticCodes ours, PhoneticCodes theirs) {
    if (theirs.alternate().contains(" ")
        && ours.primary().equals(theirs.primary())
        && ours.alternate().equals(theirs.alternate().replace(" ", ""))) {
      return "final J: space in the alternate";
    }
    if (input.startsWith("wicz") || input.startsWith("witz")) {
      return "initial WICZ/WITZ";
    }
    if (Pattern.compile(".gier[a-zçñ]").matcher(input).find()) {
      return "G before IER inside a word";
    }
    return null;
  }

  /** Compares one input; returns the deviation that explains a difference, "" when equal. */
  static String compare(String input, int maxLength, List<String> unexplained) {
    PhoneticCodes ours = Phonetic.encode(input, maxLength);
    PhoneticCodes theirs = oracle(input, maxLength);
    if (ours.equals(theirs)) {
      return "";
    }
    String why = deviation(input, ours, theirs);
    if (why == null) {
      unexplained.add("'" + input + "' (max " + maxLength + "): mops " + ours + ", commons-codec " + theirs);
      return "unexplained";
    }
    return why;
  }

  static TreeSet<String> sharedNames() {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(LabelledData.dir())) {
      for (Path file : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        String name = file.getFileName().toString();
        List<String> columns = new ArrayList<>();
        for (String c : LabelledData.columns(name)) {
          if (NAME_COLUMN.matcher(c.strip()).matches()) {
            columns.add(c.strip());
          }
        }
        if (columns.isEmpty()) {
          continue;
        }
        for (Record r : LabelledData.csv(name)) {
          for (String c : columns) {
            Object v = r.get(c);
            String folded = Normalization.normalize(FieldKind.NAME, v);
            if (folded != null && !clean(folded).isEmpty()) {
              names.add(clean(folded));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  @ParameterizedTest(name = "max length {0}")
  @CsvSource({"4", "6", "12"})
  void everySharedNameAgreesWithCommonsCodec(int maxLength) {
    TreeSet<String> names = sharedNames();
    assertThat(names).hasSizeGreaterThan(3000);
    List<String> unexplained = new ArrayList<>();
    TreeMap<String, List<String>> explained = new TreeMap<>();
    int equal = 0;
    for (String name : names) {
      String why = compare(name, maxLength, unexplained);
      if (why.isEmpty()) {
        equal++;
      } else if (!why.equals("unexplained")) {
        explained.computeIfAbsent(why, k -> new ArrayList<>()).add(name);
      }
    }
    System.out.printf(Locale.ROOT, "names, max length %d: %d distinct, %d equal to commons-codec, listed departures %s%n",
        maxLength, names.size(), equal, explained);
    assertThat(unexplained).isEmpty();
  }

  static LongStream seeds() {
    return Fixtures.seeds(1, 2, 3, 4);
  }

  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";

  /** Spellings the rules look for, so that random strings reach them. */
  private static final String[] FRAGMENTS = {
    "a", "e", "i", "o", "u", "y", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "q",
    "r", "s", "t", "v", "w", "x", "z", " ", "ç", "ñ", "gn", "kn", "pn", "wr", "ps", "x", "ach",
    "bacher", "macher", "caesar", "chia", "chae", "charac", "charis", "chor", "chym", "chia",
    "chem", "chore", "van ", "von ", "sch", "orches", "archit", "orchid", "cht", "chs", "mc", "cz",
    "wicz", "cia", "cc", "cce", "cci", "cch", "cchu", "uccee", "ucces", "ck", "cg", "cq", "ci",
    "ce", "cy", "cio", "cie", " c", " q", " g", "dg", "dge", "dt", "dd", "ff", "gh", "ghi", "ough",
    "augh", "igh", "hugh", "bough", "gne", "gney", "gli", "ges", "gep", "geb", "gel", "gey", "gib",
    "gil", "gin", "gie", "gei", "ger", "gy", "danger", "ranger", "manger", "rgy", "ogy", "aggi",
    "oggi", "get", "gier", "gg", "jose", "san ", "jo", "ja", "jj", "ll", "illo", "illa", "alle",
    "as", "os", "umb", "umber", "mm", "nn", "ph", "pp", "pb", "qq", "ier", "mer", "rr", "isl",
    "ysl", "sugar", "sh", "heim", "hoek", "holm", "holz", "sio", "sia", "sian", "sm", "sn", "sl",
    "sw", "sz", "sc", "scho", "scher", "schen", "schuy", "sched", "schem", "sci", "ai", "oi", "ss",
    "tion", "tia", "tch", "th", "tth", "thom", "tham", "tt", "td", "vv", "wh", "ewski", "owsky",
    "witz", "eau", "iau", "au", "ou", "xc", "xx", "zh", "zo", "zi", "za", "zz", "tz", "k", "w"
  };

  static String randomLetters(SplittableRandom rnd) {
    int len = 1 + rnd.nextInt(12);
    StringBuilder b = new StringBuilder(len);
    for (int i = 0; i < len; i++) {
      b.append(LETTERS.charAt(rnd.nextInt(LETTERS.length())));
    }
    return b.toString();
  }

  static String randomFragments(SplittableRandom rnd) {
    int parts = 1 + rnd.nextInt(5);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < parts; i++) {
      b.append(FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
    }
    return clean(b.toString());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomStringsAgreeWithCommonsCodec(long seed) {
    System.out.println("seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<String> unexplained = new ArrayList<>();
    TreeMap<String, Integer> explained = new TreeMap<>();
    int total = 0;
    int equal = 0;
    for (int k = 0; k < 40_000; k++) {
      String s = k % 2 == 0 ? randomLetters(rnd) : randomFragments(rnd);
      if (s.isEmpty()) {
        continue;
      }
      int maxLength = k % 4 < 2 ? Phonetic.DEFAULT_MAX_LENGTH : 1 + rnd.nextInt(12);
      String why = compare(s, maxLength, unexplained);
      total++;
      if (why.isEmpty()) {
        equal++;
      } else if (!why.equals("unexplained")) {
        explained.merge(why, 1, Integer::sum);
      }
      if (unexplained.size() > 20) {
        break;
      }
    }
    System.out.printf(Locale.ROOT, "seed %d: %d strings, %d equal to commons-codec, listed departures %s%n",
        seed, total, equal, explained);
    assertThat(unexplained).isEmpty();
    assertThat(equal).isGreaterThan(total * 95 / 100);
  }

  @ParameterizedTest(name = "{0} -> {1} / {2}")
  @CsvSource({
    "smith, SM0, XMT",
    "schmidt, XMT, SMT",
    "thompson, TMPS, TMPS",
    "thomas, TMS, TMS",
    "jose, HS, HS",
    "san jacinto, SNHS, SNHS",
    "cabrillo, KPRL, KPR",
    "gallegos, KLKS, KKS",
    "caesar, SSR, SSR",
    "wright, RT, RT",
    "jankelowicz, JNKL, ANKL",
    "tichner, TXNR, TKNR",
    "michael, MKL, MXL",
    "chemistry, KMST, KMST",
    "czerny, SRN, XRN",
    "focaccia, FKX, FKX",
    "accident, AKST, AKST",
    "bacchus, PKS, PKS",
    "mchugh, MK, MK",
    "edge, AJ, AJ",
    "edgar, ATKR, ATKR",
    "laugh, LF, LF",
    "hugh, H, H",
    "cagney, KKN, KKN",
    "tagliaro, TKLR, TLR",
    "gerald, KRLT, JRLT",
    "biaggi, PJ, PK",
    "rogier, RJ, RJR",
    "dumb, TM, TM",
    "island, ALNT, ALNT",
    "sugar, XKR, SKR",
    "school, SKL, SKL",
    "schenker, XNKR, SKNK",
    "resnais, RSN, RSNS",
    "breaux, PR, PR",
    "zhao, J, J",
    "filipowicz, FLPT, FLPF",
    "arnow, ARN, ARNF",
    "wasserman, ASRM, FSRM",
    "xavier, SF, SFR",
    "knight, NT, NT",
    "psychology, SXLJ, SKLK",
    "mac caffrey, MKFR, MKFR",
    "van gogh, FNKK, FNKK",
  })
  void classicExamplesAgreeWithTheOracle(String name, String primary, String alternate) {
    PhoneticCodes expected = new PhoneticCodes(primary, alternate);
    assertThat(Phonetic.encode(name, 4)).isEqualTo(expected);
    assertThat(oracle(name, 4)).isEqualTo(expected);
  }

  /** The departures of commons-codec from Philips' original listed in {@link Phonetic}. */
  @ParameterizedTest(name = "{0}: mops {1} / {2}, commons-codec {3} / {4}")
  @CsvSource(delimiter = '|', value = {
    "witzel | ATSL | FFXL | ATSL | FTSL",
    "wiczek | ATSK | FFXK | AKSK | FKTS",
    "angiero | ANJR | ANKR | ANJR | ANJR",
    "raj | RJ | R | RJ | 'R '",
  })
  void listedDeparturesFromCommonsCodec(String name, String primary, String alternate,
      String commonsPrimary, String commonsAlternate) {
    assertThat(Phonetic.encode(name, 4)).isEqualTo(new PhoneticCodes(primary, alternate));
    assertThat(oracle(name, 4)).isEqualTo(new PhoneticCodes(commonsPrimary, commonsAlternate));
    assertThat(deviation(name, Phonetic.encode(name, 4), oracle(name, 4))).isNotNull();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyTextGivesCodesOfCodeLettersOnly(long seed) {
    System.out.println("seed " + seed);
    SplittableRandom rnd = new SplittableRandom(seed);
    Pattern codeLetters = Pattern.compile("[AFHJKLMNPRSTX0]*");
    for (int k = 0; k < 20_000; k++) {
      int len = rnd.nextInt(20);
      StringBuilder b = new StringBuilder(len);
      for (int i = 0; i < len; i++) {
        b.append(rnd.nextInt(4) == 0 ? (char) rnd.nextInt(0x10000) : "aZ çÑ-'w".charAt(rnd.nextInt(8)));
      }
      int maxLength = 1 + rnd.nextInt(8);
      PhoneticCodes c = StringSimilarity.doubleMetaphone(b.toString(), maxLength);
      assertThat(c.primary()).matches(codeLetters).hasSizeLessThanOrEqualTo(maxLength);
      assertThat(c.alternate()).matches(codeLetters).hasSizeLessThanOrEqualTo(maxLength);
      assertThat(Phonetic.primaryOf(Phonetic.codes(b.toString(), maxLength))).isEqualTo(c.primary());
    }
  }

  @Test
  void inputIsCleanedAndLengthIsConfigurable() {
    assertThat(Phonetic.encode("SMITH", 4)).isEqualTo(Phonetic.encode("smith", 4));
    assertThat(Phonetic.encode("  o'brien  ", 4)).isEqualTo(Phonetic.encode("obrien", 4));
    assertThat(Phonetic.encode("van   gogh", 4)).isEqualTo(Phonetic.encode("van gogh", 4));
    assertThat(Phonetic.encode("françois", 4)).isEqualTo(oracle("françois", 4));
    assertThat(Phonetic.encode("FRANÇOIS", 4)).isEqualTo(oracle("françois", 4));
    assertThat(Phonetic.encode("muñoz", 4)).isEqualTo(oracle("muñoz", 4));
    assertThat(Phonetic.encode("", 4)).isEqualTo(new PhoneticCodes("", ""));
    assertThat(Phonetic.encode(" - ", 4)).isEqualTo(new PhoneticCodes("", ""));
    assertThat(Phonetic.encode("christopherson", 12).primary()).isEqualTo("KRSTFRSN");
    assertThat(Phonetic.encode("christopherson", 1)).isEqualTo(new PhoneticCodes("K", "K"));
    assertThatThrownBy(() -> Phonetic.encode("x", 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxLength 0");
  }

  @Test
  void combinedCodesAndSameSound() {
    assertThat(Phonetic.codes("smith", 4)).isEqualTo("SM0 XMT");
    assertThat(Phonetic.codes("thompson", 4)).isEqualTo("TMPS");
    assertThat(Phonetic.primaryOf("SM0 XMT")).isEqualTo("SM0");
    assertThat(Phonetic.primaryOf("TMSN")).isEqualTo("TMSN");
    String smith = Phonetic.codes("smith", 4);
    String schmidt = Phonetic.codes("schmidt", 4);
    assertThat(Phonetic.sameSound(smith, schmidt)).isTrue(); // XMT both ways
    assertThat(Phonetic.sameSound(smith, Phonetic.codes("smyth", 4))).isTrue();
    assertThat(Phonetic.sameSound(smith, Phonetic.codes("jones", 4))).isFalse();
    assertThat(Phonetic.sameSound("", "")).isFalse();
    assertThat(StringSimilarity.doubleMetaphone("Smith").soundsLike(StringSimilarity.doubleMetaphone("Schmidt")))
        .isTrue();
    assertThat(StringSimilarity.phoneticKey("Schmidt")).isEqualTo("XMT");
    assertThat(StringSimilarity.doubleMetaphone("Schmidt").hasAlternate()).isTrue();
  }
}
