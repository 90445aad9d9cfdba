package dev.mops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code mops} command: lists the subcommands.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "mops",
    mixinStandardHelpOptions = true,
    versionProvider = MopsVersion.class,
    description = "Marketing-operations rules as code: conditions, taxonomy, scoring, routing, quality, metrics.",
    subcommands = {DemoCommand.class, FilterCommand.class, NormalizeCommand.class, QualityCommand.class,
        ProfileCommand.class, LintUrlsCommand.class, LintNamesCommand.class, ClassifyCommand.class,
        DedupeCommand.class, ScoreCommand.class, ScoreDiffCommand.class, MatchAccountsCommand.class,
        RouteCommand.class, RouteDiffCommand.class})
public final class MopsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (see mops --help)");
  }
}
