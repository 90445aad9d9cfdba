package dev.mops.identity.dedupe;

import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Infers a dedupe config from column names and sample values (the no-config mode).
 *
 * <p>Thread safety: stateless.
 */
final class FieldInference {

  private static final int SAMPLE = 2000;
  private static final int MAX_KEYS = 12;

  private FieldInference() {}

  private enum Role { EMAIL, PHONE, ID, DOB, FIRST, LAST, FULL_NAME, POSTCODE, HOUSE_NUMBER, ADDRESS, COMPANY, DOMAIN, CITY, REGION, TEXT, TEXT_LIST }

  static DedupeConfig infer(Collection<String> columns, List<? extends Record> sample) {
    List<? extends Record> s = sample.size() > SAMPLE ? sample.subList(0, SAMPLE) : sample;
    DedupeConfig.Builder b = DedupeConfig.builder();
    List<String> first = new ArrayList<>();
    List<String> last = new ArrayList<>();
    List<String> full = new ArrayList<>();
    List<String> places = new ArrayList<>();
    Set<List<String>> keys = new LinkedHashSet<>();
    int count = 0;
    List<String> declared = new ArrayList<>();
    List<String> organisation = new ArrayList<>();
    List<String> companies = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    List<String> cities = new ArrayList<>();
    List<String> postcodes = new ArrayList<>();
    boolean contact = false;
    boolean organisationFile = OrgInference.organisationFile(columns, c -> {
      Role r = role(c, s);
      return r == null ? "" : r.name();
    });
    boolean leads = isLeadFile(columns, s);
    for (String column : columns) {
      if (count == DedupeConfig.MAX_FIELDS) {
        break;
      }
      Role role = role(column, s);
      if (role == null) {
        continue;
      }
      count++;
      declared.add(column);
      if (role == Role.COMPANY || role == Role.ADDRESS || role == Role.POSTCODE || role == Role.CITY
          || role == Role.DOMAIN || role == Role.EMAIL || role == Role.PHONE) {
        organisation.add(column);
      }
      switch (role) {
        case EMAIL:
          // In a lead file (people with a company) an email is compared exactly: a near-equal
          // address is a namesake at another company (james.smith@a.com, james.smith@b.com) or a
          // colleague (heather@, heatherr@) as often as a typo.
          b.field(leads
              ? FieldRule.of(column, FieldKind.EMAIL, ComparatorType.EXACT)
              : FieldRule.of(column, FieldKind.EMAIL, ComparatorType.JARO_WINKLER, 0.9));
          keys.add(List.of(column));
          contact = true;
          break;
        case PHONE:
          b.field(FieldRule.of(column, FieldKind.PHONE, ComparatorType.DAMERAU_LEVENSHTEIN, 1));
          keys.add(List.of(column));
          contact = true;
          break;
        case ID:
          b.field(FieldRule.of(column, FieldKind.IDENTIFIER, ComparatorType.DAMERAU_LEVENSHTEIN, 1, 2));
          keys.add(List.of(column));
          contact = true;
          break;
        case DOB:
          b.field(FieldRule.of(column, FieldKind.DATE, ComparatorType.DATE, 365));
          keys.add(List.of(column));
          places.add("year(" + column + ")");
          break;
        case FIRST:
          b.field(FieldRule.of(column, FieldKind.FIRST_NAME, ComparatorType.NAME, 0.92, 0.8));
          first.add(column);
          break;
        case LAST:
          b.field(FieldRule.of(column, FieldKind.NAME, ComparatorType.PHONETIC, 0.92, 0.8));
          last.add(column);
          break;
        case FULL_NAME:
          b.field(FieldRule.of(column, FieldKind.NAME, ComparatorType.TOKEN_SET, 0.8, 0.5));
          full.add(column);
          break;
        case POSTCODE:
          b.field(FieldRule.of(column, FieldKind.POSTCODE, ComparatorType.DAMERAU_LEVENSHTEIN, 1));
          places.add(column);
          postcodes.add(column);
          break;
        case HOUSE_NUMBER:
          b.field(FieldRule.of(column, FieldKind.TEXT, ComparatorType.EXACT));
          break;
        case ADDRESS:
          b.field(FieldRule.of(column, FieldKind.ADDRESS, ComparatorType.QGRAM, 0.8, 0.6));
          addresses.add(column);
          break;
        case COMPANY:
          b.field(organisationFile && companies.isEmpty() ? OrgInference.nameRule(column)
              : FieldRule.of(column, FieldKind.COMPANY, ComparatorType.TOKEN_SET, 0.8, 0.5));
          keys.add(List.of("sorted_tokens(" + column + ")"));
          companies.add(column);
          break;
        case DOMAIN:
          b.field(FieldRule.of(column, FieldKind.DOMAIN, ComparatorType.EXACT));
          break;
        case CITY:
          b.field(FieldRule.of(column, FieldKind.TEXT, ComparatorType.JARO_WINKLER, 0.92, 0.8));
          places.add(column);
          cities.add(column);
          break;
        case REGION:
          // a country column by its code (United States, USA and US agree); states and regions as text
          b.field(FieldRule.of(column, column.toLowerCase(Locale.ROOT).contains("country") ? FieldKind.COUNTRY
              : FieldKind.TEXT, ComparatorType.EXACT));
          break;
        case TEXT_LIST:
          if (organisationFile) {
            // codes or co-applicants of an organisation (patent classes): what it does, not who it is
            count--;
            declared.remove(column);
            break;
          }
          // a list of codes or words in one cell (A61N**A61B, red; blue): compared as a set
          b.field(FieldRule.of(column, FieldKind.TEXT, ComparatorType.TOKEN_SET, 0.8, 0.5));
          break;
        case TEXT:
        default:
          b.field(FieldRule.of(column, FieldKind.TEXT, ComparatorType.JARO_WINKLER, 0.92, 0.8));
          break;
      }
    }
    if (count == 0) {
      throw new IllegalArgumentException("no column could be used for matching among " + columns);
    }
    List<String> names = new ArrayList<>();
    for (String l : last) {
      names.add("phonetic(" + l + ")");
    }
    for (String f : first) {
      names.add("phonetic(" + f + ")");
    }
    for (String f : full) {
      names.add("first_token(" + f + ")");
      names.add("last_token(" + f + ")");
    }
    if (!last.isEmpty() && !first.isEmpty()) {
      keys.add(List.of("phonetic(" + last.get(0) + ")", "phonetic(" + first.get(0) + ")"));
      keys.add(List.of("prefix(" + last.get(0) + ", 2)", "prefix(" + first.get(0) + ", 2)"));
    }
    for (String n : names) {
      for (String p : places) {
        keys.add(List.of(n, p));
      }
    }
    if (keys.isEmpty()) {
      // no identifying or name field: block on the first tokens of the first fields
      for (int i = 0; i < declared.size() && keys.size() < 3; i++) {
        keys.add(List.of("first_token(" + declared.get(i) + ")"));
      }
    }
    // People at one company share its name, address, postcode and city: one piece of evidence.
    boolean people = !first.isEmpty() || !last.isEmpty() || !full.isEmpty();
    if (people && organisation.size() >= 2 && organisation.stream().anyMatch(c -> role(c, s) == Role.COMPANY)) {
      b.evidenceGroup(organisation.toArray(new String[0]));
    }
    if (leads) {
      // A lead file at scale: different people share first names, companies and cities, so the
      // model is learned from pairs sharing an email or phone (not by EM, which learns "same
      // company"), allows for changed contact details, and takes its prior over all pairs, which
      // falls as the file grows and namesakes multiply; its probabilities are then calibrated
      // enough for a match threshold of 0.9.
      b.mFromSharedIdentifiers(true);
      b.minChangeShare(LEAD_CHANGE_SHARE);
      b.priorScope(PriorScope.ALL_PAIRS);
      b.thresholds(LEAD_MATCH_THRESHOLD, LEAD_REVIEW_THRESHOLD);
      // A sign-up from home (a personal email) has the home phone and address: against the office
      // record at the same company, their difference is no evidence of two people; work emails at
      // two domains are two organisations, whatever their names share.
      b.emailDomains(true);
    }
    if (!people && !companies.isEmpty()) {
      // An organisation file: names vary by words (legal forms, abbreviations, word order), so
      // records are also blocked on the first and on the last word of the name.
      keys.add(List.of("first_token(" + companies.get(0) + ")"));
      keys.add(List.of("last_token(" + companies.get(0) + ")"));
      if (organisationFile) {
        // A record whose name is written quite differently (an initialism, a typo in its first
        // word, a branch label) still shares its street number with the city or postcode.
        for (String a : addresses.subList(0, Math.min(1, addresses.size()))) {
          for (String c : cities.subList(0, Math.min(1, cities.size()))) {
            keys.add(List.of("first_token(" + a + ")", c));
          }
          for (String pc : postcodes.subList(0, Math.min(1, postcodes.size()))) {
            keys.add(List.of("first_token(" + a + ")", pc));
          }
        }
        if (contact) {
          // Sites of one company share its name, its city and often its switchboard: a prior over
          // the candidate pairs would let two of them match because the brand blocked them
          // together, and EM learns "same company" (see OrgInference).
          OrgInference.sitesModel(b);
        }
      }
    }
    // Adaptive blocking: parts that may tighten a key whose blocks would exceed its share of the
    // pair budget, most selective first.
    List<String> refine = new ArrayList<>();
    if (!last.isEmpty()) {
      refine.add("phonetic(" + last.get(0) + ")");
    }
    if (!first.isEmpty()) {
      refine.add("prefix(" + first.get(0) + ", 1)");
      // the first name's code, when its initial is not enough: a key that keeps the records
      // without a city (a company key at a million leads would otherwise take the city)
      refine.add("phonetic(" + first.get(0) + ")");
    }
    for (String f : full) {
      refine.add("first_token(" + f + ")");
    }
    if (!companies.isEmpty()) {
      refine.add("first_token(" + companies.get(0) + ")");
    }
    refine.addAll(places);
    if (!refine.isEmpty()) {
      b.refineWith(refine.toArray(new String[0]));
    }
    if (organisationFile) {
      OrgInference.organisationLimits(b);
    }
    int k = 0;
    for (List<String> key : keys) {
      if (k++ == MAX_KEYS) {
        break;
      }
      b.blockingKey(key.toArray(new String[0]));
    }
    return b.build();
  }

