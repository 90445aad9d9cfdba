package dev.mops.planning;

import dev.mops.core.time.BusinessCalendar;
import dev.mops.core.time.ClosedDay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The working days and holidays that planning checks read, per region (a country code, a team
 * calendar name or {@code ""} for the default).
 *
 * <p>The campaign calendar asks it for holidays on launch days; capacity asks it which days a
 * person works. {@link #weekdays()} (Monday to Friday, no holidays) serves when nothing better is
 * known; {@link #of(Set, Map)} adds fixed holidays per region; {@link #of(BusinessCalendar, Map)} reads
 * mops-core's {@link BusinessCalendar}s (working hours, public holidays by country, closed dates),
 * one per region.
 *
 * <p>Thread safety: implementations must be safe to call from any thread; the ones made here are
 * immutable.
 */
public interface WorkingCalendar {

  /** Returns whether {@code date} is a working day in {@code region}: not a weekend day, not a holiday. */
  boolean isWorkingDay(String region, LocalDate date);

  /** Returns the name of the holiday on {@code date} in {@code region}, if it is one. */
  Optional<String> holiday(String region, LocalDate date);

  /** Returns Monday to Friday with no holidays, in every region. */
  static WorkingCalendar weekdays() {
    return of(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), Map.of());
  }

  /**
   * Returns a calendar with {@code weekend} off everywhere and, per region, fixed holidays; the
   * holidays of region {@code ""} apply to every region.
   */
  static WorkingCalendar of(Set<DayOfWeek> weekend, Map<String, Map<LocalDate, String>> holidays) {
    Set<DayOfWeek> off = weekend.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
    Map<String, Map<LocalDate, String>> copy = new HashMap<>();
    holidays.forEach((region, days) -> copy.put(Objects.requireNonNull(region, "region"), Map.copyOf(days)));
    return new WorkingCalendar() {
      @Override
      public boolean isWorkingDay(String region, LocalDate date) {
        return !off.contains(date.getDayOfWeek()) && holiday(region, date).isEmpty();
      }

      @Override
      public Optional<String> holiday(String region, LocalDate date) {
        Map<LocalDate, String> r = copy.get(region);
        String name = r == null ? null : r.get(date);
        if (name == null) {
          Map<LocalDate, String> all = copy.get("");
          name = all == null ? null : all.get(date);
        }
        return Optional.ofNullable(name);
      }

      @Override
      public String toString() {
        return "WorkingCalendar[weekend=" + off + ", regions=" + copy.keySet() + "]";
      }
    };
  }

  /**
   * Returns a calendar that reads {@link BusinessCalendar}s: a region's own calendar when {@code
   * byRegion} has one, else {@code fallback}. A day is a working day when the calendar has working
   * hours on it; a holiday is a day the calendar is closed although its weekday has hours (a public
   * holiday or a closed date), named by the calendar's reason.
   */
  static WorkingCalendar of(BusinessCalendar fallback, Map<String, BusinessCalendar> byRegion) {
    Objects.requireNonNull(fallback, "fallback");
    Map<String, BusinessCalendar> regions = Map.copyOf(byRegion);
    return new WorkingCalendar() {
      private BusinessCalendar of(String region) {
        BusinessCalendar c = regions.get(region);
        return c == null ? fallback : c;
      }

      @Override
      public boolean isWorkingDay(String region, LocalDate date) {
        return of(region).isWorkingDay(date);
      }

      @Override
      public Optional<String> holiday(String region, LocalDate date) {
        for (ClosedDay d : of(region).closedDays(date, date)) {
          return Optional.of(d.reason());
        }
        return Optional.empty();
      }

      @Override
      public String toString() {
        return "WorkingCalendar[" + fallback.name() + ", regions=" + regions.keySet() + "]";
      }
    };
  }
}
