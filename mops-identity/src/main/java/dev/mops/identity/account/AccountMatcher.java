package dev.mops.identity.account;

import dev.mops.core.Finding;
import dev.mops.core.FindingSink;
import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailFlag;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.PhoneNormalizer;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An index of accounts, built once, that matches leads to the account they belong to.
 *
 * <p>Evidence, each with its weight in the confidence: the registrable domain of the lead's email
 * or website equal to the account's ({@value #DOMAIN_WEIGHT}; free-mail and ISP domains such as
 * {@code gmail.com} or {@code comcast.net} never count); the normalized company name, equal or
 * fuzzy (tokens weighted by rarity: a name made of tokens many accounts share, like {@code Acme} or
 * {@code Global Systems}, is weaker evidence than {@code Jeneling Robotics}), up to {@value
 * #NAME_WEIGHT}; the same phone ({@value #PHONE_WEIGHT}); the same country ({@value
 * #PLACE_WEIGHT}) and city ({@value #PLACE_WEIGHT}). Positive evidence combines as {@code 1 - Π(1 -
 * w)}; a different country (both known) multiplies the result by {@value #COUNTRY_CONFLICT}. The
 * best candidate wins when its confidence reaches the threshold (default {@value
 * #DEFAULT_THRESHOLD}); candidates within 0.001 of each other are ordered by most contacts, then
 * most recent activity, then the configured tie-break field (larger first), then id.
 *
 * <p>Candidates come from the domain, the exact name, the phone and the lead's {@value
 * #CANDIDATE_TOKENS} rarest name tokens (tokens carried by more than {@value #MAX_POSTINGS}
 * accounts do not fetch candidates), so a query costs microseconds whatever the number of accounts.
 *
 * <p>Thread safety: immutable after {@link Builder#build()} and safe to share between threads.
 */
public final class AccountMatcher {

  /** The weight of a domain match. */
  public static final double DOMAIN_WEIGHT = 0.85;
  /** The most a name match weighs (an exact match of a rare name). */
  public static final double NAME_WEIGHT = 0.8;
  /** The weight of a phone match. */
  public static final double PHONE_WEIGHT = 0.6;
  /** The weight of a matching country, and of a matching city. */
  public static final double PLACE_WEIGHT = 0.1;
  /** The factor applied when the countries differ. */
  public static final double COUNTRY_CONFLICT = 0.7;
  /** The default confidence a match needs. */
  public static final double DEFAULT_THRESHOLD = 0.5;
  /** How many of the lead's rarest name tokens fetch candidates. */
  public static final int CANDIDATE_TOKENS = 3;
  /** Tokens carried by more accounts than this fetch no candidates (they still score). */
  public static final int MAX_POSTINGS = 2_000;

  private static final EmailNormalizer EMAIL = EmailNormalizer.builder().build();
  private static final DomainNormalizer DOMAIN = DomainNormalizer.builder().build();
  private static final CompanyNameNormalizer COMPANY = CompanyNameNormalizer.builder().build();
  private static final CountryNormalizer COUNTRY = CountryNormalizer.builder().build();
  private static final Set<String> FREE_MAIL = EmailNormalizer.defaultFreeMailDomains();
  private static final int[] NONE = new int[0];

  private final Account[] accounts;
  private final String[] nameKey;
  private final String[][] tokens;
  private final @Nullable String[] domain;
  private final @Nullable String[] country;
  private final @Nullable String[] city;
  private final @Nullable String[] phone;
  private final Map<String, int[]> byDomain;
  private final Map<String, int[]> byName;
  private final Map<String, int[]> byToken;
  private final Map<String, int[]> byPhone;
  private final double[] info; // sum of the idf of each account's name tokens
  private final double logN;
  private final double threshold;
  private final String[] fields; // email, website, company, country, city, phone
  private final PhoneNormalizer phones;

  private AccountMatcher(Builder b) {
    int n = b.accounts.size();
    this.accounts = b.accounts.toArray(new Account[0]);
    this.nameKey = new String[n];
    this.tokens = new String[n][];
    this.domain = new String[n];
    this.country = new String[n];
    this.city = new String[n];
    this.phone = new String[n];
    this.phones = b.phones;
    Map<String, List<Integer>> d = new HashMap<>();
    Map<String, List<Integer>> nm = new HashMap<>();
    Map<String, List<Integer>> tk = new HashMap<>();
    Map<String, List<Integer>> ph = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Account a = accounts[i];
      nameKey[i] = COMPANY.normalize(a.name()).key();
      tokens[i] = tokenize(nameKey[i]);
      domain[i] = registrable(a.domain());
      country[i] = countryCode(a.country());
      city[i] = fold(a.city());
      phone[i] = e164(a.phone(), country[i]);
      if (domain[i] != null) {
        d.computeIfAbsent(domain[i], k -> new ArrayList<>(1)).add(i);
      }
      if (!nameKey[i].isEmpty()) {
        nm.computeIfAbsent(nameKey[i], k -> new ArrayList<>(1)).add(i);
      }
      for (String t : tokens[i]) {
        tk.computeIfAbsent(t, k -> new ArrayList<>(1)).add(i);
      }
      if (phone[i] != null) {
        ph.computeIfAbsent(phone[i], k -> new ArrayList<>(1)).add(i);
      }
    }
    this.byDomain = freeze(d);
    this.byName = freeze(nm);
    this.byToken = freeze(tk);
    this.byPhone = freeze(ph);
    this.info = new double[n];
    for (int i = 0; i < n; i++) {
      for (String t : tokens[i]) {
        info[i] += idf(t);
      }
    }
    this.logN = Math.log(n + 1.0);
    this.threshold = b.threshold;
    this.fields = b.fields.clone();
  }

  private static Map<String, int[]> freeze(Map<String, List<Integer>> m) {
    Map<String, int[]> out = new HashMap<>(m.size() * 2);
    m.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).distinct().toArray()));
    return out;
  }

  /** Returns a builder with the default threshold and lead fields. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the number of accounts indexed. */
  public int size() {
    return accounts.length;
  }

  /** Returns the confidence a match needs. */
  public double threshold() {
    return threshold;
  }

  // --- normalization shared by accounts and leads

  static String[] tokenize(String key) {
    if (key.isEmpty()) {
      return new String[0];
    }
    String[] parts = key.split(" ");
    return Arrays.stream(parts).filter(s -> !s.isEmpty()).distinct().toArray(String[]::new);
  }

  static @Nullable String registrable(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String r = DOMAIN.normalize(raw).registrableDomain();
    return r == null || FREE_MAIL.contains(r) ? null : r;
  }

  static @Nullable String countryCode(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return COUNTRY.normalize(raw).code();
  }

  static @Nullable String fold(@Nullable String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String k = COMPANY.normalize(raw).key();
    return k.isEmpty() ? null : k;
  }

  private @Nullable String e164(@Nullable String raw, @Nullable String region) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return phones.normalize(raw, region).e164();
  }

  private double idf(String token) {
    int[] p = byToken.get(token);
    int df = p == null ? 0 : p.length;
    return Math.log((accounts.length + 1.0) / (df + 1.0)) + 0.1;
  }

  /** The lead side of a query, normalized once. */
  private final class Query {
    final @Nullable String emailDomain;
    final @Nullable String freeMail;
    final @Nullable String siteDomain;
    final String key;
    final String[] tokens;
    final double[] idf;
    final double info;
    final @Nullable String country;
    final @Nullable String city;
    final @Nullable String phone;

    Query(Record lead) {
      String email = Values.asString(lead.get(fields[0]));
      String ed = null;
      String free = null;
      if (email != null && !email.isBlank()) {
        NormalizedEmail e = EMAIL.normalize(email);
        if (e.domain() != null) {
          if (e.has(EmailFlag.FREE_MAIL)) {
            free = e.domain();
          } else {
            ed = registrable(e.domain());
            if (ed == null) {
              free = e.domain();
            }
          }
        }
      }
      this.emailDomain = ed;
      this.freeMail = free;
      this.siteDomain = registrable(Values.asString(lead.get(fields[1])));
      String company = Values.asString(lead.get(fields[2]));
      this.key = company == null ? "" : COMPANY.normalize(company).key();
      this.tokens = tokenize(key);
      this.idf = new double[tokens.length];
      double sum = 0;
      for (int i = 0; i < tokens.length; i++) {
        idf[i] = idf(tokens[i]);
        sum += idf[i];
      }
      this.info = sum;
      this.country = countryCode(Values.asString(lead.get(fields[3])));
      this.city = fold(Values.asString(lead.get(fields[4])));
      this.phone = e164(Values.asString(lead.get(fields[5])), country);
    }
  }

  /** Matches a lead (fields {@code email, website, company, country, city, phone} unless configured). Never throws on bad data. */
  public AccountMatch match(Record lead) {
    Query q = new Query(lead);
    int[] cands = candidates(q);
    int best = -1;
    double bestScore = -1;
    int ties = 0;
    for (int c : cands) {
      double s = score(q, c, null);
      if (best < 0 || s > bestScore + 1e-3) {
        best = c;
        bestScore = s;
        ties = 0;
      } else if (s > bestScore - 1e-3) {
        ties++;
        if (tieBreak(c, best) < 0) {
          bestScore = Math.max(bestScore, s);
          best = c;
        }
      }
    }
    List<String> reasons = new ArrayList<>();
    if (q.freeMail != null) {
      reasons.add("free-mail domain " + q.freeMail + " ignored");
    }
    if (best < 0) {
      reasons.add("no candidate account");
      return new AccountMatch(null, 0, reasons);
    }
    double conf = score(q, best, reasons);
    if (ties > 0) {
      reasons.add("tie with " + ties + " other account" + (ties == 1 ? "" : "s") + " broken by contacts, last activity, tie-break field");
    }
    if (conf < threshold) {
      reasons.add(0, String.format(Locale.ROOT, "best candidate %s at %.2f is below the threshold %.2f", accounts[best].id(), conf, threshold));
      return new AccountMatch(null, round(conf), reasons);
    }
    return new AccountMatch(accounts[best], round(conf), reasons);
  }

  private static double round(double v) {
    return Math.min(1.0, Math.max(0.0, Math.round(v * 1000.0) / 1000.0));
  }

  /** Negative when account {@code a} wins the tie over {@code b}. */
  private int tieBreak(int a, int b) {
    Account x = accounts[a];
    Account y = accounts[b];
    int c = Long.compare(y.contacts(), x.contacts());
    if (c != 0) {
      return c;
    }
    Instant xa = x.lastActivity();
    Instant ya = y.lastActivity();
    if (xa != null || ya != null) {
      if (xa == null) {
        return 1;
      }
      if (ya == null) {
        return -1;
      }
      c = ya.compareTo(xa);
      if (c != 0) {
        return c;
      }
    }
    String xt = x.tieBreak();
    String yt = y.tieBreak();
    if (xt != null || yt != null) {
      if (xt == null) {
        return 1;
      }
      if (yt == null) {
        return -1;
      }
      c = compareValues(yt, xt);
      if (c != 0) {
        return c;
      }
    }
    return x.id().compareTo(y.id());
  }

  private static int compareValues(String a, String b) {
    try {
      return new BigDecimal(a.trim()).compareTo(new BigDecimal(b.trim()));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  private int[] candidates(Query q) {
    int[] a = q.emailDomain == null ? NONE : byDomain.getOrDefault(q.emailDomain, NONE);
    int[] b = q.siteDomain == null || q.siteDomain.equals(q.emailDomain) ? NONE : byDomain.getOrDefault(q.siteDomain, NONE);
    int[] c = q.key.isEmpty() ? NONE : byName.getOrDefault(q.key, NONE);
    int[] d = q.phone == null ? NONE : byPhone.getOrDefault(q.phone, NONE);
    int total = a.length + b.length + c.length + d.length;
    int[][] tokenLists = new int[Math.min(CANDIDATE_TOKENS, q.tokens.length)][];
    if (tokenLists.length > 0) {
      Integer[] order = new Integer[q.tokens.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Double.compare(q.idf[y], q.idf[x]));
      for (int k = 0; k < tokenLists.length; k++) {
        int[] p = byToken.getOrDefault(q.tokens[order[k]], NONE);
        tokenLists[k] = p.length > MAX_POSTINGS ? NONE : p;
        total += tokenLists[k].length;
      }
    }
    int[] out = new int[total];
    int n = 0;
    for (int[] list : new int[][] {a, b, c, d}) {
      System.arraycopy(list, 0, out, n, list.length);
      n += list.length;
    }
    for (int[] list : tokenLists) {
      System.arraycopy(list, 0, out, n, list.length);
      n += list.length;
    }
    Arrays.sort(out, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || out[m - 1] != out[i]) {
        out[m++] = out[i];
      }
    }
    return Arrays.copyOf(out, m);
  }

  /** The candidate's confidence; with {@code reasons}, the evidence is written down. */
  private double score(Query q, int c, @Nullable List<String> reasons) {
    double miss = 1.0;
    String d = domain[c];
    if (d != null && (d.equals(q.emailDomain) || d.equals(q.siteDomain))) {
      miss *= 1 - DOMAIN_WEIGHT;
      if (reasons != null) {
        reasons.add((d.equals(q.emailDomain) ? "email" : "website") + " domain " + d);
      }
    }
    double name = nameScore(q, c);
    if (name > 0) {
      miss *= 1 - name;
      if (reasons != null) {
        boolean exact = nameKey[c].equals(q.key);
        reasons.add(String.format(Locale.ROOT, "%s name '%s' (%.2f)", exact ? "same" : "similar", accounts[c].name(), name));
      }
    }
    if (phone[c] != null && phone[c].equals(q.phone)) {
      miss *= 1 - PHONE_WEIGHT;
      if (reasons != null) {
        reasons.add("phone " + phone[c]);
      }
    }
    String co = country[c];
    boolean conflict = false;
    if (co != null && q.country != null) {
      if (co.equals(q.country)) {
        miss *= 1 - PLACE_WEIGHT;
        if (reasons != null) {
          reasons.add("country " + co);
        }
      } else {
        conflict = true;
        if (reasons != null) {
          reasons.add("country differs (" + q.country + " vs " + co + ")");
        }
      }
    }
    if (city[c] != null && city[c].equals(q.city)) {
      miss *= 1 - PLACE_WEIGHT;
      if (reasons != null) {
        reasons.add("city " + accounts[c].city());
      }
    }
    if (miss == 1.0) {
      return 0;
    }
    double conf = 1 - miss;
    return conflict ? conf * COUNTRY_CONFLICT : conf;
  }

  /**
   * The name evidence: {@code NAME_WEIGHT × rarity × similarity²}, where similarity is the
   * rarity-weighted share of tokens in common (a token matches an equal token, or one at edit
   * distance 1 when both have 5 or more letters) and rarity grows with the information of the
   * shared tokens, so common names weigh less.
   */
  private double nameScore(Query q, int c) {
    String[] at = tokens[c];
    if (q.tokens.length == 0 || at.length == 0) {
      return 0;
    }
    double shared = 0;
    double accountInfo = info[c];
    for (int i = 0; i < q.tokens.length; i++) {
      String t = q.tokens[i];
      for (String u : at) {
        if (t.equals(u) || (t.length() >= 5 && u.length() >= 5 && withinOneEdit(t, u))) {
          shared += q.idf[i];
          break;
        }
      }
    }
    if (shared == 0) {
      return 0;
    }
    double sim = shared / Math.max(q.info, accountInfo);
    if (sim < 0.5) {
      return 0;
    }
    double rarity = Math.min(1.0, shared / (0.9 * logN));
    return NAME_WEIGHT * (0.4 + 0.6 * rarity) * sim * sim;
  }

  static boolean withinOneEdit(String a, String b) {
    int la = a.length();
    int lb = b.length();
    if (Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    int j = 0;
    boolean edited = false;
    while (i < la && j < lb) {
      if (a.charAt(i) == b.charAt(j)) {
        i++;
        j++;
        continue;
      }
      if (edited) {
        return false;
      }
      edited = true;
      if (la > lb) {
        i++;
      } else if (lb > la) {
        j++;
      } else {
        i++;
        j++;
      }
    }
    return !edited || (i == la && j == lb);
  }

  /** A builder of {@link AccountMatcher}. Not thread-safe. */
  public static final class Builder {
    private final List<Account> accounts = new ArrayList<>();
    private double threshold = DEFAULT_THRESHOLD;
    private final String[] fields = {"email", "website", "company", "country", "city", "phone"};
    private PhoneNormalizer phones = PhoneNormalizer.builder().build();

    private Builder() {}

    /** Adds an account. */
    public Builder add(Account account) {
      accounts.add(Objects.requireNonNull(account, "account"));
      return this;
    }

    /** Adds accounts. */
    public Builder addAll(Iterable<Account> all) {
      all.forEach(this::add);
      return this;
    }

    /**
     * Adds the account of a record with the columns {@code account_id}, {@code name}, {@code
     * domain} and optional {@code country}, {@code city}, {@code phone}, {@code owner}, {@code
     * contacts}, {@code last_activity} and {@code tieBreakField}; a row without an id or a name, or
     * with a bad count or date, becomes a finding and is skipped.
     *
     * @return whether the account was added
     */
    public boolean addRecord(Record r, @Nullable String tieBreakField, FindingSink findings) {
      String id = Values.asString(r.get("account_id"));
      String name = Values.asString(r.get("name"));
      if (id == null || id.isBlank()) {
        findings.accept(Finding.error("ACCOUNT_ID_MISSING", "account_id", id, "an account needs an account_id"));
        return false;
      }
      if (name == null || name.isBlank()) {
        findings.accept(Finding.error("ACCOUNT_NAME_MISSING", "name", name, "account " + id + " has no name"));
        return false;
      }
      Account.Builder b = Account.builder(id.trim(), name).domain(Values.asString(r.get("domain")))
          .country(Values.asString(r.get("country"))).city(Values.asString(r.get("city")))
          .phone(Values.asString(r.get("phone"))).owner(blankToNull(Values.asString(r.get("owner"))));
      Object contacts = r.get("contacts");
      if (!Values.isEmpty(contacts)) {
        Number n = Values.asNumber(contacts);
        if (n == null || n.doubleValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
          findings.accept(Finding.error("ACCOUNT_CONTACTS_INVALID", "contacts", contacts, "expected a whole number of 0 or more"));
          return false;
        }
        b.contacts(n.longValue());
      }
      Object last = r.get("last_activity");
      if (!Values.isEmpty(last)) {
        Instant i = Values.asInstant(last);
        if (i == null) {
          java.time.LocalDate day = Values.asDate(last);
          i = day == null ? null : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        if (i == null) {
          findings.accept(Finding.error("ACCOUNT_LAST_ACTIVITY_INVALID", "last_activity", last, "expected an ISO-8601 instant or date"));
          return false;
        }
        b.lastActivity(i);
      }
      if (tieBreakField != null) {
        b.tieBreak(Values.asString(r.get(tieBreakField)));
      }
      add(b.build());
      return true;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
      return s == null || s.isBlank() ? null : s.trim();
    }

    /** Sets the confidence a match needs, in (0, 1] (default {@value AccountMatcher#DEFAULT_THRESHOLD}). */
    public Builder threshold(double threshold) {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1], was " + threshold);
      }
      this.threshold = threshold;
      return this;
    }

    /** Sets the lead fields read (defaults {@code email, website, company, country, city, phone}). */
    public Builder leadFields(String email, String website, String company, String country, String city, String phone) {
      String[] f = {email, website, company, country, city, phone};
      for (int i = 0; i < f.length; i++) {
        fields[i] = Objects.requireNonNull(f[i], "field");
      }
      return this;
    }

    /** Sets the phone normalizer (for its default region; default: the bundled one). */
    public Builder phones(PhoneNormalizer normalizer) {
      this.phones = Objects.requireNonNull(normalizer, "normalizer");
      return this;
    }

    /** Builds the index. */
    public AccountMatcher build() {
      return new AccountMatcher(this);
    }
  }
}
