package dev.mops.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked examples of business-time arithmetic. */
class BusinessCalendarTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  static final BusinessCalendar BERLIN_OPS = BusinessCalendar.builder(BERLIN)
      .name("berlin")
      .weekdays("09:00-12:30", "13:30-17:30") // 7.5 h a day, lunch 12:30-13:30
      .publicHolidays("DE", "be")
      .closed(LocalDate.of(2026, 12, 24), "Christmas Eve")
      .build();

  static final BusinessCalendar NY_OPS = BusinessCalendar.builder(NEW_YORK)
      .weekdays("09:00-17:00")
      .publicHolidays("US")
      .build();

  static final BusinessCalendar ALWAYS_BERLIN = always(BERLIN);

  static BusinessCalendar always(ZoneId zone) {
    BusinessCalendar.Builder b = BusinessCalendar.builder(zone);
    for (DayOfWeek d : DayOfWeek.values()) {
      b.hours(d, "00:00-24:00");
    }
    return b.build();
  }

  static Instant at(ZoneId zone, String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  static Instant berlin(String t) {
    return at(BERLIN, t);
  }

  static Instant ny(String t) {
    return at(NEW_YORK, t);
  }

  @Test
  void fridayAfternoonToMondayMorningSkipsTheWeekendAndLunch() {
    // Fri 2026-06-12 16:00 -> 17:30 = 1.5 h; Mon 2026-06-15 09:00 -> 10:00 = 1 h
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-06-12T16:00"), berlin("2026-06-15T10:00")))
        .isEqualTo(Duration.ofMinutes(150));
    // across lunch: 12:00 -> 14:00 is 1 h of business time
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-06-15T12:00"), berlin("2026-06-15T14:00")))
        .isEqualTo(Duration.ofHours(1));
    // a whole week is 5 x 7.5 h
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-06-15T00:00"), berlin("2026-06-22T00:00")))
        .isEqualTo(Duration.ofMinutes(5 * 450));
  }

  @Test
  void dueTimeCarriesOverWeekendsAndBreaks() {
    // 4 h from Fri 16:00: 1.5 h on Friday, then 2.5 h on Monday: 09:00-11:30
    assertThat(BERLIN_OPS.dueTime(berlin("2026-06-12T16:00"), Duration.ofHours(4)))
        .isEqualTo(berlin("2026-06-15T11:30"));
    // 4 h from Mon 11:00: 1.5 h before lunch, 2.5 h after: 16:00
    assertThat(BERLIN_OPS.dueTime(berlin("2026-06-15T11:00"), Duration.ofHours(4)))
        .isEqualTo(berlin("2026-06-15T16:00"));
    // exactly at the end of the morning: due at 12:30, not after lunch
    assertThat(BERLIN_OPS.dueTime(berlin("2026-06-15T11:00"), Duration.ofMinutes(90)))
        .isEqualTo(berlin("2026-06-15T12:30"));
    // starting on a Sunday: the clock starts on Monday morning
    assertThat(BERLIN_OPS.dueTime(berlin("2026-06-14T20:00"), Duration.ofMinutes(30)))
        .isEqualTo(berlin("2026-06-15T09:30"));
    assertThat(BERLIN_OPS.dueTime(berlin("2026-06-14T20:00"), Duration.ZERO)).isEqualTo(berlin("2026-06-14T20:00"));
    assertThatThrownBy(() -> BERLIN_OPS.dueTime(berlin("2026-06-14T20:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }

  @Test
  void holidaysAndExtraClosedDatesAcrossTheYearEnd() {
    // Berlin: Thu 24 Dec closed (extra), 25/26 holidays, 31 Dec open, 1 Jan holiday, 8 Mar holiday in Berlin only
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    // Wed 23 Dec 17:00 -> Mon 4 Jan 2027 09:30: 0.5 h + Mon 28, Tue 29, Wed 30, Thu 31 (4 x 7.5 h) + 0.5 h
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-12-23T17:00"), berlin("2027-01-04T09:30")))
        .isEqualTo(Duration.ofMinutes(30 + 4 * 450 + 30));
    assertThat(BERLIN_OPS.closedDays(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 3)))
        .extracting(ClosedDay::date)
        .containsExactly(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25), LocalDate.of(2027, 1, 1));
    assertThat(BERLIN_OPS.closedDays(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 24)).get(0).reason())
        .isEqualTo("Christmas Eve");
    // New York: Thu 31 Dec 16:00 -> Mon 4 Jan 10:00 = 1 h + 1 h
    assertThat(NY_OPS.businessDuration(ny("2026-12-31T16:00"), ny("2027-01-04T10:00"))).isEqualTo(Duration.ofHours(2));
  }

  @Test
  void observedHolidaysCloseTheObservedDate() {
    // 4 July 2026 is a Saturday: the US observes it on Friday 3 July
    assertThat(NY_OPS.isWorkingDay(LocalDate.of(2026, 7, 3))).isFalse();
    assertThat(NY_OPS.closedDays(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 7)))
        .containsExactly(new ClosedDay(LocalDate.of(2026, 7, 3), "Independence Day"));
    assertThat(NY_OPS.nextOpening(ny("2026-07-02T18:00"))).isEqualTo(ny("2026-07-06T09:00"));
  }

  @Test
  void subdivisionsHaveTheirOwnHolidays() {
    // International Women's Day (8 March) is a holiday in Berlin, not in Bavaria; 2027-03-08 is a Monday
    BusinessCalendar bavaria = BusinessCalendar.builder(BERLIN).weekdays("09:00-17:00").publicHolidays("DE", "by").build();
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2027, 3, 8))).isFalse();
    assertThat(bavaria.isWorkingDay(LocalDate.of(2027, 3, 8))).isTrue();
    // Epiphany (6 January) is a holiday in Bavaria, not in Berlin; 2027-01-06 is a Wednesday
    assertThat(bavaria.isWorkingDay(LocalDate.of(2027, 1, 6))).isFalse();
    assertThat(BERLIN_OPS.isWorkingDay(LocalDate.of(2027, 1, 6))).isTrue();
  }

  @Test
  void clockChangesGiveDaysTheirRealLength() {
    // Berlin springs forward on Sun 29 March 2026 (02:00 -> 03:00) and falls back on Sun 25 October
    assertThat(ALWAYS_BERLIN.workingTime(LocalDate.of(2026, 3, 29))).isEqualTo(Duration.ofHours(23));
    assertThat(ALWAYS_BERLIN.workingTime(LocalDate.of(2026, 10, 25))).isEqualTo(Duration.ofHours(25));
    assertThat(ALWAYS_BERLIN.businessDuration(berlin("2026-03-28T12:00"), berlin("2026-03-30T12:00")))
        .isEqualTo(Duration.ofHours(47));
    assertThat(ALWAYS_BERLIN.dueTime(berlin("2026-03-29T00:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T04:00"));
    // hours that cross the gap are an hour shorter; hours inside the gap are empty
    BusinessCalendar night = BusinessCalendar.builder(BERLIN)
        .hours(DayOfWeek.SUNDAY, "00:00-06:00")
        .hours(DayOfWeek.SATURDAY, "02:15-02:45")
        .build();
    assertThat(night.workingTime(LocalDate.of(2026, 3, 29))).isEqualTo(Duration.ofHours(5));
    assertThat(night.workingTime(LocalDate.of(2026, 10, 25))).isEqualTo(Duration.ofHours(7));
    BusinessCalendar gap = BusinessCalendar.builder(ZoneId.of("America/New_York"))
        .hours(DayOfWeek.SUNDAY, "02:15-02:45")
        .build();
    assertThat(gap.workingTime(LocalDate.of(2026, 3, 8))).isZero();
    assertThat(gap.isWorkingDay(LocalDate.of(2026, 3, 8))).isFalse();
    assertThat(gap.workingTime(LocalDate.of(2026, 3, 15))).isEqualTo(Duration.ofMinutes(30));
    // office hours on a clock-change day keep their length
    BusinessCalendar ny = BusinessCalendar.builder(NEW_YORK).hours(DayOfWeek.SUNDAY, "09:00-17:00").build();
    assertThat(ny.workingTime(LocalDate.of(2026, 3, 8))).isEqualTo(Duration.ofHours(8));
    assertThat(ny.businessDuration(ny("2026-03-07T12:00"), ny("2026-03-08T12:00"))).isEqualTo(Duration.ofHours(3));
  }

  @Test
  void aDayThatDoesNotExist() {
    // Samoa skipped Friday 30 December 2011 when it crossed the date line
    BusinessCalendar apia = always(ZoneId.of("Pacific/Apia"));
    Instant thu = at(ZoneId.of("Pacific/Apia"), "2011-12-29T00:00");
    Instant sat = at(ZoneId.of("Pacific/Apia"), "2011-12-31T00:00");
    assertThat(apia.businessDuration(thu, sat)).isEqualTo(Duration.ofHours(24));
    assertThat(apia.workingTime(LocalDate.of(2011, 12, 30))).isZero();
  }

  @Test
  void openAtAndNextOpening() {
    assertThat(BERLIN_OPS.isOpen(berlin("2026-06-15T09:00"))).isTrue();
    assertThat(BERLIN_OPS.isOpen(berlin("2026-06-15T12:30"))).isFalse(); // lunch starts: the end is exclusive
    assertThat(BERLIN_OPS.isOpen(berlin("2026-06-15T08:59:59"))).isFalse();
    assertThat(BERLIN_OPS.isOpen(berlin("2026-06-13T10:00"))).isFalse(); // Saturday
    assertThat(BERLIN_OPS.nextOpening(berlin("2026-06-15T12:45"))).isEqualTo(berlin("2026-06-15T13:30"));
    assertThat(BERLIN_OPS.nextOpening(berlin("2026-06-15T10:00"))).isEqualTo(berlin("2026-06-15T10:00"));
    assertThat(BERLIN_OPS.nextOpening(berlin("2026-12-23T18:00"))).isEqualTo(berlin("2026-12-28T09:00"));
  }

  @Test
  void openPeriodsAreClippedAndTouchingOnesJoined() {
    List<OpenPeriod> p = BERLIN_OPS.openPeriods(berlin("2026-06-12T10:00"), berlin("2026-06-15T13:45"));
    assertThat(p).containsExactly(
        new OpenPeriod(berlin("2026-06-12T10:00"), berlin("2026-06-12T12:30")),
        new OpenPeriod(berlin("2026-06-12T13:30"), berlin("2026-06-12T17:30")),
        new OpenPeriod(berlin("2026-06-15T09:00"), berlin("2026-06-15T12:30")),
        new OpenPeriod(berlin("2026-06-15T13:30"), berlin("2026-06-15T13:45")));
    assertThat(ALWAYS_BERLIN.openPeriods(berlin("2026-06-12T10:00"), berlin("2026-06-19T10:00")))
        .containsExactly(new OpenPeriod(berlin("2026-06-12T10:00"), berlin("2026-06-19T10:00")));
  }

  @Test
  void extraWorkingDaysOpenWeekendsAndHolidays() {
    BusinessCalendar cal = BusinessCalendar.builder(BERLIN)
        .weekdays("09:00-17:00")
        .publicHolidays("DE")
        .open(LocalDate.of(2026, 6, 13), "10:00-14:00") // a Saturday launch
        .open(LocalDate.of(2026, 12, 25)) // Christmas, a Friday, with Friday's hours
        .build();
    assertThat(cal.workingTime(LocalDate.of(2026, 6, 13))).isEqualTo(Duration.ofHours(4));
    assertThat(cal.workingTime(LocalDate.of(2026, 12, 25))).isEqualTo(Duration.ofHours(8));
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 26))).isFalse();
    assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).weekdays("09:00-17:00").open(LocalDate.of(2026, 6, 14)).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SUNDAY, which has no working hours");
  }

  @Test
  void builderRefusesBadInput() {
    BusinessCalendar.Builder b = BusinessCalendar.builder(BERLIN);
    assertThatThrownBy(() -> b.hours(DayOfWeek.MONDAY, "17:00-09:00")).hasMessageContaining("end after they start");
    assertThatThrownBy(() -> b.hours(DayOfWeek.MONDAY, "09:00-12:00", "11:00-13:00")).hasMessageContaining("overlap");
    assertThatThrownBy(() -> b.hours(DayOfWeek.MONDAY, "9am-5pm")).hasMessageContaining("HH:MM");
    assertThatThrownBy(() -> b.hours(DayOfWeek.MONDAY, "09:00-24:30")).hasMessageContaining("no such time");
    b.hours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.MIDNIGHT);
    assertThatThrownBy(() -> b.hours(DayOfWeek.MONDAY, "09:00-10:00")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> b.publicHolidays("XX")).hasMessageContaining("no public holidays known for country 'XX'");
    assertThatThrownBy(() -> b.publicHolidays("DE", "zz")).hasMessageContaining("no subdivision 'zz' in DE, expected one of [bb, be,");
    assertThatThrownBy(() -> BusinessCalendar.builder(BERLIN).build()).hasMessageContaining("at least one weekday");
    assertThat(b.build().workingTime(LocalDate.of(2026, 6, 15))).isEqualTo(Duration.ofHours(15));
  }

  @Test
  void reversedOrEmptySpansAreZero() {
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-06-15T12:00"), berlin("2026-06-15T10:00"))).isZero();
    assertThat(BERLIN_OPS.businessDuration(berlin("2026-06-15T10:00"), berlin("2026-06-15T10:00"))).isZero();
    assertThat(BERLIN_OPS.openPeriods(berlin("2026-06-15T12:00"), berlin("2026-06-15T10:00"))).isEmpty();
  }

  @Test
  void fractionsOfSecondsAreKept() {
    Instant a = berlin("2026-06-15T10:00").plusNanos(250_000_000);
    Instant b = berlin("2026-06-15T10:00:01").plusNanos(100_000_000);
    assertThat(BERLIN_OPS.businessDuration(a, b)).isEqualTo(Duration.ofMillis(850));
    assertThat(BERLIN_OPS.dueTime(a, Duration.ofMillis(850))).isEqualTo(b);
  }

  @Test
  void builtCalendarsHaveAHashOfTheirDefinition() {
    BusinessCalendar a = BusinessCalendar.builder(BERLIN).weekdays("09:00-17:00").build();
    BusinessCalendar b = BusinessCalendar.builder(BERLIN).weekdays("09:00-17:00").build();
    BusinessCalendar c = BusinessCalendar.builder(BERLIN).weekdays("09:00-17:30").build();
    assertThat(a.contentHash()).startsWith("sha256:").isEqualTo(b.contentHash()).isNotEqualTo(c.contentHash());
    assertThat(a.describe()).contains("zone Europe/Berlin").contains("MON=09:00-17:00").contains("SAT=closed");
  }
}
