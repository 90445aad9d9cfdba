package dev.mops.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Loading calendars from YAML, and the errors of bad ones. */
class BusinessCalendarLoadTest {

  static final String BERLIN = """
      version: 3
      name: emea-marketing-ops
      zone: Europe/Berlin
      hours:
        weekdays: [09:00-12:30, 13:30-17:30]
        friday: 09:00-15:00
      holidays:
        country: DE
        subdivision: be
      closed:
        - 2026-12-24
        - {from: 2026-12-28, to: 2026-12-30, name: Winter shutdown}
      open:
        - {date: 2026-06-13, hours: [10:00-14:00], name: Summer launch}
      """;

  @Test
  void loadsEveryPart() {
    BusinessCalendar cal = BusinessCalendar.parse("berlin.yaml", BERLIN);
    assertThat(cal.name()).isEqualTo("emea-marketing-ops");
    assertThat(cal.version()).isEqualTo("3");
    assertThat(cal.contentHash()).isEqualTo(ConfigLoader.standard().loadString("x.yaml", BERLIN).contentHash());
    assertThat(cal.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(cal.workingTime(LocalDate.of(2026, 6, 15))).isEqualTo(Duration.ofMinutes(450)); // Monday
    assertThat(cal.workingTime(LocalDate.of(2026, 6, 12))).isEqualTo(Duration.ofHours(6)); // Friday
    assertThat(cal.workingTime(LocalDate.of(2026, 6, 13))).isEqualTo(Duration.ofHours(4)); // extra Saturday
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 29))).isFalse();
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
    assertThat(cal.closedDays(LocalDate.of(2026, 12, 28), LocalDate.of(2026, 12, 28)).get(0).reason())
        .isEqualTo("Winter shutdown");
    assertThat(cal.isWorkingDay(LocalDate.of(2027, 3, 8))).isFalse(); // Berlin's Women's Day
    assertThat(cal.isOpen(LocalDateTime.parse("2026-06-15T13:00").atZone(cal.zone()).toInstant())).isFalse();
  }

  @Test
  void loadsFromAFile() {
    BusinessCalendar cal = BusinessCalendar.load(Path.of("../examples/metrics/calendar-us.yaml"));
    assertThat(cal.zone()).isEqualTo(ZoneId.of("America/New_York"));
    assertThat(cal.isWorkingDay(LocalDate.of(2026, 11, 26))).isFalse(); // Thanksgiving
  }

  @Test
  void nestedCalendarsTakeTheEnclosingIdentity() {
    var doc = ConfigLoader.standard().loadString("sla.yaml",
        "version: 7\ncalendars:\n  ny:\n    zone: America/New_York\n    hours: {weekdays: 09:00-17:00}\n");
    BusinessCalendar cal = BusinessCalendar.fromNode(doc.root().map("calendars").map("ny"), "ny", doc);
    assertThat(cal.name()).isEqualTo("ny");
    assertThat(cal.version()).isEqualTo("7");
    assertThat(cal.contentHash()).isEqualTo(doc.contentHash());
  }

  private static void fails(String yaml, String position, String message) {
    assertThatThrownBy(() -> BusinessCalendar.parse("cal.yaml", yaml))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cal.yaml:" + position)
        .hasMessageContaining(message);
  }

  @Test
  void badConfigsNameFileLineColumnAndPath() {
    fails("zone: Europe/Berlin\n", "1:1", "missing key 'hours'");
    fails("hours: {weekdays: 09:00-17:00}\n", "1:1", "missing key 'zone'");
    fails("zone: Europe/Berlinn\nhours: {weekdays: 09:00-17:00}\n", "1:7: at zone:", "expected a time zone");
    fails("zone: UTC\nhours:\n  monday: [09:00-17:00]\n  munday: [09:00-17:00]\n", "4:3: at hours.munday:",
        "unknown key 'munday' (did you mean 'monday'?)");
    fails("zone: UTC\nhours:\n  monday: [17:00-09:00]\n", "3:11: at hours.monday:", "must end after they start");
    fails("zone: UTC\nhours:\n  monday: [09:00-12:00, 11:00-13:00]\n", "3:11: at hours.monday:", "overlap");
    fails("zone: UTC\nhours:\n  saturday: closed\n", "3:3: at hours:", "at least one weekday");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nholidays: {country: XX}\n", "3:21: at holidays.country:",
        "no public holidays known for country 'XX'");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nholidays: {country: US, subdivision: zz}\n",
        "3:38: at holidays.subdivision:", "no subdivision 'zz' in US");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nclosed: [2026-02-30]\n", "3:10: at closed[0]:",
        "expected a date such as 2026-12-24, found '2026-02-30'");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nclosed: [{from: 2026-12-30, to: 2026-12-28}]\n",
        "3:10: at closed[0]:", "end before they start");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nclosed: [2026-06-15]\nopen: [2026-06-15]\n", "4:8: at open[0]:",
        "both an extra working day and a closed date");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nopen: [2026-06-14]\n", "3:7: at open:", "SUNDAY, which has no working hours");
    fails("zone: UTC\nhours: {weekdays: 09:00-17:00}\nextra: 1\n", "3:1: at extra:", "unknown key 'extra'");
  }
}
