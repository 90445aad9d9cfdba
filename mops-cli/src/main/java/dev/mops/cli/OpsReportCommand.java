package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Values;
import dev.mops.metrics.ops.IncidentTimeline;
import dev.mops.metrics.report.OpsReport;
import dev.mops.metrics.sla.SlaPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops ops-report}: one self-contained HTML page with SLA adherence by class over the
 * months, time-to-campaign percentiles, backlog aging and automation uptime.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "ops-report",
    mixinStandardHelpOptions = true,
    description = {
      "Write an operations report: SLA adherence, time-to-campaign, backlog aging and uptime on one HTML page.",
      "Example: mops ops-report --policy sla.yaml --requests requests.csv --incidents incidents.csv "
          + "--as-of 2026-06-30T21:00:00Z --html report.html"
    })
public final class OpsReportCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();

  @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The SLA policy (YAML/JSON).")
  Path policyFile = Path.of("sla.yaml");

  @Option(names = "--requests", required = true, paramLabel = "FILE",
      description = "The requests, with the columns of mops sla (id, class, created_at, accepted_at, live_at, resolved_at).")
  String requests = "";

  @Option(names = "--events", paramLabel = "FILE", description = "Clock events, as for mops sla.")
  @Nullable String events;

  @Option(names = "--incidents", paramLabel = "FILE",
      description = "Automation incidents: start and end columns (an empty end is an open incident).")
  @Nullable String incidents;

  @Option(names = "--uptime-days", defaultValue = "30", paramLabel = "DAYS",
      description = "The days before --as-of that uptime is measured over (default: ${DEFAULT-VALUE}).")
  int uptimeDays = 30;

  @Option(names = "--html", required = true, paramLabel = "FILE", description = "Where to write the page.")
  Path html = Path.of("report.html");

  @Option(names = "--title", paramLabel = "TEXT", defaultValue = "Marketing operations report",
      description = "The page's title (default: ${DEFAULT-VALUE}).")
  String title = "Marketing operations report";

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    if (uptimeDays <= 0) {
      throw new UsageException("--uptime-days must be positive, got " + uptimeDays);
    }
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    Instant now = asOf.instant();
    SlaPolicy policy = SlaPolicy.load(policyFile);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    SlaCommand.Run run;
    try (RecordReader in = open(requests)) {
      run = SlaCommand.evaluate(in, requests, events, OpsReportCommand::open, policy, now, ids.column(), printer, null, null);
    }
    OpsReport.Builder report = OpsReport.builder(run.summary()).title(title)
        .source("policy " + policy.name() + " " + policy.version() + " · " + run.read() + " requests");
    String incidentsFile = incidents;
    if (incidentsFile != null) {
      IncidentTimeline timeline = new IncidentTimeline();
      long count = 0;
      try (RecordReader in = open(incidentsFile)) {
        if (in instanceof CsvReader) {
          Columns.require(incidentsFile, in.fields(), "start", "--incidents");
          Columns.require(incidentsFile, in.fields(), "end", "--incidents");
        }
        for (InputRecord r; (r = in.next()) != null; ) {
          printer.accept(r);
          Instant start = Values.asInstant(r.record().get("start"));
          Object rawEnd = r.record().get("end");
          Instant end = Values.isEmpty(rawEnd) ? null : Values.asInstant(rawEnd);
          if (start == null || (!Values.isEmpty(rawEnd) && end == null)) {
            printer.accept(r.line(), Finding.error("BAD_TIMESTAMP", start == null ? "start" : "end",
                start == null ? r.record().get("start") : rawEnd, "incident times must be ISO-8601; the incident is ignored"));
            continue;
          }
          if (end != null && end.isBefore(start)) {
            printer.accept(r.line(), Finding.error("END_BEFORE_START", "end", rawEnd, "the incident ends before it starts; it is ignored"));
            continue;
          }
          timeline.add(start, end);
          count++;
        }
      }
      IncidentTimeline.Availability a = timeline.over(now.minus(Duration.ofDays(uptimeDays)), now);
      report.uptime(a);
      err.printf(Locale.ROOT, "ops-report: %,d incidents; uptime %.3f%% over %d days, %d outages%n", count,
          a.uptime() * 100, uptimeDays, a.outages());
    }
    Path parent = html.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("--html: folder does not exist: " + parent);
    }
    Files.writeString(html, report.build().toHtml(), StandardCharsets.UTF_8);
    printer.finish();
    err.printf(Locale.ROOT, "ops-report: %,d requests as of %s written to %s%n", run.read(), now, html);
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }

  private static RecordReader open(String path) throws IOException {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new UsageException("file not found: " + path);
    }
    RecordReader.Format format;
    try {
      format = RecordReader.Format.forName(path);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    return RecordReader.open(path, Files.newInputStream(p), format);
  }
}