  /** The share of duplicates assumed to have changed a contact field, in a lead file. */
  static final double LEAD_CHANGE_SHARE = 0.05;

  /** The match threshold of a lead file's inferred config. */
  static final double LEAD_MATCH_THRESHOLD = 0.9;

  /** The review threshold of a lead file's inferred config. */
  static final double LEAD_REVIEW_THRESHOLD = 0.5;

  /**
   * Whether the columns are those of a lead file: a person's name (first, last or full), a company
   * and an email or a phone.
   */
  static boolean isLeadFile(Collection<String> columns, List<? extends Record> sample) {
    boolean name = false;
    boolean company = false;
    boolean contact = false;
    for (String c : columns) {
      Role r = role(c, sample);
      if (r == Role.FIRST || r == Role.LAST || r == Role.FULL_NAME) {
        name = true;
      } else if (r == Role.COMPANY) {
        company = true;
      } else if (r == Role.EMAIL || r == Role.PHONE) {
        contact = true;
      }
    }
    return name && company && contact;
  }

  private static @Nullable Role role(String column, List<? extends Record> sample) {
    String c = Normalization.lower(column).replaceAll("[^a-z0-9]", "");
    if (c.contains("email") || c.equals("mail") || c.equals("emailaddress")) {
      return Role.EMAIL;
    }
    if (c.contains("phone") || c.contains("mobile") || c.equals("tel") || c.contains("telephone")
        || c.equals("cell") || c.equals("fax")) {
      return Role.PHONE;
    }
    if (c.contains("ssn") || c.contains("socsec") || c.contains("social") || c.contains("passport")
        || c.contains("national") || c.contains("taxid") || c.contains("nino")) {
      return Role.ID;
    }
    if (c.equals("dob") || c.contains("birth") || c.contains("born")) {
      return Role.DOB;
    }
    if (c.contains("first") || c.contains("given") || c.equals("fname") || c.contains("forename")) {
      return Role.FIRST;
    }
    if (c.contains("surname") || c.contains("last") || c.equals("lname") || c.contains("family")) {
      return Role.LAST;
    }
    if (c.contains("zip") || c.contains("postcode") || c.contains("postal")) {
      return Role.POSTCODE;
    }
    if (c.contains("streetnumber") || c.contains("housenumber") || c.contains("streetno") || c.contains("houseno")) {
      return Role.HOUSE_NUMBER;
    }
    if (c.contains("address") || c.contains("street") || c.contains("addr")) {
      return Role.ADDRESS;
    }
    if (c.contains("company") || c.contains("organi") || c.contains("employer") || c.equals("account")
        || c.equals("accountname") || c.contains("business") || c.equals("site") || c.equals("sitename")
        || c.equals("locationname") || c.equals("branch") || c.equals("branchname")) {
      return Role.COMPANY;
    }
    if (c.contains("domain") || c.contains("website") || c.equals("url") || c.equals("web")) {
      return Role.DOMAIN;
    }
    if (c.contains("city") || c.contains("town") || c.contains("suburb") || c.contains("locality")) {
      return Role.CITY;
    }
    if (c.equals("state") || c.contains("province") || c.contains("region") || c.contains("county")
        || c.contains("country")) {
      return Role.REGION;
    }
    if (c.contains("applicant") || c.contains("firm") || c.contains("vendor") || c.contains("supplier")
        || c.contains("institution") || c.contains("sitename") || c.contains("facility") || c.contains("employer")) {
      return Role.COMPANY;
    }
    if (c.equals("name") || c.contains("fullname") || c.equals("contact") || c.equals("contactname")) {
      return organisationNames(column, sample) ? Role.COMPANY : Role.FULL_NAME;
    }
    if (amount(column)) {
      return null; // amounts and counts: numbers, not identifying values
    }
    if (c.equals("id") || c.endsWith("id") || c.contains("cluster") || c.contains("created")
        || c.contains("updated") || c.endsWith("at") || c.contains("time") || c.contains("date")) {
      return null;
    }
    return byValues(column, sample);
  }

