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
          + "a rule not evaluated as info; unreadable input lines count too."
    })
public final class QualityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = {"-c", "--contract"}, required = true, paramLabel = "FILE", description = "The contract: native YAML or ODCS v3.x.")
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

  @Option(names = "--as-of", paramLabel = "INSTANT",
      description = "The 'now' of freshness and time rules, ISO-8601. Default: the current time.")
  @Nullable String asOf;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    PrintWriter err = spec.commandLine().getErr();
    Instant now = FilterCommand.parseAsOf(asOf);
    DataContract contract = DataContracts.load(contractFile, odcsObject);
    checkWritable(html);
    checkWritable(profileOut);
    if (!output.equals("-")) {
      checkWritable(Path.of(output));
    }
    ProfileBuilder builder;
    try {
      builder = QualityProfile.builder(contract).asOf(now).sampleSize(sampleSize);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--sample-size: " + e.getMessage(), e);
    }
    long[] lineOf = {0, 0};
    List<String> failureFields = List.of("record", "line", "field", "rule", "code", "severity", "value", "message");
    RecordWriter failureOut = failures == null ? null : OutputOptions.open(failures, null, failureFields);
    long[] violationCount = {0};
    builder.onViolation(v -> {
      violationCount[0]++;
      if (failureOut != null) {
        write(failureOut, lineOf, v);
      }
    });
    int shown = 0;
    try (RecordReader in = input.open()) {
      List<String> missing = new ArrayList<>();
      for (FieldSpec f : contract.fields()) {
        if (!in.fields().contains(f.name())) {
          missing.add(f.name());
        }
      }
      if (!missing.isEmpty() && !in.fields().isEmpty()) {
        err.println("warning: " + input.name() + " has no column " + missing + "; every record reads "
            + (missing.size() == 1 ? "it" : "them") + " as missing");
      }
      Schema schema = builder.schema();
      ArrayRow row = new ArrayRow(schema);
      Progress progress = Progress.onTerminal(err, "quality");
      for (InputRecord r; (r = in.next()) != null; ) {
        lineOf[0] = r.number();
        lineOf[1] = r.line();
        for (Finding f : r.findings()) {
          failOn.count(f);
          if (shown++ < 10) {
            err.println("  " + f.severity().label() + " " + f.code() + ": " + f.message());
          }
        }
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
    String json = report.toJson();
    if (output.equals("-")) {
      spec.commandLine().getOut().println(json);
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

  private static void checkWritable(@Nullable Path p) {
    if (p == null) {
      return;
    }
    Path parent = p.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw new UsageException("output folder does not exist: " + parent);
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
