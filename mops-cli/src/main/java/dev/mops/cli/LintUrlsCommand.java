package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.core.io.RecordWriter;
import dev.mops.core.record.Values;
import dev.mops.taxonomy.LintIssue;
import dev.mops.taxonomy.LintResult;
import dev.mops.taxonomy.Taxonomy;
import dev.mops.taxonomy.TaxonomyLinter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mops lint-urls}: lints landing-page URLs against a UTM taxonomy and proposes fixes.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "lint-urls",
    mixinStandardHelpOptions = true,
    description = {
      "Lint landing-page URLs (column 'url') against a UTM taxonomy; write url,valid,issues,fixed_url.",
      "Example: mops lint-urls --input urls.csv --taxonomy taxonomy.yaml --output out.csv"
    })
public final class LintUrlsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = {"-t", "--taxonomy"}, required = true, paramLabel = "FILE", description = "The taxonomy YAML.")
  Path taxonomyFile = Path.of("taxonomy.yaml");

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = spec.commandLine().getErr();
    Taxonomy taxonomy = Taxonomy.load(taxonomyFile);
    TaxonomyLinter linter = TaxonomyLinter.of(taxonomy);
    long read = 0;
    long valid = 0;
    long fixed = 0;
    try (RecordReader in = input.open()) {
      if (!in.fields().contains("url")) {
        throw new UsageException(input.name() + " has no 'url' column (columns: " + in.fields() + ")");
      }
      Progress progress = Progress.onTerminal(err, "lint-urls");
      try (RecordWriter out = output.open(List.of("url", "valid", "issues", "fixed_url"))) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          for (Finding f : r.findings()) {
            failOn.count(f);
          }
          String url = Values.asString(r.record().get("url"));
          LintResult result = linter.lint(url);
          for (LintIssue i : result.issues()) {
            failOn.count(i.finding());
          }
          if (result.valid()) {
            valid++;
          } else if (result.fixedUrl() != null) {
            fixed++;
          }
          out.write(Arrays.asList(url == null ? "" : url, result.valid(), result.issueSummary(),
              result.fixedUrl() == null ? "" : result.fixedUrl()));
          progress.update(read);
        }
        progress.done();
      }
    }
    err.printf(Locale.ROOT, "lint-urls: %,d URLs, %,d valid, %,d fixable, %,d need a person (taxonomy %s %s); %s%n",
        read, valid, fixed, read - valid - fixed, taxonomy.name(), taxonomy.version(), failOn.summary());
    return failOn.exitCode();
  }
}
