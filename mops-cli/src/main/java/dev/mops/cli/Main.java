package dev.mops.cli;

import dev.mops.core.config.ConfigException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The entry point of the {@code mops} command.
 *
 * <p>Thread safety: runs once per process.
 */
public final class Main {

  private Main() {}

  /** Runs {@code mops} with {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(args, StandardStreams.system(out, err)));
  }

  /** Runs {@code mops} with {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, StandardStreams.system(out, err));
  }

  /**
   * Runs {@code mops} with {@code args} on the given standard streams (records written to stdout
   * go to {@code out} as UTF-8, as do the text reports); returns the exit code.
   *
   * @param errIsTerminal whether {@code err} is to be treated as a terminal (progress lines)
   */
  public static int run(String[] args, InputStream in, OutputStream out, PrintWriter err, boolean errIsTerminal) {
    PrintWriter outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    return run(args, new StandardStreams(in, out, outText, err, () -> errIsTerminal));
  }

  static int run(String[] args, StandardStreams streams) {
    boolean debug = Arrays.asList(args).contains("--debug");
    PrintWriter err = streams.err();
    MopsCommand root = new MopsCommand();
    root.streams(streams);
    CommandLine cl = commandLine(root);
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
          String name = c.getParent() == null ? "mops" : "mops " + c.getCommandName();
          err.println(name + ": " + ex.getMessage());
          UnmatchedArgumentException.printSuggestions(ex, err);
          err.println("Try '" + name + " --help' for more information.");
          err.flush();
          return ExitCode.USAGE;
        });
    cl.setOut(streams.outText());
    int code = cl.execute(args);
    cl.getOut().flush();
    err.flush();
    return code;
  }

  /** Returns the picocli command line of {@code mops}, with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(new MopsCommand());
  }

  private static CommandLine commandLine(MopsCommand root) {
    CommandLine cl = new CommandLine(root);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setAbbreviatedOptionsAllowed(false);
    CommandLine completion = java.util.Objects.requireNonNull(cl.getSubcommands().get("generate-completion"));
    completion.getCommandSpec().usageMessage().hidden(false)
        .description("Print a bash or zsh completion script for mops, to source in the shell's startup file.");
    return cl;
  }

  static String oneLine(Throwable ex) {
    if (ex instanceof UsageException || ex instanceof ConfigException
        || ex instanceof dev.mops.identity.dedupe.DedupeLimitException) {
      return String.valueOf(ex.getMessage()); // these say what to change: the class name would only be noise
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
