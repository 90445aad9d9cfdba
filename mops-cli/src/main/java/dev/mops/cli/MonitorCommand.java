package dev.mops.cli;

import dev.mops.core.Severity;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.quality.monitor.Monitor;
import dev.mops.quality.monitor.MonitorHistory;
import dev.mops.quality.monitor.MonitorResult;
import dev.mops.quality.monitor.MonitorRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops monitor}: measures a monitor's metrics on the day's data, appends them to the
 * history, evaluates the thresholds against the earlier runs, prints the alerts and exits with 1
 * when an alert of severity error fires.
 *
 * <p>Thread safety: one instance per run; runs in several processes may share a history file.
 */
@Command(
    name = "monitor",
    mixinStandardHelpOptions = true,
    description = {
      "Watch data health: measure a monitor's metrics (completeness, distinct count, row count, mean, percentiles,"
          + " share of a value, quality score) on today's data, append them to the history and alert when a"
          + " threshold breaks (absolute, change from the last run, band of the last runs, same weekday).",
      "Example: mops monitor --monitor monitor.yaml --input today.csv --history history.jsonl "
          + "--as-of 2026-02-02T06:00:00Z --html monitor.html"
    })
public final class MonitorCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--monitor", required = true, paramLabel = "FILE", description = "The monitor (YAML/JSON).")
  Path monitorFile = Path.of("monitor.yaml");

  @Option(names = "--history", required = true, paramLabel = "FILE",
      description = "The history: JSON lines, one per run, appended to under a file lock (created if missing).")
  Path history = Path.of("history.jsonl");

  @Option(names = "--html", paramLabel = "FILE",
      description = "Write a self-contained HTML page: each metric's history with its band and the runs that alerted.")
  @Nullable Path html;

  @Option(names = "--json", description = "Print the result as JSON on standard output instead of the alert lines.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    OutputOptions.checkFolder(html);
    OutputOptions.checkFolder(history);
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    PrintWriter err = streams.err();
    Instant now = asOf.instant();
    Monitor monitor = Monitor.load(monitorFile);
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    MonitorRun run = monitor.newRun(now);
    try (RecordReader in = input.open()) {
      if (in instanceof CsvReader && !in.fields().isEmpty()) {
        List<String> missing = new ArrayList<>(monitor.fields());
        missing.removeAll(in.fields());
        if (!missing.isEmpty()) {
          List<String> hints = new ArrayList<>();
          for (String m : missing) {
            String near = Columns.suggest(m, in.fields());
            if (near != null) {
              hints.add("'" + near + "' for '" + m + "'");
            }
          }
          throw new UsageException("monitor " + monitor.name() + " reads " + missing + ", which " + input.name()
              + " does not have" + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)")
              + "; its columns: " + in.fields());
        }
      }
      Progress progress = Progress.start(progressOptions, streams, "monitor", input);
      long read = 0;
      for (InputRecord r; (r = in.next()) != null; ) {
        progress.update(++read);
        printer.accept(r);
        run.add(r.record());
      }
      progress.done();
    }
    printer.finish();
    MonitorResult result = MonitorHistory.at(history).record(monitor, run);
    if (html != null) {
      Files.writeString(html, result.toHtml(), StandardCharsets.UTF_8);
    }
    if (json) {
      out.print(result.toJson());
    } else {
      for (MonitorResult.CheckResult a : result.alerts()) {
        out.println("ALERT " + a.severity().name().toLowerCase(Locale.ROOT) + " " + a.message());
      }
    }
    out.flush();
    long learning = result.checks().stream().filter(c -> c.status() == MonitorResult.Status.LEARNING).count();
    err.printf(Locale.ROOT, "monitor: %s %s (%s) on %s as of %s: %,d rows, %d metrics, %d checks, %d earlier runs; "
            + "%d alerts (%d errors)%s%n",
        monitor.name(), monitor.version(), LifecycleCommand.shortHash(monitor.contentHash()), monitor.dataset(), now,
        result.snapshot().rows(), monitor.metrics().size(), result.checks().size(), result.past().size(),
        result.alerts().size(), result.alerts().stream().filter(a -> a.severity() == Severity.ERROR).count(),
        learning > 0 ? "; " + learning + " checks still learning" : "");
    for (String n : result.notes()) {
      err.println("  note: " + n);
    }
    err.println("  appended to " + history);
    err.println("  findings: " + failOn.summary());
    return result.failed() ? ExitCode.FINDINGS : failOn.exitCode();
  }
}
