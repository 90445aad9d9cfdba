package dev.mops.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The outcome of one in-process run of {@code mops}, for CLI tests.
 *
 * @param code the exit code
 * @param out what the run printed on standard output (records and text)
 * @param err what the run printed on standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code mops} with {@code args} in this JVM, with an empty stdin and stderr not a terminal. */
  static CliRun mops(String... args) {
    return run("", false, args);
  }

  /** Runs {@code mops} with {@code args}, reading {@code stdin} as standard input. */
  static CliRun withStdin(String stdin, String... args) {
    return run(stdin, false, args);
  }

  /**
   * Runs {@code mops} with {@code args}, its stderr taken for a terminal or not; the progress line
   * starts at once (no half-second wait), so that a short run shows it.
   */
  static CliRun run(String stdin, boolean errIsTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    PrintWriter outText = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    StandardStreams streams = new StandardStreams(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        out, outText, new PrintWriter(err), () -> errIsTerminal, 0L);
    int code = Main.run(args, streams);
    outText.flush();
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString());
  }
}
