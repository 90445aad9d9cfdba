package dev.mops.benchmarks;

import dev.mops.taxonomy.ClickId;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.UtmParser;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extracting utm_source, utm_medium, utm_campaign and gclid from landing-page URLs: mops's
 * browser-rule parser against {@code java.net.URI} plus a hand split and OkHttp's {@code HttpUrl}.
 *
 * <p>Each operation parses one URL of a 1,024-URL corpus: {@code clean} (every URL valid for
 * {@code java.net.URI}) or {@code messy} (a quarter with raw spaces, {@code {macros}}, {@code
 * 50%off} or bad escapes, as in real page-view logs). Peers that reject a URL count it as a
 * failure and return nothing, which is cheaper than parsing it but wrong.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UrlParseBenchmark {

  /** The parser under test. */
  public enum Impl { MOPS, URI_HAND_SPLIT, OKHTTP_HTTPURL }

  @Param({"MOPS", "URI_HAND_SPLIT", "OKHTTP_HTTPURL"})
  public Impl impl;

  @Param({"clean", "messy"})
  public String corpus;

  private String[] urls;
  private int next;
  private final UtmParser parser = UtmParser.standard();

  @Setup
  public void setUp() {
    urls = corpus(corpus.equals("messy"), 1024, 42);
    checkAgreement(urls);
  }

  /**
   * Fails unless the three implementations give the same four values for every URL the peers can
   * parse, so that a figure is never reported for a parser that gives different answers.
   */
  static void checkAgreement(String[] urls) {
    UtmParser mops = UtmParser.standard();
    for (String url : urls) {
      ParsedUrl u = mops.parse(url);
      ClickId c = u.clickId();
      String[] expected = {u.utm().source(), u.utm().medium(), u.utm().campaign(), c == null ? null : c.value()};
      String[] uri = uriHandSplit(url);
      if (uri != null && !java.util.Arrays.equals(uri, expected)) {
        throw new IllegalStateException("java.net.URI split disagrees on " + url + ": " + java.util.Arrays.toString(uri));
      }
      HttpUrl h = HttpUrl.parse(url);
      String[] ok = h == null ? null : new String[] {h.queryParameter("utm_source"), h.queryParameter("utm_medium"),
          h.queryParameter("utm_campaign"), h.queryParameter("gclid")};
      if (ok == null || !java.util.Arrays.equals(ok, expected)) {
        throw new IllegalStateException("OkHttp disagrees on " + url + ": " + java.util.Arrays.toString(ok));
      }
    }
  }

  static String[] corpus(boolean messy, int n, long seed) {
    Random r = new Random(seed);
    String[] hosts = {"https://www.example.com/", "https://shop.example.co.uk/products/shoes-123.html",
        "https://blog.example.org/2025/06/how-to-track-campaigns/", "https://example.com/lp/spring"};
    String[] sources = {"google", "facebook", "linkedin", "newsletter", "bing", "tiktok"};
    String[] mediums = {"cpc", "paid_social", "email", "display", "organic", "referral"};
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder(hosts[r.nextInt(hosts.length)]);
      int kind = r.nextInt(10);
      if (kind == 0) {
        out.add(sb.toString()); // untagged
        continue;
      }
      sb.append("?utm_source=").append(sources[r.nextInt(sources.length)])
          .append("&utm_medium=").append(mediums[r.nextInt(mediums.length)])
          .append("&utm_campaign=2025q").append(1 + r.nextInt(4)).append("_spring_sale_").append(r.nextInt(1000));
      if (r.nextBoolean()) {
        sb.append("&utm_content=hero%20banner&utm_term=running+shoes");
      }
      if (r.nextInt(3) == 0) {
        sb.append("&gclid=Cj0KCQjw").append(Long.toHexString(r.nextLong())).append("_BwE");
      }
      if (r.nextInt(4) == 0) {
        sb.append("&ref=nav&page=").append(r.nextInt(20));
      }
      if (messy && r.nextInt(4) == 0) {
        switch (r.nextInt(4)) {
          case 0: sb.append("&utm_id=spring sale"); break;
          case 1: sb.append("&utm_term={keyword}"); break;
          case 2: sb.append("&utm_content=50%off"); break;
          default: sb.append("&utm_content=%E9%ZZ"); break;
        }
      }
      out.add(sb.toString());
    }
    return out.toArray(new String[0]);
  }

  @Benchmark
  public void extract(Blackhole bh) {
    String url = urls[next++ & (urls.length - 1)];
    switch (impl) {
      case MOPS: {
        ParsedUrl u = parser.parse(url);
        bh.consume(u.utm().source());
        bh.consume(u.utm().medium());
        bh.consume(u.utm().campaign());
        ClickId c = u.clickId();
        bh.consume(c == null ? null : c.value());
        break;
      }
      case URI_HAND_SPLIT: {
        String[] v = uriHandSplit(url);
        bh.consume(v);
        break;
      }
      default: {
        HttpUrl h = HttpUrl.parse(url);
        if (h != null) {
          bh.consume(h.queryParameter("utm_source"));
          bh.consume(h.queryParameter("utm_medium"));
          bh.consume(h.queryParameter("utm_campaign"));
          bh.consume(h.queryParameter("gclid"));
        }
        break;
      }
    }
  }

  /** The usual hand-rolled extraction: java.net.URI, split on & and =, URLDecoder; null on failure. */
  static String[] uriHandSplit(String url) {
    String query;
    try {
      query = new URI(url).getRawQuery();
    } catch (URISyntaxException e) {
      return null;
    }
    String[] out = new String[4];
    if (query == null) {
      return out;
    }
    try {
      for (String pair : query.split("&", 0)) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        int slot = name.equals("utm_source") ? 0 : name.equals("utm_medium") ? 1
            : name.equals("utm_campaign") ? 2 : name.equals("gclid") ? 3 : -1;
        if (slot >= 0 && out[slot] == null) {
          out[slot] = value;
        }
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return out;
  }
}
