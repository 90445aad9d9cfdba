package dev.mops.cli;

import static dev.mops.cli.CliRun.mops;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The habits of a good command-line tool, one test per finding of the CLI review. */
class CliHabitsTest {

  private static final String LEADS = "id,email,country\n1,a@x.com,US\n2,b@y.com,CA\n3,c@z.com,US\n";

  @Test
  void librariesLogThroughABackendThatShowsWarningsOnlyNotSlf4jsNoProviderNotice() throws Exception {
    // Jollyday logs through SLF4J; without a backend every command that reads holidays printed
    // "SLF4J(W): No SLF4J providers were found" (three lines) on stderr. Reflection keeps this test
    // from declaring slf4j-api, which the CLI never calls.
    Class<?> factory = Class.forName("org.slf4j.LoggerFactory");
    Object loggers = factory.getMethod("getILoggerFactory").invoke(null);
    assertThat(loggers.getClass().getName()).isEqualTo("org.slf4j.simple.SimpleLoggerFactory");
    Object logger = factory.getMethod("getLogger", String.class).invoke(null, "de.focus_shift.jollyday");
    assertThat((Boolean) logger.getClass().getMethod("isWarnEnabled").invoke(logger)).isTrue();
    assertThat((Boolean) logger.getClass().getMethod("isInfoEnabled").invoke(logger)).isFalse();
  }

