package dev.mops.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.time.BusinessCalendar;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

  @Test
  void readsBusinessCalendarsPerRegion() {
    BusinessCalendar us = BusinessCalendar.builder(ZoneId.of("America/New_York")).weekdays("09:00-17:00")
        .publicHolidays("US").closed(LocalDate.of(2026, 12, 24), "Christmas Eve").build();
    BusinessCalendar de = BusinessCalendar.builder(ZoneId.of("Europe/Berlin")).weekdays("09:00-17:00")
        .publicHolidays("DE").build();
    WorkingCalendar wc = WorkingCalendar.of(us, Map.of("DE", de));
    assertThat(wc.holiday("US", LocalDate.of(2026, 7, 3))).isPresent(); // Independence Day, observed
    assertThat(wc.holiday("", LocalDate.of(2026, 12, 24))).contains("Christmas Eve");
    assertThat(wc.isWorkingDay("US", LocalDate.of(2026, 10, 3))).isFalse(); // a Saturday
    assertThat(wc.holiday("DE", LocalDate.of(2026, 10, 5))).isEmpty();
    assertThat(wc.holiday("DE", LocalDate.of(2026, 10, 3))).isEmpty(); // Tag der Deutschen Einheit is a Saturday
    assertThat(wc.holiday("DE", LocalDate.of(2026, 12, 25))).isPresent();
    assertThat(wc.isWorkingDay("DE", LocalDate.of(2026, 7, 3))).isTrue();
    assertThat(wc.isWorkingDay("US", LocalDate.of(2026, 7, 3))).isFalse();
  }
}
