package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.record.Values;
import dev.mops.identity.account.AccountMatch;
import dev.mops.identity.account.AccountMatcher;
import dev.mops.routing.AssignmentState;
import dev.mops.routing.FileAssignmentState;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingDecision;
import dev.mops.routing.RoutingExplanation;
import dev.mops.routing.RoutingTable;
import dev.mops.routing.consent.Channel;
import dev.mops.routing.consent.ConsentLedger;
import dev.mops.routing.consent.ContactCheck;
import dev.mops.routing.consent.ContactPolicy;
import dev.mops.routing.consent.Purpose;
import dev.mops.routing.consent.SuppressionList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops route}: applies suppression and consent, matches leads to accounts (optional), and
 * routes them with a routing table, adding {@code destination}, {@code owner}, {@code rule} and
 * {@code reason} to every lead; blocked leads get {@code destination=suppressed} and are never
 * routed.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "route",
    mixinStandardHelpOptions = true,
    description = {
      "Route leads with a routing table: suppression and consent first, then account matching, then the rules.",
      "Adds destination, owner, rule, reason; blocked leads get destination=suppressed. Every input row is written.",
      "Example: mops route --rules routing.yaml --input leads.csv --accounts accounts.csv --suppression suppression.csv "
          + "--consent consent.csv --state state.json --as-of 2026-03-10T14:00:00Z --output routed.csv"
    })
public final class RouteCommand implements Callable<Integer> {

  /** The columns added to every lead. */
  static final List<String> COLUMNS = List.of("destination", "owner", "rule", "reason");
  /** The destination of blocked leads. */
  static final String SUPPRESSED = "suppressed";

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--rules", required = true, paramLabel = "FILE", description = "The routing table (YAML/JSON).")
  Path rules = Path.of("routing.yaml");

  @Option(names = "--accounts", paramLabel = "FILE",
      description = "Accounts to match leads to; a matched account's owner fills the table's account owner field.")
  @Nullable String accounts;

  @Option(names = "--suppression", paramLabel = "FILE", description = "Suppression list: type, value, reason, expires.")
  @Nullable String suppression;

  @Option(names = "--consent", paramLabel = "FILE",
      description = "Consent statements: email, channel, purpose, state, timestamp, expires, source.")
  @Nullable String consent;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Assignment state (rotation, counts per day and week) kept between runs, written atomically.")
  @Nullable Path state;

  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();

  @Option(names = "--at-field", paramLabel = "FIELD",
      description = "A column with each lead's arrival instant (leads without one route at --as-of).")
  @Nullable String atField;

  @Option(names = "--channel", paramLabel = "CHANNEL", defaultValue = "email",
      description = "The channel consent is checked for: email (default), sms, phone or ads.")
  String channel = "email";

  @Option(names = "--purpose", paramLabel = "PURPOSE", defaultValue = "sales",
      description = "The purpose consent is checked for: sales (default) or marketing.")
  String purpose = "sales";

  @Option(names = "--require-consent", description = "Block leads without a current grant (default: only refusals block).")
  boolean requireConsent;

  @Option(names = "--match-threshold", paramLabel = "N", defaultValue = "0.5",
      description = "The confidence an account match needs (default 0.5).")
  double matchThreshold = AccountMatcher.DEFAULT_THRESHOLD;

  @Option(names = "--explain", description = "Add an 'explanation' column: JSON with the rules, reps and state.")
  boolean explain;

  /** Everything one lead goes through, shared with route-diff. */
  static final class Pipeline {
    final Router router;
    final @Nullable ContactPolicy policy;
    final @Nullable AccountMatcher matcher;
    final Channel channel;
    final Purpose purpose;
    final Instant asOf;
    final @Nullable String atField;

    Pipeline(Router router, @Nullable ContactPolicy policy, @Nullable AccountMatcher matcher, Channel channel,
        Purpose purpose, Instant asOf, @Nullable String atField) {
      this.router = router;
      this.policy = policy;
      this.matcher = matcher;
      this.channel = channel;
      this.purpose = purpose;
      this.asOf = asOf;
      this.atField = atField;
    }

