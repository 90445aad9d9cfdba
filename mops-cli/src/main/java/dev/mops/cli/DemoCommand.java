package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.condition.CompiledCondition;
import dev.mops.core.condition.Condition;
import dev.mops.core.condition.ConditionExplanation;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.record.ArrayRow;
import dev.mops.core.record.Schema;
import dev.mops.core.record.ValueType;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code mops demo}: runs what mops can do on bundled sample data and prints a readable summary.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Run mops on bundled sample leads and print what it found.")
public final class DemoCommand implements Callable<Integer> {

  static final String LEADS = "/dev/mops/cli/demo/leads.csv";
  static final String SEGMENTS = "/dev/mops/cli/demo/segments.yaml";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.println("mops " + MopsVersion.version() + " demo");
    out.println();
    segments(out);
    quality(out);
    out.flush();
    return ExitCode.OK;
  }

  private static InputStream resource(String path) {
    InputStream in = DemoCommand.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("demo resource missing from the jar: " + path);
    }
    return in;
  }

  /** Checks the sample leads against the bundled data contract and prints scores and the worst rules. */
  private void quality(PrintWriter out) throws IOException {
    dev.mops.quality.contract.DataContract contract;
    try (InputStream in = resource("/dev/mops/cli/demo/lead-contract.yaml")) {
      contract = dev.mops.quality.contract.DataContracts.read(ConfigLoader.standard().load("demo/lead-contract.yaml", in), null, null);
    }
    Instant asOf = Instant.parse("2026-11-01T00:00:00Z");
    var builder = dev.mops.quality.profile.QualityProfile.builder(contract).asOf(asOf);
    try (RecordReader in = RecordReader.open("demo/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        builder.add(r.record());
      }
    }
    var report = dev.mops.quality.profile.QualityReport.of(contract, builder.build(), asOf);
    out.printf(Locale.ROOT, "Quality: %d leads checked against contract %s (version %s), as of %s: overall %.1f/100%n",
        report.profile().rows(), contract.name(), contract.version(), asOf, report.overallScore());
    for (var d : report.dimensions().values()) {
      if (d.scored()) {
        out.printf(Locale.ROOT, "  %-13s %5.1f%n", d.dimension().label(), d.score());
      }
    }
    for (var r : report.worstRules()) {
      out.printf(Locale.ROOT, "  %-5s %-20s %s%n", r.status().label(), r.rule().id(), r.rule().kind().recordLevel()
          ? r.failures() + " failing, e.g. " + r.samples() : r.note() + ", expected " + r.rule().expectation());
    }
    out.println("  (mops quality --contract ... --input ... --html report.html writes the full report)");
    out.println();
  }

  /** Segments the sample leads with the condition language, with findings and one explanation. */
  private void segments(PrintWriter out) throws IOException {
    ConfigDocument doc;
    try (InputStream in = resource(SEGMENTS)) {
      doc = ConfigLoader.standard().load("demo/segments.yaml", in);
    }
    Instant asOf = FilterCommand.parseAsOf(doc.root().string("as_of"));
    Schema schema =
        Schema.builder()
            .field("id", ValueType.STRING).field("email", ValueType.STRING)
            .field("first_name", ValueType.STRING).field("last_name", ValueType.STRING)
            .field("company", ValueType.STRING).field("title", ValueType.STRING)
            .field("country", ValueType.STRING).field("employees", ValueType.NUMBER)
            .field("industry", ValueType.STRING).field("last_visit", ValueType.INSTANT)
            .field("form_fills", ValueType.NUMBER).field("tags", ValueType.STRING_LIST)
            .build();
    Map<String, CompiledCondition> segments = new LinkedHashMap<>();
    for (ConfigNode item : doc.root().list("segments").items()) {
      ConfigNode.MapNode m = item.asMap("a segment").checkKeys(List.of("name", "when"));
      Condition c = ConditionYaml.read(m.require("when", "a condition"), schema);
      segments.put(m.string("name"), CompiledCondition.compile(c, schema));
    }

    List<ArrayRow> rows = new ArrayList<>();
    Map<String, Integer> findingCounts = new TreeMap<>();
    List<Finding> examples = new ArrayList<>();
    try (RecordReader in = RecordReader.open("demo/leads.csv", resource(LEADS), RecordReader.Format.CSV)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        ArrayRow row = schema.row(r.record(), f -> {
          findingCounts.merge(f.code() + " in " + f.field(), 1, Integer::sum);
          if (examples.size() < 3) {
            examples.add(f);
          }
        });
        rows.add(row);
      }
    }

    out.printf(Locale.ROOT, "Conditions: %d sample leads, %d segments from %s (version %s, %s), as of %s%n",
        rows.size(), segments.size(), doc.source(), doc.version(), doc.shortHash(), asOf);
    for (Map.Entry<String, CompiledCondition> e : segments.entrySet()) {
      long n = rows.stream().filter(r -> e.getValue().test(r, asOf)).count();
      out.printf(Locale.ROOT, "  %-26s %3d leads  %s%n", e.getKey(), n, Conditions.describe(e.getValue().condition()));
    }
    out.println();
    out.println("Bad data is reported, not thrown (the value reads as missing):");
    findingCounts.forEach((k, v) -> out.printf(Locale.ROOT, "  %-34s %d%n", k, v));
    for (Finding f : examples) {
      out.printf(Locale.ROOT, "  e.g. %s %s '%s': %s%n", f.code(), f.field(), f.rawValue(), f.message());
    }
    out.println();
    String first = segments.keySet().iterator().next();
    CompiledCondition c = segments.get(first);
    for (ArrayRow r : rows) {
      if (c.test(r, asOf)) {
        ConditionExplanation why = c.explain(r, asOf);
        out.println("Why " + r.get("id") + " is in " + first + ":");
        for (var o : why.decidedBy()) {
          out.println("  " + o.describe());
        }
        break;
      }
    }
    for (ArrayRow r : rows) {
      if (!c.test(r, asOf)) {
        ConditionExplanation why = c.explain(r, asOf);
        out.println("Why " + r.get("id") + " is not:");
        for (var o : why.decidedBy()) {
          out.println("  " + o.describe());
        }
        break;
      }
    }
    out.println();
  }
}
