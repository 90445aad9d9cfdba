package dev.mops.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the CSV reader on raw bytes: any bytes, in any of the encodings and with any delimiter,
 * either fail at the header with an {@link IOException} (empty input, a column named twice, invalid
 * bytes in the header) or read as records with findings; nothing else may escape, and every
 * record is whole. Normal test runs replay the committed corpus in {@code CsvReaderFuzzTestInputs}
 * and a seeded run of random byte strings ({@code -Dmops.test.seed=N} replays one); run with
 * {@code JAZZER_FUZZ=1} to fuzz.
 */
class CsvReaderFuzzTest {

  private static final String[] ENCODINGS = {null, "UTF-8", "windows-1252", "ISO-8859-1", "UTF-16"};
  private static final char[] DELIMITERS = {0, ',', ';', '\t', '|'};

  @FuzzTest(maxDuration = "30s")
  void readCsvBytes(FuzzedDataProvider data) {
    int choice = data.consumeInt(0, ENCODINGS.length * DELIMITERS.length - 1);
    read(data.consumeRemainingAsBytes(), choice);
  }

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261122L);
    System.err.println("CSV fuzz seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 100).mapToObj(i -> base * 1_000_003L + i);
  }

  /** Random bytes, biased toward the characters CSV cares about and toward multi-byte starts. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomBytesAreFindingsNeverExceptions(long seed) {
    Random r = new Random(seed);
    byte[] special = {',', ';', '\t', '|', '"', '\n', '\r', 'a', ' ', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82,
        (byte) 0xFC, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xFF, (byte) 0xFE, 0};
    byte[] bytes = new byte[r.nextInt(400)];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = r.nextInt(3) == 0 ? (byte) r.nextInt(256) : special[r.nextInt(special.length)];
    }
    if (r.nextBoolean() && bytes.length > 4) {
      bytes[0] = 'a';
      bytes[1] = ',';
      bytes[2] = 'b';
      bytes[3] = '\n';
    }
    read(bytes, r.nextInt(ENCODINGS.length * DELIMITERS.length));
  }

  private static void read(byte[] bytes, int choice) {
    ReadOptions.Builder b = ReadOptions.builder();
    String encoding = ENCODINGS[choice % ENCODINGS.length];
    char delimiter = DELIMITERS[choice / ENCODINGS.length];
    if (encoding != null) {
      b.encoding(encoding);
    }
    if (delimiter != 0) {
      b.delimiter(delimiter);
    }
    RecordReader in;
    try {
      in = RecordReader.open("fuzz.csv", new ByteArrayInputStream(bytes), RecordReader.Format.CSV, b.build());
    } catch (IOException expected) {
      return;
    }
    try (in) {
      int width = in.fields().size();
      assertThat(width).isPositive();
      long n = 0;
      for (InputRecord x; (x = in.next()) != null; ) {
        n++;
        assertThat(x.number()).isEqualTo(n);
        assertThat(x.record().fieldNames()).hasSize(width);
        assertThat(x.findings()).allSatisfy(f -> assertThat(f.code()).isIn(
            "CSV_SHORT_ROW", "CSV_LONG_ROW", "CSV_UNTERMINATED_QUOTE", "CSV_FIELD_TOO_LONG", "INVALID_ENCODING"));
      }
      assertThat(n).isLessThanOrEqualTo(bytes.length);
    } catch (IOException e) {
      throw new AssertionError("reading in memory failed after the header", e);
    }
  }
}
