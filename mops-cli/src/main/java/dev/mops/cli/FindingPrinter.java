package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one way {@code mops} commands report findings: each is counted for {@code --fail-on} and the
 * first {@value #SHOWN} are printed on standard error, one per line, as
 * {@code "  line 3: warning CSV_SHORT_ROW: <message> (field '<field>', value '<raw>')"}; at the end, how many were
 * not shown.
 *
 * <p>Findings a command also writes into its output (the {@code issues} column of {@code mops
 * normalize}, of the lint commands) are only {@linkplain #count counted}. A progress line on the
 * terminal is cleared before a finding is printed (the next update redraws it).
 *
 * <p>Thread safety: not thread-safe; one instance per command run.
 */
final class FindingPrinter {

  /** How many findings are printed before the rest are only counted. */
  static final int SHOWN = 20;

  private final StandardStreams streams;
  private final PrintWriter err;
  private final FailOnOption failOn;
  private long printable;

  FindingPrinter(StandardStreams streams, FailOnOption failOn) {
    this.streams = streams;
    this.err = streams.err();
    this.failOn = failOn;
  }

  /** Counts and prints the findings of a record read from the input (with its line). */
  void accept(InputRecord record) {
    for (Finding f : record.findings()) {
      accept(record.line(), f);
    }
  }

  /** Counts and prints a finding about line {@code line} of an input. */
  void accept(long line, Finding f) {
    failOn.count(f);
    if (printable++ < SHOWN) {
      streams.clearProgressLine();
      err.println("  line " + line + ": " + format(f));
    }
  }

  /** Counts and prints a finding. */
  void accept(Finding f) {
    failOn.count(f);
    if (printable++ < SHOWN) {
      streams.clearProgressLine();
      err.println("  " + format(f));
    }
  }

  /** Counts and prints findings. */
  void acceptAll(Iterable<Finding> findings) {
    for (Finding f : findings) {
      accept(f);
    }
  }

  /** Counts a finding without printing it (the command writes it into its output). */
  void count(Finding f) {
    failOn.count(f);
  }

  /** Prints how many findings were not shown, if any. */
  void finish() {
    if (printable > SHOWN) {
      streams.clearProgressLine();
      err.printf(Locale.ROOT, "  ... %,d more findings not shown%n", printable - SHOWN);
    }
  }

  /**
   * Returns {@code warning CODE: message (field 'f', value 'raw')}, leaving out the field and the
   * value when the message already says them.
   */
  static String format(Finding f) {
    String raw = f.rawValue();
    String field = f.field();
    List<String> about = new ArrayList<>(2);
    if (!field.isBlank() && !f.message().contains(field)) {
      about.add("field '" + field + "'");
    }
    if (raw != null && !f.message().contains(raw)) {
      about.add("value '" + raw + "'");
    }
    return f.severity().label() + " " + f.code() + ": " + f.message()
        + (about.isEmpty() ? "" : " (" + String.join(", ", about) + ")");
  }
}