    /** The output of one lead: destination, owner, rule, reason, and the explanation when asked. */
    String[] route(Record lead, boolean explain) {
      Instant at = asOf;
      if (atField != null) {
        Instant i = Values.asInstant(lead.get(atField));
        if (i != null) {
          at = i;
        }
      }
      if (policy != null) {
        ContactCheck c = policy.check(lead, channel, purpose, at);
        if (!c.allowed()) {
          return new String[] {SUPPRESSED, "", "", c.reason(), ""};
        }
      }
      Record routed = lead;
      String accountNote = "";
      String ownerField = router.table().accountOwnerField();
      if (matcher != null && Values.isEmpty(lead.get(ownerField))) {
        AccountMatch m = matcher.match(lead);
        if (m.matched() && m.account() != null) {
          accountNote = "; account " + m.accountId() + " (" + RoutingFiles.confidence(m.confidence()) + ")";
          String owner = m.account().owner();
          if (owner != null) {
            Map<String, @Nullable Object> values = new HashMap<>();
            for (String f : lead.fieldNames()) {
              values.put(f, lead.get(f));
            }
            values.put(ownerField, owner);
            routed = Records.of(values);
          }
        }
      }
      String json = "";
      RoutingDecision d;
      if (explain) {
        RoutingExplanation e = router.explain(routed, at);
        d = e.decision();
        json = e.toJson();
      } else {
        d = router.route(routed, at);
      }
      String owner = d.owner();
      return new String[] {d.destination(), owner == null ? "" : owner, d.rule(), d.reason() + accountNote, json};
    }
  }

  static @Nullable ContactPolicy policy(RoutingFiles files, @Nullable String suppression, @Nullable String consent,
      boolean requireConsent) throws IOException {
    if (suppression == null && consent == null && !requireConsent) {
      return null;
    }
    SuppressionList list = suppression == null ? SuppressionList.empty() : files.suppression(suppression);
    ConsentLedger ledger = consent == null ? ConsentLedger.empty() : files.consent(consent);
    return ContactPolicy.builder().suppression(list).consent(ledger).requireConsent(requireConsent).build();
  }

  static Channel channel(String s) {
    try {
      return Channel.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--channel: " + e.getMessage(), e);
    }
  }

  static Purpose purpose(String s) {
    try {
      return Purpose.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--purpose: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    Instant now = asOf.instant();
    Channel ch = channel(channel);
    Purpose pu = purpose(purpose);
    RoutingTable table = RoutingTable.load(rules);
    RoutingFiles files = new RoutingFiles(streams, failOn, input);
    ContactPolicy policy = policy(files, suppression, consent, requireConsent);
    AccountMatcher matcher = accounts == null ? null : files.accounts(accounts, matchThreshold, null);
    FileAssignmentState fileState = null;
    if (state != null) {
      try {
        fileState = FileAssignmentState.open(state);
      } catch (IllegalStateException | IllegalArgumentException e) {
        throw new UsageException("--state: " + e.getMessage(), e);
      }
    }
    long read = 0;
    Map<String, Long> byDestination = new TreeMap<>();
    try {
      AssignmentState s = fileState != null ? fileState : AssignmentState.inMemory();
      Pipeline pipeline = new Pipeline(Router.create(table, s), policy, matcher, ch, pu, now, atField);
      try (RecordReader in = input.open()) {
        if (atField != null && in instanceof dev.mops.core.io.CsvReader && !in.fields().isEmpty()) {
          Columns.require(input.name(), in.fields(), atField, "--at-field");
        }
        List<String> extra = new ArrayList<>(COLUMNS);
        if (explain) {
          extra.add("explanation");
        }
        List<String> columns = RoutingFiles.columns(in.fields(), extra);
        Progress progress = Progress.start(progressOptions, streams, "route", input);
        try (RecordWriter out = output.open(columns)) {
          for (InputRecord r; (r = in.next()) != null; ) {
            progress.update(++read);
            for (Finding f : r.findings()) {
              files.finding(input.name(), r.line(), f);
            }
            String[] res = pipeline.route(r.record(), explain);
            byDestination.merge(res[0], 1L, Long::sum);
            Map<String, @Nullable Object> v = RoutingFiles.values(r.record(), in.fields());
            for (int i = 0; i < COLUMNS.size(); i++) {
              v.put(COLUMNS.get(i), res[i]);
            }
            if (explain) {
              v.put("explanation", res[4]);
            }
            List<@Nullable Object> row = new ArrayList<>(columns.size());
            for (String c : columns) {
              row.add(v.get(c));
            }
            out.write(row);
          }
          progress.done();
        }
      }
    } finally {
      if (fileState != null) {
        fileState.close();
      }
    }
    files.finish();
    err.printf(Locale.ROOT, "route: %,d leads routed with %s %s (%s) as of %s%s%n", read, table.name(), table.version(),
        table.shortHash(), now, state == null ? "" : "; state " + state);
    StringBuilder sb = new StringBuilder("  destinations:");
    byDestination.forEach((d, n) -> sb.append(' ').append(d).append('=').append(n));
    err.println(sb);
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }
}