  /** Words of organisation names (after folding), besides the legal forms the company normalizer knows. */
  private static final Set<String> ORGANISATION_WORDS = Set.of("technologies", "technology", "electronics",
      "international", "internat", "research", "holding", "holdings", "systems", "group", "bank", "university",
      "universiteit", "institute", "institut", "foundation", "stichting", "company", "corporation", "industries",
      "industrie", "solutions", "services", "laboratories", "labs", "pharma", "pharmaceuticals", "chemicals",
      "chemical", "engineering", "partners", "consulting", "software", "medical", "energy", "hospital", "clinic",
      "school", "college", "centre", "center", "association", "council", "ministry", "agency", "store", "shop",
      "restaurant", "hotel", "church", "trust", "fund", "capital", "enterprises", "products", "manufacturing",
      "industrial", "networks", "communications", "media", "health", "healthcare", "logistics", "motors",
      "instruments", "materials", "biotech", "sciences", "patent", "patents", "maatschappij", "mij", "maats");

  /**
   * Whether a column called {@code name} holds organisations rather than people: fewer than a
   * quarter of its sampled values have a word that is a known given name, and at least one in ten
   * has a legal form or an organisation word ({@code technologies}, {@code holding}, {@code
   * university}, ...).
   */
  static boolean organisationNames(String column, List<? extends Record> sample) {
    int seen = 0;
    int people = 0;
    int organisations = 0;
    for (Record r : sample) {
      String v = Values.asString(r.get(column));
      if (v == null || v.isBlank()) {
        continue;
      }
      seen++;
      String folded = Normalization.fold(v);
      boolean given = false;
      boolean org = !Normalization.company(v).equals(folded);
      for (String w : folded.split(" ")) {
        given |= Nicknames.known(w);
        org |= ORGANISATION_WORDS.contains(w);
      }
      if (given) {
        people++;
      }
      if (org) {
        organisations++;
      }
    }
    return seen > 0 && people * 4 < seen && organisations * 10 >= seen;
  }

