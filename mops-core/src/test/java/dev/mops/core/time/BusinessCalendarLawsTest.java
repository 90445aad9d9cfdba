package dev.mops.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The laws of business time over seeded random calendars (zones with and without clock changes,
 * random hours with breaks, holidays, closed and extra dates) and random instants. Set {@code
 * -Dmops.test.seed=N} to replay a run; the base seed is printed.
 */
class BusinessCalendarLawsTest {

  static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
      "Pacific/Chatham", "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Apia", "Europe/London", "America/St_Johns");
  static final Instant LOW = Instant.parse("2010-01-01T00:00:00Z");
  static final Instant HIGH = Instant.parse("2031-01-01T00:00:00Z");

  static Stream<Long> seeds() {
    long base = Long.getLong("mops.test.seed", 20261202L);
    System.err.println("business calendar property seeds: base " + base + " (set -Dmops.test.seed to replay)");
    return LongStream.range(0, 150).mapToObj(i -> base * 1_000_003L + i);
  }

  static BusinessCalendar calendar(Random r) {
    ZoneId zone = ZoneId.of(ZONES.get(r.nextInt(ZONES.size())));
    BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
    boolean any = false;
    for (DayOfWeek d : DayOfWeek.values()) {
      String[] hours = hours(r);
      if (!any && d == DayOfWeek.SUNDAY && hours.length == 0) {
        hours = new String[] {"09:00-17:00"};
      }
      any |= hours.length > 0;
      b.hours(d, hours);
    }
    switch (r.nextInt(4)) {
      case 0:
        b.publicHolidays("US");
        break;
      case 1:
        b.publicHolidays("DE", "by");
        break;
      default:
        break;
    }
    LocalDate base = LocalDate.of(2010 + r.nextInt(21), 1, 1);
    for (int i = r.nextInt(6); i > 0; i--) {
      LocalDate d = base.plusDays(r.nextInt(365));
      b.closed(d, d.plusDays(r.nextInt(4)), "closed");
    }
    for (int i = r.nextInt(4); i > 0; i--) {
      LocalDate d = base.plusDays(r.nextInt(365));
      try {
        String[] h = hours(r);
        b.open(d, h.length == 0 ? new String[] {"10:00-14:00"} : h);
      } catch (IllegalArgumentException | IllegalStateException e) {
        // already closed or open: keep the calendar as it is
      }
    }
    return b.build();
  }

  static String[] hours(Random r) {
    int kind = r.nextInt(10);
    if (kind < 2) {
      return new String[0];
    }
    if (kind == 2) {
      return new String[] {"00:00-24:00"};
    }
    List<String> out = new ArrayList<>();
    int t = r.nextInt(12 * 4) * 15 * 60; // a quarter-hour in the morning (or the night)
    for (int n = 1 + r.nextInt(3); n > 0 && t < DayHours.DAY; n--) {
      int end = Math.min(DayHours.DAY, t + (1 + r.nextInt(24)) * 15 * 60);
      out.add(DayHours.format(t, end));
      t = end + (1 + r.nextInt(8)) * 15 * 60;
    }
    return out.toArray(new String[0]);
  }

  static Instant instant(Random r, Instant near, long maxSeconds) {
    long s = near.getEpochSecond() + (long) (r.nextDouble() * maxSeconds);
    // half the instants sit on a minute, so they meet interval boundaries exactly
    return r.nextBoolean() ? Instant.ofEpochSecond(s - Math.floorMod(s, 60)) : Instant.ofEpochSecond(s, r.nextInt(1_000_000_000));
  }

  static Instant[] sorted(Random r, int n, long maxSpan) {
    Instant start = instant(r, LOW, HIGH.getEpochSecond() - LOW.getEpochSecond() - maxSpan);
    Instant[] out = new Instant[n];
    for (int i = 0; i < n; i++) {
      out[i] = instant(r, start, maxSpan);
    }
    java.util.Arrays.sort(out);
    return out;
  }

  static long span(Random r) {
    // spans from minutes to a year and a half
    long[] scales = {3_600L, 86_400L, 7 * 86_400L, 40 * 86_400L, 550 * 86_400L};
    return scales[r.nextInt(scales.length)];
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void durationIsAdditiveAndNeverNegative(long seed) {
    Random r = new Random(seed);
    BusinessCalendar cal = calendar(r);
    Instant[] t = sorted(r, 3, span(r));
    Duration ab = cal.businessDuration(t[0], t[1]);
    Duration bc = cal.businessDuration(t[1], t[2]);
    Duration ac = cal.businessDuration(t[0], t[2]);
    assertThat(ab.plus(bc)).as("%s: d(a,c) = d(a,b) + d(b,c) for %s", cal, List.of(t)).isEqualTo(ac);
    assertThat(ab.isNegative() || bc.isNegative() || ac.isNegative()).isFalse();
    assertThat(cal.businessDuration(t[2], t[0])).isZero();
    assertThat(ac).isLessThanOrEqualTo(Duration.between(t[0], t[2]));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void dueTimeOfAMeasuredDurationIsNoLaterThanTheEnd(long seed) {
    Random r = new Random(seed);
    BusinessCalendar cal = calendar(r);
    Instant[] t = sorted(r, 2, span(r));
    Duration d = cal.businessDuration(t[0], t[1]);
    Instant due = cal.dueTime(t[0], d);
    assertThat(due).as("%s: due(s, d(s, x)) <= x for %s", cal, List.of(t)).isBeforeOrEqualTo(t[1]);
    assertThat(due).isAfterOrEqualTo(t[0]);
    // and the due time is exact: the business time up to it is the amount asked for
    assertThat(cal.businessDuration(t[0], due)).isEqualTo(d);
    Duration ask = Duration.ofSeconds(r.nextInt(400 * 3600), r.nextInt(1_000_000_000));
    assertThat(cal.businessDuration(t[0], cal.dueTime(t[0], ask))).isEqualTo(ask);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithMinuteStepping(long seed) {
    Random r = new Random(seed);
    BusinessCalendar cal = calendar(r);
    Instant a = instant(r, LOW, HIGH.getEpochSecond() - LOW.getEpochSecond() - 4 * 86_400L);
    a = Instant.ofEpochSecond(a.getEpochSecond() - Math.floorMod(a.getEpochSecond(), 60));
    int minutes = r.nextInt(3 * 24 * 60);
    long open = 0;
    for (int m = 0; m < minutes; m++) {
      if (cal.isOpen(a.plusSeconds(60L * m))) {
        open++;
      }
    }
    // hours are whole quarter-hours and every zone here changes clocks on a whole minute
    assertThat(cal.businessDuration(a, a.plusSeconds(60L * minutes))).as("%s from %s", cal, a)
        .isEqualTo(Duration.ofMinutes(open));
    Instant next = cal.nextOpening(a);
    assertThat(cal.isOpen(next)).isTrue();
    assertThat(cal.businessDuration(a, next)).isZero();
    long total = 0;
    for (OpenPeriod p : cal.openPeriods(a, a.plusSeconds(60L * minutes))) {
      total += p.duration().getSeconds();
      assertThat(cal.isOpen(p.start())).isTrue();
    }
    assertThat(total).isEqualTo(open * 60);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void resultsDoNotDependOnTheMachineZoneOrLocale(long seed) {
    Random r = new Random(seed);
    Instant[] t = sorted(r, 2, span(r));
    long calendarSeed = r.nextLong();
    Object expected = answers(new Random(calendarSeed), t);
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(ZONES.get(r.nextInt(ZONES.size()))));
      Locale.setDefault(r.nextBoolean() ? Locale.forLanguageTag("hi-IN") : Locale.forLanguageTag("th-TH-u-nu-thai"));
      assertThat(answers(new Random(calendarSeed), t)).isEqualTo(expected);
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
  }

  private static List<Object> answers(Random r, Instant[] t) {
    BusinessCalendar cal = calendar(r);
    Duration d = cal.businessDuration(t[0], t[1]);
    return List.of(d, cal.dueTime(t[0], d), cal.nextOpening(t[0]), cal.isOpen(t[1]), cal.describe(),
        cal.closedDays(LocalDate.ofInstant(t[0], cal.zone()), LocalDate.ofInstant(t[0], cal.zone()).plusDays(60)));
  }
}
