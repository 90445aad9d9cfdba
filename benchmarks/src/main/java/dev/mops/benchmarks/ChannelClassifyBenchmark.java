package dev.mops.benchmarks;

import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.UtmParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * GA4 default channel classification of source/medium/campaign triples (a mix that lands in every
 * channel, including Unassigned after all 18 rules), and the whole path from URL to channel.
 *
 * <p>{@code classifyTriple} and {@code urlToChannel} see few distinct inputs, as real traffic
 * does, so they mostly measure the memo; {@code classifyUniqueCampaign} gives every call a new
 * campaign, so every call evaluates the rules (Google's regexes on RE2/J).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ChannelClassifyBenchmark {

  private static final String[][] TRIPLES = {
    {"google", "cpc", "brand"}, {"facebook", "paid_social", "spring"}, {"newsletter", "email", "digest"},
    {"bing", "organic", null}, {"foo", "referral", null}, {null, null, null}, {"amazon", "cpc", null},
    {"youtube", "video", null}, {"foo", "bar", null}, {"foo", "push", null}, {"t.co", "social", null},
    {"partner", "affiliate", null}, {"foo", "display", null}, {"sms", "text", null}, {"x", "cpc", "summer-shop"},
    {"google", "cpm", "cross-network-q3"}};

  private final ChannelGroup ga4 = ChannelGroup.ga4Default();
  private final UtmParser parser = UtmParser.standard();
  private String[] urls;
  private int next;

  @Setup
  public void setUp() {
    urls = UrlParseBenchmark.corpus(false, 1024, 7);
  }

  @Benchmark
  public String classifyTriple() {
    String[] t = TRIPLES[next++ & (TRIPLES.length - 1)];
    return ga4.classify(t[0], t[1], t[2]).channel();
  }

  @Benchmark
  public String classifyUniqueCampaign() {
    String[] t = TRIPLES[next & (TRIPLES.length - 1)];
    return ga4.classify(t[0], t[1], "2025q3_spring_sale_" + next++).channel();
  }

  @Benchmark
  public String urlToChannel() {
    return ga4.classify(parser.parse(urls[next++ & (urls.length - 1)])).channel();
  }
}
