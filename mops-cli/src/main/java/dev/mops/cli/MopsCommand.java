package dev.mops.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code mops} command: lists the subcommands; run alone, prints its usage.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "mops",
    mixinStandardHelpOptions = true,
    versionProvider = MopsVersion.class,
    description = "Marketing-operations rules as code: conditions, campaign taxonomy, lead scoring, data quality, "
        + "deduplication, account matching, lead routing, operating metrics and campaign planning, on CSV, JSON Lines and Excel files.",
    footer = {"", "Exit codes: 0 done; 1 findings at or over --fail-on; 2 usage, configuration or input error.",
        "Shell completion (bash, zsh): source <(mops generate-completion)", ""},
    // one command a line, so that branches adding commands merge cleanly
    subcommands = {
        DemoCommand.class,
        FilterCommand.class,
        NormalizeCommand.class,
        QualityCommand.class,
        ContractDiffCommand.class,
        ProfileCommand.class,
        MonitorCommand.class,
        LintUrlsCommand.class,
        LintNamesCommand.class,
        ClassifyCommand.class,
        TaxonomyDiffCommand.class,
        ChannelsDiffCommand.class,
        DedupeCommand.class,
        DedupeEvalCommand.class,
        StitchCommand.class,
        ScoreCommand.class,
        ScoreDiffCommand.class,
        ProgramCommand.class,
        ProgramDiffCommand.class,
        RunCommand.class,
        ReplayCommand.class,
        LifecycleCommand.class,
        MatchAccountsCommand.class,
        RouteCommand.class,
        RouteDiffCommand.class,
        SlaCommand.class,
        CalendarCommand.class,
        ExperimentSizeCommand.class,
        OpsReportCommand.class,
        CalendarCheckCommand.class,
        CapacityCommand.class,
        BudgetCommand.class,
        IntakeCommand.class,
        PreflightCommand.class,
        AttributeCommand.class,
        AutoComplete.GenerateCompletion.class,
    })
public final class MopsCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  private @Nullable StandardStreams streams;

  /** Sets the streams of this run. */
  void streams(StandardStreams s) {
    this.streams = s;
  }

  /** Returns the streams of this run. */
  StandardStreams streams() {
    if (streams == null) {
      CommandSpec s = java.util.Objects.requireNonNull(spec, "spec");
      streams = StandardStreams.system(s.commandLine().getOut(), s.commandLine().getErr());
    }
    return streams;
  }

  /** {@code mops} alone: prints the usage on standard error and exits with 2. */
  @Override
  public Integer call() {
    CommandSpec s = java.util.Objects.requireNonNull(spec, "spec");
    PrintWriter err = s.commandLine().getErr();
    s.commandLine().usage(err);
    err.flush();
    return ExitCode.USAGE;
  }
}