  /** Column names of amounts, counts and scores, which no value test may take for phones. */
  private static final Set<String> AMOUNT_WORDS = Set.of("revenue", "amount", "price", "cost", "budget", "salary",
      "income", "spend", "count", "total", "score", "employees", "headcount", "quantity", "qty", "size", "arr",
      "mrr", "value", "sum", "balance");

  /** Whether a word of the column name ({@code annual_revenue}, {@code dealAmount}) names an amount. */
  static boolean amount(String column) {
    String spaced = column.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    for (String w : Normalization.lower(spaced).split("[^a-z0-9]+")) {
      if (AMOUNT_WORDS.contains(w)) {
        return true;
      }
    }
    return Normalization.lower(column).contains("revenue");
  }

  /**
   * Whether a value of digits and phone punctuation is really a number: a decimal ({@code
   * 3200000000.0}, one point followed by one or two digits) or a round amount ({@code 1500000},
   * digits only, ending in {@code 000}).
   */
  static boolean numberNotPhone(String v) {
    int dot = v.indexOf('.');
    if (dot >= 0 && dot == v.lastIndexOf('.') && v.length() - dot - 1 <= 2 && v.length() - dot - 1 >= 1) {
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (i != dot && (ch < '0' || ch > '9') && !(i == 0 && ch == '-')) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        return false;
      }
    }
    return v.endsWith("000");
  }

  private static @Nullable Role byValues(String column, List<? extends Record> sample) {
    int seen = 0;
    int emails = 0;
    int phones = 0;
    int numbers = 0;
    int lists = 0;
    long length = 0;
    Set<String> distinct = new java.util.HashSet<>();
    for (Record r : sample) {
      String v = Values.asString(r.get(column));
      if (v == null || v.isBlank()) {
        continue;
      }
      v = v.strip();
      seen++;
      length += v.length();
      distinct.add(v);
      if (v.indexOf('@') > 0) {
        emails++;
      }
      if (v.contains("**") || v.contains(";") || v.contains("|")) {
        lists++;
      }
      int digits = 0;
      boolean other = false;
      for (int i = 0; i < v.length(); i++) {
        char ch = v.charAt(i);
        if (ch >= '0' && ch <= '9') {
          digits++;
        } else if (" +-().".indexOf(ch) < 0) {
          other = true;
        }
      }
      if (!other && digits >= 7 && !numberNotPhone(v)) {
        phones++;
      }
      if (!other && digits > 0) {
        numbers++;
      }
    }
    if (seen == 0) {
      return null;
    }
    if (emails * 2 > seen) {
      return Role.EMAIL;
    }
    if (phones * 2 > seen) {
      return Role.PHONE;
    }
    if (numbers * 2 > seen || distinct.size() <= 2) {
      return null;
    }
    if (length / seen > 60) {
      return null;
    }
    return lists * 10 >= seen * 3 ? Role.TEXT_LIST : Role.TEXT;
  }
}
