package dev.mops.cli;

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
import org.jspecify.annotations.Nullable;
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
      "Lint landing-page URLs against a UTM taxonomy and propose fixes.",
      "Reads the column 'url' (matched case- and space-insensitively) and writes url,valid,issues,fixed_url.",
      "Example: mops lint-urls --input urls.csv --taxonomy taxonomy.yaml --output out.csv"
    })
public final class LintUrlsCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin InputOptions input = new InputOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();
  @Mixin ProgressOptions progressOptions = new ProgressOptions();

  @Option(names = {"-t", "--taxonomy"}, required = true, paramLabel = "FILE", description = "The taxonomy YAML.")
  Path taxonomyFile = Path.of("taxonomy.yaml");

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    StandardStreams streams = StandardStreams.of(spec);
    PrintWriter err = streams.err();
    FindingPrinter printer = new FindingPrinter(streams, failOn);
    Taxonomy taxonomy = Taxonomy.load(taxonomyFile);
    TaxonomyLinter linter = TaxonomyLinter.of(taxonomy);
    long read = 0;
    long valid = 0;
    long fixed = 0;
    try (RecordReader in = input.open()) {
      String urlColumn = Columns.find(in.fields(), "url");
      if (urlColumn == null) {
        throw Columns.noneOf(input.name(), in.fields(), List.of("url"), "lint-urls reads");
      }
      Progress progress = Progress.start(progressOptions, streams, "lint-urls", input);
      try (RecordWriter out = output.open(List.of("url", "valid", "issues", "fixed_url"))) {
        for (InputRecord r; (r = in.next()) != null; ) {
          read++;
          printer.accept(r);
          String url = Values.asString(r.record().get(urlColumn));
          LintResult result = linter.lint(url);
          for (LintIssue i : result.issues()) {
            printer.count(i.finding());
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
    printer.finish();
    err.printf(Locale.ROOT, "lint-urls: %,d URLs, %,d valid, %,d fixable, %,d need a person (taxonomy %s %s); %s%n",
        read, valid, fixed, read - valid - fixed, taxonomy.name(), taxonomy.version(), failOn.summary());
    return failOn.exitCode();
  }
}
