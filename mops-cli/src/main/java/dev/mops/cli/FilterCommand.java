package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.condition.LeafOutcome;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.Values;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops filter}: keeps the records that match a condition, optionally marking and
 * explaining each decision.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "filter",
    mixinStandardHelpOptions = true,
    description = {
      "Keep the records that match a condition written in the mops condition language.",
      "Example: mops filter --input leads.csv --when '{eq: {field: country, value: US}}' --explain"
    })
public final class FilterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  static final class Source {
    @Option(names = "--where", paramLabel = "FILE", description = "A YAML/JSON file whose root is the condition.")
    @Nullable Path file;

    @Option(names = "--when", paramLabel = "YAML", description = "The condition inline, in YAML/JSON flow style.")
    @Nullable String inline;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source = new Source();

  @Option(names = "--mark", description = "Keep every record and add a 'matched' column (true/false).")
  boolean mark;

  @Option(names = "--explain", description = "Add an 'explanation' column: the comparisons that decided.")
  boolean explain;

  @Option(
      names = "--as-of",
      paramLabel = "INSTANT",
      description = "The 'now' of time conditions, ISO-8601 (e.g. 2026-01-31T00:00:00Z). Default: the current time.")
  @Nullable String asOf;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = spec.commandLine().getErr();
    Condition condition = readCondition();
    Instant now = parseAsOf(asOf);
    long read = 0;
    long matched = 0;
    try (RecordReader in = input.open()) {
      Schema schema = Schema.of(in.fields()).extendedWith(Conditions.fieldsOf(condition));
      List<String> missing = new ArrayList<>(Conditions.fieldsOf(condition));
      missing.removeAll(in.fields());
      if (!missing.isEmpty() && in instanceof CsvReader) {
        throw new UsageException(
            "the condition reads " + missing + ", which " + input.name() + " does not have (columns: " + in.fields() + ")");
      }
      CompiledCondition compiled = CompiledCondition.compile(condition, schema);
      List<String> outFields = new ArrayList<>(in.fields());
      if (mark) {
        outFields.add("matched");
      }
      if (explain) {
        outFields.add("explanation");
      }
      Progress progress = Progress.onTerminal(err, "filter");
      ArrayRow row = new ArrayRow(schema);
      int shown = 0;
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          for (Finding f : r.findings()) {
            failOn.count(f);
            if (shown++ < 20) {
              err.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
            }
          }
          schema.fill(row, r.record(), failOn::count);
          boolean yes;
          String why = null;
          if (explain) {
            ConditionExplanation e = compiled.explain(row, now);
            yes = e.result();
            StringJoiner j = new StringJoiner("; ");
            for (LeafOutcome o : e.decidedBy()) {
              j.add(o.describe());
            }
            why = j.toString();
          } else {
            yes = compiled.test(row, now);
          }
          if (yes) {
            matched++;
          }
          if (yes || mark) {
            List<@Nullable Object> values = new ArrayList<>(outFields.size());
            for (String f : in.fields()) {
              values.add(Values.asString(r.record().get(f)));
            }
            if (mark) {
              values.add(yes);
            }
            if (explain) {
              values.add(why);
            }
            out.write(values);
          }
          progress.update(read);
        }
        progress.done();
      }
    }
    err.printf(Locale.ROOT, "filter: %,d records read, %,d matched (%s); %s%n",
        read, matched, Conditions.describe(condition), failOn.summary());
    return failOn.exitCode();
  }

  private Condition readCondition() {
    if (source.file != null) {
      ConfigDocument doc = ConfigLoader.standard().load(source.file);
      return ConditionYaml.read(doc.root(), null);
    }
    return ConditionYaml.parse("--when", java.util.Objects.requireNonNull(source.inline));
  }

  static Instant parseAsOf(@Nullable String text) {
    if (text == null) {
      return Instant.now();
    }
    Instant i = Values.asInstant(text);
    if (i == null) {
      throw new UsageException("--as-of: expected an ISO-8601 instant such as 2026-01-31T00:00:00Z, got '" + text + "'",
          new DateTimeParseException("bad instant", text, 0));
    }
    return i;
  }
}
