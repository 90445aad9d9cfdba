package dev.mops.quality.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.config.ConfigException;
import dev.mops.core.record.Records;
import dev.mops.quality.TestFiles;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random mutations of real contracts: each either loads (and then validates a record without
 * throwing) or fails with a {@link ConfigException} that names a position; nothing else escapes.
 * Set -Dmops.test.seed=N to replay one seed.
 */
class ContractMutationTest {

  static final String[] TOKENS = {
    ":", "-", "[", "]", "{", "}", "\"", "'", "#", "\n", "  ", "true", "null", "-1", "1e400", "%", "200%", "integer", "date",
    "pattern", "min", "max", "severity", "max_failures", "when", "then", "compare", "(", "\\", "mustBe", "unit", "percent",
    "logicalType", "exclusiveMinimum", "2020-13-01", "P-1D", "required", "unique", "allowed", "x"
  };

  static Stream<Long> seeds() {
    String fixed = System.getProperty("mops.test.seed");
    return fixed != null ? Stream.of(Long.parseLong(fixed)) : LongStream.range(0, SEEDS).map(i -> 0xC0FFEEL * 31 + i).boxed();
  }

  private static final int SEEDS = 400;
  private static final AtomicInteger LOADED = new AtomicInteger();
  private static final AtomicInteger REJECTED = new AtomicInteger();

  /** Over the full seed set, mutation must exercise both outcomes, or the test checks one only. */
  @AfterAll
  static void bothOutcomesHappened() {
    System.out.println("ContractMutationTest: " + LOADED + " mutated contracts loaded, " + REJECTED + " rejected");
    if (LOADED.get() + REJECTED.get() == SEEDS) {
      assertThat(LOADED.get()).as("mutated contracts that loaded").isGreaterThan(SEEDS / 10);
      assertThat(REJECTED.get()).as("mutated contracts that were rejected").isGreaterThan(SEEDS / 10);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedContractsLoadOrFailWithAPosition(long seed) throws Exception {
    System.out.println("ContractMutationTest seed " + seed + " (replay with -Dmops.test.seed=" + seed + ")");
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
      REJECTED.incrementAndGet();
      return;
    }
    Map<String, Object> lead = Map.of("id", "L-00001", "email", "a@b.co", "country", "US", "created_date", "2026-01-01",
        "last_activity", "2026-10-01T00:00:00Z", "employees", "12", "score", "x");
    LOADED.incrementAndGet();
    List<ContractViolation> violations = c.validator().validate(Records.of(lead), java.time.Instant.EPOCH);
    // What loads is a usable contract: unique rule ids, violations that name a rule of the contract
    // and a field that rule reads, the same answer twice, and the same contract from the same text.
    Set<String> ids = new HashSet<>();
    for (ContractRule rule : c.rules()) {
      assertThat(ids.add(rule.id())).as("seed %d: duplicate rule id %s", seed, rule.id()).isTrue();
    }
    for (ContractViolation v : violations) {
      ContractRule rule = c.rule(v.rule());
      assertThat(rule).as("seed %d: violation %s names no rule of the contract", seed, v).isNotNull();
      if (!v.field().isEmpty()) {
        assertThat(rule.fields()).as("seed %d: violation %s", seed, v).contains(v.field());
      }
    }
    assertThat(c.validator().validate(Records.of(lead), java.time.Instant.EPOCH)).as("seed %d", seed)
        .isEqualTo(violations);
    assertThat(DataContracts.parse("m.yaml", text.toString()).contentHash()).as("seed %d", seed)
        .isEqualTo(c.contentHash());
  }
}
