package dev.mops.benchmarks;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingDecision;
import dev.mops.routing.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Routing decisions per second: a 50-rule table ({@code routing-50.yaml}: 49 country-and-size
 * rules to queues, a rule and the default to a 20-rep round-robin pool with daily and weekly caps
 * in the reps' time zone) beside the same table written by hand as an if/else chain and a
 * synchronized round robin ({@link HandWrittenRouting}). Most leads fail all 49 rules and reach the
 * pool, the costly path. Setup checks that both give the same decisions on 10,000 leads.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar RoutingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoutingBenchmark {

  static final String[] COUNTRIES = {"US", "CA", "GB", "DE", "FR", "ES", "IN", "AU", "NL", "BR", "MX", "JP"};
  static final String[] INDUSTRIES = {"Software", "SaaS", "Retail", "Health", "Finance"};
  static final Instant START = Instant.parse("2026-03-09T13:00:00Z");

  Router router;
  HandWrittenRouting hand;
  List<ArrayRow> rows;
  List<HandWrittenRouting.Lead> leads;
  int next;

  static RoutingTable table() {
    try (InputStream in = Objects.requireNonNull(RoutingBenchmark.class.getResourceAsStream("routing-50.yaml"))) {
      return RoutingTable.parse("routing-50.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Setup
  public void setup() {
    RoutingTable t = table();
    Random rnd = new Random(20261202L);
    rows = new ArrayList<>();
    leads = new ArrayList<>();
    Router fresh = Router.create(t);
    Schema s = fresh.schema();
    for (int i = 0; i < 4096; i++) {
      String country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
      long employees = rnd.nextInt(100) < 85 ? rnd.nextInt(5000) : 10_000 + rnd.nextInt(60_000);
      String industry = INDUSTRIES[rnd.nextInt(INDUSTRIES.length)];
      ArrayRow row = new ArrayRow(s);
      row.set(s.requireSlot("country"), country);
      row.set(s.requireSlot("employees"), employees);
      row.set(s.requireSlot("industry"), industry);
      rows.add(row);
      leads.add(new HandWrittenRouting.Lead(country, employees, industry));
    }
    HandWrittenRouting check = new HandWrittenRouting();
    int pool = 0;
    for (int i = 0; i < 10_000; i++) {
      Instant at = START.plusSeconds(i);
      RoutingDecision d = fresh.routeRow(rows.get(i % rows.size()), at);
      String mine = d.outcome() == RoutingDecision.Outcome.QUEUED ? d.destination() : d.owner();
      String theirs = check.route(leads.get(i % leads.size()), at);
      if (!Objects.equals(mine, theirs)) {
        throw new IllegalStateException("lead " + i + ": mops " + mine + ", hand-written " + theirs);
      }
      pool += d.outcome() == RoutingDecision.Outcome.ASSIGNED ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "%n10,000 decisions agree; %,d went to the pool, %,d to the 49 queues%n", pool, 10_000 - pool);
    router = Router.create(t);
    hand = new HandWrittenRouting();
  }

  /** One decision of the mops router (rules compiled once, rows bound to its schema). */
  @Benchmark
  public RoutingDecision mopsRouter() {
    int i = next++;
    return router.routeRow(rows.get(i & 4095), START.plusSeconds(i & 0xFFFF));
  }

  /** One decision of the hand-written if/else chain and round robin. */
  @Benchmark
  public String handWritten() {
    int i = next++;
    return hand.route(leads.get(i & 4095), START.plusSeconds(i & 0xFFFF));
  }
}
