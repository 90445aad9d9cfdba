package dev.mops.cli;

import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The shared {@code --id-column} option: the column holding each record's id (default {@code
 * id}). {@code --id-field}, its former name in {@code mops score} and {@code mops score-diff},
 * still works, hidden from the help and with a deprecation warning.
 *
 * <p>The column is named exactly; when the input lacks it the command exits with 2 and suggests
 * the nearest column (see {@link Columns}).
 *
 * <p>Thread safety: one instance per command run.
 */
public final class IdOptions {

  @Spec(Spec.Target.MIXEE) @Nullable CommandSpec mixee;

  @Option(
      names = "--id-column",
      paramLabel = "COLUMN",
      defaultValue = "id",
      description = "The column holding each record's id (default: ${DEFAULT-VALUE}).")
  String idColumn = "id";

  private boolean deprecatedName;

  @Option(names = "--id-field", paramLabel = "COLUMN", hidden = true,
      description = "Deprecated: the former name of --id-column.")
  void idField(String column) {
    idColumn = column;
    deprecatedName = true;
  }

  /** Returns the id column. */
  public String column() {
    return idColumn;
  }

  /** Returns whether {@code --id-column} (or {@code --id-field}) was given on the command line. */
  public boolean explicit() {
    CommandSpec s = mixee;
    if (s == null) {
      return deprecatedName;
    }
    ParseResult pr = s.commandLine().getParseResult();
    return deprecatedName || (pr != null && pr.hasMatchedOption("--id-column"));
  }

  /** Prints the deprecation warning when {@code --id-field} was used. */
  public void warnIfDeprecated(PrintWriter err) {
    if (deprecatedName) {
      err.println("warning: --id-field is deprecated; use --id-column");
    }
  }
}
