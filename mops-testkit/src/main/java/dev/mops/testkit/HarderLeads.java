package dev.mops.testkit;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
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
 * A generator of synthetic B2B leads that are hard to deduplicate precisely: the traps a CRM
 * export at scale is full of, with known truth.
 *
 * <ul>
 *   <li><b>Colleagues</b>: people work at companies of 1 to a few hundred employees, share the
 *       company's name, email domain, city and postcode, and often its switchboard number; first
 *       names are drawn from a skewed distribution of common names, so two colleagues called
 *       Heather are usual ({@code heatherr@summit.de} and {@code heather@summit.de}).
 *   <li><b>Common company words across cities</b>: many companies share a word ({@code Summit
 *       GmbH} in Manchester, {@code Summit B.V.} in Leeds, {@code Summit Partners} in Boston).
 *   <li><b>Households</b>: people living together share a last name, a home phone and an address,
 *       with different first names and free-mail addresses.
 *   <li><b>Changed emails</b>: duplicates whose email changed: a new alias at the same company, a
 *       new employer (company, domain, city, phone), or a switch to a private address.
 *   <li>The noise of {@link SyntheticLeads}: nicknames, typos, case, phone formats, legal-form
 *       variants, missing values.
 * </ul>
 *
 * <p>Columns: {@link #COLUMNS}; the truth is {@link SyntheticLeads.Dataset#entityOf()}. A person
 * has one to four records (about 1.4 on average). Output depends only on the count and the seed.
 *
 * <p>Thread safety: stateless; each call uses its own random generator.
 */
public final class HarderLeads {

  /** The columns of a generated lead. */
  public static final List<String> COLUMNS =
      List.of("id", "first_name", "last_name", "email", "phone", "company", "city", "postcode", "address");

  /** Most records one call generates. */
  public static final int MAX_COUNT = 20_000_000;

  // Common given names first: drawn with a skew (Zipf-like), so colleagues share them.
  private static final String[] FIRST = {
    "James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "William", "Elizabeth",
    "David", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
    "Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra",
    "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle",
    "Kenneth", "Dorothy", "Kevin", "Carol", "Brian", "Amanda", "George", "Melissa", "Edward", "Deborah",
    "Ronald", "Stephanie", "Timothy", "Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia",
    "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Shirley", "Eric", "Angela", "Jonathan", "Helen",
    "Stephen", "Anna", "Larry", "Brenda", "Justin", "Pamela", "Scott", "Nicole", "Brandon", "Emma",
    "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Frank", "Debra", "Alexander",
    "Rachel", "Raymond", "Catherine", "Patrick", "Carolyn", "Jack", "Janet", "Dennis", "Ruth", "Jerry",
    "Maria", "Tyler", "Heather", "Aaron", "Diane", "Jose", "Virginia", "Adam", "Julie", "Henry", "Joyce",
    "Nathan", "Victoria", "Douglas", "Olivia", "Zachary", "Kelly", "Peter", "Christina", "Kyle", "Lauren",
    "Priya", "Wei", "Mei", "Hiroshi", "Yuki", "Carlos", "Sofia", "Mateo", "Lucia", "Omar", "Fatima",
    "Ahmed", "Leila", "Ivan", "Olga", "Sven", "Ingrid", "Pierre", "Camille", "Lars", "Anya", "Kofi"
  };

  private static final Map<String, String[]> NICKNAMES = Map.ofEntries(
      Map.entry("Robert", new String[] {"Bob", "Rob"}), Map.entry("William", new String[] {"Bill", "Will"}),
      Map.entry("Richard", new String[] {"Rick", "Dick"}), Map.entry("James", new String[] {"Jim", "Jimmy"}),
      Map.entry("Michael", new String[] {"Mike"}), Map.entry("Thomas", new String[] {"Tom"}),
      Map.entry("Joseph", new String[] {"Joe"}), Map.entry("Christopher", new String[] {"Chris"}),
      Map.entry("Daniel", new String[] {"Dan"}), Map.entry("Matthew", new String[] {"Matt"}),
      Map.entry("Anthony", new String[] {"Tony"}), Map.entry("Andrew", new String[] {"Andy"}),
      Map.entry("Edward", new String[] {"Ed", "Ted"}), Map.entry("Benjamin", new String[] {"Ben"}),
      Map.entry("Samuel", new String[] {"Sam"}), Map.entry("Alexander", new String[] {"Alex"}),
      Map.entry("Nicholas", new String[] {"Nick"}), Map.entry("Stephen", new String[] {"Steve"}),
      Map.entry("Timothy", new String[] {"Tim"}), Map.entry("Elizabeth", new String[] {"Liz", "Beth"}),
      Map.entry("Margaret", new String[] {"Maggie", "Peggy"}), Map.entry("Katherine", new String[] {"Kate"}),
      Map.entry("Jennifer", new String[] {"Jen"}), Map.entry("Jessica", new String[] {"Jess"}),
      Map.entry("Rebecca", new String[] {"Becky"}), Map.entry("Victoria", new String[] {"Vicky"}),
      Map.entry("Susan", new String[] {"Sue"}), Map.entry("Patricia", new String[] {"Pat"}),
      Map.entry("Samantha", new String[] {"Sam"}), Map.entry("Kimberly", new String[] {"Kim"}),
      Map.entry("Pamela", new String[] {"Pam"}), Map.entry("Kenneth", new String[] {"Ken"}),
      Map.entry("Gregory", new String[] {"Greg"}), Map.entry("Jonathan", new String[] {"Jon"}));

  // Common surnames first (skewed draw), then generated rare ones.
  private static final String[] COMMON_LAST = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
    "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee",
    "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
    "Wright", "Scott", "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts",
    "Turner", "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy",
    "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Kelly", "Howard", "Ward",
    "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes", "Price", "Sanders",
    "Alexander", "Patel", "Kim", "Nguyen", "Chen", "Singh", "Müller", "Schmidt", "Schneider", "Fischer"
  };
  private static final String[] START = {
    "Bar", "Ben", "Cal", "Dal", "Ell", "Far", "Gar", "Hal", "Ing", "Jen", "Kel", "Lam", "Mar", "Nor", "Ost",
    "Pen", "Quin", "Ros", "Sal", "Tor", "Val", "Wes", "Yor", "Zel", "Ash", "Brad", "Crow", "Dun", "Fitz",
    "Gold", "Hart", "Kings", "Lind", "Mont", "Oak", "Pres", "Red", "Stan", "Thorn", "Whit", "Hol", "Mc"
  };
  private static final String[] END = {
    "ton", "ley", "son", "man", "field", "wood", "berg", "stein", "ford", "well", "ridge", "wick", "by",
    "er", "ing", "dale", "more", "shaw", "worth", "land", "ham", "ock", "ez", "ini", "ova", "sky"
  };

  // Few company words, so that many companies share one across cities.
  private static final String[] COMPANY_WORDS = {
    "Summit", "Global", "Prime", "Apex", "North", "Blue", "Vertex", "Pioneer", "Atlas", "Bright", "Core",
    "Delta", "Eagle", "First", "Green", "Harbor", "Insight", "Key", "Liberty", "Metro", "Nova", "Omni",
    "Peak", "Quest", "River", "Silver", "Star", "Titan", "United", "Vista"
  };
  private static final String[] COMPANY_KINDS = {
    "", "", "", "Systems", "Labs", "Analytics", "Software", "Logistics", "Media", "Health", "Energy",
    "Partners", "Networks", "Solutions", "Consulting", "Group", "Capital", "Digital"
  };
  private static final String[][] FORMS = {
    {"Inc", "Inc.", ", Inc."}, {"LLC", "L.L.C."}, {"Ltd", "Limited"}, {"GmbH"}, {"B.V.", "BV"}, {"Corp", "Corporation"}
  };
  private static final String[][] CITIES = {
    // city, country TLD for company domains, postcode base
    {"Manchester", "co.uk"}, {"Leeds", "co.uk"}, {"London", "co.uk"}, {"Berlin", "de"}, {"Munich", "de"},
    {"Hamburg", "de"}, {"Amsterdam", "nl"}, {"Rotterdam", "nl"}, {"New York", "com"}, {"Boston", "com"},
    {"Chicago", "com"}, {"Austin", "com"}, {"Seattle", "com"}, {"Denver", "com"}, {"Atlanta", "com"},
    {"San Francisco", "com"}, {"Toronto", "ca"}, {"Dublin", "ie"}, {"Paris", "fr"}, {"Madrid", "es"}
  };
  private static final String[] STREETS = {
    "High Street", "Main Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road", "King Street",
    "Queen Street", "Market Place", "Bridge Road", "Oak Drive", "Elm Court", "Cedar Way", "Lake View"
  };
  private static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "outlook.com", "hotmail.com"};

  private HarderLeads() {}

  private record Company(String name, List<String> forms, String domain, int city, String postcode, String address,
      String switchboard, Map<String, Integer> localsTaken) {}

  private record Person(String first, String last, int company, String email, String phone, String homePhone,
      String personalEmail, String homeAddress, String homePostcode, boolean givesAddress) {}

  /**
   * Generates {@code count} leads.
   *
   * @param count how many records, 1 to {@link #MAX_COUNT}
   * @param seed the random seed
   */
  public static SyntheticLeads.Dataset generate(int count, long seed) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count " + count + " must be between 1 and " + MAX_COUNT);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    int people = Math.max(1, (int) (count / 1.42));
    // Companies: sizes skewed, about 12 people each on average.
    List<Company> companies = new ArrayList<>();
    Set<String> domains = new HashSet<>();
    int seats = 0;
    List<Integer> seatOf = new ArrayList<>(people);
    while (seats < people) {
      int size = (int) Math.min(150, Math.floor(Math.pow(rnd.nextDouble(), -0.8)));
      Company c = company(rnd, domains);
      companies.add(c);
      for (int i = 0; i < size && seats < people; i++, seats++) {
        seatOf.add(companies.size() - 1);
      }
    }
    Set<String> usedEmails = new HashSet<>(people * 2);
    List<Person> persons = new ArrayList<>(people);
    for (int p = 0; p < people; p++) {
      Company c = companies.get(seatOf.get(p));
      boolean household = p > 0 && rnd.nextInt(16) == 0;
      @Nullable Person mate = household ? persons.get(p - 1 - rnd.nextInt(Math.min(p, 50))) : null;
      String first = pick(rnd, FIRST, 1.1);
      String last = mate != null ? mate.last() : lastName(rnd);
      String email = workEmail(c, first, last, usedEmails);
      String phone = rnd.nextInt(8) == 0 ? c.switchboard() : phoneDigits(rnd);
      String home = mate != null ? mate.homePhone() : phoneDigits(rnd);
      String personal = freeEmail(first, last, rnd, usedEmails);
      String homeAddress = mate != null ? mate.homeAddress() : (1 + rnd.nextInt(300)) + " " + STREETS[rnd.nextInt(STREETS.length)];
      String homePostcode = mate != null ? mate.homePostcode() : postcode(rnd, c.city());
      // Most forms do not ask for an address: a third of the people give one (their office's).
      persons.add(new Person(first, last, seatOf.get(p), email, phone, home, personal, homeAddress, homePostcode,
          rnd.nextInt(3) == 0));
    }
    List<Map<String, Object>> rows = new ArrayList<>(count);
    Map<String, String> truth = new HashMap<>(count * 2);
    for (int p = 0; p < people && rows.size() < count; p++) {
      Person person = persons.get(p);
      int extra = rnd.nextInt(100) < 30 ? 1 + (rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(3)) : 0;
      for (int r = 0; r <= extra && rows.size() < count; r++) {
        Map<String, Object> row = r == 0 ? original(person, companies) : duplicate(person, companies, rnd, usedEmails);
        String id = "H" + rows.size();
        row.put("id", id);
        rows.add(row);
        truth.put(id, "P" + p);
      }
    }
    // A run that ends early (extras cut) still fills the count with singletons.
    for (int p = 0; rows.size() < count; p++) {
      Person person = persons.get(p % people);
      Map<String, Object> row = duplicate(person, companies, rnd, usedEmails);
      String id = "H" + rows.size();
      row.put("id", id);
      rows.add(row);
      truth.put(id, "P" + (p % people));
    }
    Collections.shuffle(rows, new Random(seed));
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
    return new SyntheticLeads.Dataset(records, truth);
  }

  private static Company company(SplittableRandom rnd, Set<String> domains) {
    String word = pick(rnd, COMPANY_WORDS, 0.6);
    String kind = COMPANY_KINDS[rnd.nextInt(COMPANY_KINDS.length)];
    String name = kind.isEmpty() ? word : word + " " + kind;
    int city = rnd.nextInt(CITIES.length);
    String[] forms = FORMS[rnd.nextInt(FORMS.length)];
    String base = name.toLowerCase(Locale.ROOT).replace(" ", "");
    String domain = base + "." + CITIES[city][1];
    for (int k = 2; !domains.add(domain); k++) {
      domain = base + k + "." + CITIES[city][1];
    }
    String postcode = postcode(rnd, city);
    String address = (1 + rnd.nextInt(300)) + " " + STREETS[rnd.nextInt(STREETS.length)];
    return new Company(name, List.of(forms), domain, city, postcode, address, phoneDigits(rnd), new HashMap<>());
  }

  private static String postcode(SplittableRandom rnd, int city) {
    return Integer.toString(10000 + city * 4000 + rnd.nextInt(4000));
  }

  private static String lastName(SplittableRandom rnd) {
    if (rnd.nextInt(2) == 0) {
      return pick(rnd, COMMON_LAST, 1.0);
    }
    return START[rnd.nextInt(START.length)] + END[rnd.nextInt(END.length)];
  }

  /** A skewed pick: index ~ n * u^(1+skew), so the first entries are drawn far more often. */
  private static String pick(SplittableRandom rnd, String[] values, double skew) {
    int i = (int) (values.length * Math.pow(rnd.nextDouble(), 1 + skew));
    return values[Math.min(values.length - 1, i)];
  }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = Character.toLowerCase(s.charAt(i));
      if (c == 'ü') {
        b.append("ue");
      } else if (c >= 'a' && c <= 'z') {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static String workEmail(Company c, String first, String last, Set<String> used) {
    String f = ascii(first);
    String l = ascii(last);
    // The company's convention, by its domain: first.last, flast, or first (firstl when taken).
    int convention = Math.floorMod(c.domain().hashCode(), 3);
    String local = switch (convention) {
      case 0 -> f + "." + l;
      case 1 -> f.charAt(0) + l;
      default -> c.localsTaken().containsKey(f) ? f + l.charAt(0) : f;
    };
    c.localsTaken().merge(f, 1, Integer::sum);
    String base = local;
    for (int k = 2; !used.add(local + "@" + c.domain()); k++) {
      local = base + k;
    }
    return local + "@" + c.domain();
  }

  private static String freeEmail(String first, String last, SplittableRandom rnd, Set<String> used) {
    String local = ascii(first) + (rnd.nextInt(2) == 0 ? "." : "") + ascii(last) + (rnd.nextInt(3) == 0 ? "" : Integer.toString(rnd.nextInt(100)));
    String domain = FREE_MAIL[rnd.nextInt(FREE_MAIL.length)];
    String base = local;
    for (int k = 2; !used.add(local + "@" + domain); k++) {
      local = base + k;
    }
    return local + "@" + domain;
  }

  private static String phoneDigits(SplittableRandom rnd) {
    return Integer.toString(201 + rnd.nextInt(780)) + (200 + rnd.nextInt(800)) + (1000 + rnd.nextInt(9000));
  }

  private static Map<String, Object> original(Person p, List<Company> companies) {
    Company c = companies.get(p.company());
    Map<String, Object> row = new HashMap<>();
    row.put("first_name", p.first());
    row.put("last_name", p.last());
    row.put("email", p.email());
    row.put("phone", formatPhone(p.phone(), 0));
    row.put("company", c.name() + " " + c.forms().get(0));
    row.put("city", CITIES[c.city()][0]);
    if (p.givesAddress()) {
      row.put("address", c.address());
      row.put("postcode", c.postcode());
    }
    return row;
  }

  private static Map<String, Object> duplicate(Person p, List<Company> companies, SplittableRandom rnd, Set<String> used) {
    Map<String, Object> row = original(p, companies);
    String[] nicks = NICKNAMES.get(p.first());
    if (nicks != null && rnd.nextInt(3) == 0) {
      row.put("first_name", nicks[rnd.nextInt(nicks.length)]);
    } else if (rnd.nextInt(8) == 0) {
      row.put("first_name", typo(p.first(), rnd));
    }
    if (rnd.nextInt(8) == 0) {
      row.put("last_name", typo(p.last(), rnd));
    } else if (rnd.nextInt(10) == 0) {
      row.put("last_name", p.last().toUpperCase(Locale.ROOT));
    }
    int change = rnd.nextInt(100);
    if (change < 10) {
      // a new employer: company, domain, city, address and phone all change
      Company c = companies.get(rnd.nextInt(companies.size()));
      row.put("company", c.name() + " " + c.forms().get(0));
      row.put("email", workEmail(c, p.first(), p.last(), used));
      row.put("city", CITIES[c.city()][0]);
      row.put("postcode", c.postcode());
      row.remove("address");
      row.put("phone", formatPhone(rnd.nextInt(2) == 0 ? c.switchboard() : phoneDigits(rnd), rnd.nextInt(4)));
    } else if (change < 20) {
      // a private address, the home phone and the home address (a webinar sign-up from home)
      row.put("email", p.personalEmail());
      row.put("phone", formatPhone(p.homePhone(), rnd.nextInt(4)));
      row.put("address", p.homeAddress());
      row.put("postcode", p.homePostcode());
      if (rnd.nextInt(2) == 0) {
        row.remove("company");
      }
    } else if (change < 28) {
      // a new alias at the same company
      String email = p.email();
      int at = email.indexOf('@');
      String alias = ascii(p.first()) + "_" + ascii(p.last()).charAt(0) + email.substring(at);
      row.put("email", alias);
    } else if (change < 34) {
      row.remove("email");
    } else if (change < 40) {
      row.put("email", p.email().toUpperCase(Locale.ROOT));
    }
    int ph = rnd.nextInt(8);
    if (ph == 0) {
      row.remove("phone");
    } else if (ph < 4 && row.get("phone") != null) {
      String digits = ((String) row.get("phone")).replaceAll("[^0-9]", "");
      digits = digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
      row.put("phone", formatPhone(digits, rnd.nextInt(4)));
    }
    String company = (String) row.get("company");
    if (company != null && rnd.nextInt(3) == 0) {
      Company own = companies.get(p.company());
      if (company.startsWith(own.name())) {
        List<String> forms = own.forms();
        int f = rnd.nextInt(forms.size() + 1);
        row.put("company", f == forms.size() ? own.name() : own.name() + (forms.get(f).startsWith(",") ? "" : " ") + forms.get(f));
      }
    }
    if (rnd.nextInt(12) == 0) {
      row.remove("city");
    }
    if (rnd.nextInt(6) == 0) {
      row.remove("address");
    }
    return row;
  }

  private static String formatPhone(String d, int style) {
    if (d.length() != 10) {
      return d;
    }
    String a = d.substring(0, 3);
    String b = d.substring(3, 6);
    String c = d.substring(6);
    return switch (style) {
      case 0 -> "+1 " + a + " " + b + " " + c;
      case 1 -> "(" + a + ") " + b + "-" + c;
      case 2 -> a + "." + b + "." + c;
      default -> d;
    };
  }

  private static String typo(String s, SplittableRandom rnd) {
    return Typos.typo(s, rnd, 4, false);
  }
}
