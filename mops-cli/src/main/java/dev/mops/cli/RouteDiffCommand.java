package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.identity.account.AccountMatcher;
import dev.mops.routing.AssignmentState;
import dev.mops.routing.FileAssignmentState;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingTable;
import dev.mops.routing.consent.ContactPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
 * {@code mops route-diff}: routes the same leads with two versions of a routing table and prints
 * how many would move, from where to where, before the new table ships. Both tables start from the
 * same assignment state: an empty one, or a copy of {@code --state} (read, never written), so the
 * diff can show what the new table does with today's rotation positions and caps.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "route-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a routing table on a set of leads: how many leads move, from where to where.",
      "Example: mops route-diff --old routing-v3.yaml --new routing-v4.yaml --input leads.csv --as-of 2026-03-10T14:00:00Z"
    })
public final class RouteDiffCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--old", required = true, paramLabel = "FILE", description = "The current routing table.")
  Path oldTable = Path.of("old.yaml");

  @Option(names = "--new", required = true, paramLabel = "FILE", description = "The proposed routing table.")
  Path newTable = Path.of("new.yaml");

  @Option(names = "--accounts", paramLabel = "FILE", description = "Accounts to match leads to (as in mops route).")
  @Nullable String accounts;

  @Option(names = "--suppression", paramLabel = "FILE", description = "Suppression list (as in mops route).")
  @Nullable String suppression;

  @Option(names = "--consent", paramLabel = "FILE", description = "Consent statements (as in mops route).")
  @Nullable String consent;

  @Option(names = "--state", paramLabel = "FILE",
      description = "Start both tables from a copy of this routing state (as written by mops route); the file is only read.")
  @Nullable Path state;

  @Mixin AsOfOption.Required asOf = new AsOfOption.Required();
  @Mixin IdOptions ids = new IdOptions();

  @Option(names = "--at-field", paramLabel = "FIELD",
      description = "A column with each lead's arrival instant (leads without one route at --as-of).")
  @Nullable String atField;

  private AssignmentState startState() throws IOException {
    if (state == null) {
      return AssignmentState.inMemory();
    }
    try {
      return FileAssignmentState.snapshot(state);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--state: " + e.getMessage(), e);
    }
  }

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter out = streams.outText();
    PrintWriter err = streams.err();
    ids.warnIfDeprecated(err);
    String idField = ids.column();
    Instant now = asOf.instant();
    RoutingTable before = RoutingTable.load(oldTable);
    RoutingTable after = RoutingTable.load(newTable);
    RoutingFiles files = new RoutingFiles(streams, failOn, input);
    ContactPolicy policy = RouteCommand.policy(files, suppression, consent, false);
    AccountMatcher matcher = accounts == null ? null : files.accounts(accounts, AccountMatcher.DEFAULT_THRESHOLD, null);
    RouteCommand.Pipeline a = new RouteCommand.Pipeline(Router.create(before, startState()), policy, matcher,
        RouteCommand.channel("email"), RouteCommand.purpose("sales"), now, atField);
    RouteCommand.Pipeline b = new RouteCommand.Pipeline(Router.create(after, startState()), policy, matcher,
        RouteCommand.channel("email"), RouteCommand.purpose("sales"), now, atField);
    long read = 0;
    long moved = 0;
    long ownerOnly = 0;
    long ruleOnly = 0;
    Map<String, Long> moves = new TreeMap<>();
    Map<String, long[]> perDestination = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    try (RecordReader in = input.open()) {
      Progress progress = Progress.start(progressOptions, streams, "route-diff", input);
      for (InputRecord r; (r = in.next()) != null; ) {
        progress.update(++read);
        for (Finding f : r.findings()) {
          files.finding(input.name(), r.line(), f);
        }
        String[] x = a.route(r.record(), false);
        String[] y = b.route(r.record(), false);
        perDestination.computeIfAbsent(x[0], k -> new long[2])[0]++;
        perDestination.computeIfAbsent(y[0], k -> new long[2])[1]++;
        if (!x[0].equals(y[0])) {
          moved++;
          moves.merge(x[0] + " -> " + y[0], 1L, Long::sum);
          if (examples.size() < 10) {
            Object id = r.record().get(idField);
            examples.add(String.format(Locale.ROOT, "  %s: %s (%s) -> %s (%s)", id == null ? "#" + r.number() : id,
                x[0], x[2], y[0], y[2]));
          }
        } else if (!x[1].equals(y[1])) {
          ownerOnly++;
        } else if (!x[2].equals(y[2])) {
          ruleOnly++;
        }
      }
      progress.done();
    }
    files.finish();
    out.printf(Locale.ROOT, "route-diff: %,d leads; old %s %s (%s), new %s %s (%s), as of %s%n", read, before.name(),
        before.version(), before.shortHash(), after.name(), after.version(), after.shortHash(), now);
    out.printf(Locale.ROOT, "  both tables started from %s%n",
        state == null ? "an empty assignment state" : "a copy of " + state + " (not written)");
    out.printf(Locale.ROOT, "  %,d leads move to another destination (%.1f%%); %,d stay but change owner; %,d stay by another rule%n",
        moved, read == 0 ? 0.0 : 100.0 * moved / read, ownerOnly, ruleOnly);
    if (!moves.isEmpty()) {
      out.println("  moves (from -> to: leads):");
      Map<String, Long> sorted = new LinkedHashMap<>();
      moves.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      sorted.forEach((k, v) -> out.printf(Locale.ROOT, "    %s: %,d%n", k, v));
    }
    out.println("  per destination (old -> new):");
    perDestination.forEach((d, n) -> out.printf(Locale.ROOT, "    %s: %,d -> %,d%n", d, n[0], n[1]));
    if (!examples.isEmpty()) {
      out.println("  first moved leads (id: old destination (rule) -> new destination (rule)):");
      examples.forEach(out::println);
    }
    out.flush();
    return failOn.exitCode();
  }
}
