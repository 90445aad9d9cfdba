package dev.mops.cli;

import dev.mops.core.config.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The entry point of the {@code mops} command.
 *
 * <p>Thread safety: runs once per process.
 */
public final class Main {

  private Main() {}

  /** Runs {@code mops} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs {@code mops} with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains("--debug");
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (debug) {
            ex.printStackTrace(err);
          }
          err.println("mops " + commandLine.getCommandName() + ": " + oneLine(ex));
          err.flush();
          return ExitCode.USAGE;
        });
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          CommandLine c = ex.getCommandLine();
          err.println("mops " + c.getCommandName() + ": " + ex.getMessage());
          err.println("Try 'mops " + (c.getParent() == null ? "" : c.getCommandName() + " ") + "--help' for more information.");
          err.flush();
          return ExitCode.USAGE;
        });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  /** Returns the picocli command line of {@code mops}, with every subcommand. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new MopsCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  static String oneLine(Throwable ex) {
    if (ex instanceof UsageException || ex instanceof ConfigException) {
      return ex.getMessage();
    }
    if (ex instanceof java.nio.file.NoSuchFileException) {
      return "file not found: " + ex.getMessage();
    }
    if (ex instanceof java.io.IOException || ex instanceof IllegalArgumentException) {
      return String.valueOf(ex.getMessage());
    }
    return ex.getClass().getSimpleName() + ": " + ex.getMessage() + " (run with --debug for the stack trace)";
  }
}
