package dev.mops.benchmarks;

import dev.mops.benchmarks.HandWrittenLeadRules.Lead;
import dev.mops.testkit.SyntheticLeads;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.MapContext;
import org.jspecify.annotations.Nullable;
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
 * Measures the mops condition language on a lead scoring and routing rule set: 13 rules with 20
 * leaf conditions in total ({@code conditions-20.yaml}: eq, in ignoring case, between, gte,
 * contains, starts_with, ends_with, an RE2/J regex, exists, is_empty, within_last,
 * list_contains_any, nested under all/any/not), every rule evaluated on every one of {@value
 * #LEADS} synthetic leads and the matches counted, as a scoring model or routing table does.
 *
 * <p>Three implementations run over the same leads side by side:
 *
 * <ul>
 *   <li>{@link #mops}: the YAML rules compiled by {@link CompiledCondition#compile} against a typed
 *       {@link Schema}, tested on typed {@link ArrayRow}s;
 *   <li>{@link #handWritten}: the same rules written by hand in plain Java over a typed lead
 *       ({@link HandWrittenLeadRules}), the baseline;
 *   <li>{@link #jexl}: the same rules as Apache Commons JEXL 3 expressions, what a user might pick
 *       instead, parsed once and evaluated against one prebuilt {@link MapContext} per lead.
 * </ul>
 *
 * <p>The hand-written rules and JEXL run the regex on {@code java.util.regex}; mops runs it on RE2/J
 * (linear time, by design), so the {@code senior_title} rule also measures the regex engine.
 *
 * <p>Scores are per lead (all 13 rules), thanks to {@link OperationsPerInvocation}. Setup checks
 * that the three agree on every rule for every lead, and fails the run with an {@link
 * IllegalStateException} otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConditionBenchmark {

  /** The number of synthetic leads each invocation processes. */
  static final int LEADS = 1024;

  /** The rule set, a resource next to this class. */
  static final String RULES_RESOURCE = "conditions-20.yaml";

  /** The instant the rules are evaluated at. */
  static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

  /**
   * The rules of {@code conditions-20.yaml} in JEXL, in the same order. JEXL's {@code =~} matches a
   * regex against the whole value, hence the {@code .*} around the mops pattern, and JEXL reads
   * escapes inside a regex literal, hence {@code \\b} for a word boundary; {@code now} and
   * {@code cutoff} (now minus 30 days) are context variables.
   */
  static final List<String> JEXL_RULES =
      List.of(
          "country == 'US'",
          "industry != null && industry.toLowerCase() =~ ['software', 'saas', 'internet', 'fintech']",
          "employees != null && employees >= 200 && employees <= 2000",
          "employees != null && employees >= 5000",
          "title != null && title.toLowerCase().contains('marketing')",
          "title != null && title =~ ~/(?i).*\\\\b(vp|svp|director|head of|chief)\\\\b.*/",
          "email != null && !(email.toLowerCase() =$ '@gmail.com' || email.toLowerCase() =$ '@yahoo.com')",
          "phone != null && phone =^ '+1'",
          "last_visit != null && last_visit >= cutoff && last_visit <= now",
          "tags != null && (tags.contains('demo_request') || tags.contains('pricing_page')"
              + " || tags.contains('contact_sales'))",
          "empty(company) || company.isBlank()",
          "country != null && country =~ ['GB', 'DE', 'FR', 'NL'] && employees != null && employees >= 1000"
              + " && !(title != null && title.toLowerCase() =^ 'student')",
          "(email != null && email.toLowerCase() =$ '@competitor.com')"
              + " || (title != null && title.toLowerCase().contains('intern'))"
              + " || lead_source == 'purchased_list'");

  private final Schema schema =
      Schema.builder()
          .field("country", ValueType.STRING)
          .field("industry", ValueType.STRING)
          .field("employees", ValueType.NUMBER)
          .field("title", ValueType.STRING)
          .field("email", ValueType.STRING)
          .field("phone", ValueType.STRING)
          .field("company", ValueType.STRING)
          .field("last_visit", ValueType.INSTANT)
          .field("tags", ValueType.STRING_LIST)
          .field("lead_source", ValueType.STRING)
          .build();

  private final Instant now = NOW;
  private final List<String> ruleNames = new ArrayList<>();
  private CompiledCondition[] mopsRules = new CompiledCondition[0];
  private ArrayRow[] rows = new ArrayRow[0];
  private HandWrittenLeadRules handWrittenRules = new HandWrittenLeadRules(NOW);
  private Lead[] leads = new Lead[0];
  private JexlExpression[] jexlRules = new JexlExpression[0];
  private MapContext[] contexts = new MapContext[0];

  /** Loads and compiles the rules, builds the leads, and checks that all three implementations agree. */
  @Setup
  public void setUp() {
    ConfigDocument doc;
    try (InputStream in = ConditionBenchmark.class.getResourceAsStream(RULES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("benchmark resource missing: " + RULES_RESOURCE);
      }
      doc = ConfigLoader.standard().load(RULES_RESOURCE, in);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RULES_RESOURCE, e);
    }
    List<CompiledCondition> compiled = new ArrayList<>();
    for (ConfigNode item : doc.root().list("rules").items()) {
      ConfigNode.MapNode rule = item.asMap("a rule").checkKeys(List.of("name", "when"));
      Condition condition = ConditionYaml.read(rule.require("when", "a condition"), schema);
      ruleNames.add(rule.string("name"));
      compiled.add(CompiledCondition.compile(condition, schema));
    }
    mopsRules = compiled.toArray(new CompiledCondition[0]);

    JexlEngine jexl = new JexlBuilder().create();
    List<JexlExpression> expressions = new ArrayList<>();
    for (String source : JEXL_RULES) {
      expressions.add(jexl.createExpression(source));
    }
    jexlRules = expressions.toArray(new JexlExpression[0]);

    List<Map<String, @Nullable Object>> records = SyntheticLeads.inbound(LEADS, SyntheticLeads.INBOUND_SEED, now);
    rows = new ArrayRow[LEADS];
    leads = new Lead[LEADS];
    contexts = new MapContext[LEADS];
    Instant cutoff = now.minus(Duration.ofDays(30));
    for (int i = 0; i < LEADS; i++) {
      Map<String, @Nullable Object> record = records.get(i);
      rows[i] = schema.row(Records.of(record));
      leads[i] = Lead.of(record);
      MapContext context = new MapContext();
      record.forEach(context::set);
      context.set("now", now);
      context.set("cutoff", cutoff);
      contexts[i] = context;
    }
    handWrittenRules = new HandWrittenLeadRules(now);

    checkAgreement();
  }

  /** Throws unless mops, the hand-written rules and JEXL give the same answer everywhere. */
  private void checkAgreement() {
    if (mopsRules.length != HandWrittenLeadRules.RULES || jexlRules.length != HandWrittenLeadRules.RULES) {
      throw new IllegalStateException(
          "rule counts differ: mops " + mopsRules.length + ", hand-written " + HandWrittenLeadRules.RULES
              + ", JEXL " + jexlRules.length);
    }
    int[] perRule = new int[HandWrittenLeadRules.RULES];
    for (int i = 0; i < LEADS; i++) {
      int mask = handWrittenRules.matchMask(leads[i]);
      for (int r = 0; r < HandWrittenLeadRules.RULES; r++) {
        boolean byMops = mopsRules[r].test(rows[i], now);
        boolean byHand = (mask & (1 << r)) != 0;
        boolean byJexl = Boolean.TRUE.equals(jexlRules[r].evaluate(contexts[i]));
        if (byMops != byHand || byMops != byJexl) {
          throw new IllegalStateException(
              "rule " + ruleNames.get(r) + " disagrees on lead " + i + " " + rows[i] + ": mops " + byMops
                  + ", hand-written " + byHand + ", JEXL " + byJexl);
        }
        if (byMops) {
          perRule[r]++;
        }
      }
    }
    for (int r = 0; r < perRule.length; r++) {
      if (perRule[r] == 0 || perRule[r] == LEADS) {
        throw new IllegalStateException(
            "rule " + ruleNames.get(r) + " matches " + perRule[r] + " of " + LEADS + " leads: the benchmark data"
                + " must make every rule both match and fail");
      }
    }
    int byMops = mops();
    int byHand = handWritten();
    int byJexl = jexl();
    if (byMops != byHand || byMops != byJexl) {
      throw new IllegalStateException(
          "match counts differ: mops " + byMops + ", hand-written " + byHand + ", JEXL " + byJexl);
    }
  }

  /** The mops rules, compiled against the typed schema, over typed rows. */
  @Benchmark
  @OperationsPerInvocation(LEADS)
  public int mops() {
    int matches = 0;
    for (ArrayRow row : rows) {
      for (CompiledCondition rule : mopsRules) {
        if (rule.test(row, now)) {
          matches++;
        }
      }
    }
    return matches;
  }

  /** The same rules hand-written in Java over typed leads: the baseline. */
  @Benchmark
  @OperationsPerInvocation(LEADS)
  public int handWritten() {
    int matches = 0;
    for (Lead lead : leads) {
      matches += Integer.bitCount(handWrittenRules.matchMask(lead));
    }
    return matches;
  }

  /** The same rules as JEXL 3 expressions over one prebuilt context per lead. */
  @Benchmark
  @OperationsPerInvocation(LEADS)
  public int jexl() {
    int matches = 0;
    for (MapContext context : contexts) {
      for (JexlExpression rule : jexlRules) {
        if (Boolean.TRUE.equals(rule.evaluate(context))) {
          matches++;
        }
      }
    }
    return matches;
  }
}
