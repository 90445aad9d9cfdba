package dev.mops.cli;

import dev.mops.core.io.CsvReader;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.Values;
import dev.mops.quality.contract.ContractDiff;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code mops contract-diff}: compares two versions of a data contract: rules added, removed,
 * loosened, tightened or changed, fields added and removed, and with data, the rows that newly
 * fail or pass.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "contract-diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a data contract before the change ships: rules added, removed, loosened or"
          + " tightened, and with --input, the rows that would newly fail or pass.",
      "Example: mops contract-diff --old lead-contract.yaml --new lead-contract-v2.yaml --input leads.csv"
    })
public final class ContractDiffCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin DiffOptions diffOptions = new DiffOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();
  @Mixin IdOptions ids = new IdOptions();
  @Mixin AsOfOption asOf = new AsOfOption();

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    DataContract before = DataContracts.load(diffOptions.oldFile);
    DataContract after = DataContracts.load(diffOptions.newFile);
    ContractDiff diff = ContractDiff.between(before, after);
    DiffReport report = new DiffReport("contract-diff");
    report.versions(diffOptions.oldFile.toString(), before.name(), before.version(), before.contentHash(),
        diffOptions.newFile.toString(), after.name(), after.version(), after.contentHash());
    StringBuilder counts = new StringBuilder("rules:");
    for (ContractDiff.Kind k : ContractDiff.Kind.values()) {
      counts.append(k == ContractDiff.Kind.ADDED ? " " : ", ").append(diff.changes(k).size()).append(' ')
          .append(k.name().toLowerCase(Locale.ROOT));
    }
    report.line(counts.toString());
    List<Map<String, @Nullable Object>> rules = new ArrayList<>();
    for (ContractDiff.RuleChange c : diff.changes()) {
      String kind = c.kind().name().toLowerCase(Locale.ROOT);
      report.line(String.format(Locale.ROOT, "  %-9s %s: %s", kind, c.ruleId(), String.join("; ", c.details())));
      if (!c.before().isEmpty() && !c.after().isEmpty()) {
        report.line("            was: " + c.before());
        report.line("            now: " + c.after());
      } else {
        report.line("            " + (c.before().isEmpty() ? c.after() : c.before()));
      }
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      m.put("rule", c.ruleId());
      m.put("change", kind);
      m.put("before", c.before());
      m.put("after", c.after());
      m.put("details", c.details());
      rules.add(m);
    }
    report.put("rules", rules);
    report.put("fields_added", diff.fieldsAdded());
    report.put("fields_removed", diff.fieldsRemoved());
    if (!diff.fieldsAdded().isEmpty() || !diff.fieldsRemoved().isEmpty()) {
      report.line("fields: added " + diff.fieldsAdded() + ", removed " + diff.fieldsRemoved());
    }
    if (!input.inputs.isEmpty()) {
      FindingPrinter printer = new FindingPrinter(streams, failOn);
      Instant now = asOf.instant();
      ContractDiff.Impact impact = diff.impact(now);
      String idField = ids.column();
      try (RecordReader in = input.open()) {
        if (ids.explicit() && in instanceof CsvReader) {
          Columns.require(input.name(), in.fields(), idField, "--id-column");
        }
        Progress progress = Progress.start(progressOptions, streams, "contract-diff", input);
        long read = 0;
        for (InputRecord r; (r = in.next()) != null; ) {
          progress.update(++read);
          printer.accept(r);
          String id = Values.asString(r.record().get(idField));
          impact.add(id == null || id.isBlank() ? "line " + r.line() : id, r.record());
        }
        progress.done();
      }
      printer.finish();
      report.line(String.format(Locale.ROOT, "with data (%s, %,d rows, as of %s): %,d rows newly fail, %,d newly pass;"
              + " %,d failed before, %,d fail after", input.name(), impact.rows(), now, impact.newlyFailing(),
          impact.newlyPassing(), impact.failedBefore(), impact.failedAfter()));
      if (!impact.newlyFailingSamples().isEmpty()) {
        report.line("  newly failing: " + String.join(", ", impact.newlyFailingSamples())
            + (impact.newlyFailing() > impact.newlyFailingSamples().size() ? ", ..." : ""));
      }
      if (!impact.newlyPassingSamples().isEmpty()) {
        report.line("  newly passing: " + String.join(", ", impact.newlyPassingSamples())
            + (impact.newlyPassing() > impact.newlyPassingSamples().size() ? ", ..." : ""));
      }
      Map<String, @Nullable Object> perRule = new LinkedHashMap<>();
      impact.perRule().forEach((rule, n) -> {
        report.line(String.format(Locale.ROOT, "  %s: %,d rows newly break it, %,d no longer do", rule, n[0], n[1]));
        Map<String, @Nullable Object> m = new LinkedHashMap<>();
        m.put("newly_failing", n[0]);
        m.put("newly_passing", n[1]);
        perRule.put(rule, m);
      });
      Map<String, @Nullable Object> data = new LinkedHashMap<>();
      data.put("input", input.name());
      data.put("as_of", now.toString());
      data.put("rows", impact.rows());
      data.put("failed_before", impact.failedBefore());
      data.put("failed_after", impact.failedAfter());
      data.put("newly_failing", impact.newlyFailing());
      data.put("newly_passing", impact.newlyPassing());
      data.put("newly_failing_samples", impact.newlyFailingSamples());
      data.put("newly_passing_samples", impact.newlyPassingSamples());
      data.put("per_rule", perRule);
      report.put("data", data);
    }
    report.print(streams.outText(), diffOptions.json);
    return failOn.exitCode();
  }
}
