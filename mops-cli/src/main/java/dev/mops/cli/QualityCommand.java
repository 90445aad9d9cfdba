package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.contract.FieldSpec;
import dev.mops.quality.profile.DimensionScore;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import dev.mops.quality.profile.QualityReport;
import dev.mops.quality.profile.RuleResult;
import dev.mops.quality.profile.RuleStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops quality}: checks a file against a data contract and writes a scored report (JSON,
 * optionally HTML) and the row-level failures.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Check records against a data contract (native YAML or ODCS v3) and score their quality.",
      "Example: mops quality --contract lead-contract.yaml --input leads.csv --as-of 2026-11-01T00:00:00Z "
          + "--output report.json --html report.html --failures failures.csv --fail-on error",
      "--fail-on judges rule results: a failed rule counts as an error, a warned rule as a warning, "
          + "a rule not evaluated as info; unreadable input lines count too. The default is error: a failed "
          + "rule fails the run (exit 1), as a failed check fails a CI job with Soda or Great Expectations; "
          + "--fail-on never reports without failing.",
      "Contract fields are matched to columns exactly; an input with none of them is an error (exit 2)."
    })
public final class QualityCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption("error");
  @Mixin AsOfOption asOf = new AsOfOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();
  @Mixin RawValuesOption rawValues = new RawValuesOption();

  @Option(names = "--contract", required = true, paramLabel = "FILE", description = "The contract: native YAML or ODCS v3.x.")
  Path contractFile = Path.of("contract.yaml");

  @Option(names = "--odcs-object", paramLabel = "NAME", description = "For ODCS: the schema object to check (default: the first).")
  @Nullable String odcsObject;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
      description = "Where to write the JSON report; '-' for stdout (default).")
  String output = "-";

  @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML report.")
  @Nullable Path html;

  @Option(names = "--failures", paramLabel = "FILE",
      description = "Write every row-level failure (CSV, or JSON Lines for .jsonl): record, line, field, rule, code, severity, value, message.")
  @Nullable String failures;

  @Option(names = "--profile-out", paramLabel = "FILE", description = "Also write the mergeable profile state (JSON).")
  @Nullable Path profileOut;

  @Option(names = "--sample-size", paramLabel = "N", defaultValue = "5", description = "Failing values sampled per rule (default 5).")
  int sampleSize = 5;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Instant now = asOf.instant();
    DataContract contract = DataContracts.load(contractFile, odcsObject);
    OutputOptions.checkFolder(html);
    OutputOptions.checkFolder(profileOut);
    if (!output.equals("-")) {
      OutputOptions.checkFolder(Path.of(output));
    }
    ProfileBuilder builder;
    try {
      builder = QualityProfile.builder(contract).asOf(now).sampleSize(sampleSize);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sample-size: " + e.getMessage(), e);
    }
    long[] lineOf = {0, 0};
    List<String> failureFields = List.of("record", "line", "field", "rule", "code", "severity", "value", "message");
    String failuresPath = failures;
    RecordWriter failureOut = failuresPath == null ? null
        : OutputOptions.open(streams, failuresPath, null, failureFields, rawValues.raw());
    long[] violationCount = {0};
    builder.onViolation(v -> {
      violationCount[0]++;
      if (failureOut != null) {
        write(failureOut, lineOf, v);
      }
    });
    try (RecordReader in = input.open()) {
      List<String> missing = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      for (FieldSpec f : contract.fields()) {
        expected.add(f.name());
        if (!in.fields().contains(f.name())) {
          missing.add(f.name());
        }
      }
      if (!in.fields().isEmpty() && !expected.isEmpty() && missing.size() == expected.size()) {
        throw Columns.noneOf(input.name(), in.fields(), expected, "of contract " + contract.name());
      }
      for (String m : missing) {
        err.println("warning: " + input.name() + " has no column '" + m + "'" + Columns.didYouMean(m, in.fields())
            + "; every record reads it as missing");
      }
      Schema schema = builder.schema();
      ArrayRow row = new ArrayRow(schema);
      Progress progress = Progress.start(progressOptions, streams, "quality", input);
      for (InputRecord r; (r = in.next()) != null; ) {
        lineOf[0] = r.number();
        lineOf[1] = r.line();
        printer.accept(r);
        schema.fill(row, r.record(), dev.mops.core.FindingSink.IGNORE);
        builder.addRow(row);
        progress.update(r.number());
      }
      progress.done();
    } finally {
      if (failureOut != null) {
        failureOut.close();
      }
    }
    QualityProfile profile = builder.build();
    QualityReport report = QualityReport.of(contract, profile, now);
    printer.finish();
    String json = report.toJson();
    if (output.equals("-")) {
      streams.outText().println(json);
      streams.outText().flush();
    } else {
      Files.writeString(Path.of(output), json + "\n", StandardCharsets.UTF_8);
    }
    if (html != null) {
      Files.writeString(html, report.toHtml(), StandardCharsets.UTF_8);
    }
    if (profileOut != null) {
      Files.writeString(profileOut, profile.toJson() + "\n", StandardCharsets.UTF_8);
    }
    for (RuleResult r : report.results()) {
      Severity s = r.status() == RuleStatus.FAIL ? Severity.ERROR : r.status() == RuleStatus.WARN ? Severity.WARNING
          : r.status() == RuleStatus.NOT_EVALUATED ? Severity.INFO : null;
      if (s != null) {
        failOn.count(new Finding("RULE_" + r.status().name(), r.rule().field(), null, s, r.rule().id()));
      }
    }
    summarize(err, contract, report, violationCount[0]);
    return failOn.exitCode();
  }

  private static void write(RecordWriter out, long[] lineOf, ContractViolation v) {
    try {
      out.write(Arrays.asList(lineOf[0], lineOf[1], v.field(), v.rule(), v.code(), v.severity().label(), v.rawValue(), v.message()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void summarize(PrintWriter err, DataContract c, QualityReport r, long violations) {
    err.printf(Locale.ROOT, "quality: %,d records checked against %s (version %s, %s): overall %s, status %s%n",
        r.profile().rows(), c.name(), c.version(), c.contentHash().substring(0, Math.min(19, c.contentHash().length())),
        score(r.overallScore()), r.worstStatus().label());
    StringBuilder dims = new StringBuilder("  ");
    for (DimensionScore d : r.dimensions().values()) {
      dims.append(d.dimension().label()).append(' ').append(score(d.score())).append("  ");
    }
    err.println(dims.toString().stripTrailing());
    int shown = 0;
    for (RuleResult x : r.worstRules()) {
      if (shown++ == 8) {
        err.println("  ... see the report for the rest");
        break;
      }
      err.printf(Locale.ROOT, "  %-13s %-28s %s%n", x.status().label(), x.rule().id(),
          x.status() == RuleStatus.NOT_EVALUATED ? x.note() : x.failures() + " failing, threshold " + x.rule().threshold().describe());
    }
    err.printf(Locale.ROOT, "  %,d row-level failures%n", violations);
  }

  private static String score(double s) {
    return Double.isNaN(s) ? "-" : String.format(Locale.ROOT, "%.1f", Math.floor(s * 10) / 10);
  }
}
