package dev.mops.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Synthetic inbound leads for benchmarks: typed values ({@code String}, {@code Long}, {@code
 * Instant}, {@code List<String>}) with missing fields, mixed case and edge values, drawn from a
 * seeded {@link Random} so that every run sees the same leads.
 */
final class SyntheticLeads {

  /** The seed of the leads every benchmark run uses. */
  static final long SEED = 20_261_122L;

  private static final String[] COUNTRIES = {
    "US", "US", "US", "US", "CA", "GB", "GB", "DE", "FR", "NL", "IN", "BR", "AU", "JP", "us"
  };
  private static final String[] INDUSTRIES = {
    "Software", "SOFTWARE", "SaaS", "saas", "Internet", "Fintech", "Retail", "Manufacturing",
    "Healthcare", "Education", "Software Services"
  };
  private static final String[] TITLES = {
    "VP Marketing", "Senior VP, Marketing", "SVP Revenue", "AVP Sales", "Director of Demand Generation",
    "Director, Field Marketing", "Head of Growth", "Chief Marketing Officer", "CMO", "Marketing Manager",
    "Product Marketing Lead", "Marketing Intern", "Sales Intern", "Internal Audit Lead", "Student",
    "STUDENT AMBASSADOR", "Software Engineer", "Data Analyst", "Sales Development Rep",
    "Vice President of Sales", "Account Executive", "Marketing Operations Specialist", "CEO",
    "Head Of Marketing Ops", "Directory Services Admin", "Founder & CEO"
  };
  private static final String[] FIRST_NAMES = {"ana", "ben", "chen", "dev", "eva", "femi", "gus", "hana"};
  private static final String[] LAST_NAMES = {"silva", "okafor", "li", "patel", "novak", "smith", "tanaka"};
  private static final String[] DOMAINS = {
    "acme.com", "globex.io", "initech.com", "umbrella.co.uk", "hooli.xyz", "gmail.com", "GMail.com",
    "yahoo.com", "competitor.com", "mail.competitor.com"
  };
  private static final String[] PHONES = {
    "+1 415 555 0132", "+1 (212) 555-0187", "+44 20 7946 0018", "+49 30 901820", "+33 1 23 45 67 89",
    "0044 20 7946 0991", "415-555-0100", "+91 22 5555 0100"
  };
  private static final String[] COMPANIES = {
    "Acme Corp", "Globex", "Initech", "Umbrella plc", "Hooli", "Stark Industries", "Wayne Enterprises"
  };
  private static final String[] TAGS = {
    "webinar", "demo_request", "pricing_page", "newsletter", "contact_sales", "ebook", "event",
    "Demo_Request"
  };
  private static final String[] SOURCES = {
    "web", "web", "event", "referral", "purchased_list", "partner", "paid_search"
  };

  private SyntheticLeads() {}

  /**
   * Returns {@code count} leads as field-name-to-value maps (absent values are null entries).
   *
   * @param now the instant recent visits are drawn before (a few lie just after it)
   */
  static List<Map<String, @Nullable Object>> generate(int count, long seed, Instant now) {
    Random random = new Random(seed);
    List<Map<String, @Nullable Object>> leads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Map<String, @Nullable Object> lead = new HashMap<>();
      lead.put("country", pick(random, COUNTRIES, 0.05));
      lead.put("industry", pick(random, INDUSTRIES, 0.10));
      lead.put("employees", random.nextDouble() < 0.08 ? null : Math.round(Math.exp(random.nextDouble() * Math.log(100_000))));
      lead.put("title", pick(random, TITLES, 0.07));
      lead.put(
          "email",
          random.nextDouble() < 0.05
              ? null
              : pick(random, FIRST_NAMES) + '.' + pick(random, LAST_NAMES) + '@' + pick(random, DOMAINS));
      lead.put("phone", pick(random, PHONES, 0.30));
      double company = random.nextDouble();
      lead.put("company", company < 0.10 ? null : company < 0.15 ? "" : company < 0.18 ? "  " : pick(random, COMPANIES));
      double visit = random.nextDouble();
      lead.put(
          "last_visit",
          visit < 0.15
              ? null
              : visit < 0.17
                  ? now.plus(Duration.ofMinutes(1 + random.nextInt(600)))
                  : now.minus(Duration.ofSeconds(random.nextInt(120 * 24 * 3600))));
      lead.put("tags", random.nextDouble() < 0.10 ? null : tags(random));
      lead.put("lead_source", pick(random, SOURCES, 0.05));
      leads.add(lead);
    }
    return leads;
  }

  private static List<String> tags(Random random) {
    int n = random.nextInt(4);
    List<String> out = new ArrayList<>(n);
    while (out.size() < n) {
      String t = pick(random, TAGS);
      if (!out.contains(t)) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private static @Nullable String pick(Random random, String[] values, double nullShare) {
    return random.nextDouble() < nullShare ? null : pick(random, values);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }
}
