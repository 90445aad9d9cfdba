package dev.mops.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Records;
import dev.mops.quality.TestFiles;
import java.nio.file.Files;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of real contracts: each either loads (and then validates a record without
 * throwing) or fails with a {@link ConfigException} that names a position; nothing else escapes.
 * Set -Dmops.seed=N to replay one seed.
 */
class ContractMutationTest {

  static final String[] TOKENS = {
    ":", "-", "[", "]", "{", "}", "\"", "'", "#", "\n", "  ", "true", "null", "-1", "1e400", "%", "200%", "integer", "date",
    "pattern", "min", "max", "severity", "max_failures", "when", "then", "compare", "(", "\\", "mustBe", "unit", "percent",
    "logicalType", "exclusiveMinimum", "2020-13-01", "P-1D", "required", "unique", "allowed", "x"
  };

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.seed");
    return fixed != null ? Stream.of(Long.parseLong(fixed)) : LongStream.range(0, 400).map(i -> 0xC0FFEEL * 31 + i).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedContractsLoadOrFailWithAPosition(long seed) throws Exception {
    Random r = new Random(seed);
    String base = Files.readString(r.nextBoolean() ? TestFiles.example("lead-contract.yaml") : TestFiles.example("leads.odcs.yaml"));
    StringBuilder text = new StringBuilder(base.replace("allowed_file: industries.txt", "allowed: [Software]"));
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = r.nextInt(text.length());
      switch (r.nextInt(3)) {
        case 0 -> text.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 1 -> text.delete(at, Math.min(text.length(), at + 1 + r.nextInt(12)));
        default -> text.replace(at, Math.min(text.length(), at + 1 + r.nextInt(6)), TOKENS[r.nextInt(TOKENS.length)]);
      }
    }
    DataContract c;
    try {
      c = DataContracts.parse("m.yaml", text.toString());
    } catch (ConfigException e) {
      assertThat(e.getMessage()).as("seed %d", seed).startsWith("m.yaml");
      return;
    }
    Map<String, Object> lead = Map.of("id", "L-00001", "email", "a@b.co", "country", "US", "created_date", "2026-01-01",
        "last_activity", "2026-10-01T00:00:00Z", "employees", "12", "score", "x");
    c.validator().validate(Records.of(lead), java.time.Instant.EPOCH);
    assertThat(c.rules()).isNotNull();
  }
}
