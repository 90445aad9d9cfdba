package dev.mops.identity.account;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded generator of a labelled lead-to-account set: accounts with rare and common names,
 * subsidiaries on their parent's domain in other countries, renamed companies (leads still use the
 * old name), and leads with work emails, free-mail addresses, websites, name variants and typos,
 * plus leads of companies that are not accounts (the right answer is no match).
 */
final class LabelledAccounts {

  static final String[] SYLLABLES = {"jen", "el", "ing", "var", "tos", "kri", "mal", "dor", "qui", "zen", "bra", "lux",
      "tor", "vin", "sel", "mar", "ok", "ti", "ra", "nu", "pel", "gor", "fa", "sul"};
  static final String[] COMMON = {"Global", "Systems", "Solutions", "Tech", "Acme", "Group", "Digital", "Labs",
      "Partners", "Consulting", "Data", "Cloud", "Robotics", "Health", "Energy", "Logistics"};
  static final String[] LEGAL = {"Inc", "Inc.", "LLC", "Ltd", "GmbH", "Corp.", "", "", ""};
  static final String[][] PLACES = {
      {"US", "United States", "Boston", "Austin", "Denver"}, {"GB", "United Kingdom", "London", "Leeds", "Bristol"},
      {"DE", "Germany", "Berlin", "Munich", "Hamburg"}, {"FR", "France", "Paris", "Lyon", "Lille"},
      {"CA", "Canada", "Toronto", "Ottawa", "Calgary"}, {"ES", "Spain", "Madrid", "Seville", "Valencia"},
      {"IN", "India", "Pune", "Chennai", "Delhi"}, {"AU", "Australia", "Sydney", "Perth", "Hobart"}};
  static final String[] FREE = {"gmail.com", "yahoo.com", "outlook.com", "comcast.net", "hotmail.co.uk", "gmx.de"};
  static final String[] TLDS = {".com", ".com", ".io", ".de", ".co.uk", ".fr"};

  /** A lead and the id of its account (null: none). */
  record Lead(Map<String, Object> fields, String truth) {}

  final List<Map<String, Object>> accounts = new ArrayList<>();
  final List<Lead> leads = new ArrayList<>();
  private final Random rnd;
  private final Set<String> usedDomains = new HashSet<>();
  private final Set<String> usedRare = new HashSet<>();

  LabelledAccounts(long seed, int accountCount, int leadCount) {
    this.rnd = new Random(seed);
    List<String[]> info = new ArrayList<>(); // id, display name, domain, country idx, old name or ""
    for (int i = 0; i < accountCount; i++) {
      String id = "A" + i;
      String name = name();
      String domain = domain(name);
      int place = rnd.nextInt(PLACES.length);
      String old = rnd.nextInt(100) < 5 ? capitalize(rare()) : "";
      add(id, name, domain, place);
      info.add(new String[] {id, name, domain, Integer.toString(place), old});
      if (rnd.nextInt(100) < 10) { // a subsidiary on the parent's domain, in another country
        int other = (place + 1 + rnd.nextInt(PLACES.length - 1)) % PLACES.length;
        String sid = id + "-" + PLACES[other][0];
        String sname = name + " " + PLACES[other][1];
        add(sid, sname, domain, other);
        info.add(new String[] {sid, sname, domain, Integer.toString(other), ""});
        i++;
      }
    }
    for (int k = 0; k < leadCount; k++) {
      if (rnd.nextInt(100) < 20) {
        leads.add(stranger(k));
        continue;
      }
      String[] a = info.get(rnd.nextInt(info.size()));
      leads.add(lead(k, a));
    }
  }

  private void add(String id, String name, String domain, int place) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("account_id", id);
    m.put("name", name + suffix());
    m.put("domain", rnd.nextBoolean() ? domain : "https://www." + domain + "/");
    m.put("country", PLACES[place][0]);
    m.put("city", PLACES[place][2 + rnd.nextInt(3)]);
    m.put("contacts", Integer.toString(rnd.nextInt(200)));
    accounts.add(m);
  }

  private String suffix() {
    String l = LEGAL[rnd.nextInt(LEGAL.length)];
    return l.isEmpty() ? "" : " " + l;
  }

  private String rare() {
    while (true) {
      StringBuilder sb = new StringBuilder();
      int n = 2 + rnd.nextInt(2);
      for (int i = 0; i < n; i++) {
        sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
      }
      if (sb.length() >= 5 && usedRare.add(sb.toString())) {
        return sb.toString();
      }
    }
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private String name() {
    int kind = rnd.nextInt(100);
    if (kind < 50) {
      return capitalize(rare()) + " " + COMMON[rnd.nextInt(COMMON.length)];
    }
    if (kind < 75) {
      return capitalize(rare());
    }
    return COMMON[rnd.nextInt(COMMON.length)] + " " + COMMON[rnd.nextInt(COMMON.length)];
  }

  private String domain(String name) {
    String base = name.toLowerCase(Locale.ROOT).replace(" ", "");
    String d = base + TLDS[rnd.nextInt(TLDS.length)];
    int n = 2;
    while (!usedDomains.add(d)) {
      d = base + n++ + TLDS[rnd.nextInt(TLDS.length)];
    }
    return d;
  }

  private String person() {
    return "p" + rnd.nextInt(100_000);
  }

  private String typo(String name) {
    String[] words = name.split(" ");
    int w = 0;
    if (words[0].length() < 5) {
      return name;
    }
    char[] c = words[w].toCharArray();
    int i = 1 + rnd.nextInt(c.length - 1);
    c[i] = (char) ('a' + rnd.nextInt(26));
    words[w] = new String(c);
    return String.join(" ", words);
  }

  private Lead lead(int k, String[] a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", Integer.toString(k));
    String name = a[4].isEmpty() ? a[1] : a[4]; // a renamed company's leads use the old name
    int mail = rnd.nextInt(100);
    if (mail < 65) {
      m.put("email", person() + "@" + (rnd.nextInt(10) == 0 ? "mail." : "") + a[2]);
    } else if (mail < 90) {
      m.put("email", person() + "@" + FREE[rnd.nextInt(FREE.length)]);
    } else {
      m.put("website", "http://" + a[2]);
    }
    int variant = rnd.nextInt(100);
    if (variant < 60) {
      m.put("company", name + suffix());
    } else if (variant < 80) {
      m.put("company", name.toUpperCase(Locale.ROOT) + suffix());
    } else if (variant < 95) {
      m.put("company", typo(name));
    }
    int place = Integer.parseInt(a[3]);
    if (rnd.nextInt(100) < 85) {
      m.put("country", rnd.nextBoolean() ? PLACES[place][0] : PLACES[place][1]);
    }
    return new Lead(m, a[0]);
  }

  private Lead stranger(int k) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", Integer.toString(k));
    String name = rnd.nextBoolean() ? capitalize(rare()) + " " + COMMON[rnd.nextInt(COMMON.length)] : capitalize(rare());
    if (rnd.nextBoolean()) {
      m.put("email", person() + "@" + domain(name));
    } else {
      m.put("email", person() + "@" + FREE[rnd.nextInt(FREE.length)]);
    }
    m.put("company", name);
    m.put("country", PLACES[rnd.nextInt(PLACES.length)][0]);
    return new Lead(m, "");
  }

  static Map<String, Integer> countByTruth(List<Lead> leads) {
    Map<String, Integer> m = new HashMap<>();
    for (Lead l : leads) {
      m.merge(l.truth().isEmpty() ? "none" : "account", 1, Integer::sum);
    }
    return m;
  }
}
