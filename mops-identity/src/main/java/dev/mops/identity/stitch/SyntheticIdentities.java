package dev.mops.identity.stitch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * A generator of identity observations with known truth, shaped like a B2B marketing stack's:
 * people with several devices (cookie ids) and emails, some with a product login ({@code user_id})
 * and a CRM contact id, who work in offices that share one phone number; kiosk tablets at events
 * that many people type their email into; and junk values ({@code test@test.com}, {@code
 * 000-000-0000}, {@code null}).
 *
 * <p>The observations use the types {@code user_id}, {@code crm_contact_id}, {@code email},
 * {@code phone} and {@code anonymous_id} (as in {@code examples/identity/identity.yaml}). The truth
 * maps each personal identifier to its person; shared and junk values have no owner and are left
 * out of it. The same seed gives the same data.
 *
 * <pre>{@code
 * SyntheticIdentities.Dataset data = SyntheticIdentities.builder().people(1_000).seed(7).build().generate();
 * graph.addAll(data.observations());
 * ProfileAccuracy accuracy = graph.evaluate(data.truth());
 * }</pre>
 *
 * <p>Thread safety: immutable; {@link #generate()} may be called from several threads.
 */
public final class SyntheticIdentities {

  private static final String[] FIRST = {"ana", "ben", "chloe", "dev", "emma", "farid", "grace", "hugo", "isla",
      "jon", "kai", "lena", "maya", "noah", "olga", "priya", "quinn", "ravi", "sara", "tom", "uma", "vik", "wen",
      "xavi", "yara", "zoe"};
  private static final String[] LAST = {"smith", "garcia", "chen", "patel", "muller", "rossi", "kim", "silva",
      "novak", "okafor", "dubois", "tanaka", "jensen", "haddad", "costa", "ivanova"};
  private static final String[] FREE_MAIL = {"gmail.com", "outlook.com", "yahoo.com", "proton.me"};
  private static final int[] AREA_CODES = {212, 312, 415, 617, 206, 303, 512, 404, 305, 702};
  private static final String[] JUNK_EMAILS = {"test@test.com", "noreply@example.com", "none@none.com"};
  private static final String[] JUNK_PHONES = {"000-000-0000", "0000000000", "---"};
  private static final String[] JUNK_COOKIES = {"null", "undefined", "anonymous", "00000000-0000-0000-0000-000000000000"};

  private final int people;
  private final int officeSize;
  private final int kiosks;
  private final double junkRate;
  private final int observationsPerPerson;
  private final long seed;
  private final Instant start;
  private final Duration span;

  private SyntheticIdentities(Builder b) {
    this.people = b.people;
    this.officeSize = b.officeSize;
    this.kiosks = b.kiosks;
    this.junkRate = b.junkRate;
    this.observationsPerPerson = b.observationsPerPerson;
    this.seed = b.seed;
    this.start = b.start;
    this.span = b.span;
  }

  /** Returns a builder with defaults: 1,000 people, offices of up to 12, 5 kiosks, 3% junk, 8 observations each. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Generated observations, in a shuffled order, and their truth.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param observations the observations
   * @param truth each personal identifier that an observation holds (value as written there) and its person id
   * @param sharedIdentifiers the identifiers shared by several people (office phones, kiosk cookies)
   */
  public record Dataset(List<Observation> observations, Map<Identifier, String> truth, List<Identifier> sharedIdentifiers) {

    /** Copies the collections. */
    public Dataset {
      observations = List.copyOf(observations);
      truth = Map.copyOf(truth);
      sharedIdentifiers = List.copyOf(sharedIdentifiers);
    }
  }

  private static final class Person {
    final String id;
    @Nullable String userId;
    @Nullable String crmId;
    final List<String> emails = new ArrayList<>();
    @Nullable String mobile;
    final String officePhone;
    final List<String> devices = new ArrayList<>();

    Person(String id, String officePhone) {
      this.id = id;
      this.officePhone = officePhone;
    }
  }

  /** Generates the dataset. */
  public Dataset generate() {
    SplittableRandom rnd = new SplittableRandom(seed);
    Map<Identifier, String> truth = new HashMap<>();
    List<Identifier> shared = new ArrayList<>();
    List<Person> persons = new ArrayList<>(people);
    String officePhone = "";
    int officeLeft = 0;
    int office = 0;
    for (int i = 0; i < people; i++) {
      String first = FIRST[rnd.nextInt(FIRST.length)];
      String last = LAST[rnd.nextInt(LAST.length)];
      if (officeLeft == 0) {
        office++;
        officeLeft = 1 + rnd.nextInt(officeSize);
        officePhone = phone(rnd);
        shared.add(new Identifier("phone", officePhone));
      }
      officeLeft--;
      Person p = new Person("person-" + i, officePhone);
      if (rnd.nextDouble() < 0.6) {
        String userId = "u-" + Integer.toHexString(0x100000 + i * 7 + rnd.nextInt(7));
        p.userId = userId;
        truth.put(new Identifier("user_id", userId), p.id);
      }
      if (rnd.nextDouble() < 0.5) {
        String crmId = "003" + String.format(Locale.ROOT, "%012d", 1_000_000L + i);
        p.crmId = crmId;
        truth.put(new Identifier("crm_contact_id", crmId), p.id);
      }
      p.emails.add(first + "." + last + i + "@company" + office + ".com");
      int more = rnd.nextInt(3);
      for (int e = 0; e < more; e++) {
        p.emails.add(first + last + i + (e == 0 ? "" : "." + e) + "@" + FREE_MAIL[rnd.nextInt(FREE_MAIL.length)]);
      }
      for (String e : p.emails) {
        truth.put(new Identifier("email", e), p.id);
      }
      if (rnd.nextDouble() < 0.5) {
        String mobile = phone(rnd);
        p.mobile = mobile;
        truth.put(new Identifier("phone", mobile), p.id);
      }
      int devices = 1 + rnd.nextInt(4);
      for (int d = 0; d < devices; d++) {
        String c = cookie(rnd);
        p.devices.add(c);
        truth.put(new Identifier("anonymous_id", c), p.id);
      }
      persons.add(p);
    }
    List<String> kioskCookies = new ArrayList<>();
    for (int k = 0; k < kiosks; k++) {
      String c = "kiosk-" + cookie(rnd);
      kioskCookies.add(c);
      shared.add(new Identifier("anonymous_id", c));
    }
    List<Observation> out = new ArrayList<>(people * observationsPerPerson);
    long spanMs = span.toMillis();
    int seq = 0;
    for (Person p : persons) {
      for (int k = 0; k < observationsPerPerson; k++) {
        Instant ts = start.plusMillis((long) (rnd.nextDouble() * spanMs));
        List<Identifier> ids = new ArrayList<>(3);
        String source;
        int kind = rnd.nextInt(10);
        if (kind < 3) {
          source = "web";
          ids.add(id("anonymous_id", junk(rnd) ? pick(rnd, JUNK_COOKIES) : pick(rnd, p.devices)));
          String userId = p.userId;
          if (userId != null) {
            ids.add(id("user_id", userId));
          } else {
            ids.add(id("email", pick(rnd, p.emails)));
          }
        } else if (kind < 5) {
          source = "email";
          ids.add(id("anonymous_id", pick(rnd, p.devices)));
          ids.add(id("email", junk(rnd) ? pick(rnd, JUNK_EMAILS) : pick(rnd, p.emails)));
        } else if (kind < 7) {
          source = "form";
          ids.add(id("anonymous_id", pick(rnd, p.devices)));
          ids.add(id("email", pick(rnd, p.emails)));
          String mobile = p.mobile;
          String ph = junk(rnd) ? pick(rnd, JUNK_PHONES) : mobile != null && rnd.nextBoolean() ? mobile : p.officePhone;
          ids.add(id("phone", ph));
        } else if (kind < 9) {
          source = "crm";
          String crmId = p.crmId;
          if (crmId != null) {
            ids.add(id("crm_contact_id", crmId));
          }
          ids.add(id("email", p.emails.get(0)));
          ids.add(id("phone", p.officePhone));
        } else {
          source = "event";
          boolean kiosk = !kioskCookies.isEmpty() && rnd.nextInt(3) == 0;
          ids.add(id("anonymous_id", kiosk ? pick(rnd, kioskCookies) : pick(rnd, p.devices)));
          ids.add(id("email", pick(rnd, p.emails)));
        }
        out.add(new Observation("obs-" + seq++, ts, source, ids));
      }
    }
    shuffle(out, rnd);
    // The truth names only identifiers that some observation holds.
    Map<Identifier, String> seen = new HashMap<>();
    for (Observation o : out) {
      for (Identifier i : o.identifiers()) {
        String person = truth.get(i);
        if (person != null) {
          seen.put(i, person);
        }
      }
    }
    return new Dataset(out, seen, shared);
  }

  private boolean junk(SplittableRandom rnd) {
    return rnd.nextDouble() < junkRate;
  }

  private static Identifier id(String type, String value) {
    return new Identifier(type, value);
  }

  private static String pick(SplittableRandom rnd, List<String> values) {
    return values.get(rnd.nextInt(values.size()));
  }

  private static String pick(SplittableRandom rnd, String[] values) {
    return values[rnd.nextInt(values.length)];
  }

  private static String phone(SplittableRandom rnd) {
    return String.format(Locale.ROOT, "+1 (%d) %d-%04d",
        AREA_CODES[rnd.nextInt(AREA_CODES.length)], 201 + rnd.nextInt(700), rnd.nextInt(10_000));
  }

  private static String cookie(SplittableRandom rnd) {
    return Long.toHexString(rnd.nextLong() | 1L << 62) + Long.toHexString(rnd.nextLong() | 1L << 62);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, rnd.nextInt(i + 1));
    }
  }

  /**
   * A builder of {@link SyntheticIdentities}.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private int people = 1_000;
    private int officeSize = 12;
    private int kiosks = 5;
    private double junkRate = 0.03;
    private int observationsPerPerson = 8;
    private long seed = 1;
    private Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Duration span = Duration.ofDays(90);

    private Builder() {}

    /** Sets the number of people (1 or more). */
    public Builder people(int people) {
      if (people < 1) {
        throw new IllegalArgumentException("people must be 1 or more, not " + people);
      }
      this.people = people;
      return this;
    }

    /** Sets the largest office: people of one office share its phone (1: nobody shares). */
    public Builder officeSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("office size must be 1 or more, not " + size);
      }
      this.officeSize = size;
      return this;
    }

    /** Sets the number of kiosk tablets whose cookie many people share (0 or more). */
    public Builder kiosks(int kiosks) {
      if (kiosks < 0) {
        throw new IllegalArgumentException("kiosks must be 0 or more, not " + kiosks);
      }
      this.kiosks = kiosks;
      return this;
    }

    /** Sets the share of values replaced by junk (test emails, zero phones, "null" cookies), from 0 to 1. */
    public Builder junkRate(double rate) {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("junk rate must be from 0 to 1, not " + rate);
      }
      this.junkRate = rate;
      return this;
    }

    /** Sets the observations per person (1 or more). */
    public Builder observationsPerPerson(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("observations per person must be 1 or more, not " + n);
      }
      this.observationsPerPerson = n;
      return this;
    }

    /** Sets the seed. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Sets when the observations start and how long they span. */
    public Builder period(Instant start, Duration span) {
      this.start = Objects.requireNonNull(start, "start");
      this.span = Objects.requireNonNull(span, "span");
      if (span.isNegative() || span.isZero()) {
        throw new IllegalArgumentException("span must be positive, not " + span);
      }
      return this;
    }

    /** Builds the generator. */
    public SyntheticIdentities build() {
      return new SyntheticIdentities(this);
    }
  }
}
