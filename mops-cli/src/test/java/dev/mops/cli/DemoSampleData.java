package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The generator of the demo's sample files that have no real-world source: each lead's marketing
 * touches (landing-page URLs with UTM tags), the deals they won, the accounts of the sample
 * companies, the suppression list and six months of campaign requests. It reads the 60 sample
 * leads ({@code examples/scoring/leads.csv}) and their events ({@code examples/demo/events.csv})
 * and draws everything else from one seeded {@link SplittableRandom}, so the files are a pure
 * function of those inputs and {@link #SEED}. {@code DemoSampleDataTest} checks that the committed
 * files are exactly what this writes; to rewrite them after a change here, run that test with
 * {@code -Dmops.demo.regenerate=true}.
 */
final class DemoSampleData {

  /** The seed of every random draw. */
  static final long SEED = 20_261_101L;
  /** The files written, under {@code examples/demo}. */
  static final List<String> FILES = List.of("touches.csv", "outcomes.csv", "accounts.csv", "suppression.csv", "requests.csv");

  private static final Instant END = Instant.parse("2026-10-31T18:00:00Z");

  private record Lead(String id, String email, String company, String country, double employees, int formFills) {}

  private record Source(String channelHint, String url, double costLow, double costHigh) {}

  private DemoSampleData() {}

  /** Returns each file's content, keyed by its name under {@code examples/demo}. */
  static Map<String, String> generate(Path examples) {
    try {
      List<Lead> leads = leads(examples.resolve("scoring/leads.csv"));
      Map<String, List<String[]>> events = events(examples.resolve("demo/events.csv"));
      SplittableRandom rnd = new SplittableRandom(SEED);
      Map<String, String> out = new LinkedHashMap<>();
      Map<String, Instant> lastTouch = new TreeMap<>();
      out.put("touches.csv", touches(leads, events, rnd.split(), lastTouch));
      out.put("outcomes.csv", outcomes(leads, lastTouch, rnd.split()));
      out.put("accounts.csv", accounts(leads));
      out.put("suppression.csv", suppression(leads, events));
      out.put("requests.csv", requests(rnd.split()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites the files under {@code examples/demo}. */
  static void write(Path examples) throws IOException {
    for (Map.Entry<String, String> e : generate(examples).entrySet()) {
      Files.writeString(examples.resolve("demo").resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static List<Lead> leads(Path file) throws IOException {
    List<Lead> leads = new ArrayList<>();
    try (RecordReader in = RecordReader.open(file)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        Number employees = Values.asNumber(r.record().get("employees"));
        Number fills = Values.asNumber(r.record().get("form_fills"));
        leads.add(new Lead(str(r, "id"), str(r, "email"), str(r, "company"), str(r, "country"),
            employees == null ? 50 : employees.doubleValue(), fills == null ? 0 : fills.intValue()));
      }
    }
    return leads;
  }

  private static Map<String, List<String[]>> events(Path file) throws IOException {
    Map<String, List<String[]>> m = new TreeMap<>();
    try (RecordReader in = RecordReader.open(file)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        Instant at = Values.asInstant(r.record().get("timestamp"));
        if (at != null) {  // the sample events hold a bad timestamp on purpose; it has no time to place a touch at
          m.computeIfAbsent(str(r, "lead_id"), k -> new ArrayList<>()).add(new String[] {str(r, "type"), at.toString()});
        }
      }
    }
    return m;
  }

  private static String str(InputRecord r, String field) {
    String s = Values.asString(r.record().get(field));
    return s == null ? "" : s;
  }

  private static final String SITE = "https://www.acme.com";

  /** Landing pages by how visitors arrive, with the cost of a paid click or impression. */
  private static final List<Source> SOURCES = List.of(
      new Source("paid_search", "/pricing?utm_source=google&utm_medium=cpc&utm_campaign=fy26q3_na_search_brand&gclid=Cj0KCQ", 3, 14),
      new Source("paid_search", "/product/scoring?utm_source=google&utm_medium=cpc&utm_campaign=fy26q3_na_search_scoring", 4, 18),
      new Source("paid_search", "/product/routing?utm_source=bing&utm_medium=cpc&utm_campaign=fy26q3_emea_search_routing&msclkid=7f3a", 2, 9),
      new Source("organic", "/blog/mql-guide?utm_source=google&utm_medium=organic", 0, 0),
      new Source("organic", "/docs?utm_source=duckduckgo&utm_medium=organic", 0, 0),
      new Source("direct", "/", 0, 0),
      new Source("direct", "/pricing", 0, 0),
      new Source("paid_social", "/webinar/routing-101?utm_source=linkedin&utm_medium=paid_social&utm_campaign=fy26q3_global_webinar_routing", 6, 22),
      new Source("paid_social", "/ebook/ops-benchmarks?utm_source=linkedin&utm_medium=paid_social&utm_campaign=fy26q3_na_content_benchmarks", 5, 16),
      new Source("organic_social", "/blog/launch?utm_source=twitter&utm_medium=social&utm_campaign=fy26q3_global_launch", 0, 0),
      new Source("referral", "/?utm_source=g2&utm_medium=referral&utm_campaign=fy26_reviews", 0, 0),
      new Source("display", "/product/scoring?utm_source=doubleclick&utm_medium=display&utm_campaign=fy26q3_na_retarget_scoring", 0.5, 2),
      new Source("affiliate", "/partners?utm_source=partnerstack&utm_medium=affiliate&utm_campaign=fy26_partner_program", 0, 0),
      // real exports carry tagging mistakes: a medium nobody's grouping knows
      new Source("unassigned", "/pricing?utm_source=newsletter&utm_medium=e-mail&utm_campaign=fy26q3_na_nurture", 0, 0));

  private static final List<Source> EMAIL = List.of(
      new Source("email", "/blog/mql-guide?utm_source=marketo&utm_medium=email&utm_campaign=fy26q3_global_nurture_mql", 0, 0),
      new Source("email", "/product/routing?utm_source=newsletter&utm_medium=email&utm_campaign=fy26q3_global_newsletter_sep", 0, 0));

  private static final List<Source> EVENTS = List.of(
      new Source("webinar", "/webinar/routing-101?utm_source=linkedin&utm_medium=paid_social&utm_campaign=fy26q3_global_webinar_routing", 8, 25),
      new Source("webinar", "/webinar/routing-101?utm_source=marketo&utm_medium=email&utm_campaign=fy26q3_global_webinar_routing", 0, 0));

  private static final double[] SOURCE_WEIGHTS = {9, 6, 4, 10, 5, 9, 4, 5, 4, 3, 4, 3, 2, 2};

  private static String touches(List<Lead> leads, Map<String, List<String[]>> events, SplittableRandom rnd,
      Map<String, Instant> lastTouch) {
    StringBuilder csv = new StringBuilder("journey_id,timestamp,url,cost\n");
    for (Lead lead : leads) {
      List<String[]> ev = events.getOrDefault(lead.id(), List.of());
      List<String[]> touchable = new ArrayList<>();
      Instant first = null;
      for (String[] e : ev) {
        Instant at = Instant.parse(e[1]);
        first = first == null || at.isBefore(first) ? at : first;
        if (e[0].equals("page_view") || e[0].equals("email_click") || e[0].equals("webinar_registered")) {
          touchable.add(e);
        }
      }
      Instant start = first == null ? Instant.parse("2026-09-01T12:00:00Z") : first;
      // the first touch: how the lead arrived, a few days before its first recorded event
      Instant at = start.minus(Duration.ofMinutes(60L * 24 + rnd.nextInt(60 * 24 * 6)));
      List<Object[]> rows = new ArrayList<>();
      rows.add(new Object[] {at, pick(SOURCES, SOURCE_WEIGHTS, rnd)});
      int more = Math.min(touchable.size(), rnd.nextInt(2) + touchable.size() / 6);
      for (int i = 0; i < more; i++) {
        String[] e = touchable.get(rnd.nextInt(touchable.size()));
        Source s = switch (e[0]) {
          case "email_click" -> EMAIL.get(rnd.nextInt(EMAIL.size()));
          case "webinar_registered" -> EVENTS.get(rnd.nextInt(EVENTS.size()));
          default -> pick(SOURCES, SOURCE_WEIGHTS, rnd);
        };
        rows.add(new Object[] {Instant.parse(e[1]).minusSeconds(30), s});
      }
      rows.sort((a, b) -> ((Instant) a[0]).compareTo((Instant) b[0]));
      for (Object[] row : rows) {
        Instant t = (Instant) row[0];
        Source s = (Source) row[1];
        String cost = s.costHigh() == 0 ? "" : String.format(Locale.ROOT, "%.2f", s.costLow() + rnd.nextDouble() * (s.costHigh() - s.costLow()));
        csv.append(lead.id()).append(',').append(t).append(',').append(SITE).append(s.url()).append(',').append(cost).append('\n');
        lastTouch.merge(lead.id(), t, (x, y) -> x.isAfter(y) ? x : y);
      }
    }
    return csv.toString();
  }

  private static Source pick(List<Source> sources, double[] weights, SplittableRandom rnd) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double x = rnd.nextDouble() * total;
    for (int i = 0; i < sources.size(); i++) {
      x -= weights[i];
      if (x < 0) {
        return sources.get(i);
      }
    }
    return sources.get(sources.size() - 1);
  }

  /** Won deals: likelier for leads that filled forms and for larger companies; the value grows with size. */
  private static String outcomes(List<Lead> leads, Map<String, Instant> lastTouch, SplittableRandom rnd) {
    StringBuilder csv = new StringBuilder("journey_id,converted_at,value\n");
    for (Lead lead : leads) {
      double p = 0.08 + 0.12 * Math.min(lead.formFills(), 3) + (lead.employees() >= 200 ? 0.1 : 0);
      Instant last = lastTouch.get(lead.id());
      if (last == null || rnd.nextDouble() >= p) {
        continue;
      }
      Instant won = last.plus(Duration.ofHours(24L * (4 + rnd.nextInt(30)) + rnd.nextInt(8)));
      if (won.isAfter(END)) {
        won = END.minus(Duration.ofHours(rnd.nextInt(48)));
        if (!won.isAfter(last)) {
          continue;
        }
      }
      double value = Math.round((6_000 + 4_000 * Math.log10(Math.max(10, lead.employees())) * (1 + rnd.nextDouble())) / 100) * 100.0;
      csv.append(lead.id()).append(',').append(won).append(',').append(String.format(Locale.ROOT, "%.0f", value)).append('\n');
    }
    return csv.toString();
  }

  /** The sample companies' accounts: the domain their people's email uses, and an owner for the named accounts. */
  private static String accounts(List<Lead> leads) {
    Map<String, String[]> byCompany = new TreeMap<>();
    String[][] owners = {{"Wayne Enterprises", "alice", "US", "Gotham"}, {"Tyrell Corp", "bob", "US", "Los Angeles"},
        {"Globex GmbH", "", "DE", "Berlin"}, {"Hooli", "alice", "US", "Palo Alto"}, {"Umbrella Ltd", "", "GB", "London"},
        {"Soylent SA", "", "FR", "Paris"}, {"Initech Inc.", "", "US", "Austin"}, {"Stark Industries", "bob", "US", "New York"},
        {"Vandelay Imports", "", "US", "New York"}, {"Acme Corp", "", "US", "Boston"}};
    for (String[] o : owners) {
      byCompany.put(o[0], o);
    }
    Map<String, Map<String, Integer>> domains = new TreeMap<>();
    for (Lead lead : leads) {
      int at = lead.email().indexOf('@');
      String domain = at < 0 ? "" : lead.email().substring(at + 1).toLowerCase(Locale.ROOT);
      if (!domain.isEmpty() && !domain.equals("gmail.com") && byCompany.containsKey(lead.company())) {
        domains.computeIfAbsent(lead.company(), k -> new TreeMap<>()).merge(domain, 1, Integer::sum);
      }
    }
    StringBuilder csv = new StringBuilder("account_id,name,domain,country,city,owner\n");
    int n = 0;
    for (String[] o : owners) {
      Map<String, Integer> d = domains.getOrDefault(o[0], Map.of());
      String domain = d.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
      csv.append("ACC-").append(++n).append(',').append(o[0].contains(",") ? '"' + o[0] + '"' : o[0]).append(',').append(domain)
          .append(',').append(o[2]).append(',').append(o[3]).append(',').append(o[1]).append('\n');
    }
    return csv.toString();
  }

  /** The leads that unsubscribed (an unsubscribe event), and the competitor's domain. */
  private static String suppression(List<Lead> leads, Map<String, List<String[]>> events) {
    StringBuilder csv = new StringBuilder("type,value,reason,expires\ncompetitor,initech.com,competitor,\n");
    for (Lead lead : leads) {
      for (String[] e : events.getOrDefault(lead.id(), List.of())) {
        if (e[0].equals("unsubscribe") && !lead.email().isBlank()) {
          csv.append("email,").append(lead.email().toLowerCase(Locale.ROOT)).append(",unsubscribed ").append(e[1], 0, 10).append(",\n");
          break;
        }
      }
    }
    return csv.toString();
  }

  /** Campaign requests to the marketing-ops team from June to October 2026, most delivered, some open. */
  private static String requests(SplittableRandom rnd) {
    StringBuilder csv = new StringBuilder("id,class,priority,team,created_at,accepted_at,live_at,resolved_at\n");
    ZonedDateTime day = ZonedDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    int n = 0;
    while (day.toInstant().isBefore(END)) {
      if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
        int today = rnd.nextDouble() < 0.35 ? 2 : rnd.nextDouble() < 0.6 ? 1 : 0;
        for (int i = 0; i < today; i++) {
          double c = rnd.nextDouble();
          String cls = c < 0.45 ? "simple" : c < 0.8 ? "standard" : "complex";
          String priority = rnd.nextDouble() < 0.12 ? "high" : "normal";
          boolean emea = rnd.nextDouble() < 0.3;
          Instant created = day.plusHours(emea ? 7 + rnd.nextInt(8) : 13 + rnd.nextInt(8)).plusMinutes(rnd.nextInt(60)).toInstant();
          Instant accepted = created.plus(Duration.ofMinutes(15 + rnd.nextInt(emea ? 600 : 900)));
          // business hours to deliver, a long tail: most within the goal, some far over
          double typical = switch (cls) {
            case "simple" -> 5;
            case "standard" -> 16;
            default -> 55;
          };
          double businessHours = typical * Math.exp(rnd.nextGaussian() * 0.55);
          // seven business hours a weekday: the wall-clock time spans nights and weekends
          long wallHours = (long) (Math.floor(businessHours / 7) * 24 * 7 / 5 + businessHours % 7);
          Instant live = accepted.plus(Duration.ofMinutes((long) (wallHours * 60) + rnd.nextInt(60)));
          String liveText = live.isAfter(END) ? "" : live.toString();
          csv.append(String.format(Locale.ROOT, "R-%03d,%s,%s,%s,%s,%s,%s,%s\n", ++n, cls, priority, emea ? "emea" : "us", created,
              accepted.isAfter(END) ? "" : accepted, accepted.isAfter(END) ? "" : liveText, accepted.isAfter(END) ? "" : liveText));
        }
      }
      day = day.plusDays(1);
    }
    return csv.toString();
  }
}
