package dev.mops.cli;

import dev.mops.core.record.Values;
import dev.mops.core.time.BusinessCalendar;
import dev.mops.core.time.ClosedDay;
import dev.mops.core.time.OpenPeriod;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops calendar}: prints the business time between two instants in a business calendar,
 * the open periods and the closed days (holidays, extra closed dates) in between.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = {
      "Show business time, open periods and closed days of a business calendar between two instants.",
      "Example: mops calendar --calendar calendar.yaml --from 2026-12-23T09:00 --to 2027-01-05T17:00"
    })
public final class CalendarCommand implements Callable<Integer> {

  /** Open periods printed at most; the rest are counted. */
  static final int MAX_PERIODS = 1000;

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd EEE", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

  @Spec @Nullable CommandSpec spec;

  @Option(names = "--calendar", required = true, paramLabel = "FILE", description = "The business calendar (YAML/JSON).")
  Path calendarFile = Path.of("calendar.yaml");

  @Option(names = "--from", required = true, paramLabel = "WHEN",
      description = "Start: an instant (2026-12-23T14:00:00Z), or a local date-time or date in the calendar's zone.")
  String from = "";

  @Option(names = "--to", required = true, paramLabel = "WHEN", description = "End, in the same forms as --from.")
  String to = "";

  @Override
  public Integer call() {
    PrintWriter out = StandardStreams.of(spec).outText();
    BusinessCalendar cal = BusinessCalendar.load(calendarFile);
    Instant a = when("--from", from, cal);
    Instant b = when("--to", to, cal);
    if (b.isBefore(a)) {
      throw new UsageException("--to (" + b + ") is before --from (" + a + ")");
    }
    Duration d = cal.businessDuration(a, b);
    out.println("calendar: " + cal.describe());
    out.println("from " + ZonedDateTime.ofInstant(a, cal.zone()) + " to " + ZonedDateTime.ofInstant(b, cal.zone()));
    out.printf(Locale.ROOT, "business time: %s (%d s, %.2f h)%n", human(d), d.getSeconds(), d.getSeconds() / 3600.0);
    List<OpenPeriod> periods = cal.openPeriods(a, b);
    out.printf(Locale.ROOT, "open periods: %d%n", periods.size());
    int shown = 0;
    for (OpenPeriod p : periods) {
      if (shown++ == MAX_PERIODS) {
        out.printf(Locale.ROOT, "  ... %d more%n", periods.size() - MAX_PERIODS);
        break;
      }
      ZonedDateTime s = ZonedDateTime.ofInstant(p.start(), cal.zone());
      ZonedDateTime e = ZonedDateTime.ofInstant(p.end(), cal.zone());
      out.printf(Locale.ROOT, "  %s %s - %s%s  %s%n", DAY.format(s), TIME.format(s),
          e.toLocalDate().equals(s.toLocalDate()) ? "" : DAY.format(e) + " ", TIME.format(e), human(p.duration()));
    }
    List<ClosedDay> closed = cal.closedDays(LocalDate.ofInstant(a, cal.zone()), LocalDate.ofInstant(b, cal.zone()));
    out.printf(Locale.ROOT, "closed days: %d%n", closed.size());
    for (ClosedDay c : closed) {
      out.printf(Locale.ROOT, "  %s  %s%n", DAY.format(c.date()), c.reason());
    }
    out.flush();
    return ExitCode.OK;
  }

  static Instant when(String option, String text, BusinessCalendar cal) {
    String s = text.trim();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay(cal.zone()).toInstant();
      }
      boolean hasOffset = s.endsWith("Z") || s.endsWith("z") || s.indexOf('+', 10) > 0 || s.indexOf('-', 10) > 0;
      if (!hasOffset) {
        return LocalDateTime.parse(s.replace(' ', 'T')).atZone(cal.zone()).toInstant();
      }
    } catch (DateTimeException e) {
      throw new UsageException(option + ": expected an instant, a local date-time or a date, got '" + text + "'", e);
    }
    Instant i = Values.asInstant(s);
    if (i == null) {
      throw new UsageException(option + ": expected an instant, a local date-time or a date, got '" + text + "'");
    }
    return i;
  }

  static String human(Duration d) {
    long s = d.getSeconds();
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    return sec == 0 ? String.format(Locale.ROOT, "%dh %02dm", h, m) : String.format(Locale.ROOT, "%dh %02dm %02ds", h, m, sec);
  }
}
