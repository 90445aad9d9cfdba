package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Values;
import dev.mops.planning.RecordOutcome;
import dev.mops.planning.capacity.Candidate;
import dev.mops.planning.capacity.CapacityHeatMap;
import dev.mops.planning.capacity.CapacityPlan;
import dev.mops.planning.capacity.CapacityReport;
import dev.mops.planning.capacity.PersonWeek;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops capacity}: utilization per person and week, over-allocation, and who has room for a
 * new item.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = {
      "Report utilization per person and week, over-allocation, and who has room for new work.",
      "Work items (--input: id, assignee, estimate_hours, start, end) are spread over the working days of people.",
      "People (--people: person, hours_per_week, skills, region) lose holidays and time off (--time-off).",
      "Writes person,week,available_hours,assigned_hours,utilization,status,items.",
      "With --room-for SKILL:HOURS it writes person,free_hours,utilization,fits for the window instead.",
      "Example: mops capacity --people people.csv --input work.csv --time-off time-off.csv --html capacity.html"
    })
public final class CapacityCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--people", required = true, paramLabel = "FILE", description = "People: person, hours_per_week, optional days_per_week, skills, region.")
  Path people = Path.of("people.csv");

  @Option(names = "--time-off", paramLabel = "FILE", description = "Time off: person, start, optional end (whole days).")
  @Nullable Path timeOff;

  @Option(names = "--calendar", paramLabel = "FILE", description = "Business calendar YAML for every region without its own (default: Monday to Friday).")
  @Nullable Path calendar;

  @Option(names = "--region-calendar", paramLabel = "REGION=FILE", description = "Business calendar YAML of one region (repeatable).")
  Map<String, Path> regionCalendars = new LinkedHashMap<>();

  @Option(names = "--from", paramLabel = "DATE", description = "First day of the window (default: the earliest item start).")
  @Nullable String from;

  @Option(names = "--to", paramLabel = "DATE", description = "Last day of the window (default: the latest item end).")
  @Nullable String to;

  @Option(names = "--threshold", paramLabel = "RATIO", defaultValue = "1.0", description = "Over-allocated above available hours times this (default 1.0).")
  double threshold = 1.0;

  @Option(names = "--week-start", paramLabel = "DAY", defaultValue = "MONDAY", description = "First day of a week (default monday).")
  DayOfWeek weekStart = DayOfWeek.MONDAY;

  @Option(names = "--room-for", paramLabel = "SKILL:HOURS", description = "Write who has room for an item of this skill (may be empty) and size in the window.")
  @Nullable String roomFor;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a heat map of utilization (HTML).")
  @Nullable Path html;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = StandardStreams.of(spec).err();
    dev.mops.planning.WorkingCalendar wc = PlanningFiles.workingCalendar(calendar, regionCalendars);
    CapacityPlan.Builder b = CapacityPlan.builder().workingCalendar(wc).weekStart(weekStart);
    try {
      b.overAllocationThreshold(threshold);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--threshold: " + e.getMessage(), e);
    }
    LocalDate fromDate = date("--from", from);
    LocalDate toDate = date("--to", to);
    if ((fromDate == null) != (toDate == null)) {
      throw new UsageException("--from and --to go together");
    }
    if (fromDate != null && toDate != null) {
      if (toDate.isBefore(fromDate)) {
        throw new UsageException("--to " + toDate + " is before --from " + fromDate);
      }
      b.window(fromDate, toDate);
    }
    PlanningFiles.Loaded peopleIn = PlanningFiles.readFile("--people", people);
    PlanningFiles.requireColumns(peopleIn, "person", "hours_per_week");
    PlanningFiles.Loaded off = timeOff == null ? null : PlanningFiles.readFile("--time-off", timeOff);
    if (off != null) {
      PlanningFiles.requireColumns(off, "person", "start");
    }
    PlanningFiles.Loaded work;
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, StandardStreams.of(spec), "capacity", input);
      work = PlanningFiles.readAll(input.name(), in, progress);
    }
    PlanningFiles.requireColumns(work, "id", "assignee", "estimate_hours", "start", "end");
    CapacityReport report;
    try {
      report = b.build().evaluate(peopleIn.records(), off == null ? List.of() : off.records(), work.records());
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    int[] budget = {20};
    for (PlanningFiles.Loaded l : off == null ? List.of(peopleIn, work) : List.of(peopleIn, work, off)) {
      for (Map.Entry<Long, List<Finding>> e : l.readFindings().entrySet()) {
        failOn.countAll(e.getValue());
        PlanningFiles.print(err, l.name(), e.getKey(), e.getValue(), budget);
      }
    }
    for (RecordOutcome o : report.outcomes()) {
      failOn.countAll(o.findings());
      String name = o.input().equals("people") ? peopleIn.name() : o.input().equals("work") ? work.name()
          : off == null ? "time-off" : off.name();
      PlanningFiles.print(err, name, o.number(), o.findings(), budget);
    }
    for (PersonWeek w : report.overAllocated()) {
      failOn.count(Finding.warning("OVER_ALLOCATED", "", w.person() + "@" + w.weekStart(),
          w.person() + " is over-allocated in the week of " + w.weekStart()));
    }
    if (roomFor != null) {
      int colon = roomFor.lastIndexOf(':');
      Number hours = colon < 0 ? null : Values.asNumber(roomFor.substring(colon + 1).trim());
      if (hours == null || hours.doubleValue() < 0) {
        throw new UsageException("--room-for: expected SKILL:HOURS such as email:16, got '" + roomFor + "'");
      }
      LocalDate rf = fromDate != null ? fromDate : report.windowStart();
      LocalDate rt = toDate != null ? toDate : report.windowEnd();
      List<Candidate> candidates = report.roomFor(roomFor.substring(0, colon), hours.doubleValue(), rf, rt);
      try (RecordWriter out = output.open(List.of("person", "free_hours", "utilization", "fits"))) {
        for (Candidate c : candidates) {
          out.write(Arrays.asList(c.person(), PlanningFiles.num(c.freeHours()), PlanningFiles.num(c.utilization()), c.fits()));
        }
      }
      err.printf(Locale.ROOT, "capacity: %,d people with the skill, %,d with room for %s h from %s to %s; %s%n",
          candidates.size(), candidates.stream().filter(Candidate::fits).count(), PlanningFiles.num(hours.doubleValue()),
          rf, rt, failOn.summary());
    } else {
      try (RecordWriter out = output.open(List.of("person", "week", "available_hours", "assigned_hours", "utilization",
          "status", "items"))) {
        for (PersonWeek w : report.weeks()) {
          out.write(Arrays.asList(w.person(), w.weekStart(), PlanningFiles.num(w.availableHours()),
              PlanningFiles.num(w.assignedHours()), PlanningFiles.num(w.utilization()), w.status(),
              String.join(";", w.itemIds())));
        }
      }
      err.printf(Locale.ROOT, "capacity: %,d people, %,d work items, %,d person-weeks, %,d over-allocated; %s%n",
          peopleIn.records().size(), work.records().size(), report.weeks().size(), report.overAllocated().size(),
          failOn.summary());
    }
    if (html != null) {
      Files.writeString(html, CapacityHeatMap.html(report, "Capacity " + report.windowStart() + " to " + report.windowEnd()),
          StandardCharsets.UTF_8);
    }
    return failOn.exitCode();
  }

  private static @Nullable LocalDate date(String option, @Nullable String text) {
    if (text == null) {
      return null;
    }
    LocalDate d = Values.asDate(text);
    if (d == null) {
      throw new UsageException(option + ": expected a date such as 2026-05-18, got '" + text + "'");
    }
    return d;
  }
}
