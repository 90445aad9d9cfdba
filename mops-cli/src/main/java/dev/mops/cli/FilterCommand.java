package dev.mops.cli;

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
      "Example: mops filter --input leads.csv --when '{eq: {field: country, value: US}}' --explain",
      "A CSV input must have every column the condition reads, named exactly."
    })
public final class FilterCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin AsOfOption asOf = new AsOfOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

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

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    Condition condition = readCondition();
    Instant now = asOf.instant();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    long read = 0;
    long matched = 0;
    try (RecordReader in = input.open()) {
      Schema schema = Schema.of(in.fields()).extendedWith(Conditions.fieldsOf(condition));
      List<String> missing = new ArrayList<>(Conditions.fieldsOf(condition));
      missing.removeAll(in.fields());
      if (!missing.isEmpty() && in instanceof CsvReader) {
        List<String> hints = new ArrayList<>();
        for (String m : missing) {
          String near = Columns.suggest(m, in.fields());
          if (near != null) {
            hints.add("'" + near + "' for '" + m + "'");
          }
        }
        throw new UsageException("the condition reads " + missing + ", which " + input.name() + " does not have"
            + (hints.isEmpty() ? "" : " (did you mean " + String.join(", ", hints) + "?)")
            + "; its columns: " + in.fields());
      }
      CompiledCondition compiled = CompiledCondition.compile(condition, schema);
      List<String> outFields = new ArrayList<>(in.fields());
      if (mark) {
        outFields.add("matched");
      }
      if (explain) {
        outFields.add("explanation");
      }
      Progress progress = Progress.start(progressOptions, streams, "filter", input);
      ArrayRow row = new ArrayRow(schema);
      try (RecordWriter out = output.open(outFields)) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          printer.accept(r);
          long line = r.line();
          schema.fill(row, r.record(), f -> printer.accept(line, f));
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
    printer.finish();
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
}