  @Test
  void bareMopsPrintsItsUsage() {
    CliRun r = mops();
    assertThat(r.code()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("Usage: mops").contains("Commands:", "dedupe", "Exit codes:")
        .doesNotContain("missing command");
  }

  @Test
  void mistypedCommandsAndOptionsGetSuggestions() {
    CliRun command = mops("dedup", "--input", "x.csv");
    assertThat(command.code()).isEqualTo(ExitCode.USAGE);
    assertThat(command.err()).contains("Did you mean: mops dedupe");
    CliRun option = mops("filter", "--whn", "true");
    assertThat(option.code()).isEqualTo(ExitCode.USAGE);
    assertThat(option.err()).contains("--when").contains("Try 'mops filter --help'");
  }

  @Test
  void generatesAShellCompletionScript() {
    assertThat(mops("--help").out()).contains("generate-completion", "source <(mops generate-completion)");
    CliRun r = mops("generate-completion");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("complete -F", "_complete_mops", "dedupe", "lint-urls", "--id-column");
  }

  @Test
  void inputDefaultsToStdinAndOutputToStdout() {
    CliRun r = CliRun.withStdin(LEADS, "filter", "--when", "{eq: {field: country, value: US}}");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("id,email,country\n1,a@x.com,US\n3,c@z.com,US\n");
    assertThat(r.err()).contains("3 records read, 2 matched");
    CliRun dash = CliRun.withStdin(LEADS, "normalize", "-i", "-", "--output-format", "jsonl");
    assertThat(dash.code()).as(dash.err()).isZero();
    assertThat(dash.out().lines()).hasSize(3).allMatch(l -> l.startsWith("{\"id\":"));
    assertThat(mops("filter", "--help").out()).contains("Default: stdin");
    CliRun twice = CliRun.withStdin(LEADS, "filter", "-i", "-", "-i", "-", "--when", "true");
    assertThat(twice.code()).isEqualTo(ExitCode.USAGE);
    assertThat(twice.err()).contains("--input: this command reads one input, got 2");
  }

  @Test
  void idColumnHasItsDefaultAndTheOldNameStillWorks(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,email,first_name,last_name\n1,a@x.com,Ann,Lee\n2,a@x.com,Ann,Lee\n3,q@r.com,Bo,Ng\n");
    CliRun r = mops("dedupe", "-i", in.toString(), "-o", dir.resolve("c.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("c.csv"))).first().isEqualTo("id,cluster_id");

    Path model = ScoreCommandTest.EXAMPLES.resolve("model.yaml");
    Path leads = ScoreCommandTest.EXAMPLES.resolve("leads.csv");
    Path events = ScoreCommandTest.EXAMPLES.resolve("events.csv");
    Path a = dir.resolve("a.csv");
    Path b = dir.resolve("b.csv");
    CliRun current = mops("score", "--model", model.toString(), "-i", leads.toString(), "--events", events.toString(),
        "--as-of", "2026-01-31T00:00:00Z", "--id-column", "id", "-o", a.toString());
    CliRun old = mops("score", "--model", model.toString(), "-i", leads.toString(), "--events", events.toString(),
        "--as-of", "2026-01-31T00:00:00Z", "--id-field", "id", "--event-lead-field", "lead_id", "-o", b.toString());
    assertThat(current.code()).as(current.err()).isZero();
    assertThat(old.code()).as(old.err()).isZero();
    assertThat(Files.readString(b)).isEqualTo(Files.readString(a));
    assertThat(old.err()).contains("--id-field is deprecated; use --id-column",
        "--event-lead-field is deprecated; use --event-lead-column");
    assertThat(mops("score", "--help").out()).contains("--id-column").doesNotContain("--id-field");
  }

  /** Every option name of every command, so that one vocabulary can be checked. */
  private static List<CommandSpec> commands() {
    List<CommandSpec> out = new ArrayList<>();
    for (CommandLine c : Main.commandLine().getSubcommands().values()) {
      out.add(c.getCommandSpec());
    }
    return out;
  }

  @Test
  void noShortOptionMeansTwoThings() {
    Map<String, Set<String>> meanings = new TreeMap<>();
    for (CommandSpec c : commands()) {
      for (OptionSpec o : c.options()) {
        for (String name : o.names()) {
          if (name.matches("-[A-Za-z]")) {
            meanings.computeIfAbsent(name, k -> new TreeSet<>()).add(o.longestName());
          }
        }
      }
    }
    assertThat(meanings).containsKeys("-i", "-o", "-h", "-V");
    meanings.forEach((shortName, longNames) -> assertThat(longNames).as(shortName).hasSize(1));
  }

  @Test
  void theSharedOptionsAreSpelledAlikeEverywhere() {
    for (CommandSpec c : commands()) {
      Set<String> names = new TreeSet<>();
      c.options().forEach(o -> names.addAll(List.of(o.names())));
      assertThat(names).as(c.name()).doesNotContain("--id-field-visible", "--input-file", "--out");
      c.options().stream().filter(o -> o.longestName().equals("--as-of"))
          .forEach(o -> assertThat(o.type()).as(c.name()).isEqualTo(java.time.Instant.class));
      c.options().stream().filter(o -> o.longestName().equals("--id-field"))
          .forEach(o -> assertThat(o.hidden()).as(c.name()).isTrue());
      if (names.contains("--input")) {
        assertThat(names).as(c.name()).contains("--input-format", "--fail-on", "--progress");
      }
    }
  }

  @Test
  void asOfIsAnInstantWithAClearErrorForABadValue(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,last_visit\n1,2026-01-30T00:00:00Z\n2,2025-01-01T00:00:00Z\n");
    String recent = "{within_last: {field: last_visit, duration: 7d}}";
    CliRun bad = mops("filter", "-i", in.toString(), "--when", recent, "--as-of", "last tuesday");
    assertThat(bad.code()).isEqualTo(ExitCode.USAGE);
    assertThat(bad.err()).contains("Invalid value for option '--as-of'",
        "expected an ISO-8601 instant such as 2026-01-31T00:00:00Z", "got 'last tuesday'");
    CliRun date = mops("filter", "-i", in.toString(), "--when", recent, "--as-of", "2026-01-31");
    assertThat(date.code()).as(date.err()).isZero();
    assertThat(date.out()).isEqualTo("id,last_visit\n1,2026-01-30T00:00:00Z\n");
  }

  @Test
  void missingColumnsAreAnErrorWithWhatWasExpectedAndADidYouMean(@TempDir Path dir) throws Exception {
    Path crm = dir.resolve("crm.csv");
    Files.writeString(crm, "Contact ID,E-mail Address,Telephone\n1,a@x.com,555\n");
    CliRun none = mops("normalize", "-i", crm.toString());
    assertThat(none.code()).isEqualTo(ExitCode.USAGE);
    assertThat(none.err()).contains("has none of the columns normalize reads [email, phone,",
        "did you mean 'E-mail Address' for 'email'", "its columns: [Contact ID, E-mail Address, Telephone]");

    Path id = dir.resolve("ids.csv");
    Files.writeString(id, "ID,email\n1,a@x.com\n");
    CliRun dedupe = mops("dedupe", "-i", id.toString());
    assertThat(dedupe.code()).isEqualTo(ExitCode.USAGE);
    assertThat(dedupe.err()).contains("has no column 'id' (--id-column) (did you mean 'ID'?); its columns: [ID, email]");

    Path cfg = dir.resolve("d.yaml");
    Files.writeString(cfg, "fields:\n  - field: Email\n    kind: email\nblocking:\n  keys: [[Email]]\n");
    CliRun config = mops("dedupe", "-i", crm.toString(), "--id-column", "Contact ID", "--config", cfg.toString());
    assertThat(config.code()).isEqualTo(ExitCode.USAGE);
    assertThat(config.err()).contains("has none of the columns of the dedupe config [Email]",
        "did you mean 'E-mail Address' for 'Email'");

    Path urls = dir.resolve("urls.csv");
    Files.writeString(urls, "Landing Page\nhttps://x.com/?utm_source=google\n");
    CliRun lint = mops("lint-urls", "-i", urls.toString(), "--taxonomy",
        "../examples/taxonomy/taxonomy.yaml");
    assertThat(lint.code()).isEqualTo(ExitCode.USAGE);
    assertThat(lint.err()).contains("none of the columns lint-urls reads [url]", "[Landing Page]");

    Path cond = dir.resolve("c.csv");
    Files.writeString(cond, "id,Country\n1,US\n");
    CliRun filter = mops("filter", "-i", cond.toString(), "--when", "{eq: {field: country, value: US}}");
    assertThat(filter.code()).isEqualTo(ExitCode.USAGE);
    assertThat(filter.err()).contains("the condition reads [country]", "did you mean 'Country' for 'country'");
  }

  @Test
  void fixedColumnNamesMatchCaseAndSpaceInsensitively(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("contacts.csv");
    Files.writeString(in, "Email,First Name, Country \nBob.Smith@Gmail.com,BOB,usa\n");
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "-i", in.toString(), "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0)).contains("email_normalized", "first_name_normalized", "country_code");
    assertThat(lines.get(1)).contains("bob.smith@gmail.com", ",US,", ",bob,");
  }

  @Test
  void progressShowsOnATerminalStderrAndCanBeForced(@TempDir Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("id,country\n");
    for (int i = 0; i < 2000; i++) {
      sb.append(i).append(i == 1000 ? "\n" : ",US\n");
    }
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, sb, StandardCharsets.UTF_8);
    String out = dir.resolve("o.csv").toString();
    CliRun terminal = CliRun.run("", true, "filter", "-i", in.toString(), "--when", "true", "-o", out);
    assertThat(terminal.code()).as(terminal.err()).isZero();
    Matcher m = Pattern.compile("\rfilter: ([\\d,]+) records, [\\d,]+/s, (\\d+)%, ETA \\d+:\\d\\d").matcher(terminal.err());
    assertThat(m.find()).as(terminal.err()).isTrue();
    assertThat(terminal.err()).contains("\r\033[K").contains("2,000 records read");
    // a finding printed while the progress line is up starts on a clean line
    assertThat(terminal.err()).contains("\r\033[K  line 1002: warning CSV_SHORT_ROW");

    CliRun redirected = CliRun.run("", false, "filter", "-i", in.toString(), "--when", "true", "-o", out);
    assertThat(redirected.err()).doesNotContain("\r");
    CliRun forced = CliRun.run("", false, "filter", "-i", in.toString(), "--when", "true", "-o", out, "--progress");
    assertThat(forced.err()).contains("\rfilter: ");
    CliRun off = CliRun.run("", true, "filter", "-i", in.toString(), "--when", "true", "-o", out, "--no-progress");
    assertThat(off.err()).doesNotContain("\r");
    // stdin has no known size: count and rate, no ETA
    CliRun piped = CliRun.run(sb.toString(), true, "filter", "--when", "true", "-o", out);
    assertThat(piped.err()).contains("\rfilter: ").doesNotContain("ETA");
  }

  @Test
  void dedupeShowsProgressAndPrintsItsWarnings(@TempDir Path dir) throws Exception {
    StringBuilder sb = new StringBuilder("id,email,first_name,last_name\n");
    for (int i = 0; i < 600; i++) {
      sb.append(i).append(",p").append(i).append("@x").append(i % 50).append(".com,Ann,Lee").append(i).append('\n');
    }
    sb.append("7,dup@x.com,Dup,Licate\n");
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, sb, StandardCharsets.UTF_8);
    CliRun r = CliRun.run("", true, "dedupe", "-i", in.toString(), "-o", dir.resolve("c.csv").toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).contains("\rdedupe: reading leads.csv: ", "warning DUPLICATE_ID");
    assertWarningsPrinted(r);
  }

  @Test
  void dedupeOnTheExampleLeadsPrintsEveryWarningItCounts() {
    CliRun r = mops("dedupe", "-i", QualityCommandTest.examples().resolve("leads.csv").toString(), "-o",
        "-", "--output-format", "jsonl");
    assertThat(r.code()).as(r.err()).isZero();
    assertWarningsPrinted(r);
  }

  /** The summary's "N warnings" are the warning lines printed above it (fewer than the print limit here). */
  private static void assertWarningsPrinted(CliRun r) {
    Matcher m = Pattern.compile("(\\d+) warnings").matcher(r.err());
    assertThat(m.find()).as(r.err()).isTrue();
    long counted = Long.parseLong(m.group(1));
    assertThat(counted).isLessThanOrEqualTo(FindingPrinter.SHOWN);
    String lines = r.err().replace("\r\033[K", "\n");
    assertThat(lines.lines().filter(l -> l.stripLeading().startsWith("warning ")).count()).as(r.err())
        .isEqualTo(counted);
  }

  @Test
  void helpSummariesAreWholeSentences() {
    String help = mops("--help").out().replaceAll("\\s+", " ");
    for (CommandSpec c : commands()) {
      String[] d = c.usageMessage().description();
      assertThat(d).as(c.name()).isNotEmpty();
      assertThat(d[0]).as(c.name()).endsWith(".");
      assertThat(help).as(c.name()).contains(c.name() + " " + d[0]);
      for (String line : d) {
        if (!line.startsWith("Example:")) {
          assertThat(line).as(c.name() + ": a description line is a whole sentence").matches("(?s).*[.)]$");
        }
      }
      for (OptionSpec o : c.options()) {
        for (String line : o.description()) {
          assertThat(line).as(c.name() + " " + o.longestName()).matches("(?s).*[.)]$");
        }
      }
      CliRun own = mops(c.name(), "--help");
      assertThat(own.code()).as(c.name()).isZero();
    }
  }

  @Test
  void helpAdvertisesOnlyWhatExists() {
    String help = mops("--help").out();
    // operating metrics are advertised now that sla, calendar, ops-report and experiment-size exist
    assertThat(help).contains("sla", "ops-report", "experiment-size");
    for (CommandSpec c : commands()) {
      assertThat(help).contains(c.name());
    }
  }

  @Test
  void csvOutputsAreGuardedAgainstFormulasAndRawValuesOptsOut(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("leads.csv");
    Files.writeString(in, "id,company,amount,phone\n"
        + "1,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5,+14155550101\n"
        + "2,@SUM(A1),-1.5e3,+1 415 555 0101\n"
        + "3,\"-2+3\",+7,\"\tTab\"\n");
    Path out = dir.resolve("out.csv");
    CliRun r = mops("filter", "-i", in.toString(), "--when", "true", "-o", out.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(Files.readAllLines(out)).containsExactly(
        "id,company,amount,phone",
        "1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5,+14155550101",
        "2,'@SUM(A1),-1.5e3,'+1 415 555 0101",
        "3,'-2+3,+7,'\tTab");
    CliRun raw = mops("filter", "-i", in.toString(), "--when", "true", "-o", out.toString(), "--raw-values");
    assertThat(raw.code()).isZero();
    assertThat(Files.readAllLines(out)).containsExactly(
        "id,company,amount,phone",
        "1,\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5,+14155550101",
        "2,@SUM(A1),-1.5e3,+1 415 555 0101",
        "3,-2+3,+7,\"\tTab\"");
    Path jsonl = dir.resolve("out.jsonl");
    mops("filter", "-i", in.toString(), "--when", "true", "-o", jsonl.toString());
    assertThat(Files.readString(jsonl)).contains("\"company\":\"=HYPERLINK(").doesNotContain("'=");
  }

  @Test
  void theLauncherWorksWhenSymlinkedOntoThePath(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
    Path launcher = Path.of("..", "mops").toAbsolutePath().normalize();
    assertThat(launcher).exists();
    // a copy of the repository's layout: the launcher and a (fake) built jar
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("mops-cli/target"));
    Files.copy(launcher, repo.resolve("mops"));
    repo.resolve("mops").toFile().setExecutable(true);
    Files.writeString(repo.resolve("mops-cli/target/mops.jar"), "");
    // a fake java that prints its arguments, and two levels of symlinks onto a PATH folder
    Path fakeBin = dir.resolve("fakebin");
    Files.createDirectories(fakeBin);
    Files.writeString(fakeBin.resolve("java"), "#!/bin/sh\necho \"java $*\"\n");
    fakeBin.resolve("java").toFile().setExecutable(true);
    Path bin = dir.resolve("bin");
    Files.createDirectories(bin);
    Files.createSymbolicLink(dir.resolve("link1"), repo.resolve("mops"));
    Files.createSymbolicLink(bin.resolve("mops"), Path.of("..", "link1"));
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", "mops --version").directory(dir.toFile());
    pb.environment().put("PATH", bin + ":" + fakeBin + ":/usr/bin:/bin");
    pb.environment().remove("JAVA_HOME");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("java -jar " + repo.toRealPath().resolve("mops-cli/target/mops.jar") + " --version");
  }
}
