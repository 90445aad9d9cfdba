package dev.mops.core.condition;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Seeded generators of conditions and rows for property tests. */
final class RandomConditions {

  static final Schema SCHEMA =
      Schema.builder()
          .field("country", ValueType.STRING)
          .field("title", ValueType.STRING)
          .field("employees", ValueType.ANY)
          .field("revenue", ValueType.NUMBER)
          .field("last_visit", ValueType.ANY)
          .field("signup", ValueType.DATE)
          .field("opted_in", ValueType.ANY)
          .field("tags", ValueType.ANY)
          .build();

  static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

  private static final String[] COUNTRIES = {"US", "us", "CA", "DE", "GB", "", " US "};
  private static final String[] TITLES = {"VP Marketing", "vp of sales", "CMO", "Engineer", "Head of Growth", "marketing ops", ""};
  private static final String[] TAGS = {"abm", "webinar", "ABM", "trial", "ebook"};

  private RandomConditions() {}

  /** The base seed: the system property {@code mops.test.seed}, or a fixed default. */
  static long baseSeed() {
    return Long.getLong("mops.test.seed", 20261122L);
  }

  /** Seeds for a parameterized test, logged so a failure can be replayed. */
  static Stream<Long> seeds(int count) {
    long base = baseSeed();
    System.err.println("property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, count).mapToObj(i -> base * 1_000_003L + i);
  }

  static Condition condition(Random r, int depth) {
    int pick = r.nextInt(depth <= 0 ? 14 : 18);
    switch (pick) {
      case 14:
        return new Condition.All(children(r, depth));
      case 15:
        return new Condition.Any(children(r, depth));
      case 16:
        return new Condition.Not(condition(r, depth - 1));
      case 17:
        return new Condition.Constant(r.nextBoolean());
      default:
        return leaf(r, pick);
    }
  }

  private static List<Condition> children(Random r, int depth) {
    int n = r.nextInt(4);
    List<Condition> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(condition(r, depth - 1));
    }
    return out;
  }

  static Condition leaf(Random r, int pick) {
    switch (pick) {
      case 0:
        return new Condition.Eq("country", pickOf(r, COUNTRIES).trim().isEmpty() ? "US" : pickOf(r, COUNTRIES).trim().isEmpty() ? "CA" : pickOf(r, COUNTRIES).trim(), r.nextBoolean());
      case 1:
        return new Condition.Eq("employees", r.nextBoolean() ? (Object) (long) r.nextInt(500) : (Object) (r.nextInt(5000) / 10.0), false);
      case 2:
        return new Condition.In("country", List.of("US", "CA", pickOf(r, new String[] {"DE", "FR", "gb"})), r.nextBoolean());
      case 3:
        return new Condition.Contains("title", pickOf(r, new String[] {"market", "VP", "head", "ops"}), r.nextBoolean());
      case 4:
        return new Condition.StartsWith("title", pickOf(r, new String[] {"vp", "VP", "Head", "C"}), r.nextBoolean());
      case 5:
        return new Condition.EndsWith("title", pickOf(r, new String[] {"ing", "Sales", "owth", "O"}), r.nextBoolean());
      case 6:
        return new Condition.Matches("title", pickOf(r, new String[] {"(?i)^vp\\b", "ing$", "[A-Z]{3}", "(?i)market|growth"}));
      case 7:
        return new Condition.Compare("employees", CompareOp.values()[r.nextInt(4)], (long) r.nextInt(500));
      case 8:
        return new Condition.Compare("revenue", CompareOp.values()[r.nextInt(4)], new BigDecimal(r.nextInt(100000) + ".25"));
      case 9: {
        long a = r.nextInt(300);
        return new Condition.Between("employees", a, a + r.nextInt(300));
      }
      case 10:
        return r.nextBoolean()
            ? new Condition.Exists(pickOf(r, new String[] {"country", "title", "employees", "tags"}))
            : new Condition.IsEmpty(pickOf(r, new String[] {"country", "title", "employees", "tags"}));
      case 11:
        return r.nextBoolean()
            ? new Condition.WithinLast("last_visit", Duration.ofHours(1 + r.nextInt(24 * 60)))
            : new Condition.OlderThan("last_visit", Duration.ofHours(1 + r.nextInt(24 * 60)));
      case 12:
        return new Condition.ListContains("tags", List.of(pickOf(r, TAGS), pickOf(r, TAGS)), r.nextBoolean(), r.nextBoolean());
      default:
        LocalDate d = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(600));
        return r.nextBoolean()
            ? new Condition.Compare("signup", r.nextBoolean() ? CompareOp.LT : CompareOp.GTE, d)
            : new Condition.Compare("last_visit", CompareOp.GT, d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }
  }

  static ArrayRow row(Random r) {
    Object employees;
    switch (r.nextInt(5)) {
      case 0:
        employees = null;
        break;
      case 1:
        employees = String.valueOf(r.nextInt(600));
        break;
      case 2:
        employees = "n/a";
        break;
      case 3:
        employees = (double) r.nextInt(600);
        break;
      default:
        employees = (long) r.nextInt(600);
    }
    Object lastVisit;
    switch (r.nextInt(4)) {
      case 0:
        lastVisit = null;
        break;
      case 1:
        lastVisit = NOW.minus(Duration.ofMinutes(r.nextInt(24 * 60 * 90) - 24 * 60)).toString();
        break;
      case 2:
        lastVisit = "yesterday";
        break;
      default:
        lastVisit = NOW.minus(Duration.ofMinutes(r.nextInt(24 * 60 * 90)));
    }
    Object tags;
    switch (r.nextInt(3)) {
      case 0:
        tags = null;
        break;
      case 1:
        tags = pickOf(r, TAGS) + "; " + pickOf(r, TAGS);
        break;
      default:
        tags = List.of(pickOf(r, TAGS), pickOf(r, TAGS), pickOf(r, TAGS));
    }
    return ArrayRow.of(
        SCHEMA,
        r.nextInt(6) == 0 ? null : pickOf(r, COUNTRIES),
        r.nextInt(6) == 0 ? null : pickOf(r, TITLES),
        employees,
        r.nextInt(4) == 0 ? null : new BigDecimal(r.nextInt(100000) + "." + r.nextInt(100)),
        lastVisit,
        r.nextInt(4) == 0 ? null : LocalDate.of(2025, 1, 1).plusDays(r.nextInt(600)),
        r.nextInt(3) == 0 ? null : r.nextBoolean(),
        tags);
  }

  static <T> T pickOf(Random r, T[] values) {
    return values[r.nextInt(values.length)];
  }
}
