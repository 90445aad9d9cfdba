package dev.mops.benchmarks;

import dev.mops.core.FindingSink;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.EmailFlag;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedCountry;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.PhoneNormalizer;
import dev.mops.core.normalize.NormalizedPhone;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.flow.enrich.CsvEnrichmentProvider;
import dev.mops.flow.enrich.EnrichmentKey;
import dev.mops.flow.enrich.EnrichmentPolicy;
import dev.mops.flow.enrich.Enricher;
import dev.mops.flow.pipeline.LeadOutcome;
import dev.mops.flow.pipeline.Pipeline;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import dev.mops.quality.contract.ContractValidator;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.routing.AssignmentState;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingDecision;
import dev.mops.routing.RoutingTable;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.ScoringModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-record path of the pipeline ({@link Pipeline#process}: validate, normalise, enrich,
 * score, route, notify with the SLA) on {@value #LEADS} leads with 0 to 6 events each, beside the
 * same module APIs called by hand in the same order, as a CRM plugin would without {@code
 * Pipeline}: the contract validator, the email, country and phone normalizers, a provider lookup
 * behind a plain map cache, the scorer, the router and the SLA evaluator.
 *
 * <ul>
 *   <li>{@link #pipeline}: {@code pipeline.process(lead, events, now)}, which also keeps the
 *       original record for dead letters, collects findings, writes every stage's fields into the
 *       lead and returns an immutable outcome;
 *   <li>{@link #byHand}: the module calls only, the fields the next call needs put into a map.
 * </ul>
 *
 * <p>Scores are per lead ({@link OperationsPerInvocation}). Setup checks that both give every lead
 * the same total score and routing rule, and fails otherwise. Configs: {@code
 * examples/scoring/model.yaml}, {@code examples/routing/routing.yaml} and the contract and SLA of
 * {@code examples/pipeline}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PipelineBenchmark {

  /** The number of leads each invocation processes. */
  static final int LEADS = 10_000;

  static final Instant NOW = Instant.parse("2026-03-10T14:00:00Z");
  static final String[] TITLES = {"VP Marketing", "Director of Sales", "Marketing Manager", "CTO", "Engineer", ""};
  static final String[] COUNTRIES = {"US", "United States", "GB", "Germany", "FR", "CA", "IN"};
  static final String[] TYPES = {"page_view", "email_open", "form_fill", "webinar_attended", "email_click"};

  DataContract contract;
  ScoringModel model;
  RoutingTable table;
  SlaPolicy sla;
  CsvEnrichmentProvider provider;
  Pipeline pipe;
  Enricher enricher;
  Hand hand;
  List<Record> leads = new ArrayList<>();
  List<List<Record>> events = new ArrayList<>();

  @Setup
  public void setup() {
    contract = DataContracts.load(BenchmarkData.findUp("examples/pipeline/contract.yaml"));
    model = ScoringModel.load(BenchmarkData.findUp("examples/scoring/model.yaml"));
    table = RoutingTable.load(BenchmarkData.findUp("examples/routing/routing.yaml"));
    sla = SlaPolicy.load(BenchmarkData.findUp("examples/pipeline/sla.yaml"));
    Random rnd = new Random(20261203L);
    List<Record> firmo = new ArrayList<>();
    for (int c = 0; c < 500; c++) {
      firmo.add(Records.of(Map.of("domain", "company" + c + ".com", "industry", c % 3 == 0 ? "Software" : "Retail",
          "employees", Integer.toString(10 + (c * 37) % 5000))));
    }
    provider = CsvEnrichmentProvider.of("bench", firmo);
    for (int i = 0; i < LEADS; i++) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", "L-" + (100 + i % 900));
      m.put("first_name", "Ana");
      m.put("last_name", "Lee" + i);
      m.put("email", (rnd.nextInt(10) == 0 ? "ana" + i + "@gmail.com" : "ana" + i + "@company" + rnd.nextInt(600) + ".com"));
      m.put("phone", "+1 617 555 " + (1000 + rnd.nextInt(9000)));
      m.put("title", TITLES[rnd.nextInt(TITLES.length)]);
      m.put("country", COUNTRIES[rnd.nextInt(COUNTRIES.length)]);
      m.put("created_at", "2026-03-09T10:00:00Z");
      leads.add(Records.of(m));
      int n = rnd.nextInt(7);
      List<Record> ev = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        ev.add(Records.of(Map.of("type", TYPES[rnd.nextInt(TYPES.length)], "timestamp",
            NOW.minus(Duration.ofHours(rnd.nextInt(24 * 60))).toString(), "url", "/pricing", "form", "demo")));
      }
      events.add(ev);
    }
    enricher = Enricher.of(provider, EnrichmentPolicy.builder().timeout(Duration.ZERO).build());
    pipe = Pipeline.builder().contract(contract).normalise().enrichment(enricher).scoring(model)
        .routing(Router.create(table, AssignmentState.inMemory())).sla(sla).build();
    hand = new Hand();
    Pipeline check = Pipeline.builder().contract(contract).normalise()
        .enrichment(Enricher.of(provider, EnrichmentPolicy.builder().timeout(Duration.ZERO).build())).scoring(model)
        .routing(Router.create(table, AssignmentState.inMemory())).sla(sla).build();
    Hand checkHand = new Hand();
    for (int i = 0; i < LEADS; i++) {
      LeadOutcome o = check.process(leads.get(i), events.get(i), NOW);
      Object[] h = checkHand.process(leads.get(i), events.get(i));
      Object total = o.record().get("total");
      Object rule = o.record().get("route_rule");
      if (o.status() == LeadOutcome.Status.PASSED ? !Objects.equals(total, h[0]) || !Objects.equals(rule, h[1])
          : h[0] != null) {
        throw new IllegalStateException("lead " + i + ": pipeline " + total + " " + rule + " " + o
            + ", by hand " + h[0] + " " + h[1]);
      }
    }
  }

  /** The same steps, calling the module APIs directly. */
  final class Hand {
    final ContractValidator validator = contract.validator();
    final EmailNormalizer emails = EmailNormalizer.builder().build();
    final CountryNormalizer countries = CountryNormalizer.builder().build();
    final PhoneNormalizer phones = PhoneNormalizer.builder().build();
    final Map<String, Map<String, String>> cache = new HashMap<>();
    final Router router = Router.create(table, AssignmentState.inMemory());
    final SlaEvaluator slaEvaluator = sla.evaluator(Schema.of(List.copyOf(sla.fields())));

    /** Returns {total, route rule, due time}; {null, ...} when the contract rejected the lead. */
    Object[] process(Record lead, List<Record> evs) {
      if (validator.validate(lead, NOW).stream().anyMatch(v -> v.severity() == dev.mops.core.Severity.ERROR)) {
        return new Object[] {null, null, null};
      }
      Map<String, Object> m = new LinkedHashMap<>();
      for (String f : lead.fieldNames()) {
        m.put(f, lead.get(f));
      }
      NormalizedEmail e = emails.normalize(String.valueOf(m.get("email")));
      String domain = null;
      if (e.normalized() != null) {
        m.put("email", e.normalized());
        if (!e.has(EmailFlag.FREE_MAIL)) {
          domain = e.domain();
        }
      }
      String region = null;
      NormalizedCountry c = countries.normalize(String.valueOf(m.get("country")));
      if (c.code() != null) {
        m.put("country", c.code());
        region = c.code();
      }
      NormalizedPhone p = phones.normalize(String.valueOf(m.get("phone")), region);
      if (p.e164() != null) {
        m.put("phone", p.e164());
      }
      if (domain != null) {
        m.put("domain", domain);
        String d = domain;
        Map<String, String> firmo = cache.computeIfAbsent(d, k -> provider.lookup(EnrichmentKey.domain(k)));
        firmo.forEach(m::putIfAbsent);
      } else if (e.normalized() != null) {
        provider.lookup(EnrichmentKey.email(e.normalized())).forEach(m::putIfAbsent);
      }
      Record enriched = Records.of(m);
      LeadScore s = model.scorer().score(enriched, evs, NOW, FindingSink.IGNORE);
      Record outcome = s.outcome();
      for (String f : outcome.fieldNames()) {
        m.put(f, outcome.get(f));
      }
      RoutingDecision d = router.route(Records.of(m), NOW);
      SlaResult r = slaEvaluator.evaluate(slaEvaluator.schema().row(Records.of(m)), NOW, null, NOW);
      return new Object[] {outcome.get("total"), d.rule(), r.dueAt()};
    }
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public long pipeline() {
    long routed = 0;
    for (int i = 0; i < LEADS; i++) {
      if (pipe.process(leads.get(i), events.get(i), NOW).routing() != null) {
        routed++;
      }
    }
    return routed;
  }

  @Benchmark
  @OperationsPerInvocation(LEADS)
  public long byHand() {
    long routed = 0;
    for (int i = 0; i < LEADS; i++) {
      if (hand.process(leads.get(i), events.get(i))[1] != null) {
        routed++;
      }
    }
    return routed;
  }
}
