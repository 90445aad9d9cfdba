package dev.mops.cli;

import dev.mops.core.Finding;
import dev.mops.core.io.RecordWriter;
import dev.mops.planning.preflight.LinkResult;
import dev.mops.planning.preflight.LiveLinkCheck;
import dev.mops.planning.preflight.PreflightCheck;
import dev.mops.planning.preflight.PreflightReport;
import dev.mops.taxonomy.LintIssue;
import dev.mops.taxonomy.Taxonomy;
import dev.mops.taxonomy.TaxonomyLinter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code mops preflight}: finds every link of an email or landing page and checks it offline, and
 * against the taxonomy with the URL lint; a live HTTP check only with {@code --live}.
 *
 * <p>Thread safety: one instance per run.
 */
@Command(
    name = "preflight",
    mixinStandardHelpOptions = true,
    description = {
      "Check every link of an HTML email or landing page before it ships.",
      "Links must use https and have no unfilled merge tags, empty or relative addresses or repeated parameters.",
      "With --taxonomy, links to tracked domains also go through the taxonomy's URL lint (UTMs).",
      "Writes line,column,element,url,text,tracked,status,issues; no network access unless --live.",
      "Example: mops preflight --html email.html --taxonomy taxonomy.yaml --tracked-domain acme.example --fail-on error"
    })
public final class PreflightCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;

  @Mixin OutputOptions output = new OutputOptions();
  @Mixin FailOnOption failOn = new FailOnOption();

  @Option(names = "--html", required = true, paramLabel = "FILE", description = "The email or landing page (HTML, UTF-8).")
  Path html = Path.of("email.html");

  @Option(names = {"-t", "--taxonomy"}, paramLabel = "FILE", description = "The taxonomy YAML whose URL lint tracked links go through.")
  @Nullable Path taxonomyFile;

  @Option(names = "--tracked-domain", paramLabel = "DOMAIN", description = "A domain (and its subdomains) whose links must carry UTMs (repeatable; default: every web link).")
  List<String> trackedDomains = new ArrayList<>();

  @Option(names = "--allow-merge-tag", paramLabel = "TAG", description = "A merge tag the platform fills at send time, such as {{unsubscribe_url}} (repeatable).")
  List<String> allowedTags = new ArrayList<>();

  @Option(names = "--landing-page", description = "The page is a landing page: relative links are fine.")
  boolean landingPage;

  @Option(names = "--live", description = "Also request every web link over HTTP (off by default: no network access).")
  boolean live;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5", description = "Timeout of each live request, in seconds (default 5).")
  int timeoutSeconds = 5;

  @Override
  public Integer call() throws Exception {
    failOn.validate();
    PrintWriter err = StandardStreams.of(spec).err();
    if (!Files.isRegularFile(html)) {
      throw new UsageException("--html: file not found: " + html);
    }
    String page;
    try {
      page = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(html))).toString();
    } catch (CharacterCodingException e) {
      throw new UsageException("--html: " + html + " is not UTF-8", e);
    } catch (IOException e) {
      throw new UsageException("--html: cannot read " + html + ": " + e.getMessage(), e);
    }
    PreflightCheck.Builder b = PreflightCheck.builder()
        .pageKind(landingPage ? PreflightCheck.PageKind.LANDING_PAGE : PreflightCheck.PageKind.EMAIL);
    Taxonomy taxonomy = null;
    if (taxonomyFile != null) {
      taxonomy = Taxonomy.load(taxonomyFile);
      TaxonomyLinter linter = TaxonomyLinter.of(taxonomy);
      b.urlLint(url -> linter.lint(url).issues().stream().map(LintIssue::finding).toList());
    }
    try {
      trackedDomains.forEach(b::trackedDomain);
      allowedTags.forEach(b::allowMergeTag);
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    PreflightReport report;
    try {
      report = b.build().check(html.toString(), page);
      if (live) {
        if (timeoutSeconds < 1 || timeoutSeconds > 120) {
          throw new UsageException("--timeout: expected 1 to 120 seconds, got " + timeoutSeconds);
        }
        report = LiveLinkCheck.create(Duration.ofSeconds(timeoutSeconds), 5).apply(report);
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(String.valueOf(e.getMessage()), e);
    }
    failOn.countAll(report.pageFindings());
    for (Finding f : report.pageFindings()) {
      err.println(html + ": " + f.severity().label() + " " + f.code() + ": " + f.message());
    }
    try (RecordWriter out = output.open(List.of("line", "column", "element", "url", "text", "tracked", "status", "issues"))) {
      for (LinkResult r : report.links()) {
        failOn.countAll(r.findings());
        out.write(Arrays.asList(r.link().line(), r.link().column(), r.link().element(), r.link().url(), r.link().text(),
            r.tracked(), r.status(), r.issueSummary()));
      }
    }
    err.printf(Locale.ROOT, "preflight: %s: %,d links, %,d fail, %,d warn%s%s; %s%n", html, report.links().size(),
        report.failing(), report.links().stream().filter(l -> l.status().equals("warn")).count(),
        taxonomy == null ? ", no taxonomy" : " (taxonomy " + taxonomy.name() + " " + taxonomy.version() + ")",
        live ? ", live-checked" : "", failOn.summary());
    return failOn.exitCode();
  }
}
