package dev.mops.testkit;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generator of messy organisation records (sites of companies) with known truth, for
 * organisation dedupe tests.
 *
 * <p>The entity is a <b>site</b>: one company at one address. The traps:
 *
 * <ul>
 *   <li><b>Sites of one company</b> in several cities share the brand ({@code Jeneling Systems}
 *       in Boston and in Leeds are two entities), often the head office's phone, and sometimes a
 *       city suffix in the name ({@code Jeneling Systems - Boston}).
 *   <li><b>Common words</b>: different companies share words ({@code Summit Partners}, {@code
 *       Summit Group}, {@code Global Systems}); a fifth of the brands have no rare word at all.
 *   <li><b>Name variants</b>: legal forms added, dropped or written differently ({@code Inc},
 *       {@code Inc.}, {@code Incorporated}), {@code &} for {@code and}, case, word abbreviations
 *       ({@code Intl}, {@code Tech}, {@code Svcs}), typos.
 *   <li><b>Address variants</b>: street types, directions and units in long and short forms
 *       ({@code 200 North Main Street, Suite 5}, {@code 200 N Main St #5}), ordinals ({@code
 *       First Avenue}, {@code 1st Ave}), typos, missing values.
 *   <li><b>Phones</b> in several formats, the site's own line or the head office's switchboard.
 * </ul>
 *
 * <p>Columns: {@link #COLUMNS}; the truth is {@link SyntheticLeads.Dataset#entityOf()}. A site has
 * one to six records (about two on average). Output depends only on the count and the seed.
 *
 * <p>{@link #generateMessy} is a harder mode, closer to a CRM's account export: sites have one to
 * nine records (about four, two true pairs a record), names carry site and branch labels ({@code
 * Jeneling Systems - Boston Office}, {@code JENELING SYSTEMS CORPORATION (HQ)}, {@code Jeneling
 * Systems, Downtown Branch}) and now and then an initialism ({@code JGS} for {@code Jeneling Global
 * Systems}), units are written as suites, floors or units or left out ({@code Suite 400}, {@code
 * 4th Floor}, {@code Fl 4}), phones take more formats, extensions and a quarter are missing, and
 * companies have several sites in one city: same name, same city, different street, not the same
 * entity.
 *
 * <p>Thread safety: stateless; each call uses its own random generator.
 */
public final class SyntheticOrganisations {

  /** The columns of a generated record. */
  public static final List<String> COLUMNS =
      List.of("id", "name", "address", "city", "postcode", "country", "phone");

  /** Most records one call generates. */
  public static final int MAX_COUNT = 5_000_000;

  private static final String[] COMMON = {
    "Systems", "International", "Group", "Solutions", "Technologies", "Services", "Global", "Partners",
    "Holdings", "Consulting", "Industries", "Digital", "Capital", "Summit", "Pacific", "United", "National",
    "General", "Advanced", "Data", "Health", "Energy", "Logistics", "Software", "Media", "Medical", "Labs",
    "Networks", "Design", "Engineering",
  };

  private static final Map<String, String> ABBREVIATIONS = Map.of(
      "International", "Intl", "Technologies", "Tech", "Services", "Svcs", "Systems", "Sys",
      "Engineering", "Eng", "Holdings", "Hldgs", "Industries", "Inds", "Consulting", "Cons");

  private static final String[][] LEGAL = {
    {"Inc", "Inc.", "Incorporated", "INC"},
    {"Ltd", "Ltd.", "Limited", "LTD"},
    {"LLC", "L.L.C.", "llc"},
    {"Corp", "Corp.", "Corporation"},
    {"GmbH", "G.m.b.H.", "GMBH"},
    {"B.V.", "BV", "B V"},
    {"plc", "PLC", "P.L.C."},
    {"S.A.", "SA"},
    {"AG", "A.G."},
  };

  private static final String[] SYLLABLES = {
    "jen", "el", "ing", "kor", "vex", "tal", "mar", "qui", "zen", "dor", "fal", "bri", "nov", "ax", "lum", "ter",
    "sol", "vin", "rak", "ost", "pel", "gra", "hux", "mir", "oda", "ryn", "syl", "tov", "ul", "wex",
  };

  private static final String[][] CITIES = {
    {"Boston", "02", "US"}, {"Chicago", "60", "US"}, {"Denver", "80", "US"}, {"Seattle", "98", "US"},
    {"Austin", "78", "US"}, {"Atlanta", "30", "US"}, {"Leeds", "LS", "GB"}, {"Manchester", "M", "GB"},
    {"Bristol", "BS", "GB"}, {"Dublin", "D", "IE"}, {"Toronto", "M5", "CA"}, {"Sydney", "20", "AU"},
  };

  private static final String[] STREETS = {
    "Main", "Oak", "Maple", "Cedar", "Park", "Washington", "Lake", "Hill", "Market", "Church", "High", "Mill",
    "Station", "Bridge", "King", "Queen", "Elm", "Pine", "River", "Spring",
  };

  /** Street types: long form, short forms. */
  private static final String[][] TYPES = {
    {"Street", "St", "St."}, {"Avenue", "Ave", "Ave."}, {"Road", "Rd", "Rd."}, {"Boulevard", "Blvd", "Blvd."},
    {"Drive", "Dr", "Dr."}, {"Lane", "Ln"}, {"Parkway", "Pkwy"}, {"Place", "Pl"},
  };

  private static final String[][] DIRECTIONS = {{"North", "N", "N."}, {"South", "S", "S."}, {"East", "E"}, {"West", "W"}};

  private static final String[][] ORDINALS = {{"First", "1st"}, {"Second", "2nd"}, {"Third", "3rd"}, {"Fifth", "5th"}};

  private SyntheticOrganisations() {}

  private record Company(String brand, int legal, String headPhone, int headCity) {}

  private record Site(int company, int city, String phone, boolean usesHeadPhone, int number, int direction,
      int street, int type, int ordinal, int unit, String postcode, int floor, String label) {}

  /** Branch labels of a site in the messy mode ({@code %s} is the city). */
  private static final String[] BRANCH_LABELS = {
    "%s Office", "%s Branch", "Downtown", "%s Sales Office", "%s Service Center", "%s Plant", "Midtown", "%s Depot",
  };

  /**
   * Generates {@code count} organisation records.
   *
   * @param count how many records, 1 to {@link #MAX_COUNT}
   * @param seed the random seed
   */
  public static SyntheticLeads.Dataset generate(int count, long seed) {
    return generate(count, seed, false);
  }

  /**
   * Generates {@code count} messier organisation records (see the class comment): more records a
   * site, branch labels, initialisms, floors and units, more phone formats and missing phones, and
   * several sites of one company in one city.
   *
   * @param count how many records, 1 to {@link #MAX_COUNT}
   * @param seed the random seed
   */
  public static SyntheticLeads.Dataset generateMessy(int count, long seed) {
    return generate(count, seed, true);
  }

  private static SyntheticLeads.Dataset generate(int count, long seed, boolean messy) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count " + count + " must be between 1 and " + MAX_COUNT);
    }
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Company> companies = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    // about 1.8 records a site: enough sites that the records never run short
    int sitesWanted = Math.max(1, messy ? count / 4 + 10 : count * 2 / 3 + 10);
    while (sites.size() < sitesWanted) {
      Company c = new Company(brand(rnd), rnd.nextInt(LEGAL.length), phone(rnd), rnd.nextInt(CITIES.length));
      companies.add(c);
      // sites per company: most have one, some a handful, a few many
      int n = (int) Math.min(15, Math.floor(Math.pow(rnd.nextDouble(), -0.9)));
      List<Integer> cities = new ArrayList<>();
      for (int s = 0; s < n && sites.size() < sitesWanted; s++) {
        int city = s == 0 ? c.headCity() : rnd.nextInt(CITIES.length);
        if (cities.contains(city) && rnd.nextInt(3) > 0 && !messy) {
          continue;
        }
        if (messy && s > 0 && rnd.nextInt(3) == 0) {
          city = cities.get(rnd.nextInt(cities.size())); // another site in a city the company is in
        }
        cities.add(city);
        boolean head = s > 0 && rnd.nextInt(3) == 0;
        String postcode = CITIES[city][1] + (100 + rnd.nextInt(900));
        sites.add(new Site(companies.size() - 1, city, s == 0 ? c.headPhone() : phone(rnd), head,
            1 + rnd.nextInt(2500), rnd.nextInt(3) == 0 ? rnd.nextInt(DIRECTIONS.length) : -1,
            rnd.nextInt(STREETS.length), rnd.nextInt(TYPES.length),
            rnd.nextInt(8) == 0 ? rnd.nextInt(ORDINALS.length) : -1,
            rnd.nextInt(3) == 0 ? 100 + rnd.nextInt(900) : -1, postcode,
            messy && rnd.nextInt(3) == 0 ? 2 + rnd.nextInt(20) : -1,
            messy ? (s == 0 ? "HQ" : BRANCH_LABELS[rnd.nextInt(BRANCH_LABELS.length)]) : ""));
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>(count);
    Map<String, String> truth = new HashMap<>(count * 2);
    for (int s = 0; s < sites.size() && rows.size() < count; s++) {
      Site site = sites.get(s);
      Company c = companies.get(site.company());
      int records = messy ? 1 + (rnd.nextInt(10) < 2 ? 0 : 1 + rnd.nextInt(8) / 2 + rnd.nextInt(4))
          : 1 + (rnd.nextInt(100) < 55 ? 1 + (rnd.nextInt(10) < 7 ? 0 : rnd.nextInt(4)) : 0);
      for (int r = 0; r < records && rows.size() < count; r++) {
        Map<String, Object> row = messy ? messyRecord(c, site, r == 0, rnd) : record(c, site, r == 0, rnd);
        String id = "O" + rows.size();
        row.put("id", id);
        rows.add(row);
        truth.put(id, "S" + s);
      }
    }
    List<Record> out = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      out.add(Records.of(row));
    }
    return new SyntheticLeads.Dataset(out, truth);
  }

  /** A brand: a rare made-up word with a common word or two, or (one in five) common words only. */
  private static String brand(SplittableRandom rnd) {
    if (rnd.nextInt(5) == 0) {
      String a = COMMON[rnd.nextInt(COMMON.length)];
      String b = COMMON[rnd.nextInt(COMMON.length)];
      return a.equals(b) ? a + " " + COMMON[(rnd.nextInt(COMMON.length - 1) + 1 + indexOf(a)) % COMMON.length]
          : a + " " + b;
    }
    StringBuilder w = new StringBuilder();
    int syllables = 2 + rnd.nextInt(2);
    for (int i = 0; i < syllables; i++) {
      w.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
    }
    String word = Character.toUpperCase(w.charAt(0)) + w.substring(1);
    switch (rnd.nextInt(3)) {
      case 0:
        return word;
      case 1:
        return word + " " + COMMON[rnd.nextInt(COMMON.length)];
      default:
        return word + " " + COMMON[rnd.nextInt(COMMON.length)] + " " + COMMON[rnd.nextInt(COMMON.length)];
    }
  }

  private static int indexOf(String common) {
    for (int i = 0; i < COMMON.length; i++) {
      if (COMMON[i].equals(common)) {
        return i;
      }
    }
    return 0;
  }

  private static String phone(SplittableRandom rnd) {
    return (200 + rnd.nextInt(800)) + "" + (200 + rnd.nextInt(800)) + "" + (1000 + rnd.nextInt(9000));
  }

  private static Map<String, Object> record(Company c, Site site, boolean original, SplittableRandom rnd) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "");
    row.put("name", name(c, site, original, rnd));
    row.put("address", original || rnd.nextInt(12) > 0 ? address(site, original, rnd) : null);
    row.put("city", original || rnd.nextInt(10) > 0 ? CITIES[site.city()][0] : null);
    row.put("postcode", original || rnd.nextInt(5) > 0 ? site.postcode() : null);
    row.put("country", CITIES[site.city()][2]);
    String phone = site.usesHeadPhone() || (!original && rnd.nextInt(6) == 0) ? c.headPhone() : site.phone();
    row.put("phone", original || rnd.nextInt(6) > 0 ? formatPhone(phone, rnd) : null);
    return row;
  }

  private static Map<String, Object> messyRecord(Company c, Site site, boolean original, SplittableRandom rnd) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", "");
    String name = name(c, site, original, rnd);
    if (!original && rnd.nextInt(25) == 0) {
      name = initialism(c.brand(), name);
    }
    row.put("name", withLabel(name, site, rnd));
    row.put("address", original || rnd.nextInt(10) > 0 ? messyAddress(site, original, rnd) : null);
    row.put("city", original || rnd.nextInt(8) > 0 ? CITIES[site.city()][0] : null);
    row.put("postcode", original || rnd.nextInt(4) > 0 ? site.postcode() : null);
    row.put("country", rnd.nextInt(10) == 0 ? countryName(CITIES[site.city()][2]) : CITIES[site.city()][2]);
    String phone = site.usesHeadPhone() || (!original && rnd.nextInt(6) == 0) ? c.headPhone() : site.phone();
    row.put("phone", rnd.nextInt(4) > 0 ? messyPhone(phone, rnd) : null);
    return row;
  }

  /** The initials of a brand of three words or more ({@code JGS}), in place of the brand in a name. */
  private static String initialism(String brand, String name) {
    String[] words = brand.split(" ", -1);
    if (words.length < 3) {
      return name;
    }
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      b.append(Character.toUpperCase(w.charAt(0)));
    }
    return b.toString();
  }

  /** A site or branch label added to a name, half of the time, in one of several forms. */
  private static String withLabel(String name, Site site, SplittableRandom rnd) {
    if (rnd.nextBoolean()) {
      return name;
    }
    String city = CITIES[site.city()][0];
    String label = site.label().equals("HQ")
        ? new String[] {"HQ", "Headquarters", "Head Office", "Main Office"}[rnd.nextInt(4)]
        : String.format(Locale.ROOT, site.label(), city);
    switch (rnd.nextInt(3)) {
      case 0:
        return name + " - " + label;
      case 1:
        return name + " (" + label + ")";
      default:
        return name + ", " + label;
    }
  }

  private static String countryName(String code) {
    switch (code) {
      case "US":
        return "United States";
      case "GB":
        return "United Kingdom";
      case "IE":
        return "Ireland";
      case "CA":
        return "Canada";
      default:
        return "Australia";
    }
  }

  /** An address with the floor and unit in one of their forms, or left out. */
  private static String messyAddress(Site site, boolean original, SplittableRandom rnd) {
    String street = address(new Site(site.company(), site.city(), site.phone(), site.usesHeadPhone(), site.number(),
        site.direction(), site.street(), site.type(), site.ordinal(), -1, site.postcode(), -1, ""), original, rnd);
    StringBuilder b = new StringBuilder(street);
    if (site.floor() >= 0 && (original || rnd.nextInt(4) > 0)) {
      int f = site.floor();
      String[] floors = {"Floor " + f, ordinal(f) + " Floor", "Fl " + f, "Fl. " + f, ordinal(f) + " Fl"};
      b.append(", ").append(floors[rnd.nextInt(floors.length)]);
    }
    if (site.unit() >= 0 && (original || rnd.nextInt(4) > 0)) {
      int u = site.unit();
      String[] units = {"Suite " + u, "Ste " + u, "#" + u, "Ste. " + u, "Unit " + u, "Suite #" + u};
      b.append(rnd.nextBoolean() ? ", " : " ").append(units[rnd.nextInt(units.length)]);
    }
    return b.toString();
  }

  private static String ordinal(int n) {
    String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
        : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
    return n + suffix;
  }

  private static String messyPhone(String digits, SplittableRandom rnd) {
    String a = digits.substring(0, 3);
    String b = digits.substring(3, 6);
    String c = digits.substring(6);
    String p;
    switch (rnd.nextInt(7)) {
      case 0:
        p = digits;
        break;
      case 1:
        p = "(" + a + ") " + b + "-" + c;
        break;
      case 2:
        p = a + "." + b + "." + c;
        break;
      case 3:
        p = "+1 " + a + " " + b + " " + c;
        break;
      case 4:
        p = "+1-" + a + "-" + b + "-" + c;
        break;
      case 5:
        p = "1 (" + a + ") " + b + " " + c;
        break;
      default:
        p = a + "-" + b + "-" + c;
        break;
    }
    return rnd.nextInt(8) == 0 ? p + " x" + (100 + rnd.nextInt(900)) : p;
  }

  private static String name(Company c, Site site, boolean original, SplittableRandom rnd) {
    String brand = c.brand();
    if (original) {
      return brand + " " + LEGAL[c.legal()][0];
    }
    List<String> words = new ArrayList<>(List.of(brand.split(" ")));
    for (int i = 0; i < words.size(); i++) {
      String abbreviation = ABBREVIATIONS.get(words.get(i));
      if (abbreviation != null && rnd.nextInt(3) == 0) {
        words.set(i, abbreviation);
      }
    }
    if (words.size() > 1 && rnd.nextInt(6) == 0) {
      words.remove(words.size() - 1); // a common trailing word dropped
    }
    String name = String.join(rnd.nextInt(8) == 0 ? " & " : " ", words);
    if (rnd.nextInt(6) == 0) {
      name = typo(name, rnd);
    }
    int legal = rnd.nextInt(4);
    if (legal > 0) {
      String[] forms = LEGAL[c.legal()];
      name = name + (rnd.nextBoolean() ? ", " : " ") + forms[rnd.nextInt(forms.length)];
    }
    if (rnd.nextInt(5) == 0) {
      name = name + " - " + CITIES[site.city()][0];
    }
    switch (rnd.nextInt(4)) {
      case 0:
        return name.toUpperCase(Locale.ROOT);
      case 1:
        return name.toLowerCase(Locale.ROOT);
      default:
        return name;
    }
  }

  private static String address(Site site, boolean original, SplittableRandom rnd) {
    boolean longForm = original ? rnd.nextBoolean() : rnd.nextInt(3) == 0;
    StringBuilder b = new StringBuilder();
    b.append(site.number()).append(' ');
    if (site.direction() >= 0) {
      String[] d = DIRECTIONS[site.direction()];
      b.append(longForm ? d[0] : d[1 + rnd.nextInt(d.length - 1)]).append(' ');
    }
    if (site.ordinal() >= 0) {
      String[] o = ORDINALS[site.ordinal()];
      b.append(longForm ? o[0] : o[rnd.nextInt(o.length)]);
    } else {
      String street = STREETS[site.street()];
      b.append(!original && rnd.nextInt(10) == 0 ? typo(street, rnd) : street);
    }
    String[] t = TYPES[site.type()];
    b.append(' ').append(longForm ? t[0] : t[1 + rnd.nextInt(t.length - 1)]);
    if (site.unit() >= 0) {
      String[] units = {"Suite " + site.unit(), "Ste " + site.unit(), "#" + site.unit(), "Ste. " + site.unit(),
          "Unit " + site.unit()};
      b.append(rnd.nextBoolean() ? ", " : " ").append(longForm ? units[0] : units[rnd.nextInt(units.length)]);
    }
    String s = b.toString();
    return rnd.nextInt(4) == 0 ? s.toUpperCase(Locale.ROOT) : s;
  }

  private static String formatPhone(String digits, SplittableRandom rnd) {
    switch (rnd.nextInt(4)) {
      case 0:
        return digits;
      case 1:
        return "(" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "-" + digits.substring(6);
      case 2:
        return digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
      default:
        return "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }
  }

  private static String typo(String s, SplittableRandom rnd) {
    return Typos.typo(s, rnd, 4, true);
  }
}
