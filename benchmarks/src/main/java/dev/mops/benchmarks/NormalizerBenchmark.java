package dev.mops.benchmarks;

import dev.mops.core.normalize.CompanyNameNormalizer;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.JobTitle;
import dev.mops.core.normalize.JobTitleClassifier;
import dev.mops.core.normalize.NormalizedCompanyName;
import dev.mops.core.normalize.NormalizedCountry;
import dev.mops.core.normalize.NormalizedDomain;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.NormalizedPhone;
import dev.mops.core.normalize.PersonName;
import dev.mops.core.normalize.PersonNameNormalizer;
import dev.mops.core.normalize.PhoneNormalizer;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of each normalizer on a rotating set of realistic values (one value per operation),
 * with a hand-written {@code strip().toLowerCase()} as the email baseline and the phone normalizer
 * with and without its Caffeine cache side by side.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NormalizerBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizerBenchmark {

  private static final String[] EMAILS = {
    "John.Doe@Example.com", "  jane@acme.io ", "J.Doe+News@GoogleMail.com", "info@acme.co.uk",
    "\"john smith\"@example.com", "user@münchen.de", "bad..dots@acme.com", "noreply@github.com",
    "Sales+EMEA@acme.com", "test@mailinator.com", "John Doe <john@acme.com>", "not-an-email",
  };
  private static final String[] PHONES = {
    "(650) 253-0000", "+44 20 7946 0958", "650-253-0000 x12", "1-800-FLOWERS", "+49 30 901820",
    "+33 1 42 68 53 00", "555-0123", "+91 98765 43210", "+61 2 9374 4000", "(416) 979-5000",
    "+81 3-3224-9999", "abc",
  };
  private static final String[] WEBSITES = {
    "https://www.eu.acme.co.uk/about?x=1", "acme.com", "http://Acme.com", "jane@mail.acme.com",
    "acme.github.io", "localhost", "192.168.1.1", "www.bücher.de", "shop.acme.com.au/cart",
    "acme.internal", "https://user@app.acme.io:8443/", "acme..com",
  };
  private static final String[] NAMES = {
    "John Smith", "Dr. John Q. Smith Jr.", "SMITH, Dr. Robert J., Jr.", "Jan van der Berg",
    "José García", "Patrick O'NEIL", "Robert \"Bob\" Smith", "J.R.R. Tolkien", "Madonna",
    "Mary-Kate Olsen", "Nguyễn Văn An", "Test Test",
  };
  private static final String[] COMPANIES = {
    "The Acme Co., Inc.", "ACME COMPANY", "Acme GmbH & Co. KG", "Müller & Söhne GmbH",
    "Acme Pty. Ltd.", "Samsung Electronics Co., Ltd.", "Johnson & Johnson", "I.B.M.",
    "Acme AB (publ)", "Société Générale S.A.", "Self-employed", "Acme Widgets Holdings Inc",
  };
  private static final String[] COUNTRIES = {
    "USA", "U.S.", "United States of America", "Deutschland", "UK", "Great Britain", "FR",
    "España", "Côte d'Ivoire", "Korea", "Narnia", "japan",
  };
  private static final String[] TITLES = {
    "CMO", "VP Mktg", "Sr. Dir., Demand Generation", "Head of Demand Gen",
    "Marketing Operations Manager", "Senior Software Engineer", "Executive Assistant to the CEO",
    "Account Executive", "Chief Revenue Officer", "IT Support Specialist", "Teacher",
    "Senior Vice President & Chief Marketing Officer",
  };

  /** The normalizers, built once, and a rotating index into the inputs. */
  @State(Scope.Thread)
  public static class Normalizers {
    EmailNormalizer emails;
    DomainNormalizer domains;
    PersonNameNormalizer names;
    CompanyNameNormalizer companies;
    CountryNormalizer countries;
    JobTitleClassifier titles;
    int i;

    @Setup
    public void setUp() {
      emails = EmailNormalizer.builder().build();
      domains = DomainNormalizer.builder().build();
      names = PersonNameNormalizer.builder().build();
      companies = CompanyNameNormalizer.builder().build();
      countries = CountryNormalizer.builder().build();
      titles = JobTitleClassifier.builder().build();
    }

    String next(String[] values) {
      i = i + 1 == Integer.MAX_VALUE ? 0 : i + 1;
      return values[i % values.length];
    }
  }

  /** How the phone normalizer's cache is used. */
  public enum PhoneCache {
    /** No cache: every call parses with libphonenumber. */
    NONE,
    /** A cache the working set fits in: the 12 sample numbers, repeated. */
    HITS,
    /** A cache of 1,000 in front of 100,000 distinct numbers: nearly every call misses. */
    MISSES
  }

  /** The phone normalizer in one cache configuration, and its inputs. */
  @State(Scope.Thread)
  public static class Phones {
    @Param({"NONE", "HITS", "MISSES"})
    public PhoneCache cache;

    PhoneNormalizer phones;
    String[] inputs;
    int i;

    @Setup
    public void setUp() {
      switch (cache) {
        case NONE:
          phones = PhoneNormalizer.builder().defaultRegion("US").cacheSize(0).build();
          inputs = PHONES;
          break;
        case HITS:
          phones = PhoneNormalizer.builder().defaultRegion("US").cacheSize(10_000).build();
          inputs = PHONES;
          break;
        default:
          phones = PhoneNormalizer.builder().defaultRegion("US").cacheSize(1_000).build();
          SplittableRandom random = new SplittableRandom(42);
          inputs = new String[100_000];
          for (int k = 0; k < inputs.length; k++) {
            inputs[k] = String.format(Locale.ROOT, "(%03d) %03d-%04d", 201 + random.nextInt(700),
                200 + random.nextInt(700), random.nextInt(10_000));
          }
      }
      // The cache must not change answers: compare with a cache-less normalizer before measuring.
      PhoneNormalizer reference = PhoneNormalizer.builder().defaultRegion("US").cacheSize(0).build();
      for (int k = 0; k < Math.min(inputs.length, 200); k++) {
        for (int pass = 0; pass < 2; pass++) {
          if (!phones.normalize(inputs[k]).equals(reference.normalize(inputs[k]))) {
            throw new IllegalStateException("cached and uncached results differ for " + inputs[k]);
          }
        }
      }
    }

    String next() {
      i = i + 1 == inputs.length ? 0 : i + 1;
      return inputs[i];
    }
  }

  @Benchmark
  public String emailBaselineStripLowerCase(Normalizers s) {
    return s.next(EMAILS).strip().toLowerCase(Locale.ROOT);
  }

  @Benchmark
  public NormalizedEmail email(Normalizers s) {
    return s.emails.normalize(s.next(EMAILS));
  }

  @Benchmark
  public NormalizedPhone phone(Phones p) {
    return p.phones.normalize(p.next());
  }

  @Benchmark
  public NormalizedDomain domain(Normalizers s) {
    return s.domains.normalize(s.next(WEBSITES));
  }

  @Benchmark
  public PersonName personNameParse(Normalizers s) {
    return s.names.parse(s.next(NAMES));
  }

  @Benchmark
  public NormalizedCompanyName companyName(Normalizers s) {
    return s.companies.normalize(s.next(COMPANIES));
  }

  @Benchmark
  public NormalizedCountry country(Normalizers s) {
    return s.countries.normalize(s.next(COUNTRIES));
  }

  @Benchmark
  public JobTitle jobTitle(Normalizers s) {
    return s.titles.classify(s.next(TITLES));
  }
}
