package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.planning.WorkingCalendar;
import dev.mops.planning.calendar.AudienceOverlap;
import dev.mops.planning.calendar.CalendarReport;
import dev.mops.planning.calendar.CalendarRules;
import dev.mops.planning.calendar.Campaign;
import dev.mops.planning.calendar.CampaignCalendar;
import dev.mops.planning.calendar.CampaignResult;
import dev.mops.planning.calendar.Conflict;
import dev.mops.planning.checklist.Checklist;
import dev.mops.planning.checklist.ExternalCheck;
import dev.mops.planning.checklist.GateResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops calendar-check}: checks a campaign calendar for audience overlaps, frequency caps,
 * holiday launches and quiet periods.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "calendar-check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a campaign calendar for audience overlaps, frequency caps, holiday launches and quiet periods.",
      "Campaign columns: id, audience, channel and start; optional end, name, region and owner.",
      "Writes one row per campaign: row,id,name,channel,audience,start,end,status,conflicts,issues.",
      "Example: mops calendar-check --input campaigns.csv --rules calendar.yaml --calendar us.yaml --conflicts conflicts.csv"
    })
public final class CalendarCheckCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--rules", paramLabel = "FILE", description = "Calendar rules YAML (frequency caps, quiet periods, audiences); defaults apply without.")
  @Nullable Path rulesFile;

  @Option(names = "--calendar", paramLabel = "FILE", description = "Business calendar YAML whose holidays apply to every region without its own.")
  @Nullable Path calendar;

  @Option(names = "--region-calendar", paramLabel = "REGION=FILE", description = "Business calendar YAML of one region (repeatable).")
  Map<String, Path> regionCalendars = new LinkedHashMap<>();

  @Option(names = "--contacts", paramLabel = "FILE", description = "Contacts (CSV/JSONL) to measure overlaps between the rules' audiences on.")
  @Nullable Path contacts;

  @Mixin AsOfOption asOf = new AsOfOption();

  @Option(names = "--checklist", paramLabel = "FILE", description = "A checklist YAML to gate each campaign with (its 'check: calendar' items read this check); adds columns gate,gate_failures.")
  @Nullable Path checklistFile;

  @Option(names = "--conflicts", paramLabel = "FILE", description = "Also write one row per conflict: code,severity,campaigns,audience,channel,from,to,message.")
  @Nullable Path conflictsFile;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = StandardStreams.of(spec).err();
    CalendarRules rules = rulesFile == null ? CalendarRules.defaults() : CalendarRules.load(rulesFile);
    WorkingCalendar wc = PlanningFiles.workingCalendar(calendar, regionCalendars);
    AudienceOverlap overlap = AudienceOverlap.declared(rules.audienceOverlaps());
    if (contacts != null) {
      if (rules.audiences().isEmpty()) {
        throw new UsageException("--contacts: the rules define no audiences to measure");
      }
      PlanningFiles.Loaded c = PlanningFiles.readFile("--contacts", contacts);
      overlap = AudienceOverlap.fromContacts(rules.audiences(), c.records(), asOf.instant(), overlap);
    }
    PlanningFiles.Loaded loaded;
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, StandardStreams.of(spec), "calendar-check", input);
      loaded = PlanningFiles.readAll(input.name(), in, progress);
    }
    PlanningFiles.requireColumns(loaded, "id", "audience", "channel", "start");
    CalendarReport report = CampaignCalendar.of(rules, wc, overlap).check(loaded.records());
    Checklist checklist = checklistFile == null ? null : Checklist.load(checklistFile);
    Instant now = asOf.instant();
    long gatesFailed = 0;
    int[] budget = {20};
    List<String> columns = new java.util.ArrayList<>(List.of("row", "id", "name", "channel", "audience", "start", "end",
        "status", "conflicts", "issues"));
    if (checklist != null) {
      columns.addAll(List.of("gate", "gate_failures"));
    }
    try (RecordWriter out = output.open(columns)) {
      for (CampaignResult r : report.campaigns()) {
        List<Finding> read = loaded.readFindings().getOrDefault(r.number(), List.of());
        failOn.countAll(read);
        failOn.countAll(r.findings());
        PlanningFiles.print(err, input.name(), r.number(), read, budget);
        PlanningFiles.print(err, input.name(), r.number(), r.findings(), budget);
        Campaign c = r.campaign();
        List<Object> row = new java.util.ArrayList<>(Arrays.asList(r.number(), r.id(), c == null ? "" : c.name(),
            c == null ? "" : c.channel(), c == null ? "" : c.audience(), c == null ? "" : c.start(),
            c == null ? "" : c.end(), r.status(),
            r.conflicts().stream().map(Conflict::shortForm).collect(Collectors.joining(";")),
            r.findings().stream().map(Finding::shortForm).collect(Collectors.joining(";"))));
        if (checklist != null) {
          GateResult gate = checklist.evaluate(loaded.records().get((int) r.number() - 1),
              Map.of("calendar", ExternalCheck.ofCalendar(r, Severity.WARNING)), now);
          if (!gate.passed()) {
            gatesFailed++;
            failOn.count(Finding.error("GATE_FAILED", "", r.id(), "campaign " + r.id() + " fails checklist "
                + checklist.name()));
          }
          row.add(gate.passed() ? "pass" : "fail");
          row.add(gate.failures().stream().map(f -> f.name() + (f.reason().isEmpty() ? "" : " (" + f.reason() + ")"))
              .collect(Collectors.joining("; ")));
        }
        out.write(row);
      }
    }
    for (Conflict c : report.conflicts()) {
      failOn.count(new Finding(c.code(), "", String.join("+", c.campaignIds()), c.severity(), c.message()));
    }
    if (conflictsFile != null) {
      try (RecordWriter out = output.openOther(conflictsFile.toString(), null,
          List.of("code", "severity", "campaigns", "audience", "channel", "from", "to", "message"))) {
        for (Conflict c : report.conflicts()) {
          out.write(Arrays.asList(c.code(), c.severity().label(), String.join(";", c.campaignIds()), c.audience(),
              c.channel(), c.from(), c.to(), c.message()));
        }
      }
    }
    Map<String, Long> byCode = report.conflicts().stream()
        .collect(Collectors.groupingBy(Conflict::code, java.util.TreeMap::new, Collectors.counting()));
    err.printf(Locale.ROOT, "calendar-check: %,d campaigns, %,d invalid, %,d conflicts %s (rules %s %s)%s; %s%n",
        report.campaigns().size(), report.invalidCount(), report.conflicts().size(), byCode, rules.name(),
        rules.version(), checklist == null ? "" : ", " + gatesFailed + " failing checklist " + checklist.name(),
        failOn.summary());
    return failOn.exitCode();
  }
}
