package dev.mops.core.time;

import dev.mops.core.config.ConfigNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a {@link BusinessCalendar} from its YAML/JSON form. Package-private; stateless. */
final class BusinessCalendarReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "zone", "hours", "holidays", "closed", "open");
  private static final Set<String> NESTED_KEYS = Set.of("name", "zone", "hours", "holidays", "closed", "open");
  private static final List<String> DAY_KEYS = List.of("weekdays", "monday", "tuesday", "wednesday", "thursday",
      "friday", "saturday", "sunday");

  private BusinessCalendarReader() {}

  static BusinessCalendar read(ConfigNode.MapNode root, String defaultName, String version, String hash,
      boolean topLevel) {
    root.checkKeys(topLevel ? TOP_KEYS : NESTED_KEYS);
    ConfigNode zoneNode = root.require("zone", "a time zone such as Europe/Berlin");
    String zoneText = zoneNode.asText("a time zone such as Europe/Berlin");
    ZoneId zone;
    try {
      zone = ZoneId.of(zoneText);
    } catch (DateTimeException e) {
      throw zoneNode.error("expected a time zone such as Europe/Berlin or UTC, found '" + zoneText + "'");
    }
    BusinessCalendar.Builder b = BusinessCalendar.builder(zone)
        .name(root.string("name", defaultName))
        .version(version)
        .contentHash(hash);

    ConfigNode.MapNode hours = root.map("hours");
    hours.checkKeys(DAY_KEYS);
    ConfigNode weekdays = hours.get("weekdays");
    for (DayOfWeek day : DayOfWeek.values()) {
      ConfigNode n = hours.get(day.name().toLowerCase(Locale.ROOT));
      if (n == null && weekdays != null && day.getValue() <= 5) {
        n = weekdays;
      }
      if (n == null) {
        continue;
      }
      List<String> intervals = intervals(n);
      try {
        b.hours(day, intervals.toArray(new String[0]));
      } catch (IllegalArgumentException e) {
        throw n.error(e.getMessage());
      }
    }

    ConfigNode h = root.get("holidays");
    if (h != null) {
      List<ConfigNode> sources = new ArrayList<>();
      if (h instanceof ConfigNode.ListNode) {
        sources.addAll(((ConfigNode.ListNode) h).items());
      } else {
        sources.add(h);
      }
      for (ConfigNode s : sources) {
        ConfigNode.MapNode m = s.asMap("public holidays ({country: DE, subdivision: by})")
            .checkKeys(Set.of("country", "subdivision", "bank_holidays"));
        ConfigNode countryNode = m.require("country", "an ISO country code such as US or DE");
        String country = countryNode.asText("an ISO country code such as US or DE");
        List<String> sub = new ArrayList<>();
        ConfigNode subNode = m.get("subdivision");
        if (subNode != null) {
          if (subNode instanceof ConfigNode.ListNode) {
            sub.addAll(((ConfigNode.ListNode) subNode).strings());
          } else {
            for (String part : subNode.asText("a subdivision code such as by or ny/nyc").split("/", -1)) {
              sub.add(part);
            }
          }
        }
        try {
          if (m.bool("bank_holidays", false)) {
            b.publicAndBankHolidays(country, sub.toArray(new String[0]));
          } else {
            b.publicHolidays(country, sub.toArray(new String[0]));
          }
        } catch (IllegalArgumentException e) {
          throw (subNode != null && e.getMessage() != null && e.getMessage().startsWith("no subdivision")
              ? subNode : countryNode).error(e.getMessage());
        }
      }
    }

    ConfigNode c = root.get("closed");
    if (c != null) {
      for (ConfigNode item : c.asList("a list of closed dates").items()) {
        try {
          if (item instanceof ConfigNode.MapNode) {
            ConfigNode.MapNode m = ((ConfigNode.MapNode) item).checkKeys(Set.of("date", "from", "to", "name"));
            String reason = m.string("name", "closed");
            if (m.has("date")) {
              if (m.has("from") || m.has("to")) {
                throw item.error("give either date or from and to, not both");
              }
              b.closed(date(m.require("date", "a date")), reason);
            } else {
              b.closed(date(m.require("from", "a date (or date)")), date(m.require("to", "a date")), reason);
            }
          } else {
            b.closed(date(item), "closed");
          }
        } catch (IllegalArgumentException e) {
          throw item.error(e.getMessage());
        }
      }
    }

    ConfigNode o = root.get("open");
    if (o != null) {
      for (ConfigNode item : o.asList("a list of extra working days").items()) {
        try {
          if (item instanceof ConfigNode.MapNode) {
            ConfigNode.MapNode m = ((ConfigNode.MapNode) item).checkKeys(Set.of("date", "hours", "name"));
            LocalDate d = date(m.require("date", "a date"));
            ConfigNode hn = m.get("hours");
            b.open(d, hn == null ? new String[0] : intervals(hn).toArray(new String[0]));
          } else {
            b.open(date(item));
          }
        } catch (IllegalArgumentException | IllegalStateException e) {
          throw item.error(e.getMessage());
        }
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw (e.getMessage() != null && e.getMessage().startsWith("the extra working day") && o != null ? o : hours)
          .error(e.getMessage());
    }
  }

  private static List<String> intervals(ConfigNode n) {
    if (n instanceof ConfigNode.ScalarNode && ((ConfigNode.ScalarNode) n).value() == null) {
      return List.of();
    }
    if (n instanceof ConfigNode.ListNode) {
      return ((ConfigNode.ListNode) n).strings();
    }
    String text = n.asText("working hours such as [09:00-12:30, 13:30-17:30]");
    if (text.equalsIgnoreCase("closed")) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      out.add(part.trim());
    }
    return out;
  }

  private static LocalDate date(ConfigNode n) {
    String text = n.asText("a date such as 2026-12-24");
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw n.error("expected a date such as 2026-12-24, found '" + text + "'");
    }
  }
}
