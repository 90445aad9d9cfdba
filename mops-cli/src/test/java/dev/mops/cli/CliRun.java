package dev.mops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The outcome of one in-process run of {@code mops}, for CLI tests.
 *
 * @param code the exit code
 * @param out what the run printed on standard output
 * @param err what the run printed on standard error
 */
record CliRun(int code, String out, String err) {

  /** Runs {@code mops} with {@code args} in this JVM. */
  static CliRun mops(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
