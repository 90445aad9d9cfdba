package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.planning.intake.Backlog;
import dev.mops.planning.intake.BacklogEntry;
import dev.mops.planning.intake.IntakeModel;
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
 * {@code mops intake}: scores requests by impact x effort x risk, orders the backlog, assigns SLA
 * classes and the next release-train window.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "intake",
    mixinStandardHelpOptions = true,
    description = {
      "Order requests by business impact x effort x risk, with SLA classes and release-train windows.",
      "Request columns: id, title and the model's impact, effort and risk fields; optional submitted and ready_at.",
      "Writes rank,id,title,impact,effort,risk,score,band,sla_class,adjustments,train,window_start,window_end,issues.",
      "Requests that could not be scored come last, with rank 0.",
      "Example: mops intake --input requests.csv --model intake.yaml --as-of 2026-03-02T15:00:00Z"
    })
public final class IntakeCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = {"-m", "--model"}, required = true, paramLabel = "FILE", description = "The intake model YAML.")
  Path model = Path.of("intake.yaml");

  @Mixin AsOfOption asOf = new AsOfOption();

  @Option(names = "--calendar", paramLabel = "FILE", description = "Business calendar YAML whose holidays cancel release windows.")
  @Nullable Path calendar;

  @Option(names = "--region-calendar", paramLabel = "REGION=FILE", description = "Business calendar YAML of one train region (repeatable).")
  Map<String, Path> regionCalendars = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = StandardStreams.of(spec).err();
    IntakeModel m = IntakeModel.load(model);
    Instant now = asOf.instant();
    PlanningFiles.Loaded requests;
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, StandardStreams.of(spec), "intake", input);
      requests = PlanningFiles.readAll(input.name(), in, progress);
    }
    PlanningFiles.requireColumns(requests, "id");
    Backlog backlog = m.prioritize(requests.records(), now, PlanningFiles.workingCalendar(calendar, regionCalendars));
    int[] budget = {20};
    for (Map.Entry<Long, List<Finding>> e : requests.readFindings().entrySet()) {
      failOn.countAll(e.getValue());
      PlanningFiles.print(err, requests.name(), e.getKey(), e.getValue(), budget);
    }
    try (RecordWriter out = output.open(List.of("rank", "id", "title", "impact", "effort", "risk", "score", "band",
        "sla_class", "adjustments", "train", "window_start", "window_end", "issues"))) {
      for (BacklogEntry e : backlog.entries()) {
        failOn.countAll(e.findings());
        PlanningFiles.print(err, requests.name(), e.number(), e.findings(), budget);
        out.write(Arrays.asList(e.rank(), e.id(), e.title(), level(e.impact()), level(e.effort()), level(e.risk()),
            e.scored() ? PlanningFiles.num(e.score()) : "", e.band(), e.slaClass(), String.join(";", e.reasons()),
            e.window() == null ? "" : e.window().train(),
            e.window() == null ? "" : e.window().start().toOffsetDateTime(),
            e.window() == null ? "" : e.window().end().toOffsetDateTime(),
            e.findings().stream().map(Finding::shortForm).collect(Collectors.joining(";"))));
      }
    }
    long scored = backlog.entries().stream().filter(BacklogEntry::scored).count();
    Map<String, Long> bands = backlog.entries().stream().filter(BacklogEntry::scored)
        .collect(Collectors.groupingBy(BacklogEntry::band, LinkedHashMap::new, Collectors.counting()));
    err.printf(Locale.ROOT, "intake: %,d requests, %,d scored %s, %,d not scored (model %s %s); %s%n",
        backlog.entries().size(), scored, bands, backlog.entries().size() - scored, m.name(), m.version(),
        failOn.summary());
    return failOn.exitCode();
  }

  private static String level(double v) {
    return v == 0 ? "" : PlanningFiles.num(v);
  }
}
