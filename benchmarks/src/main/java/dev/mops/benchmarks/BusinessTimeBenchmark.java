package dev.mops.benchmarks;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.core.time.ClosedDay;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Business time: {@link BusinessCalendar#businessDuration} over spans of a day, a month and a
 * year, beside the minute-stepping loop a spreadsheet or a hand-written job does (for each minute:
 * is it a working minute of a working day?), on a Berlin calendar with a lunch break and Berlin's
 * public holidays; and the SLA evaluation of 1,000,000 requests with the example policy, beside a
 * wall-clock SLA that ignores calendars.
 *
 * <p>Setup checks that the minute-stepping baseline and mops agree on every start.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BusinessTimeBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 * from the repository root.
 */
public class BusinessTimeBenchmark {

  static final int STARTS = 64;
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final int[][] HOURS = {{9 * 3600, 12 * 3600 + 1800}, {13 * 3600 + 1800, 17 * 3600 + 1800}};

  /** A calendar, starts on whole minutes through 2026, and the span. */
  @State(Scope.Benchmark)
  public static class Spans {
    @Param({"DAY", "MONTH", "YEAR"})
    public String span;

    BusinessCalendar calendar;
    Set<LocalDate> closed;
    Instant[] from;
    Instant[] to;

    @Setup(Level.Trial)
    public void setUp() {
      calendar = BusinessCalendar.builder(BERLIN)
          .weekdays("09:00-12:30", "13:30-17:30")
          .publicHolidays("DE", "be")
          .build();
      closed = new HashSet<>();
      for (ClosedDay c : calendar.closedDays(LocalDate.of(2025, 12, 1), LocalDate.of(2028, 1, 31))) {
        closed.add(c.date());
      }
      Duration length = span.equals("DAY") ? Duration.ofDays(1) : span.equals("MONTH") ? Duration.ofDays(30) : Duration.ofDays(365);
      Random r = new Random(20261202L);
      from = new Instant[STARTS];
      to = new Instant[STARTS];
      long base = Instant.parse("2026-01-01T00:00:00Z").getEpochSecond();
      for (int i = 0; i < STARTS; i++) {
        from[i] = Instant.ofEpochSecond(base + 60L * r.nextInt(365 * 24 * 60));
        to[i] = from[i].plus(length);
        Duration mops = calendar.businessDuration(from[i], to[i]);
        Duration stepped = minuteStepping(closed, from[i], to[i]);
        if (!mops.equals(stepped)) {
          throw new IllegalStateException("mops and minute stepping disagree from " + from[i] + ": " + mops + " vs " + stepped);
        }
      }
    }
  }

  /** The baseline: count the working minutes one by one. */
  static Duration minuteStepping(Set<LocalDate> closed, Instant from, Instant to) {
    long minutes = 0;
    for (Instant t = from; t.isBefore(to); t = t.plusSeconds(60)) {
      ZonedDateTime z = t.atZone(BERLIN);
      DayOfWeek d = z.getDayOfWeek();
      if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY || closed.contains(z.toLocalDate())) {
        continue;
      }
      int s = z.toLocalTime().toSecondOfDay();
      for (int[] h : HOURS) {
        if (s >= h[0] && s < h[1]) {
          minutes++;
          break;
        }
      }
    }
    return Duration.ofMinutes(minutes);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(STARTS)
  public void mops(Spans s, Blackhole bh) {
    for (int i = 0; i < STARTS; i++) {
      bh.consume(s.calendar.businessDuration(s.from[i], s.to[i]));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(STARTS)
  public void minuteStepping(Spans s, Blackhole bh) {
    for (int i = 0; i < STARTS; i++) {
      bh.consume(minuteStepping(s.closed, s.from[i], s.to[i]));
    }
  }

  /** 65,536 distinct requests of the example policy's classes, evaluated 1,000,000 times per operation. */
  @State(Scope.Benchmark)
  public static class Requests {
    static final int DISTINCT = 1 << 16;
    static final Instant AS_OF = Instant.parse("2026-06-30T21:00:00Z");
    SlaEvaluator evaluator;
    ArrayRow[] rows;
    Instant[] created;
    Instant[] resolved;
    String[] classes;

    @Setup(Level.Trial)
    public void setUp() {
      java.nio.file.Path path = java.nio.file.Path.of("examples/metrics/sla.yaml");
      if (!java.nio.file.Files.exists(path)) {
        path = java.nio.file.Path.of("..", "examples", "metrics", "sla.yaml");
      }
      evaluator = SlaPolicy.load(path).evaluator(Schema.of("id", "class", "priority", "team"));
      Random r = new Random(20261202L);
      String[] cls = {"simple", "standard", "complex"};
      rows = new ArrayRow[DISTINCT];
      created = new Instant[DISTINCT];
      resolved = new Instant[DISTINCT];
      classes = new String[DISTINCT];
      for (int i = 0; i < DISTINCT; i++) {
        classes[i] = cls[r.nextInt(3)];
        rows[i] = evaluator.schema().row(Records.of(Map.of("id", "R" + i, "class", classes[i],
            "priority", r.nextInt(10) == 0 ? "high" : "normal", "team", r.nextInt(3) == 0 ? "emea" : "us")));
        created[i] = AS_OF.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 60)));
        resolved[i] = r.nextBoolean() ? created[i].plus(Duration.ofMinutes(r.nextInt(60 * 24 * 20))) : null;
      }
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long slaMillionRequests(Requests q) {
    long breached = 0;
    for (int n = 0; n < 1_000_000; n++) {
      int i = n & (Requests.DISTINCT - 1);
      SlaResult r = q.evaluator.evaluate(q.rows[i], q.created[i], q.resolved[i], Requests.AS_OF);
      if (r.breachedAt() != null) {
        breached++;
      }
    }
    return breached;
  }

  /** The peer: a wall-clock SLA (hours since creation against the target), as a spreadsheet computes it. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long wallClockMillionRequests(Requests q) {
    long breached = 0;
    for (int n = 0; n < 1_000_000; n++) {
      int i = n & (Requests.DISTINCT - 1);
      Duration target = q.classes[i].equals("complex") ? Duration.ofHours(80)
          : q.classes[i].equals("standard") ? Duration.ofHours(24) : Duration.ofHours(8);
      Instant end = q.resolved[i] == null || q.resolved[i].isAfter(Requests.AS_OF) ? Requests.AS_OF : q.resolved[i];
      if (Duration.between(q.created[i], end).compareTo(target) > 0) {
        breached++;
      }
    }
    return breached;
  }

}
