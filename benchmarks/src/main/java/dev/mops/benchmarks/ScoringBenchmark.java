package dev.mops.benchmarks;

import dev.mops.core.FindingSink;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Records;
import dev.mops.core.record.Values;
import dev.mops.scoring.BatchScorer;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.ScoringModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Lead scoring throughput: the example model of {@code examples/scoring/model.yaml} (29 fit and
 * engagement rules, exponential, linear and step decay, caps, grades, two thresholds) scored by
 * mops, against the same model hand-written in plain Java, on {@value #LEADS} leads of {@value
 * #EVENTS} events each. One operation is one lead; the score is leads per second.
 *
 * <p>Setup checks that both implementations give the same scores, grades and thresholds for every
 * lead, so the comparison is of equal work.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ScoringBenchmark -f 1 -wi 2 -i 3 -w 2s -r 2s}
 * from the repository root (or set {@code -Dmops.scoring.model=path}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ScoringBenchmark.LEADS)
public class ScoringBenchmark {

  static final int LEADS = 4096;
  static final int EVENTS = 20;
  static final Instant NOW = Instant.parse("2026-01-31T00:00:00Z");

  /** The leads, in both shapes, shared by every thread (read-only). */
  @State(Scope.Benchmark)
  public static class Population {
    ScoringModel model;
    ArrayRow[] leadRows;
    List<List<ArrayRow>> eventRows;
    HandLead[] leads;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
      Path path = Path.of(System.getProperty("mops.scoring.model", "examples/scoring/model.yaml"));
      if (!Files.exists(path)) {
        path = Path.of("..", "examples", "scoring", "model.yaml");
      }
      model = ScoringModel.load(path);
      Random r = new Random(20260131L);
      leadRows = new ArrayRow[LEADS];
      eventRows = new ArrayList<>();
      leads = new HandLead[LEADS];
      String[] titles = {"CEO", "VP Marketing", "Director of Demand Gen", "Marketing Manager", "Software Engineer",
          "Marketing Operations Analyst", "Head of Growth", "Founder", "Sales Rep", "Chief Revenue Officer"};
      String[] industries = {"Software", "SaaS", "Fintech", "Education", "Retail", "Government", "Manufacturing"};
      String[] countries = {"US", "CA", "GB", "DE", "AU", "FR", "IN", "BR"};
      String[] types = {"page_view", "page_view", "page_view", "page_view", "email_open", "email_open", "email_click",
          "form_fill", "content_download", "webinar_registered", "webinar_attended", "booth_scan", "trial_started",
          "unsubscribe"};
      String[] urls = {"/pricing", "/product/scoring", "/product/routing", "/careers", "/", "/blog/mql-guide"};
      String[] forms = {"demo", "newsletter", "contact"};
      for (int i = 0; i < LEADS; i++) {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("email", r.nextInt(8) == 0 ? "p" + i + "@gmail.com" : "p" + i + "@acme" + r.nextInt(100) + ".com");
        lead.put("title", titles[r.nextInt(titles.length)]);
        lead.put("country", countries[r.nextInt(countries.length)]);
        lead.put("employees", Long.valueOf(r.nextInt(20_000)));
        lead.put("industry", industries[r.nextInt(industries.length)]);
        lead.put("tags", r.nextInt(5) == 0 ? "abm;webinar" : r.nextInt(30) == 0 ? "competitor" : "newsletter");
        leadRows[i] = model.leadRow(Records.of(lead), FindingSink.IGNORE);
        List<ArrayRow> evs = new ArrayList<>();
        List<HandEvent> hand = new ArrayList<>();
        for (int k = 0; k < EVENTS; k++) {
          Map<String, Object> e = new LinkedHashMap<>();
          String type = types[r.nextInt(types.length)];
          Instant at = NOW.minus(Duration.ofSeconds(1 + r.nextInt(150 * 86_400)));
          String url = urls[r.nextInt(urls.length)];
          String form = forms[r.nextInt(forms.length)];
          e.put("type", type);
          e.put("timestamp", at);
          e.put("url", url);
          e.put("form", form);
          evs.add(model.eventRow(Records.of(e), FindingSink.IGNORE));
          hand.add(new HandEvent(type, at, url, form));
        }
        eventRows.add(evs);
        List<String> tags = java.util.Objects.requireNonNull(Values.asStringList(lead.get("tags")));
        leads[i] = new HandLead((String) lead.get("email"), (String) lead.get("title"), (String) lead.get("country"),
            ((Long) lead.get("employees")).doubleValue(), (String) lead.get("industry"), tags,
            hand.toArray(new HandEvent[0]));
      }
      BatchScorer check = model.scorer().batch();
      for (int i = 0; i < LEADS; i++) {
        LeadScore a = check.score(leadRows[i], eventRows.get(i), NOW);
        HandScore b = HandWrittenModel.JDK.score(leads[i], NOW);
        HandScore c = HandWrittenModel.RE2J.score(leads[i], NOW);
        if (!b.toString().equals(c.toString())) {
          throw new IllegalStateException("lead " + i + ": " + b + " vs " + c);
        }
        if (Math.abs(a.score("fit") - b.fit) > 1e-3 || Math.abs(a.score("engagement") - b.engagement) > 1e-3
            || Math.abs(a.score("total") - b.total) > 1e-3 || !a.grade().equals(b.grade)
            || a.threshold("mql") != b.mql || a.threshold("hot") != b.hot) {
          throw new IllegalStateException("lead " + i + ": mops " + a + " but hand-written " + b);
        }
      }
    }
  }

  /** One batch scorer per thread. */
  @State(Scope.Thread)
  public static class Scorer {
    BatchScorer batch;

    @Setup(Level.Trial)
    public void setUp(Population p) {
      batch = p.model.scorer().batch();
    }
  }

  private static void mops(Population p, Scorer s, Blackhole bh) {
    BatchScorer batch = s.batch;
    for (int i = 0; i < LEADS; i++) {
      bh.consume(batch.score(p.leadRows[i], p.eventRows.get(i), NOW));
    }
  }

  private static void hand(HandWrittenModel model, Population p, Blackhole bh) {
    for (int i = 0; i < LEADS; i++) {
      bh.consume(model.score(p.leads[i], NOW));
    }
  }

  /** mops, one thread. */
  @Benchmark
  @Threads(1)
  public void mops1Thread(Population p, Scorer s, Blackhole bh) {
    mops(p, s, bh);
  }

  /** mops, two threads (each with its own batch scorer, sharing the model). */
  @Benchmark
  @Threads(2)
  public void mops2Threads(Population p, Scorer s, Blackhole bh) {
    mops(p, s, bh);
  }

  /** The same model hand-written in plain Java, one thread. */
  @Benchmark
  @Threads(1)
  public void handWritten1Thread(Population p, Blackhole bh) {
    hand(HandWrittenModel.JDK, p, bh);
  }

  /** The same model hand-written in plain Java with RE2/J regexes, one thread. */
  @Benchmark
  @Threads(1)
  public void handWrittenRe2j1Thread(Population p, Blackhole bh) {
    hand(HandWrittenModel.RE2J, p, bh);
  }

  /** The same model hand-written in plain Java, two threads. */
  @Benchmark
  @Threads(2)
  public void handWritten2Threads(Population p, Blackhole bh) {
    hand(HandWrittenModel.JDK, p, bh);
  }

  /** The same model hand-written in plain Java with RE2/J regexes, two threads. */
  @Benchmark
  @Threads(2)
  public void handWrittenRe2j2Threads(Population p, Blackhole bh) {
    hand(HandWrittenModel.RE2J, p, bh);
  }

  /** mops with explanations, one thread (allocates the explanation of every lead). */
  @Benchmark
  @Threads(1)
  public void mopsExplain1Thread(Population p, Scorer s, Blackhole bh) {
    BatchScorer batch = s.batch;
    for (int i = 0; i < LEADS; i++) {
      bh.consume(batch.explain(p.leadRows[i], p.eventRows.get(i), NOW));
    }
  }

  /**
   * Times mops, the hand-written model and the hand-written model with RE2/J one after the other in
   * one JVM, {@code args[0]} rounds (default 300), and prints the best round of each and their
   * ratio: a comparison that a shared machine's load affects equally.
   * {@code java -cp benchmarks/target/benchmarks.jar dev.mops.benchmarks.ScoringBenchmark 300}
   */
  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    Population p = new Population();
    p.setUp();
    BatchScorer batch = p.model.scorer().batch();
    long bestMops = Long.MAX_VALUE;
    long bestJdk = Long.MAX_VALUE;
    long bestRe2j = Long.MAX_VALUE;
    double sink = 0;
    for (int round = 0; round < rounds; round++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < LEADS; i++) {
        sink += batch.score(p.leadRows[i], p.eventRows.get(i), NOW).score(2);
      }
      long t1 = System.nanoTime();
      for (int i = 0; i < LEADS; i++) {
        sink += HandWrittenModel.JDK.score(p.leads[i], NOW).total;
      }
      long t2 = System.nanoTime();
      for (int i = 0; i < LEADS; i++) {
        sink += HandWrittenModel.RE2J.score(p.leads[i], NOW).total;
      }
      long t3 = System.nanoTime();
      bestMops = Math.min(bestMops, t1 - t0);
      bestJdk = Math.min(bestJdk, t2 - t1);
      bestRe2j = Math.min(bestRe2j, t3 - t2);
    }
    System.out.printf(Locale.ROOT,
        "best of %d rounds of %d leads x %d events: mops %.0f ns/lead, hand-written %.0f ns/lead, "
            + "hand-written with RE2/J %.0f ns/lead; mops / hand-written %.2f (checksum %.0f)%n",
        rounds, LEADS, EVENTS, (double) bestMops / LEADS, (double) bestJdk / LEADS, (double) bestRe2j / LEADS,
        (double) bestMops / bestJdk, sink);
  }

  /** A lead as a hand-written scorer would hold it. */
  static final class HandLead {
    final @Nullable String email;
    final @Nullable String title;
    final @Nullable String country;
    final double employees;
    final @Nullable String industry;
    final List<String> tags;
    final HandEvent[] events;

    HandLead(@Nullable String email, @Nullable String title, @Nullable String country, double employees,
        @Nullable String industry, List<String> tags, HandEvent[] events) {
      this.email = email;
      this.title = title;
      this.country = country;
      this.employees = employees;
      this.industry = industry;
      this.tags = tags;
      this.events = events;
    }
  }

  /** An event as a hand-written scorer would hold it. */
  static final class HandEvent {
    final String type;
    final Instant at;
    final @Nullable String url;
    final @Nullable String form;

    HandEvent(String type, Instant at, @Nullable String url, @Nullable String form) {
      this.type = type;
      this.at = at;
      this.url = url;
      this.form = form;
    }
  }

  /** The result of the hand-written scorer. */
  static final class HandScore {
    final double fit;
    final double engagement;
    final double total;
    final String grade;
    final boolean mql;
    final boolean hot;

    HandScore(double fit, double engagement, double total, String grade, boolean mql, boolean hot) {
      this.fit = fit;
      this.engagement = engagement;
      this.total = total;
      this.grade = grade;
      this.mql = mql;
      this.hot = hot;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "fit %.6f engagement %.6f total %.6f %s mql %s hot %s", fit, engagement, total,
          grade, mql, hot);
    }
  }

  /** examples/scoring/model.yaml, written by hand in plain Java, as a team without mops would. */
  static final class HandWrittenModel {
    static final String C_LEVEL_RE = "(?i)\\b(chief|ceo|cmo|cro|cto|cfo|founder)\\b";
    static final String VP_RE = "(?i)\\b(vp|vice president|head of|svp)\\b";
    static final String IC_RE = "(?i)\\b(engineer|analyst|intern|student)\\b";
    static final String FREE_EMAIL_RE = "(?i)@(gmail|yahoo|hotmail|outlook)\\.";
    /** With java.util.regex, as most hand-written code would. */
    static final HandWrittenModel JDK = new HandWrittenModel(re -> {
      Pattern p = Pattern.compile(re);
      return s -> p.matcher(s).find();
    });
    /** With RE2/J, the linear-time engine mops runs user regexes on: isolates the engine's overhead. */
    static final HandWrittenModel RE2J = new HandWrittenModel(re -> {
      com.google.re2j.Pattern p = com.google.re2j.Pattern.compile(re);
      return s -> p.matcher(s).find();
    });
    final Predicate<String> cLevel;
    final Predicate<String> vp;
    final Predicate<String> ic;
    final Predicate<String> freeEmail;

    HandWrittenModel(Function<String, Predicate<String>> regex) {
      cLevel = regex.apply(C_LEVEL_RE);
      vp = regex.apply(VP_RE);
      ic = regex.apply(IC_RE);
      freeEmail = regex.apply(FREE_EMAIL_RE);
    }
    static final Set<String> TARGET = Set.of("software", "saas", "fintech", "financial services");
    static final Set<String> UNSUPPORTED = Set.of("education", "government");
    static final Set<String> CORE = Set.of("US", "CA", "GB", "DE");
    static final Set<String> SECONDARY = Set.of("AU", "FR", "NL", "IE", "SE");
    static final double LN2 = Math.log(2);
    static final double DAY = 86_400;
    static final String[][] GRID = {
      {"A1", "A2", "A3", "A4"}, {"B1", "B2", "B3", "B4"}, {"C1", "C2", "C3", "C4"}, {"D1", "D2", "D3", "D4"},
      {"F1", "F2", "F3", "F4"}
    };

    static double clamp(double v, double min, double max) {
      return Math.max(min, Math.min(max, v));
    }

    static boolean containsIgnoreCase(String s, String part) {
      return s.toLowerCase(Locale.ROOT).contains(part);
    }

    HandScore score(HandLead l, Instant now) {
      double seniority = 0;
      if (l.title != null) {
        if (cLevel.test(l.title)) {
          seniority += 30;
        }
        if (vp.test(l.title)) {
          seniority += 25;
        }
        if (containsIgnoreCase(l.title, "director")) {
          seniority += 18;
        }
        if (containsIgnoreCase(l.title, "manager")) {
          seniority += 10;
        }
        if (ic.test(l.title)) {
          seniority -= 5;
        }
      }
      double company = 0;
      if (l.employees >= 1000) {
        company += 25;
      }
      if (l.employees >= 200 && l.employees <= 999) {
        company += 20;
      }
      if (l.employees >= 20 && l.employees <= 199) {
        company += 10;
      }
      if (l.industry != null) {
        String ind = l.industry.toLowerCase(Locale.ROOT);
        if (TARGET.contains(ind)) {
          company += 10;
        }
        if (UNSUPPORTED.contains(ind)) {
          company -= 10;
        }
      }
      double geo = 0;
      if (l.country != null) {
        if (CORE.contains(l.country)) {
          geo += 15;
        }
        if (SECONDARY.contains(l.country)) {
          geo += 8;
        }
      }
      double quality = 0;
      if (l.email != null && freeEmail.test(l.email)) {
        quality -= 15;
      }
      for (String t : l.tags) {
        if (t.equalsIgnoreCase("competitor")) {
          quality -= 50;
          break;
        }
      }
      for (String t : l.tags) {
        if (t.equalsIgnoreCase("abm")) {
          quality += 10;
          break;
        }
      }
      double fit = clamp(Math.min(seniority, 30) + Math.min(company, 35) + geo + quality, 0, 100);

      double pricing = 0;
      double product = 0;
      double anyPage = 0;
      double careers = 0;
      double demo = 0;
      long demoAt = Long.MIN_VALUE;
      double recentForm = 0;
      double download = 0;
      double attended = 0;
      double registered = 0;
      double click = 0;
      double open = 0;
      double unsub = 0;
      long unsubAt = Long.MIN_VALUE;
      double booth = 0;
      double trial = 0;
      long trialAt = Long.MIN_VALUE;
      long nowS = now.getEpochSecond();
      for (HandEvent e : l.events) {
        long at = e.at.getEpochSecond();
        double age = nowS - at;
        if (age < 0) {
          continue;
        }
        double exp = Math.exp(-LN2 * age / (14 * DAY));
        double lin = Math.max(0, 1 - 0.25 * Math.floor(age / (30 * DAY)));
        double step = age <= 90 * DAY ? 1 : 0;
        switch (e.type) {
          case "page_view":
            if (e.url != null && e.url.contains("/pricing")) {
              pricing += 8 * exp;
            }
            if (e.url != null && e.url.startsWith("/product")) {
              product += 3 * exp;
            }
            anyPage += exp;
            if (e.url != null && e.url.contains("/careers")) {
              careers -= 5 * exp;
            }
            break;
          case "form_fill":
            if ("demo".equals(e.form) && at > demoAt) {
              demoAt = at;
              demo = 40 * lin;
            }
            if (age <= 30 * DAY) {
              recentForm += 10 * lin;
            }
            break;
          case "content_download":
            download += 6 * lin;
            break;
          case "webinar_attended":
            attended += 12 * step;
            break;
          case "webinar_registered":
            registered += 4 * step;
            break;
          case "email_click":
            click += 2 * step;
            break;
          case "email_open":
            open += 0.5 * step;
            break;
          case "unsubscribe":
            if (at > unsubAt) {
              unsubAt = at;
              unsub = -20 * step;
            }
            break;
          case "booth_scan":
          case "meeting_booked":
            booth += 15 * step;
            break;
          case "trial_started":
            if (at > trialAt) {
              trialAt = at;
              trial = 25 * step;
            }
            break;
          default:
            break;
        }
      }
      double web = Math.min(40, Math.min(pricing, 24) + Math.min(product, 12) + Math.min(anyPage, 10) + careers);
      double formsGroup = demo + Math.min(recentForm, 30) + Math.min(download, 18);
      double eventsGroup = Math.min(30, Math.min(attended, 24) + Math.min(registered, 8) + Math.min(click, 10)
          + Math.min(open, 5) + unsub + Math.min(booth, 30) + trial);
      double engagement = clamp(web + formsGroup + eventsGroup, 0, 100);
      double total = clamp(fit + engagement, 0, 200);
      int f = fit >= 70 ? 0 : fit >= 50 ? 1 : fit >= 30 ? 2 : fit >= 15 ? 3 : 4;
      int g = engagement >= 60 ? 0 : engagement >= 35 ? 1 : engagement >= 15 ? 2 : 3;
      String grade = GRID[f][g];
      boolean mql = total >= 100 && f <= 1;
      boolean hot = (f == 0 && g <= 1) || (f == 1 && g == 0);
      return new HandScore(fit, engagement, total, grade, mql, hot);
    }
  }
}
