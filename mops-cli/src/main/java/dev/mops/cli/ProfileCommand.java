package dev.mops.cli;

import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.quality.profile.FieldProfile;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mops profile}: profiles a file without a contract and can suggest a starter contract.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = {
      "Profile records without a contract: counts, blanks, distinct and top values, lengths, numbers, inferred types.",
      "Example: mops profile --input leads.csv --output profile.json --suggest contract.yaml"
    })
public final class ProfileCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "-",
      description = "Where to write the profile (JSON, mergeable); '-' for stdout (default).")
  String output = "-";

  @Option(names = "--suggest", paramLabel = "FILE", description = "Also write a starter native contract suggested from the profile.")
  @Nullable Path suggest;

  @Option(names = "--distinct-limit", paramLabel = "N", defaultValue = "10000",
      description = "Distinct values per field counted exactly (estimated by a CPC sketch beyond); default 10000.")
  int distinctLimit = ProfileBuilder.DEFAULT_DISTINCT_LIMIT;

  @Override
  public Integer call() throws IOException {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    QualityProfile profile;
    try (RecordReader in = input.open()) {
      if (in.fields().isEmpty()) {
        throw new UsageException(input.name() + " has no header (or no records) to profile");
      }
      ProfileBuilder b;
      try {
        b = QualityProfile.builder(in.fields()).distinctLimit(distinctLimit);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--distinct-limit: " + e.getMessage(), e);
      }
      Progress progress = Progress.start(progressOptions, streams, "profile", input);
      for (InputRecord r; (r = in.next()) != null; ) {
        printer.accept(r);
        b.add(r.record());
        progress.update(r.number());
      }
      progress.done();
      profile = b.build();
    }
    printer.finish();
    String json = profile.toJson();
    if (output.equals("-")) {
      streams.outText().println(json);
      streams.outText().flush();
    } else {
      Files.writeString(Path.of(output), json + "\n", StandardCharsets.UTF_8);
    }
    OutputOptions.checkFolder(suggest);
    if (suggest != null) {
      String name = suggest.getFileName().toString().replaceAll("\\.(ya?ml)$", "").replaceAll("[^A-Za-z0-9_-]", "_");
      Files.writeString(suggest, profile.suggestContract(name), StandardCharsets.UTF_8);
    }
    err.printf(Locale.ROOT, "profile: %,d records, %d fields%n", profile.rows(), profile.fieldNames().size());
    for (FieldProfile f : profile.fields()) {
      String type = "string";
      long present = f.count() - f.nulls() - f.empties();
      for (Map.Entry<String, Long> e : f.inferredTypes().entrySet()) {
        if (present > 0 && e.getValue() >= 0.95 * present) {
          type = e.getKey();
          break;
        }
      }
      err.printf(Locale.ROOT, "  %-20s %-9s %6.1f%% filled  %s%,d distinct%n", f.name(), type, f.completeness() * 100,
          f.distinctExact() ? "" : "~", f.distinct());
    }
    if (suggest != null) {
      err.println("suggested contract written to " + suggest + " (review it before use)");
    }
    err.println("  findings: " + failOn.summary());
    return failOn.exitCode();
  }
}
