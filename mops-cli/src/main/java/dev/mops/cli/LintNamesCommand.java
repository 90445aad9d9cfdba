package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Values;
import dev.mops.taxonomy.NamingConvention;
import dev.mops.taxonomy.NamingIssue;
import dev.mops.taxonomy.ParsedName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops lint-names}: checks campaign names against a naming convention.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "lint-names",
    mixinStandardHelpOptions = true,
    description = {
      "Check names (column 'name') against a naming convention; write name,valid,issues,suggestion and one column per token.",
      "Example: mops lint-names --input names.csv --convention naming.yaml --output out.csv"
    })
public final class LintNamesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = {"-c", "--convention"}, required = true, paramLabel = "FILE", description = "The naming convention YAML.")
  Path conventionFile = Path.of("naming.yaml");

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "Check with the template version in effect on this date (YYYY-MM-DD). Default: the newest,"
          + " accepting names that follow an older version.")
  @Nullable String asOf;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = spec.commandLine().getErr();
    NamingConvention convention = NamingConvention.load(conventionFile);
    LocalDate date = null;
    if (asOf != null) {
      try {
        date = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new UsageException("--as-of: expected a date such as 2025-07-01, got '" + asOf + "'", e);
      }
    }
    List<String> tokens = convention.tokenNames();
    List<String> fields = new ArrayList<>(List.of("name", "valid", "issues", "suggestion"));
    fields.addAll(tokens);
    long read = 0;
    long valid = 0;
    try (RecordReader in = input.open()) {
      if (!in.fields().contains("name")) {
        throw new UsageException(input.name() + " has no 'name' column (columns: " + in.fields() + ")");
      }
      Progress progress = Progress.onTerminal(err, "lint-names");
      try (RecordWriter out = output.open(fields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          for (Finding f : r.findings()) {
            failOn.count(f);
          }
          String name = Values.asString(r.record().get("name"));
          ParsedName parsed = date == null ? convention.parse(name) : convention.parse(name, date);
          for (NamingIssue i : parsed.issues()) {
            failOn.count(i.finding());
          }
          if (parsed.valid()) {
            valid++;
          }
          List<@Nullable Object> row = new ArrayList<>(fields.size());
          row.add(name == null ? "" : name);
          row.add(parsed.valid());
          row.add(parsed.issueSummary());
          row.add(parsed.suggestion() == null ? "" : parsed.suggestion());
          for (String t : tokens) {
            String v = parsed.token(t);
            row.add(v == null ? "" : v);
          }
          out.write(row);
          progress.update(read);
        }
        progress.done();
      }
    }
    err.printf(Locale.ROOT, "lint-names: %,d names, %,d valid (convention %s %s); %s%n",
        read, valid, convention.name(), convention.version(), failOn.summary());
    return failOn.exitCode();
  }
}
