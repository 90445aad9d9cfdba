package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.planning.budget.BudgetLine;
import dev.mops.planning.budget.BudgetReport;
import dev.mops.planning.budget.BudgetTracker;
import dev.mops.planning.budget.BurnDownChart;
import dev.mops.planning.budget.SpendOutcome;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
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
 * {@code mops budget}: burn rate, forecasts and alerts per budget line.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "budget",
    mixinStandardHelpOptions = true,
    description = {
      "Compute burn rate, forecasts and overrun or underspend alerts per budget line.",
      "Spend entries (--input: program, date, amount) count in the budget line (--budgets) of their program and period.",
      "Writes program,period_start,period_end,budget,spent,remaining,elapsed_pct,burn_rate_per_day,forecast_linear,"
          + "forecast_run_rate,forecast_variance,status,alerts.",
      "Example: mops budget --budgets budgets.csv --input spend.csv --as-of 2026-02-14 --html burn-down.html"
    })
public final class BudgetCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--budgets", required = true, paramLabel = "FILE", description = "Budget lines: program, period_start, period_end, amount.")
  Path budgets = Path.of("budgets.csv");

  @Mixin AsOfOption asOf = new AsOfOption();

  @Option(names = "--overrun-threshold", paramLabel = "SHARE", defaultValue = "0.05", description = "Alert when the forecast exceeds the budget by more than this share (default 0.05).")
  double overrun = 0.05;

  @Option(names = "--underspend-threshold", paramLabel = "SHARE", defaultValue = "0.20", description = "Flag lines forecast to leave more than this share unspent (default 0.20).")
  double underspend = 0.20;

  @Option(names = "--run-rate-days", paramLabel = "DAYS", defaultValue = "30", description = "Days of recent spend behind the run-rate forecast (default 30).")
  int runRateDays = 30;

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a burn-down chart per line (HTML).")
  @Nullable Path html;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = StandardStreams.of(spec).err();
    BudgetTracker tracker;
    try {
      tracker = BudgetTracker.builder().overrunThreshold(overrun).underspendThreshold(underspend)
          .runRateDays(runRateDays).build();
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    LocalDate day = LocalDate.ofInstant(asOf.instant(), java.time.ZoneOffset.UTC);
    PlanningFiles.Loaded lines = PlanningFiles.readFile("--budgets", budgets);
    PlanningFiles.requireColumns(lines, "program", "period_start", "period_end", "amount");
    PlanningFiles.Loaded spend;
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, StandardStreams.of(spec), "budget", input);
      spend = PlanningFiles.readAll(input.name(), in, progress);
    }
    PlanningFiles.requireColumns(spend, "program", "date", "amount");
    BudgetReport report = tracker.track(lines.records(), spend.records(), day);
    int[] budget = {20};
    for (PlanningFiles.Loaded l : List.of(lines, spend)) {
      for (Map.Entry<Long, List<Finding>> e : l.readFindings().entrySet()) {
        failOn.countAll(e.getValue());
        PlanningFiles.print(err, l.name(), e.getKey(), e.getValue(), budget);
      }
    }
    PlanningFiles.report(err, lines.name(), report.rejectedLines(), failOn, budget);
    for (SpendOutcome o : report.spend()) {
      failOn.countAll(o.findings());
      PlanningFiles.print(err, spend.name(), o.number(), o.findings(), budget);
    }
    try (RecordWriter out = output.open(List.of("program", "period_start", "period_end", "budget", "spent", "remaining",
        "elapsed_pct", "burn_rate_per_day", "forecast_linear", "forecast_run_rate", "forecast_variance", "status",
        "alerts"))) {
      for (BudgetLine l : report.lines()) {
        failOn.countAll(l.alerts());
        out.write(Arrays.asList(l.program(), l.periodStart(), l.periodEnd(), plain(l.budget()), plain(l.spent()),
            plain(l.remaining()), PlanningFiles.num(l.elapsedFraction() * 100), plain(l.burnRatePerDay()),
            plain(l.forecastLinear()), plain(l.forecastRunRate()), plain(l.forecastVariance()), l.status(),
            l.alerts().stream().map(Finding::code).collect(Collectors.joining(";"))));
      }
    }
    if (html != null) {
      Files.writeString(html, BurnDownChart.html(report, "Budget burn-down"), StandardCharsets.UTF_8);
    }
    long counted = report.spend().stream().filter(SpendOutcome::counted).count();
    err.printf(Locale.ROOT, "budget: %,d lines (%,d rejected), %,d spend entries (%,d counted), as of %s: %,d overspent, "
            + "%,d overrun risk, %,d underspend; %s%n",
        report.lines().size(), report.rejectedLines().size(), report.spend().size(), counted, day,
        report.withStatus("overspent").size(), report.withStatus("overrun_risk").size(),
        report.withStatus("underspend").size(), failOn.summary());
    return failOn.exitCode();
  }

  private static String plain(BigDecimal v) {
    return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
