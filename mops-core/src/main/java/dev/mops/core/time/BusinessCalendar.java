package dev.mops.core.time;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A business calendar: a time zone, working hours per weekday (several intervals a day, so
 * breaks are gaps), public holidays by country and subdivision (from Jollyday), extra closed
 * dates and extra working days, with the arithmetic of business time over them.
 *
 * <pre>{@code
 * BusinessCalendar berlin = BusinessCalendar.load(Path.of("berlin.yaml"));
 * Duration worked = berlin.businessDuration(request.createdAt(), now);   // never negative
 * Instant due = berlin.dueTime(request.createdAt(), Duration.ofHours(16)); // 2 business days of 8 h
 * boolean open = berlin.isOpen(now);
 * Instant opens = berlin.nextOpening(now);
 * }</pre>
 *
 * <p><b>Semantics.</b> Working hours are local times of the calendar's zone; each date's hours
 * become instants through the zone's rules, so a day on which clocks change has its real length:
 * 09:00-17:00 across a spring-forward gap at 02:00 is still 8 hours, while 00:00-06:00 on that day
 * is 5. A local time that falls in a gap is taken as the instant of the transition (an interval
 * wholly inside a gap is empty); a local time that occurs twice is taken at its first occurrence.
 * A date's hours come from, in order: its extra-working-day entry; nothing, if it is an extra
 * closed date or a public holiday (on its observed date); otherwise its weekday.
 *
 * <p><b>Cost.</b> Every operation visits each calendar date it spans once and does constant work
 * per working interval: a year-long duration costs about 370 date visits, whatever its length in
 * minutes. Holidays and each date's working intervals as instants are computed once per calendar
 * year and kept (about 20 KB a year used, for the years 1900 to 2299).
 *
 * <p><b>Limits.</b> {@link #dueTime} and {@link #nextOpening} search at most {@value
 * #HORIZON_YEARS} years ahead and throw {@link IllegalArgumentException} past that (a calendar
 * must have working hours on at least one weekday, so this only happens for amounts of business
 * time longer than that horizon).
 *
 * <p>Results do not depend on the machine's default zone or locale. Every config error fails at
 * load with a {@link dev.mops.core.config.ConfigException} naming the file, line, column and path;
 * the format is in {@code docs/metrics.md}.
 *
 * <p>Thread safety: immutable and safe to share between threads (the tables filled per year on
 * first use are concurrent maps of values that never change once computed).
 */
public final class BusinessCalendar {

  /** How far ahead {@link #dueTime} and {@link #nextOpening} search, in years. */
  public static final int HORIZON_YEARS = 200;

  private static final long HORIZON_DAYS = HORIZON_YEARS * 366L;

  private final String name;
  private final String version;
  private final String contentHash;
  private final ZoneId zone;
  private final ZoneRules rules;
  private final @Nullable ZoneOffset fixedOffset;
  private final int[][] week; // index DayOfWeek.getValue() - 1
  private final List<PublicHolidays> holidays;
  private final Map<LocalDate, String> closed;
  private final Map<LocalDate, int[]> open;
  private final Map<Integer, Map<LocalDate, String>> holidaysByYear = new ConcurrentHashMap<>();
  private final Map<Integer, long[][]> boundsByYear = new ConcurrentHashMap<>();

  private static final long[] NO_BOUNDS = new long[0];
  private static final int FIRST_CACHED_YEAR = 1900;
  private static final int LAST_CACHED_YEAR = 2299;

  private BusinessCalendar(Builder b, String contentHash) {
    this.name = b.name;
    this.version = b.version;
    this.contentHash = contentHash;
    this.zone = b.zone;
    this.rules = zone.getRules();
    this.fixedOffset = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
    this.week = new int[7][];
    for (int i = 0; i < 7; i++) {
      week[i] = b.week[i] == null ? DayHours.CLOSED : b.week[i];
    }
    this.holidays = List.copyOf(b.holidays);
    this.closed = Collections.unmodifiableMap(new TreeMap<>(b.closed));
    this.open = Collections.unmodifiableMap(new TreeMap<>(b.open));
  }

