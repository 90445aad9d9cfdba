package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.identity.account.AccountMatch;
import dev.mops.identity.account.AccountMatcher;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops match-accounts}: matches leads to an account list, adding {@code account_id},
 * {@code account_confidence} and {@code account_reason} to every lead.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "match-accounts",
    mixinStandardHelpOptions = true,
    description = {
      "Match leads to accounts by email domain and website, company name (rarity-weighted), country, city and phone.",
      "Leads use email, company, website, country, city and phone when present.",
      "Accounts need account_id, name and domain, and may have country, city, phone, owner, contacts and last_activity.",
      "Example: mops match-accounts --input leads.csv --accounts accounts.csv --output matched.csv"
    })
public final class MatchAccountsCommand implements Callable<Integer> {

  /** The columns added to every lead. */
  static final List<String> COLUMNS = List.of("account_id", "account_confidence", "account_reason");

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--accounts", required = true, paramLabel = "FILE", description = "The accounts (CSV or JSON Lines).")
  String accounts = "";

  @Option(names = "--threshold", paramLabel = "N", defaultValue = "0.5",
      description = "The confidence a match needs, in (0, 1] (default 0.5).")
  double threshold = AccountMatcher.DEFAULT_THRESHOLD;

  @Option(names = "--tie-break-field", paramLabel = "FIELD",
      description = "An accounts column that breaks ties after contacts and last activity (the larger value wins).")
  @Nullable String tieBreakField;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    if (!(threshold > 0 && threshold <= 1)) {
      throw new UsageException("--threshold must be in (0, 1], was " + threshold);
    }
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    RoutingFiles files = new RoutingFiles(streams, failOn, input);
    AccountMatcher matcher = files.accounts(accounts, threshold, tieBreakField);
    long read = 0;
    long matched = 0;
    try (RecordReader in = input.open()) {
      List<String> columns = RoutingFiles.columns(in.fields(), COLUMNS);
      Progress progress = Progress.start(progressOptions, streams, "match-accounts", input);
      try (RecordWriter out = output.open(columns)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          progress.update(++read);
          for (Finding f : r.findings()) {
            files.finding(input.name(), r.line(), f);
          }
          AccountMatch m = matcher.match(r.record());
          if (m.matched()) {
            matched++;
          }
          Map<String, @Nullable Object> v = RoutingFiles.values(r.record(), in.fields());
          v.put("account_id", m.accountId() == null ? "" : m.accountId());
          v.put("account_confidence", RoutingFiles.confidence(m.confidence()));
          v.put("account_reason", m.reason());
          List<@Nullable Object> row = new ArrayList<>(columns.size());
          for (String c : columns) {
            row.add(v.get(c));
          }
          out.write(row);
        }
        progress.done();
      }
    }
    files.finish();
    err.printf(Locale.ROOT, "match-accounts: %,d of %,d leads matched to %,d accounts (threshold %.2f)%n",
        matched, read, matcher.size(), threshold);
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }
}
