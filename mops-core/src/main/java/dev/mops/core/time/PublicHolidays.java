package dev.mops.core.time;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public holidays of one country (and optionally a subdivision) from Jollyday. Holidays are
 * taken on their observed date (a US Independence Day on a Saturday closes the Friday).
 * Package-private; thread-safe (calls into Jollyday are serialized per instance).
 */
final class PublicHolidays {

  final String country;
  final List<String> subdivision;
  final boolean bank;
  private final HolidayManager manager;

  private PublicHolidays(String country, List<String> subdivision, boolean bank, HolidayManager manager) {
    this.country = country;
    this.subdivision = subdivision;
    this.bank = bank;
    this.manager = manager;
  }

  /**
   * Returns the holidays of {@code country} (ISO 3166 code, or a Jollyday calendar such as {@code
   * NYSE}) in {@code subdivision} (a path of Jollyday region codes such as {@code by} or {@code
   * ny/nyc}; empty for the whole country).
   *
   * @throws IllegalArgumentException naming the unknown country or region and the known ones
   */
  static PublicHolidays of(String country, List<String> subdivision, boolean bank) {
    String code = country.trim().toUpperCase(Locale.ROOT);
    Set<String> supported = HolidayManager.getSupportedCalendarCodes();
    if (!supported.contains(code)) {
      throw new IllegalArgumentException(
          "no public holidays known for country '" + country + "', expected one of " + new TreeSet<>(supported));
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT)));
    CalendarHierarchy level = manager.getCalendarHierarchy();
    List<String> path = new ArrayList<>();
    for (String part : subdivision) {
      String p = part.trim().toLowerCase(Locale.ROOT);
      Map<String, CalendarHierarchy> children = level.getChildren();
      CalendarHierarchy next = children.get(p);
      if (next == null) {
        throw new IllegalArgumentException(
            "no subdivision '" + part + "' in " + code + (path.isEmpty() ? "" : "/" + String.join("/", path))
                + (children.isEmpty() ? " (it has none)" : ", expected one of " + new TreeSet<>(children.keySet())));
      }
      path.add(p);
      level = next;
    }
    return new PublicHolidays(code, List.copyOf(path), bank, manager);
  }

  /** Adds this source's holidays observed in {@code year} to {@code out} (date to English name). */
  void addTo(int year, Map<LocalDate, String> out) {
    String[] args = subdivision.toArray(new String[0]);
    List<Holiday> found = new ArrayList<>();
    synchronized (this) {
      for (int y = year - 1; y <= year + 1; y++) {
        found.addAll(manager.getHolidays(Year.of(y), HolidayType.PUBLIC_HOLIDAY, args));
        if (bank) {
          found.addAll(manager.getHolidays(Year.of(y), HolidayType.BANK_HOLIDAY, args));
        }
      }
    }
    found.sort((a, b) -> {
      int c = a.getDate().compareTo(b.getDate());
      return c != 0 ? c : a.getDescription(Locale.ENGLISH).compareTo(b.getDescription(Locale.ENGLISH));
    });
    for (Holiday h : found) {
      LocalDate d = h.getDate();
      if (d.getYear() == year) {
        out.merge(d, h.getDescription(Locale.ENGLISH), (a, b) -> a.equals(b) || a.endsWith("; " + b) ? a : a + "; " + b);
      }
    }
  }

  String describe() {
    return country + (subdivision.isEmpty() ? "" : "/" + String.join("/", subdivision)) + (bank ? "+bank" : "");
  }
}
