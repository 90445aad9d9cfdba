package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.identity.account.Account;
import dev.mops.identity.account.AccountMatch;
import dev.mops.identity.account.AccountMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lead-to-account lookups against {@code accounts} synthetic accounts (rare and common names,
 * unique domains): the mops {@link AccountMatcher} (domain, name with rarity, country, city;
 * confidence and reasons) beside the lookup a plugin might write by hand, a {@code HashMap} from
 * the lower-cased email domain to the account, which finds only leads with a work email of the
 * account's exact domain. Queries: 10,000 leads, 65% with a work email, 25% free mail with the
 * company name, 10% with a website only.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar AccountMatchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class AccountMatchBenchmark {

  static final String[] SYLLABLES = {"jen", "el", "ing", "var", "tos", "kri", "mal", "dor", "qui", "zen", "bra", "lux",
      "tor", "vin", "sel", "mar", "ok", "ti", "ra", "nu", "pel", "gor", "fa", "sul"};
  static final String[] COMMON = {"Global", "Systems", "Solutions", "Tech", "Acme", "Group", "Digital", "Labs",
      "Partners", "Consulting", "Data", "Cloud", "Robotics", "Health", "Energy", "Logistics"};
  static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "CA", "ES", "IN", "AU"};
  static final String[] FREE = {"gmail.com", "yahoo.com", "outlook.com", "comcast.net"};

  @Param({"100000"})
  int accounts;

  AccountMatcher matcher;
  Map<String, Account> byDomain;
  List<Record> queries;
  int next;

  @Setup
  public void setup() {
    Random rnd = new Random(20261202L);
    AccountMatcher.Builder b = AccountMatcher.builder();
    byDomain = new HashMap<>();
    List<String[]> made = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (int i = 0; i < accounts; i++) {
      String name;
      do {
        StringBuilder sb = new StringBuilder();
        int n = 2 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
          sb.append(SYLLABLES[rnd.nextInt(SYLLABLES.length)]);
        }
        name = Character.toUpperCase(sb.charAt(0)) + sb.substring(1)
            + (rnd.nextBoolean() ? " " + COMMON[rnd.nextInt(COMMON.length)] : "");
      } while (!used.add(name));
      String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".com";
      String country = COUNTRIES[rnd.nextInt(COUNTRIES.length)];
      Account a = Account.builder("A" + i, name).domain(domain).country(country).build();
      b.add(a);
      byDomain.put(domain, a);
      made.add(new String[] {name, domain, country});
    }
    matcher = b.build();
    queries = new ArrayList<>();
    int mopsFound = 0;
    int mapFound = 0;
    for (int i = 0; i < 10_000; i++) {
      String[] a = made.get(rnd.nextInt(made.size()));
      Map<String, Object> lead = new LinkedHashMap<>();
      int kind = rnd.nextInt(100);
      if (kind < 65) {
        lead.put("email", "p" + i + "@" + a[1]);
      } else if (kind < 90) {
        lead.put("email", "p" + i + "@" + FREE[rnd.nextInt(FREE.length)]);
        lead.put("company", a[0]);
      } else {
        lead.put("website", "https://www." + a[1] + "/contact");
        lead.put("company", a[0]);
      }
      lead.put("country", a[2]);
      Record r = Records.of(lead);
      queries.add(r);
      mopsFound += matcher.match(r).matched() ? 1 : 0;
      mapFound += hashMapLookup(r) != null ? 1 : 0;
    }
    System.out.printf(Locale.ROOT, "%n%,d accounts; of 10,000 leads (all of an account) mops matches %,d, the domain map %,d%n",
        matcher.size(), mopsFound, mapFound);
  }

  @Nullable Account hashMapLookup(Record q) {
    Object e = q.get("email");
    if (e == null) {
      return null;
    }
    String s = e.toString();
    return byDomain.get(s.substring(s.indexOf('@') + 1).strip().toLowerCase(Locale.ROOT));
  }

  /** One lookup in the mops account index, with confidence and reasons. */
  @Benchmark
  public AccountMatch mopsMatcher() {
    return matcher.match(queries.get(next++ % queries.size()));
  }

  /** The hand-written exact-domain map (work emails only). */
  @Benchmark
  public @Nullable Account domainHashMap() {
    return hashMapLookup(queries.get(next++ % queries.size()));
  }
}