  // ---------------------------------------------------------------------------------------------
  // Loading and building

  /**
   * Loads a calendar file.
   *
   * @throws dev.mops.core.config.ConfigException when the file is missing or invalid
   */
  public static BusinessCalendar load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Reads a calendar from YAML text; {@code source} names it in errors. */
  public static BusinessCalendar parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a calendar from a loaded document. */
  public static BusinessCalendar fromDocument(ConfigDocument doc) {
    return BusinessCalendarReader.read(doc.root(), doc.source(), doc.version(), doc.contentHash(), true);
  }

  /**
   * Reads a calendar written inside another document (such as an SLA policy's {@code calendars}
   * map); it takes the enclosing document's version and content hash.
   *
   * @param node the calendar's map
   * @param defaultName the name to use when the map has no {@code name} key
   * @param enclosing the document the map belongs to
   */
  public static BusinessCalendar fromNode(ConfigNode.MapNode node, String defaultName, ConfigDocument enclosing) {
    return BusinessCalendarReader.read(node, defaultName, enclosing.version(), enclosing.contentHash(), false);
  }

  /** Returns a builder of a calendar in {@code zone}, with no working hours yet. */
  public static Builder builder(ZoneId zone) {
    return new Builder(zone);
  }

  // ---------------------------------------------------------------------------------------------
  // Identity

  /** Returns the calendar's name (its {@code name} key, or the file name). */
  public String name() {
    return name;
  }

  /** Returns the file's {@code version}, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return version;
  }

  /** Returns {@code sha256:} and the hash of the document (or of the built calendar's definition). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the calendar's time zone. */
  public ZoneId zone() {
    return zone;
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /** Returns whether the calendar is open at {@code at}. */
  public boolean isOpen(Instant at) {
    Objects.requireNonNull(at, "at");
    long s = at.getEpochSecond();
    LocalDate d = LocalDate.ofInstant(at, zone);
    // a neighbouring date's hours reach into this date only around a transition at midnight
    for (LocalDate day = d.minusDays(1); !day.isAfter(d.plusDays(1)); day = day.plusDays(1)) {
      long[] h = bounds(day);
      for (int i = 0; i < h.length; i += 2) {
        if (h[i] <= s && s < h[i + 1]) {
          return true;
        }
      }
    }
    return false;
  }

  /** Returns whether {@code date} has any working hours in this calendar. */
  public boolean isWorkingDay(LocalDate date) {
    return hours(date).length > 0 && !workingTime(date).isZero();
  }

  /** Returns the business time of {@code date}: its working hours, as long as they really were. */
  public Duration workingTime(LocalDate date) {
    long[] h = bounds(date);
    long total = 0;
    for (int i = 0; i < h.length; i += 2) {
      total += h[i + 1] - h[i];
    }
    return Duration.ofSeconds(total);
  }

  /**
   * Returns the business time from {@code from} to {@code to}: the time in between during which
   * the calendar is open; zero when {@code to} is not after {@code from}. Additive: for {@code a
   * <= b <= c}, {@code businessDuration(a, c)} equals {@code businessDuration(a, b) +
   * businessDuration(b, c)}.
   */
  public Duration businessDuration(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    long as = from.getEpochSecond();
    int an = from.getNano();
    long bs = to.getEpochSecond();
    int bn = to.getNano();
    long secs = 0;
    long nanos = 0;
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      long[] h = bounds(day);
      for (int i = 0; i < h.length; i += 2) {
        long s = h[i];
        long e = h[i + 1];
        // lower = max(from, s), upper = min(to, e), each as (seconds, nanos)
        long ls;
        long ln;
        if (s > as || (s == as && an == 0)) {
          ls = s;
          ln = 0;
        } else {
          ls = as;
          ln = an;
        }
        long us;
        long un;
        if (e <= bs) {
          us = e;
          un = 0;
        } else {
          us = bs;
          un = bn;
        }
        if (us > ls || (us == ls && un > ln)) {
          secs += us - ls;
          nanos += un - ln;
        }
      }
    }
    return Duration.ofSeconds(secs, nanos);
  }

