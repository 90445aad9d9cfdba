package dev.mops.testkit;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A generator of synthetic B2B leads: {@link #generate} gives leads with duplicates and known
 * truth, for dedupe tests, benchmarks and demos; {@link #inbound} gives typed inbound leads without
 * duplicates, for the condition benchmarks. The duplicates have names with nicknames and typos,
 * emails with plus tags, dots and case changes, phones in many formats, company legal-suffix
 * variants, and people who moved city.
 *
 * <p>Columns: {@code id, first_name, last_name, email, phone, company, city, postcode}; the truth
 * is {@link Dataset#entityOf()} (record id to entity id). Output depends only on the count and the
 * seed.
 *
 * <p>{@code mops demo} deduplicates a few thousand of them, the dedupe tests assert accuracy on
 * them, and the benchmarks deduplicate a million.
 *
 * <p>Thread safety: stateless; each call uses its own random generator.
 */
public final class SyntheticLeads {

  /** The columns of a generated lead. */
  public static final List<String> COLUMNS =
      List.of("id", "first_name", "last_name", "email", "phone", "company", "city", "postcode");

  private static final String[][] NICKNAMES = {
    {"Robert", "Bob", "Rob", "Bobby"}, {"William", "Bill", "Will"}, {"Richard", "Rick", "Dick"},
    {"James", "Jim", "Jimmy"}, {"Michael", "Mike", "Mick"}, {"Thomas", "Tom"}, {"Joseph", "Joe"},
    {"Christopher", "Chris"}, {"Daniel", "Dan", "Danny"}, {"Matthew", "Matt"}, {"Anthony", "Tony"},
    {"Andrew", "Andy"}, {"Edward", "Ed", "Ted"}, {"Benjamin", "Ben"}, {"Samuel", "Sam"},
    {"Alexander", "Alex"}, {"Nicholas", "Nick"}, {"Stephen", "Steve"}, {"Timothy", "Tim"},
    {"David", "Dave"}, {"Elizabeth", "Liz", "Beth"}, {"Margaret", "Maggie", "Peggy"},
    {"Katherine", "Kate", "Kathy"}, {"Jennifer", "Jen", "Jenny"}, {"Jessica", "Jess"},
    {"Rebecca", "Becky"}, {"Victoria", "Vicky"}, {"Susan", "Sue"}, {"Patricia", "Patty"},
    {"Samantha", "Sam"}, {"Abigail", "Abby"}, {"Kimberly", "Kim"}, {"Pamela", "Pam"}
  };

  private static final String[] OTHER_FIRST = {
    "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Zoe", "Mason", "Chloe", "Logan",
    "Harper", "Aiden", "Ella", "Jackson", "Aria", "Levi", "Nora", "Owen", "Layla", "Wyatt", "Riley",
    "Grace", "Hannah", "Isaac", "Leah", "Caleb", "Maya", "Julian", "Aaliyah", "Priya", "Arjun", "Wei",
    "Mei", "Hiroshi", "Yuki", "Carlos", "Sofia", "Mateo", "Lucia", "Omar", "Fatima", "Ahmed", "Leila",
    "Ivan", "Olga", "Sven", "Ingrid", "Pierre", "Camille", "Lars", "Anya", "Tariq", "Nadia", "Kofi"
  };

  private static final String[] SURNAME_START = {
    "Bar", "Ben", "Cal", "Dal", "Ell", "Far", "Gar", "Hal", "Ing", "Jen", "Kel", "Lam", "Mar", "Nor",
    "Ost", "Pen", "Quin", "Ros", "Sal", "Tor", "Ur", "Val", "Wes", "Yor", "Zel", "Ash", "Brad", "Crow",
    "Dun", "Ever", "Fitz", "Gold", "Hart", "Kings", "Lind", "Mont", "New", "Oak", "Pres", "Red", "Stan",
    "Thorn", "Whit", "Black", "Green", "Hol", "Mc", "O'Bri", "Van der ", "De la "
  };

  private static final String[] SURNAME_END = {
    "ton", "ley", "son", "man", "field", "wood", "berg", "stein", "ford", "well", "ridge", "wick",
    "by", "er", "ing", "dale", "more", "shaw", "worth", "land", "ham", "ock", "ez", "ini", "ova", "sky",
    "ard", "en", "o", "an"
  };

  private static final String[] SURNAME_MIDDLE = {"", "", "", "a", "e", "i", "o", "en", "er", "ing", "ow", "is", "and", "el"};

  private static final String[] COMPANY_WORDS = {
    "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Hooli", "Vandelay", "Soylent",
    "Cyberdyne", "Tyrell", "Aperture", "Massive", "Dynamic", "Pioneer", "Summit", "Vertex", "Nimbus",
    "Quantum", "Blue", "Red", "Silver", "Golden", "North", "Pacific", "Atlantic", "Prime", "Apex", "Bright"
  };

  private static final String[] COMPANY_KINDS = {
    "Systems", "Labs", "Analytics", "Software", "Logistics", "Foods", "Media", "Health", "Energy",
    "Robotics", "Capital", "Partners", "Networks", "Dynamics", "Solutions", "Industries"
  };

  private static final String[][] SUFFIXES = {
    {"Inc", "Inc.", ", Inc.", "Incorporated"}, {"LLC", "L.L.C.", ", LLC"}, {"Ltd", "Limited", "Ltd."},
    {"GmbH", "GmbH"}, {"Corp", "Corporation", "Corp."}
  };

  private static final String[] CITIES = {
    "New York", "Boston", "Chicago", "Denver", "Austin", "Seattle", "Portland", "Miami", "Atlanta",
    "San Francisco", "Los Angeles", "San Diego", "Phoenix", "Dallas", "Houston", "Philadelphia",
    "Pittsburgh", "Detroit", "Minneapolis", "Nashville", "Charlotte", "Raleigh", "Salt Lake City",
    "Columbus", "Indianapolis", "Kansas City", "St. Louis", "Baltimore", "Richmond", "Sacramento"
  };

  private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"};

  // The inbound leads of inbound(): no duplicates, typed values.
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
  private static final String[] IN_FIRST = {"ana", "ben", "chen", "dev", "eva", "femi", "gus", "hana"};
  private static final String[] IN_LAST = {"silva", "okafor", "li", "patel", "novak", "smith", "tanaka"};
  private static final String[] IN_DOMAINS = {
    "acme.com", "globex.io", "initech.com", "umbrella.co.uk", "hooli.xyz", "gmail.com", "GMail.com",
    "yahoo.com", "competitor.com", "mail.competitor.com"
  };
  private static final String[] IN_PHONES = {
    "+1 415 555 0132", "+1 (212) 555-0187", "+44 20 7946 0018", "+49 30 901820", "+33 1 23 45 67 89",
    "0044 20 7946 0991", "415-555-0100", "+91 22 5555 0100"
  };
  private static final String[] IN_COMPANIES = {
    "Acme Corp", "Globex", "Initech", "Umbrella plc", "Hooli", "Stark Industries", "Wayne Enterprises"
  };
  private static final String[] TAGS = {
    "webinar", "demo_request", "pricing_page", "newsletter", "contact_sales", "ebook", "event",
    "Demo_Request"
  };
  private static final String[] SOURCES = {
    "web", "web", "event", "referral", "purchased_list", "partner", "paid_search"
  };

  /** Most records one call generates. */
  public static final int MAX_COUNT = 10_000_000;

  /** Name of the bundled dedupe config for these leads, a resource of this package. */
  public static final String CONFIG_RESOURCE = "synthetic-leads.yaml";

  /** The seed of the inbound leads every benchmark run uses. */
  public static final long INBOUND_SEED = 20_261_122L;

  private SyntheticLeads() {}

  /**
   * Returns the text of the bundled dedupe config for these leads ({@code synthetic-leads.yaml}:
   * nickname-aware first names, phonetic surnames, emails, E.164 phones, company keys, six blocking
   * passes, {@code prior: all_pairs}), which suits B2B lead exports shaped like them; read it with
   * {@code DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml())}.
   */
  public static String configYaml() {
    try (InputStream in = SyntheticLeads.class.getResourceAsStream(CONFIG_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("bundled " + CONFIG_RESOURCE + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled " + CONFIG_RESOURCE, e);
    }
  }

  /**
   * A generated data set: the records, in shuffled order, and the entity of each record id.
   *
   * <p>Thread safety: an immutable value, safe to share.
   *
   * @param records the leads
   * @param entityOf record id to entity id
   */
  public record Dataset(List<Record> records, Map<String, String> entityOf) {

    /** Copies the lists. */
    public Dataset {
      records = List.copyOf(records);
      entityOf = Map.copyOf(entityOf);
    }
  }

  /**
   * Generates {@code count} leads; about a third of the entities have one to three duplicates.
   *
   * @param count how many records, 1 to {@link #MAX_COUNT}
   * @param seed the random seed
   */
  public static Dataset generate(int count, long seed) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count " + count + " must be between 1 and " + MAX_COUNT);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Map<String, Object>> rows = new ArrayList<>(count);
    Map<String, String> truth = new HashMap<>(count * 2);
    int entity = 0;
    Set<String> usedEmails = new HashSet<>(count * 2);
    while (rows.size() < count) {
      Person p = person(rnd, entity, usedEmails);
      int copies = rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(3) : 0;
      for (int c = 0; c <= copies && rows.size() < count; c++) {
        Map<String, Object> row = c == 0 ? original(p) : duplicate(p, rnd);
        String id = "L" + rows.size();
        row.put("id", id);
        rows.add(row);
        truth.put(id, "E" + entity);
      }
      entity++;
    }
    Collections.shuffle(rows, new java.util.Random(seed));
    List<Record> records = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      Map<String, Object> ordered = new LinkedHashMap<>();
      for (String col : COLUMNS) {
        Object v = row.get(col);
        if (v != null) {
          ordered.put(col, v);
        }
      }
      records.add(Records.of(ordered));
    }
    return new Dataset(List.copyOf(records), Map.copyOf(truth));
  }

  private record Person(
      List<String> firstNames, String last, String company, List<String> suffix, String domain, boolean freeMail,
      String local, String phoneDigits, String city, String postcode) {}

  private static Person person(SplittableRandom rnd, int entity, Set<String> usedEmails) {
    String[] firsts;
    if (rnd.nextInt(2) == 0) {
      firsts = NICKNAMES[rnd.nextInt(NICKNAMES.length)];
    } else {
      firsts = new String[] {OTHER_FIRST[rnd.nextInt(OTHER_FIRST.length)]};
    }
    String last = SURNAME_START[rnd.nextInt(SURNAME_START.length)]
        + SURNAME_MIDDLE[rnd.nextInt(SURNAME_MIDDLE.length)] + SURNAME_END[rnd.nextInt(SURNAME_END.length)];
    if (rnd.nextInt(10) == 0) {
      last = last + "-" + SURNAME_START[rnd.nextInt(SURNAME_START.length)] + SURNAME_END[rnd.nextInt(SURNAME_END.length)];
    }
    String company = COMPANY_WORDS[rnd.nextInt(COMPANY_WORDS.length)] + " " + COMPANY_KINDS[rnd.nextInt(COMPANY_KINDS.length)];
    if (rnd.nextInt(3) == 0) {
      company = COMPANY_WORDS[rnd.nextInt(COMPANY_WORDS.length)] + " " + company;
    }
    String[] suffix = SUFFIXES[rnd.nextInt(SUFFIXES.length)];
    String domain = company.toLowerCase(Locale.ROOT).replace(" ", "") + (rnd.nextInt(4) == 0 ? ".io" : ".com");
    boolean freeMail = rnd.nextInt(4) == 0;
    String f = ascii(firsts[0]);
    String l = ascii(last);
    String local = switch (rnd.nextInt(4)) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l;
      case 2 -> f + l.charAt(0);
      default -> f + "." + l + (entity % 100);
    };
    if (freeMail) {
      local = local + (1000 + entity % 9000);
    }
    String mailDomain = freeMail ? FREE_MAIL[rnd.nextInt(FREE_MAIL.length)] : domain;
    String base = local;
    for (int k = 2; !usedEmails.add(local + "@" + mailDomain); k++) {
      local = base + k;
    }
    String phone = Integer.toString(201 + rnd.nextInt(780)) + (200 + rnd.nextInt(800)) + (10000 + rnd.nextInt(10000));
    phone = phone.substring(0, 6) + phone.substring(7);
    int cityIndex = rnd.nextInt(CITIES.length);
    String postcode = Integer.toString(10000 + cityIndex * 3000 + rnd.nextInt(3000));
    return new Person(List.of(firsts), last, company, List.of(suffix), mailDomain, freeMail, local, phone, CITIES[cityIndex], postcode);
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c >= 'a' && c <= 'z') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static Map<String, Object> original(Person p) {
    Map<String, Object> row = new HashMap<>();
    row.put("first_name", p.firstNames().get(0));
    row.put("last_name", p.last());
    row.put("email", p.local() + "@" + p.domain());
    row.put("phone", formatPhone(p.phoneDigits(), 0));
    row.put("company", p.company() + " " + p.suffix().get(0));
    row.put("city", p.city());
    row.put("postcode", p.postcode());
    return row;
  }

  private static Map<String, Object> duplicate(Person p, SplittableRandom rnd) {
    Map<String, Object> row = original(p);
    // first name: nickname or typo
    if (p.firstNames().size() > 1 && rnd.nextInt(2) == 0) {
      row.put("first_name", p.firstNames().get(1 + rnd.nextInt(p.firstNames().size() - 1)));
    } else if (rnd.nextInt(5) == 0) {
      row.put("first_name", typo(p.firstNames().get(0), rnd));
    }
    if (rnd.nextInt(6) == 0) {
      row.put("last_name", typo(p.last(), rnd));
    } else if (rnd.nextInt(8) == 0) {
      row.put("last_name", p.last().toUpperCase(Locale.ROOT));
    }
    // email: plus tag, dots, case, typo, a new job, or missing
    int e = rnd.nextInt(10);
    String domain = p.domain();
    String local = p.local();
    if (e == 0) {
      row.put("email", local + "+" + (rnd.nextInt(2) == 0 ? "newsletter" : "webinar") + "@" + domain);
    } else if (e == 1 && domain.equals("gmail.com")) {
      row.put("email", local.replace(".", "") + "@googlemail.com");
    } else if (e == 2) {
      row.put("email", (local + "@" + domain).toUpperCase(Locale.ROOT));
    } else if (e == 3) {
      row.put("email", typo(local, rnd) + "@" + domain);
    } else if (e == 4) {
      row.put("email", local + "@" + FREE_MAIL[rnd.nextInt(FREE_MAIL.length)]);
    } else if (e == 5) {
      row.remove("email");
    }
    // phone: other format, missing, or a one-digit typo
    int ph = rnd.nextInt(8);
    if (ph == 0) {
      row.remove("phone");
    } else if (ph == 1) {
      char[] d = p.phoneDigits().toCharArray();
      int i = 3 + rnd.nextInt(7);
      d[i] = (char) ('0' + (d[i] - '0' + 1) % 10);
      row.put("phone", formatPhone(new String(d), rnd.nextInt(5)));
    } else {
      row.put("phone", formatPhone(p.phoneDigits(), rnd.nextInt(5)));
    }
    // company suffix variant
    List<String> s = p.suffix();
    int cs = rnd.nextInt(s.size() + 1);
    row.put("company", cs == s.size() ? p.company() : p.company() + (s.get(cs).startsWith(",") ? "" : " ") + s.get(cs));
    if (rnd.nextInt(10) == 0) {
      row.put("company", ((String) row.get("company")).toUpperCase(Locale.ROOT));
    }
    // moved
    if (rnd.nextInt(8) == 0) {
      int c = rnd.nextInt(CITIES.length);
      row.put("city", CITIES[c]);
      row.put("postcode", Integer.toString(10000 + c * 3000 + rnd.nextInt(3000)));
    } else if (rnd.nextInt(10) == 0) {
      row.remove("city");
    }
    return row;
  }

  private static String formatPhone(String d, int style) {
    String a = d.substring(0, 3);
    String b = d.substring(3, 6);
    String c = d.substring(6);
    return switch (style) {
      case 0 -> "+1 " + a + " " + b + " " + c;
      case 1 -> "(" + a + ") " + b + "-" + c;
      case 2 -> a + "." + b + "." + c;
      case 3 -> d;
      default -> "001-" + a + "-" + b + "-" + c;
    };
  }

  private static String typo(String s, SplittableRandom rnd) {
    return Typos.typo(s, rnd, 3, false);
  }

  /**
   * Returns {@code count} inbound leads for condition and scoring benchmarks, as field-name-to-value
   * maps with typed values ({@code String}, {@code Long}, {@code Instant}, {@code List<String>}),
   * missing fields (null entries), mixed case and edge values. They have no duplicates and no truth.
   *
   * @param now the instant recent visits are drawn before (a few lie just after it)
   */
  public static List<Map<String, @Nullable Object>> inbound(int count, long seed, Instant now) {
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
              : pick(random, IN_FIRST) + '.' + pick(random, IN_LAST) + '@' + pick(random, IN_DOMAINS));
      lead.put("phone", pick(random, IN_PHONES, 0.30));
      double company = random.nextDouble();
      lead.put("company", company < 0.10 ? null : company < 0.15 ? "" : company < 0.18 ? "  " : pick(random, IN_COMPANIES));
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
