package dev.mops.cli;

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
import java.time.Instant;
import java.time.ZoneOffset;
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
      "Check campaign names against a naming convention.",
      "Reads the column 'name' (matched case- and space-insensitively) and writes name,valid,issues,suggestion "
          + "and one column per token.",
      "Example: mops lint-names --input names.csv --convention naming.yaml --output out.csv"
    })
public final class LintNamesCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = "--convention", required = true, paramLabel = "FILE", description = "The naming convention YAML.")
  Path conventionFile = Path.of("naming.yaml");

  @Mixin AsOfOption asOf = new AsOfOption();

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    NamingConvention convention = NamingConvention.load(conventionFile);
    Instant asOfInstant = asOf.given();
    LocalDate date = asOfInstant == null ? null : LocalDate.ofInstant(asOfInstant, ZoneOffset.UTC);
    List<String> tokens = convention.tokenNames();
    List<String> fields = new ArrayList<>(List.of("name", "valid", "issues", "suggestion"));
    fields.addAll(tokens);
    long read = 0;
    long valid = 0;
    try (RecordReader in = input.open()) {
      String nameColumn = Columns.find(in.fields(), "name");
      if (nameColumn == null) {
        throw Columns.noneOf(input.name(), in.fields(), List.of("name"), "lint-names reads");
      }
      Progress progress = Progress.start(progressOptions, streams, "lint-names", input);
      try (RecordWriter out = output.open(fields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          printer.accept(r);
          String name = Values.asString(r.record().get(nameColumn));
          ParsedName parsed = date == null ? convention.parse(name) : convention.parse(name, date);
          for (NamingIssue i : parsed.issues()) {
            printer.count(i.finding());
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
    printer.finish();
    err.printf(Locale.ROOT, "lint-names: %,d names, %,d valid (convention %s %s); %s%n",
        read, valid, convention.name(), convention.version(), failOn.summary());
    return failOn.exitCode();
  }
}
