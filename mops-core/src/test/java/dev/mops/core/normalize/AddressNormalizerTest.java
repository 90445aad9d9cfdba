package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AddressNormalizerTest {

  private static final AddressNormalizer A = AddressNormalizer.standard();

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
    "200 North Main Street, Suite 5 | 200 N. Main St. #5",
    "200 North Main Street, Suite 5 | 200 n main st unit 5",
    "12 Oak Avenue | 12 OAK AVE.",
    "12 Oak Avenue | 12 oak av",
    "1 Station Road | 1 Station Rd",
    "900 Sunset Boulevard | 900 Sunset Blvd.",
    "5 Elm Drive, Apt 3 | 5 elm dr apartment 3",
    "100 First Avenue | 100 1st Ave",
    "300 Twenty-First Street | 300 Twenty 1st St",
    "42 West 23rd Street | 42 W 23 St",
    "1 Market Sq, 2nd Floor | 1 market square floor 2",
    "1 Market Sq, 2nd Floor | 1 Market Sq., Fl. 2",
    "Room 12, Science Building | rm 12 science bldg",
    "P.O. Box 77 | PO Box 77",
    "Post Office Box 77 | pobox 77",
    "Hauptstraße 5 | Hauptstr. 5",
    "Hauptstrasse 5 | HAUPTSTRASSE 5",
    "Haupt Straße 5 | haupt str 5",
    "Kerkstraat 12 | Kerkstr. 12",
    "Smith & Jones Building | Smith and Jones Bldg",
    "10 Northeast Parkway | 10 NE Pkwy",
    "Piazza del Duomo 1 | P.za del Duomo 1",
  })
  void variantsOfOneAddressShareTheKey(String a, String b) {
    assertThat(A.key(a)).isEqualTo(A.key(b));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
    "200 North Main Street, Suite 5 | 200 n main st unit 5",
    "Hauptstraße 5 | hauptstr 5",
    "2nd Floor | fl 2",
    "5 2nd floor | 5 fl 2",
    "Rue de Rivoli 10 | rue de rivoli 10",
    "Via Roma 3 | via roma 3",
    "Unit 4, 21 Jump Street | unit 4 21 jump st",
  })
  void keys(String raw, String key) {
    assertThat(A.key(raw)).isEqualTo(key);
  }

  @ParameterizedTest(name = "{0} != {1}")
  @CsvSource(delimiter = '|', value = {
    "200 Main Street | 201 Main Street",
    "12 Oak Avenue | 12 Elm Avenue",
    "Suite 200 | Suite 300",
    "10 North Road | 10 South Road",
  })
  void differentAddressesKeepDifferentKeys(String a, String b) {
    assertThat(A.key(a)).isNotEqualTo(A.key(b));
  }

  @Test
  void emptyNullAndLongValues() {
    assertThat(A.key(null)).isEmpty();
    assertThat(A.key("  ,.; ")).isEmpty();
    String longValue = "a ".repeat(AddressNormalizer.MAX_LENGTH);
    assertThat(A.key(longValue).length()).isLessThanOrEqualTo(AddressNormalizer.MAX_LENGTH);
  }

  // Property tests over seeded random addresses; -Dmops.test.seed=N replays a run.

  private static final String[] WORDS = {
    "street", "St", "str.", "Avenue", "ave", "Road", "rd", "Boulevard", "blvd", "Drive", "Lane", "Place", "Court",
    "North", "n", "South", "East", "w", "Northeast", "Suite", "ste", "#12", "Unit", "Apt", "Floor", "fl", "Room",
    "Building", "P.O.", "Box", "post", "office", "pobox", "1st", "first", "Second", "23rd", "twelfth", "&", "and",
    "Hauptstraße", "Kerkstraat", "strasse", "Rue", "via", "Piazza", "Main", "Oak", "Elm", "Market", "Station",
    "12", "200", "5", "2", "Zuid", "Oost", "o", "p", "Ümlaut", "Sainte-Catherine", "O'Connell",
  };

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261203L);
    System.err.println("address normalizer property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 20).mapToObj(i -> base + i);
  }

  private static List<String> randomWords(Random r) {
    int n = 1 + r.nextInt(8);
    List<String> words = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      words.add(WORDS[r.nextInt(WORDS.length)]);
    }
    return words;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void keyIsIdempotent(long seed) {
    Random r = new Random(seed);
    for (int i = 0; i < 500; i++) {
      String raw = String.join(" ", randomWords(r));
      String key = A.key(raw);
      assertThat(A.key(key)).as("key of %s", raw).isEqualTo(key);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void keyIgnoresCaseAndPunctuationBetweenWords(long seed) {
    Random r = new Random(seed);
    String[] separators = {" ", ", ", " - ", "; ", " / ", ",", "  ", " . "};
    for (int i = 0; i < 500; i++) {
      List<String> words = randomWords(r);
      String plain = String.join(" ", words);
      StringBuilder b = new StringBuilder();
      for (int w = 0; w < words.size(); w++) {
        if (w > 0) {
          b.append(separators[r.nextInt(separators.length)]);
        }
        String word = words.get(w);
        b.append(r.nextBoolean() ? word.toUpperCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT));
      }
      assertThat(A.key(b.toString())).as("%s vs %s", b, plain).isEqualTo(A.key(plain));
    }
  }
}
