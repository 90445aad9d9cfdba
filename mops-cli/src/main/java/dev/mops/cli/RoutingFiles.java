package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Record;
import dev.mops.core.record.Values;
import dev.mops.identity.account.AccountMatcher;
import dev.mops.routing.consent.ConsentLedger;
import dev.mops.routing.consent.SuppressionList;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The side files of the routing commands (accounts, suppression list, consent), read with their
 * findings reported by file and line, and the helpers the commands share.
 *
 * <p>Thread safety: one instance per command run.
 */
final class RoutingFiles {

  private final StandardStreams streams;
  private final PrintWriter err;
  private final FailOnOption failOn;
  private final InputOptions input;
  private long shown;

  RoutingFiles(StandardStreams streams, FailOnOption failOn, InputOptions input) {
    this.streams = streams;
    this.err = streams.err();
    this.failOn = failOn;
    this.input = input;
  }

  /** Counts a finding and prints the first {@value FindingPrinter#SHOWN}, naming the file and line. */
  void finding(String file, long line, Finding f) {
    failOn.count(f);
    if (shown++ < FindingPrinter.SHOWN) {
      streams.clearProgressLine();
      err.println("  " + file + " line " + line + ": " + FindingPrinter.format(f));
    }
  }

  /** Prints how many findings were not shown, if any. */
  void finish() {
    if (shown > FindingPrinter.SHOWN) {
      streams.clearProgressLine();
      err.printf(Locale.ROOT, "  ... %,d more findings not shown%n", shown - FindingPrinter.SHOWN);
    }
  }

  private interface RowSink {
    void accept(InputRecord r);
  }

  private long read(String file, List<String> required, RowSink sink) throws IOException {
    long n = 0;
    try (RecordReader in = input.openOther(file, null)) {
      if (!in.fields().isEmpty()) {
        for (String column : required) {
          Columns.require(file, in.fields(), column, "the file's format");
        }
      }
      for (InputRecord r; (r = in.next()) != null; ) {
        for (Finding f : r.findings()) {
          finding(file, r.line(), f);
        }
        sink.accept(r);
        n++;
      }
    }
    return n;
  }

  /** Reads an accounts file ({@code account_id, name, domain} and optional columns) into a matcher. */
  AccountMatcher accounts(String file, double threshold, @Nullable String tieBreakField) throws IOException {
    AccountMatcher.Builder b = AccountMatcher.builder().threshold(threshold);
    read(file, List.of("account_id", "name"), r -> b.addRecord(r.record(), tieBreakField, f -> finding(file, r.line(), f)));
    return b.build();
  }

  /** Reads a suppression file ({@code type, value} and optional {@code reason, expires}). */
  SuppressionList suppression(String file) throws IOException {
    SuppressionList.Builder b = SuppressionList.builder();
    read(file, List.of("type", "value"), r -> b.addRecord(r.record(), f -> finding(file, r.line(), f)));
    return b.build();
  }

  /** Reads a consent file ({@code email, channel, purpose, state, timestamp} and optional {@code expires, source}). */
  ConsentLedger consent(String file) throws IOException {
    ConsentLedger.Builder b = ConsentLedger.builder();
    read(file, List.of("email", "channel", "purpose", "state", "timestamp"),
        r -> b.addRecord(r.record(), f -> finding(file, r.line(), f)));
    return b.build();
  }

  /** Returns the input's columns followed by {@code extra} columns it does not have. */
  static List<String> columns(List<String> input, List<String> extra) {
    List<String> out = new ArrayList<>(input);
    for (String e : extra) {
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    return out;
  }

  /** Returns the record's values as text, keyed by column, for {@code columns} (input columns only). */
  static Map<String, @Nullable Object> values(Record r, List<String> columns) {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    for (String c : columns) {
      m.put(c, Values.asString(r.get(c)));
    }
    return m;
  }

  static String confidence(double c) {
    return String.format(Locale.ROOT, "%.3f", c);
  }
}