  /**
   * Returns the due time of {@code businessTime} started at {@code start}: the earliest instant
   * {@code t} with {@code businessDuration(start, t)} equal to {@code businessTime}. A zero amount
   * is due at {@code start}; a positive one always falls inside working hours or at their end.
   *
   * @throws IllegalArgumentException when {@code businessTime} is negative or the due time lies
   *     beyond {@value #HORIZON_YEARS} years
   */
  public Instant dueTime(Instant start, Duration businessTime) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(businessTime, "businessTime");
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("business time must not be negative, found " + businessTime);
    }
    if (businessTime.isZero()) {
      return start;
    }
    long remS = businessTime.getSeconds();
    long remN = businessTime.getNano();
    long as = start.getEpochSecond();
    int an = start.getNano();
    LocalDate first = LocalDate.ofInstant(start, zone).minusDays(1);
    for (long k = 0; k <= HORIZON_DAYS; k++) {
      LocalDate day = first.plusDays(k);
      long[] h = bounds(day);
      for (int i = 0; i < h.length; i += 2) {
        long s = h[i];
        long e = h[i + 1];
        long ls;
        long ln;
        if (s > as || (s == as && an == 0)) {
          ls = s;
          ln = 0;
        } else {
          ls = as;
          ln = an;
        }
        if (e <= ls) {
          continue; // nothing of this interval after the start
        }
        // available = e - (ls, ln)
        long avS = e - ls;
        long avN = -ln;
        if (avN < 0) {
          avS -= 1;
          avN += 1_000_000_000L;
        }
        if (avS > remS || (avS == remS && avN >= remN)) {
          return Instant.ofEpochSecond(ls, ln).plusSeconds(remS).plusNanos(remN);
        }
        remS -= avS;
        remN -= avN;
        if (remN < 0) {
          remS -= 1;
          remN += 1_000_000_000L;
        }
      }
    }
    throw new IllegalArgumentException(
        "the due time of " + businessTime + " after " + start + " lies beyond " + HORIZON_YEARS + " years");
  }

  /**
   * Returns {@code at} when the calendar is open then, otherwise the instant it next opens.
   *
   * @throws IllegalArgumentException when it does not open within {@value #HORIZON_YEARS} years
   */
  public Instant nextOpening(Instant at) {
    Objects.requireNonNull(at, "at");
    long as = at.getEpochSecond();
    LocalDate first = LocalDate.ofInstant(at, zone).minusDays(1);
    for (long k = 0; k <= HORIZON_DAYS; k++) {
      LocalDate day = first.plusDays(k);
      long[] h = bounds(day);
      for (int i = 0; i < h.length; i += 2) {
        long s = h[i];
        long e = h[i + 1];
        if (e > as && e > s) {
          return s <= as ? at : Instant.ofEpochSecond(s);
        }
      }
    }
    throw new IllegalArgumentException("the calendar does not open within " + HORIZON_YEARS + " years of " + at);
  }

  /**
   * Returns the periods during which the calendar is open between {@code from} and {@code to},
   * clipped to them, in order; periods that touch (such as 24-hour operation across midnight) are
   * joined. Empty when {@code to} is not after {@code from}.
   */
  public List<OpenPeriod> openPeriods(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    List<OpenPeriod> out = new ArrayList<>();
    if (!to.isAfter(from)) {
      return out;
    }
    Instant curStart = null;
    Instant curEnd = null;
    LocalDate last = LocalDate.ofInstant(to, zone).plusDays(1);
    for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
      long[] h = bounds(day);
      for (int i = 0; i < h.length; i += 2) {
        Instant s = Instant.ofEpochSecond(h[i]);
        Instant e = Instant.ofEpochSecond(h[i + 1]);
        if (s.isBefore(from)) {
          s = from;
        }
        if (e.isAfter(to)) {
          e = to;
        }
        if (!e.isAfter(s)) {
          continue;
        }
        if (curEnd != null && !s.isAfter(curEnd)) {
          if (e.isAfter(curEnd)) {
            curEnd = e;
          }
        } else {
          if (curStart != null && curEnd != null) {
            out.add(new OpenPeriod(curStart, curEnd));
          }
          curStart = s;
          curEnd = e;
        }
      }
    }
    if (curStart != null && curEnd != null) {
      out.add(new OpenPeriod(curStart, curEnd));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * Returns the dates from {@code from} to {@code toInclusive} on which the calendar is closed
   * although the weekday has working hours (public holidays and extra closed dates), with reasons.
   */
  public List<ClosedDay> closedDays(LocalDate from, LocalDate toInclusive) {
    List<ClosedDay> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
      if (open.containsKey(d) || week[d.getDayOfWeek().getValue() - 1].length == 0) {
        continue;
      }
      String reason = closureReason(d);
      if (reason != null) {
        out.add(new ClosedDay(d, reason));
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** Returns a one-line description: name, version, zone, weekly hours, holidays and dates. */
  public String describe() {
    return name + " (version " + version + "): " + definition();
  }

  @Override
  public String toString() {
    return "BusinessCalendar[" + describe() + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  private @Nullable String closureReason(LocalDate d) {
    String c = closed.get(d);
    if (c != null) {
      return c;
    }
    if (holidays.isEmpty()) {
      return null;
    }
    return holidaysOf(d.getYear()).get(d);
  }

  private Map<LocalDate, String> holidaysOf(int year) {
    Map<LocalDate, String> m = holidaysByYear.get(year);
    if (m == null) {
      TreeMap<LocalDate, String> t = new TreeMap<>();
      for (PublicHolidays h : holidays) {
        h.addTo(year, t);
      }
      m = Collections.unmodifiableMap(t);
      Map<LocalDate, String> prior = holidaysByYear.putIfAbsent(year, m);
      if (prior != null) {
        m = prior;
      }
    }
    return m;
  }

  /**
   * Returns the working intervals of {@code d} as epoch-second pairs, from a table filled a year at
   * a time for the years {@value #FIRST_CACHED_YEAR} to {@value #LAST_CACHED_YEAR} (about 20 KB a
   * year), computed afresh outside them.
   */
  long[] bounds(LocalDate d) {
    int y = d.getYear();
    if (y < FIRST_CACHED_YEAR || y > LAST_CACHED_YEAR) {
      return computeBounds(d);
    }
    long[][] year = boundsByYear.get(y);
    if (year == null) {
      LocalDate first = LocalDate.of(y, 1, 1);
      year = new long[first.lengthOfYear()][];
      for (int i = 0; i < year.length; i++) {
        year[i] = computeBounds(first.plusDays(i));
      }
      long[][] prior = boundsByYear.putIfAbsent(y, year);
      if (prior != null) {
        year = prior;
      }
    }
    return year[d.getDayOfYear() - 1];
  }

  private long[] computeBounds(LocalDate d) {
    int[] h = hours(d);
    if (h.length == 0) {
      return NO_BOUNDS;
    }
    long[] b = new long[h.length];
    for (int i = 0; i < h.length; i++) {
      b[i] = epoch(d, h[i]);
    }
    return b;
  }

  /** Returns the working hours of {@code d} as seconds-of-day pairs. */
  int[] hours(LocalDate d) {
    int[] o = open.get(d);
    if (o != null) {
      return o;
    }
    int[] w = week[d.getDayOfWeek().getValue() - 1];
    if (w.length == 0) {
      return w;
    }
    if (!closed.isEmpty() && closed.containsKey(d)) {
      return DayHours.CLOSED;
    }
    if (!holidays.isEmpty() && holidaysOf(d.getYear()).containsKey(d)) {
      return DayHours.CLOSED;
    }
    return w;
  }

  /** Returns the epoch second of local {@code secondOfDay} on {@code d} (86,400: next midnight). */
  long epoch(LocalDate d, int secondOfDay) {
    long local = d.toEpochDay() * DayHours.DAY + secondOfDay;
    if (fixedOffset != null) {
      return local - fixedOffset.getTotalSeconds();
    }
    LocalDateTime ldt = LocalDateTime.ofEpochSecond(local, 0, ZoneOffset.UTC);
    List<ZoneOffset> valid = rules.getValidOffsets(ldt);
    if (!valid.isEmpty()) {
      return local - valid.get(0).getTotalSeconds(); // first occurrence in an overlap
    }
    ZoneOffsetTransition gap = rules.getTransition(ldt);
    return gap.toEpochSecond(); // a time in a gap is the instant of the transition
  }

  private String definition() {
    StringBuilder sb = new StringBuilder();
    sb.append("zone ").append(zone.getId()).append("; hours");
    for (DayOfWeek day : DayOfWeek.values()) {
      sb.append(' ').append(day.name(), 0, 3).append('=').append(DayHours.describe(week[day.getValue() - 1]));
    }
    if (!holidays.isEmpty()) {
      sb.append("; holidays");
      for (PublicHolidays h : holidays) {
        sb.append(' ').append(h.describe());
      }
    }
    if (!closed.isEmpty()) {
      sb.append("; closed ").append(closed.size()).append(" dates");
    }
    if (!open.isEmpty()) {
      sb.append("; ").append(open.size()).append(" extra working days");
    }
    return sb.toString();
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder("sha256:");
      for (byte b : digest) {
        sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return sb.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * A builder of {@link BusinessCalendar}s. Methods validate their arguments eagerly and throw
   * {@link IllegalArgumentException} naming the bad value; a weekday's hours can be set once.
   *
   * <pre>{@code
   * BusinessCalendar cal = BusinessCalendar.builder(ZoneId.of("America/New_York"))
   *     .name("us-ops")
   *     .weekdays("09:00-12:00", "13:00-17:00")
   *     .publicHolidays("US")
   *     .closed(LocalDate.of(2026, 12, 24), "Christmas Eve")
   *     .build();
   * }</pre>
   *
   * <p>Thread safety: not thread-safe; build on one thread, then share the calendar.
   */
  public static final class Builder {
    private final ZoneId zone;
    private String name = "calendar";
    private String version = ConfigDocument.UNVERSIONED;
    private final int[][] week = new int[7][];
    private final List<PublicHolidays> holidays = new ArrayList<>();
    private final TreeMap<LocalDate, String> closed = new TreeMap<>();
    private final TreeMap<LocalDate, int[]> open = new TreeMap<>();
    private final TreeMap<LocalDate, Boolean> openUsesWeekday = new TreeMap<>();
    private @Nullable String contentHash;

    private Builder(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Sets the calendar's name (default {@code calendar}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the calendar's version (default {@link ConfigDocument#UNVERSIONED}). */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    Builder contentHash(String hash) {
      this.contentHash = hash;
      return this;
    }

    /**
     * Sets the working hours of {@code day}, as intervals such as {@code 09:00-12:30} ({@code
     * 24:00} ends at midnight; seconds allowed); no interval means closed. Touching intervals are
     * joined; overlapping ones are refused.
     *
     * @throws IllegalStateException when the day's hours were already set
     */
    public Builder hours(DayOfWeek day, String... intervals) {
      Objects.requireNonNull(day, "day");
      int i = day.getValue() - 1;
      if (week[i] != null) {
        throw new IllegalStateException("the hours of " + day + " are already set");
      }
      week[i] = DayHours.parse(Arrays.asList(intervals));
      return this;
    }

    /**
     * Sets the working hours of {@code day} to one interval from {@code start} to {@code end}
     * ({@link LocalTime#MIDNIGHT} as the end means the end of the day).
     */
    public Builder hours(DayOfWeek day, LocalTime start, LocalTime end) {
      int e = end.equals(LocalTime.MIDNIGHT) ? DayHours.DAY : end.toSecondOfDay();
      return hours(day, DayHours.format(start.toSecondOfDay(), e));
    }

    /** Sets the same working hours on Monday to Friday. */
    public Builder weekdays(String... intervals) {
      for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
          DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
        hours(d, intervals);
      }
      return this;
    }

    /**
     * Closes the calendar on the public holidays of {@code country} (ISO 3166 alpha-2 such as
     * {@code US}, {@code DE}, {@code GB}, or a Jollyday calendar such as {@code NYSE}),
     * optionally of a subdivision given as Jollyday region codes from the top ({@code "by"}, or
     * {@code "ny", "nyc"}). Several calls add up.
     *
     * @throws IllegalArgumentException naming an unknown country or subdivision and the known ones
     */
    public Builder publicHolidays(String country, String... subdivision) {
      holidays.add(PublicHolidays.of(country, Arrays.asList(subdivision), false));
      return this;
    }

    /** As {@link #publicHolidays}, and also closes on the country's bank holidays. */
    public Builder publicAndBankHolidays(String country, String... subdivision) {
      holidays.add(PublicHolidays.of(country, Arrays.asList(subdivision), true));
      return this;
    }

    /** Closes the calendar on {@code date}, whatever its weekday or holidays say. */
    public Builder closed(LocalDate date, String reason) {
      return closed(date, date, reason);
    }

    /** Closes the calendar from {@code from} to {@code toInclusive} (such as a winter shutdown). */
    public Builder closed(LocalDate from, LocalDate toInclusive, String reason) {
      Objects.requireNonNull(reason, "reason");
      if (toInclusive.isBefore(from)) {
        throw new IllegalArgumentException("closed dates end before they start: " + from + " to " + toInclusive);
      }
      if (from.until(toInclusive).toTotalMonths() >= 12 * 10) {
        throw new IllegalArgumentException("closed dates span more than 10 years: " + from + " to " + toInclusive);
      }
      for (LocalDate d = from; !d.isAfter(toInclusive); d = d.plusDays(1)) {
        if (open.containsKey(d)) {
          throw new IllegalArgumentException(d + " is both an extra working day and a closed date");
        }
        closed.put(d, reason);
      }
      return this;
    }

    /**
     * Opens the calendar on {@code date} (an extra working day, even on a holiday or a weekend)
     * with the given hours, or with its weekday's hours when none are given.
     *
     * @throws IllegalArgumentException when no hours are given and the weekday has none (checked
     *     at {@link #build}), or the date is also closed
     */
    public Builder open(LocalDate date, String... intervals) {
      Objects.requireNonNull(date, "date");
      if (closed.containsKey(date)) {
        throw new IllegalArgumentException(date + " is both an extra working day and a closed date");
      }
      if (open.containsKey(date)) {
        throw new IllegalStateException("the extra working day " + date + " is already set");
      }
      open.put(date, DayHours.parse(Arrays.asList(intervals)));
      openUsesWeekday.put(date, intervals.length == 0);
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @throws IllegalArgumentException when no weekday has working hours, or an extra working day
     *     without hours falls on a weekday without any
     */
    public BusinessCalendar build() {
      boolean any = false;
      for (int[] w : week) {
        any |= w != null && w.length > 0;
      }
      if (!any) {
        throw new IllegalArgumentException("a business calendar needs working hours on at least one weekday");
      }
      for (Map.Entry<LocalDate, Boolean> e : openUsesWeekday.entrySet()) {
        if (e.getValue()) {
          int[] w = week[e.getKey().getDayOfWeek().getValue() - 1];
          if (w == null || w.length == 0) {
            throw new IllegalArgumentException("the extra working day " + e.getKey() + " is a "
                + e.getKey().getDayOfWeek() + ", which has no working hours: give its hours");
          }
          open.put(e.getKey(), w);
        }
      }
      BusinessCalendar cal = new BusinessCalendar(this, "");
      String hash = contentHash != null ? contentHash : sha256(cal.name + "\n" + cal.version + "\n" + cal.definition()
          + "\n" + cal.closed + "\n" + describeOpen(cal.open));
      return new BusinessCalendar(this, hash);
    }

    private static String describeOpen(Map<LocalDate, int[]> open) {
      StringBuilder sb = new StringBuilder();
      open.forEach((d, h) -> sb.append(d).append('=').append(DayHours.describe(h)).append(';'));
      return sb.toString();
    }
  }
}
