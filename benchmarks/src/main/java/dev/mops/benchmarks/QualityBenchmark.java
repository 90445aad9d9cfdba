package dev.mops.benchmarks;

import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.quality.contract.ContractValidator;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Validation and profiling throughput of the 20-field lead contract ({@code
 * examples/quality/lead-contract.yaml}) against a hand-written Java validation loop of the same
 * field rules, and the cost of merging 100 partition profiles. Scores are records per second
 * (operations are records) except {@code merge100Partitions}, which is one merge of 100 states.
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar QualityBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QualityBenchmark {

  static final int ROWS = 16_384;
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  DataContract contract;
  ContractValidator validator;
  List<ArrayRow> rows;
  List<QualityProfile> partitions;
  long sink;

  @Setup
  public void setup() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isRegularFile(p.resolve("examples/quality/lead-contract.yaml"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("run from the repository: examples/quality/lead-contract.yaml not found");
    }
    contract = DataContracts.load(p.resolve("examples/quality/lead-contract.yaml"));
    validator = contract.validator();
    rows = generate(contract.schema(), ROWS, new Random(42));
    partitions = new ArrayList<>();
    Random r = new Random(7);
    for (int i = 0; i < 100; i++) {
      ProfileBuilder b = QualityProfile.builder(contract).asOf(NOW);
      for (ArrayRow row : generate(contract.schema(), 1000, r)) {
        b.addRow(row);
      }
      partitions.add(b.build());
    }
  }

  /** Lead rows: valid values, with about 2% of fields broken. */
  static List<ArrayRow> generate(Schema schema, int n, Random r) {
    String[] first = {"Ana", "Bob", "Chen", "Dara", "Eli", "Fatima", "Gus", "Hana"};
    String[] last = {"Garcia", "Smith", "Chen", "Dubois", "Khan", "Novak"};
    String[] companies = {"Hooli", "Tyrell Corp", "Initech", "Globex", "Acme"};
    String[] countries = {"US", "CA", "GB", "DE", "FR", "AU"};
    String[] industries = {"Software", "Healthcare", "Retail", "Media"};
    String[] sources = {"web", "event", "partner", "referral"};
    String[] statuses = {"new", "working", "qualified", "converted"};
    List<ArrayRow> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String country = countries[r.nextInt(countries.length)];
      String company = companies[r.nextInt(companies.length)];
      String status = statuses[r.nextInt(statuses.length)];
      int id = r.nextInt(10_000_000);
      Object[] v = {
        String.format(Locale.ROOT, "L-%05d", id % 100_000), "p" + id + "@" + company.toLowerCase(Locale.ROOT).replace(" ", "") + ".com",
        first[r.nextInt(first.length)], last[r.nextInt(last.length)], company, "VP Marketing", "+1 415 555 " + (1000 + r.nextInt(9000)),
        country, country.equals("US") ? "CA" : "", "https://www.example.com/", Integer.toString(1 + r.nextInt(5000)),
        Integer.toString(r.nextInt(1_000_000_000)), industries[r.nextInt(industries.length)], sources[r.nextInt(sources.length)],
        status, Integer.toString(r.nextInt(101)), r.nextBoolean() ? "true" : "false",
        "2026-0" + (1 + r.nextInt(4)) + "-1" + r.nextInt(10), status.equals("converted") ? "2026-09-28" : "",
        "2026-10-" + (10 + r.nextInt(20)) + "T1" + r.nextInt(10) + ":30:00Z"
      };
      if (r.nextInt(50) == 0) {
        v[r.nextInt(v.length)] = "broken value";
      }
      ArrayRow row = new ArrayRow(schema);
      for (int f = 0; f < v.length; f++) {
        row.set(schema.slot(FIELDS[f]), v[f]);
      }
      out.add(row);
    }
    return out;
  }

  static final String[] FIELDS = {
    "id", "email", "first_name", "last_name", "company", "title", "phone", "country", "state", "website", "employees",
    "annual_revenue", "industry", "lead_source", "status", "score", "opt_in", "created_date", "close_date", "last_activity"
  };

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long validateContract() {
    long n = 0;
    for (ArrayRow row : rows) {
      n += validator.validate(row, NOW, v -> sink++);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long validateHandWritten() {
    long n = 0;
    for (ArrayRow row : rows) {
      n += HandWritten.check(row);
    }
    return n;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public QualityProfile profileContract() {
    ProfileBuilder b = QualityProfile.builder(contract).asOf(NOW);
    for (ArrayRow row : rows) {
      b.addRow(row);
    }
    return b.build();
  }

  @Benchmark
  public QualityProfile merge100Partitions() {
    return QualityProfile.mergeAll(partitions);
  }

  @Benchmark
  public QualityReport merge100PartitionsAndScore() {
    return QualityReport.of(contract, QualityProfile.mergeAll(partitions), NOW);
  }

  /** The field rules of the lead contract written by hand, as a team would without a contract. */
  static final class HandWritten {
    static final Pattern ID = Pattern.compile("L-[0-9]{5}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,20}");
    static final Set<String> COUNTRIES = Set.of("us", "ca", "gb", "de", "fr", "au", "in", "br", "jp", "nl");
    static final Set<String> INDUSTRIES = Set.of("Software", "Financial Services", "Healthcare", "Manufacturing", "Retail",
        "Education", "Media", "Telecommunications", "Energy", "Government");
    static final Set<String> SOURCES = Set.of("web", "event", "partner", "paid_search", "paid_social", "referral", "outbound");
    static final Set<String> STATUSES = Set.of("new", "working", "nurture", "qualified", "disqualified", "converted");
    static final LocalDate MIN_CREATED = LocalDate.of(2015, 1, 1);

    static int check(ArrayRow r) {
      int bad = 0;
      String id = (String) r.get(0);
      bad += id == null || id.isBlank() || !ID.matcher(id).matches() ? 1 : 0;
      String email = (String) r.get(1);
      bad += email == null || email.isBlank() || email.length() > 254 || !EMAIL.matcher(email).matches() ? 1 : 0;
      bad += blankOrLonger((String) r.get(2), 80) ? 1 : 0;
      bad += blankOrLonger((String) r.get(3), 80) ? 1 : 0;
      String company = (String) r.get(4);
      bad += company == null || company.length() < 2 || company.length() > 120 ? 1 : 0;
      String title = (String) r.get(5);
      bad += title != null && title.length() > 120 ? 1 : 0;
      String phone = (String) r.get(6);
      bad += phone != null && !phone.isBlank() && !PHONE.matcher(phone).matches() ? 1 : 0;
      String country = (String) r.get(7);
      bad += country == null || !COUNTRIES.contains(country.toLowerCase(Locale.ROOT)) ? 1 : 0;
      String state = (String) r.get(8);
      bad += state != null && !state.isBlank() && !STATE.matcher(state).matches() ? 1 : 0;
      String web = (String) r.get(9);
      bad += web != null && !web.isBlank() && !(web.startsWith("https://") || web.startsWith("http://")) ? 1 : 0;
      bad += longOutside((String) r.get(10), 1, 5_000_000) ? 1 : 0;
      String revenue = (String) r.get(11);
      if (revenue != null && !revenue.isBlank()) {
        try {
          bad += Double.parseDouble(revenue) < 0 ? 1 : 0;
        } catch (NumberFormatException e) {
          bad++;
        }
      }
      String industry = (String) r.get(12);
      bad += industry != null && !industry.isBlank() && !INDUSTRIES.contains(industry) ? 1 : 0;
      bad += !SOURCES.contains(String.valueOf(r.get(13))) ? 1 : 0;
      bad += !STATUSES.contains(String.valueOf(r.get(14))) ? 1 : 0;
      bad += longOutside((String) r.get(15), 0, 100) ? 1 : 0;
      String optIn = (String) r.get(16);
      bad += optIn == null || !(optIn.equalsIgnoreCase("true") || optIn.equalsIgnoreCase("false")
          || optIn.equalsIgnoreCase("yes") || optIn.equalsIgnoreCase("no")) ? 1 : 0;
      LocalDate created = date((String) r.get(17));
      bad += created == null || created.isBefore(MIN_CREATED) ? 1 : 0;
      String closeText = (String) r.get(18);
      LocalDate close = closeText == null || closeText.isBlank() ? null : date(closeText);
      bad += closeText != null && !closeText.isBlank() && close == null ? 1 : 0;
      bad += close != null && created != null && close.isBefore(created) ? 1 : 0;
      bad += "converted".equals(r.get(14)) && close == null ? 1 : 0;
      bad += "US".equalsIgnoreCase(country) && (state == null || state.isBlank()) ? 1 : 0;
      String last = (String) r.get(19);
      if (last != null && !last.isBlank()) {
        try {
          OffsetDateTime.parse(last);
        } catch (DateTimeParseException e) {
          bad++;
        }
      }
      return bad;
    }

    static boolean blankOrLonger(String s, int max) {
      return s == null || s.isBlank() || s.length() > max;
    }

    static boolean longOutside(String s, long min, long max) {
      if (s == null || s.isBlank()) {
        return false;
      }
      try {
        long v = Long.parseLong(s);
        return v < min || v > max;
      } catch (NumberFormatException e) {
        return true;
      }
    }

    static LocalDate date(String s) {
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
