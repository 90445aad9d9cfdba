package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every fenced {@code java} block of {@code README.md} and {@code docs/*.md} compiles against the
 * modules, as a reader would paste it.
 *
 * <p>A block becomes the body of a method in a class of its own. Its leading {@code import} lines
 * become the class's imports, beside a default set (the JDK's {@code java.util}, {@code java.time},
 * {@code java.nio.file} and every mops package). Two HTML comments, invisible on the rendered page,
 * may stand on the line right before the fence:
 *
 * <ul>
 *   <li>{@code <!-- given: List<Record> records, Instant now -->} declares what the fragment uses
 *       without showing where it comes from (they become the method's parameters);
 *   <li>{@code <!-- not-compiled: reason -->} skips a block that is not meant to compile on its own
 *       (the reason is required; use it rarely).
 * </ul>
 *
 * <p>All blocks compile in one compiler run; a failure names the markdown file and line.
 */
class DocSnippetsTest {

  private static final Pattern FENCE = Pattern.compile("^```java\\s*$");
  private static final Pattern GIVEN = Pattern.compile("^<!--\\s*given:\\s*(.*?)\\s*-->\\s*$");
  private static final Pattern NOT_COMPILED = Pattern.compile("^<!--\\s*not-compiled:\\s*(\\S.*?)\\s*-->\\s*$");

  private static final List<String> DEFAULT_IMPORTS = List.of(
      "java.util.*", "java.util.function.*", "java.time.*", "java.nio.file.*",
      "dev.mops.core.*", "dev.mops.core.condition.*", "dev.mops.core.config.*", "dev.mops.core.io.*",
      "dev.mops.core.normalize.*", "dev.mops.core.record.*", "dev.mops.taxonomy.*", "dev.mops.scoring.*",
      "dev.mops.scoring.lifecycle.*", "dev.mops.quality.contract.*", "dev.mops.quality.profile.*",
      "dev.mops.quality.monitor.*",
      "dev.mops.identity.dedupe.*", "dev.mops.identity.account.*", "dev.mops.identity.stitch.*",
      "dev.mops.core.time.*", "dev.mops.testkit.*", "dev.mops.routing.*", "dev.mops.routing.consent.*",
      "dev.mops.metrics.*", "dev.mops.metrics.attribution.*",
      "dev.mops.metrics.experiment.*", "dev.mops.metrics.ops.*", "dev.mops.metrics.report.*",
      "dev.mops.metrics.sla.*", "dev.mops.planning.*", "dev.mops.planning.budget.*", "dev.mops.planning.calendar.*",
      "dev.mops.planning.capacity.*", "dev.mops.planning.checklist.*", "dev.mops.planning.intake.*",
      "dev.mops.planning.preflight.*", "dev.mops.flow.program.*", "dev.mops.flow.pipeline.*", "dev.mops.flow.enrich.*",
      // single-type imports win over java.lang's and the on-demand ones above
      "dev.mops.core.record.Record");

  /** One fenced block: where it is, what it declares as given, its text. */
  record Snippet(Path file, int firstLine, String given, List<String> lines) {
    String className() {
      return "Snippet_" + file.getFileName().toString().replaceAll("[^A-Za-z0-9]", "_") + "_" + firstLine;
    }
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("the repository root (a folder with docs/) above the working directory").isNotNull();
    return dir;
  }

  static List<Path> markdownFiles() throws IOException {
    Path root = repositoryRoot();
    List<Path> files = new ArrayList<>();
    files.add(root.resolve("README.md"));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  /** The java blocks of one markdown file, without those marked not-compiled. */
  static List<Snippet> snippets(Path file, List<String> skipped) throws IOException {
    List<String> text = Files.readAllLines(file);
    List<Snippet> out = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!FENCE.matcher(text.get(i)).matches()) {
        continue;
      }
      String before = i > 0 ? text.get(i - 1) : "";
      int end = i + 1;
      while (end < text.size() && !text.get(end).startsWith("```")) {
        end++;
      }
      assertThat(end).as("%s:%d: unclosed ```java block", file, i + 1).isLessThan(text.size());
      Matcher skip = NOT_COMPILED.matcher(before);
      Matcher given = GIVEN.matcher(before);
      if (skip.matches()) {
        skipped.add(file.getFileName() + ":" + (i + 1) + " (" + skip.group(1) + ")");
      } else {
        out.add(new Snippet(file, i + 2, given.matches() ? given.group(1) : "", text.subList(i + 1, end)));
      }
      i = end;
    }
    return out;
  }

  /** The compilation unit of a snippet, and the line of the unit where the snippet's first line is. */
  static String source(Snippet s, int[] bodyStart) {
    StringBuilder imports = new StringBuilder();
    List<String> body = new ArrayList<>();
    boolean header = true;
    for (String line : s.lines()) {
      String t = line.trim();
      if (header && (t.startsWith("import ") || t.isEmpty())) {
        imports.append(line).append('\n');
        body.add("");  // keep line numbers aligned
        continue;
      }
      header = false;
      body.add(line);
    }
    StringBuilder src = new StringBuilder();
    for (String i : DEFAULT_IMPORTS) {
      src.append("import ").append(i).append(";\n");
    }
    src.append(imports);
    src.append("@SuppressWarnings(\"all\")\nclass ").append(s.className()).append(" {\n");
    src.append("  void snippet(").append(s.given()).append(") throws Exception {\n");
    bodyStart[0] = (int) src.chars().filter(c -> c == '\n').count() + 1;
    for (String line : body) {
      src.append(line).append('\n');
    }
    src.append("  }\n}\n");
    return src.toString();
  }

  @Test
  void javaBlocksInTheDocsCompile() throws IOException {
    List<String> skipped = new ArrayList<>();
    List<Snippet> all = new ArrayList<>();
    for (Path md : markdownFiles()) {
      all.addAll(snippets(md, skipped));
    }
    System.out.println("DocSnippetsTest: " + all.size() + " java blocks to compile; not compiled: " + skipped);
    // README, conditions, normalizers, taxonomy, scoring, quality and dedupe each have examples.
    assertThat(all).as("java blocks found in README.md and docs/*.md").hasSizeGreaterThanOrEqualTo(12);

    List<JavaFileObject> units = new ArrayList<>();
    List<int[]> starts = new ArrayList<>();
    for (Snippet s : all) {
      int[] start = new int[1];
      String src = source(s, start);
      starts.add(start);
      units.add(new SimpleJavaFileObject(URI.create("string:///" + s.className() + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return src;
        }
      });
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac).as("a JDK compiler (run the tests on a JDK, not a JRE)").isNotNull();
    Path out = Files.createTempDirectory("doc-snippets");
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    boolean ok = javac.getTask(output, null, diagnostics,
        List.of("-classpath", classpath, "-d", out.toString(), "-proc:none", "--release", "17", "-Xlint:none"),
        null, units).call();

    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR || d.getSource() == null) {
        continue;
      }
      int index = units.indexOf(d.getSource());
      Snippet s = all.get(index);
      long mdLine = s.firstLine() + d.getLineNumber() - starts.get(index)[0];
      errors.add(repositoryRoot().relativize(s.file()) + ":" + mdLine + ": " + d.getMessage(Locale.ROOT));
    }
    assertThat(errors).as("java blocks in the docs that do not compile\n" + output).isEmpty();
    assertThat(ok).as(output.toString()).isTrue();
  }

  @Test
  void markersAreRead() throws IOException {
    Path md = Files.createTempFile("snippets", ".md");
    Files.writeString(md, String.join("\n",
        "# t", "<!-- given: String name -->", "```java", "int n = name.length();", "```",
        "<!-- not-compiled: pseudo-code -->", "```java", "a b c", "```", "```java", "x();", "```", ""));
    List<String> skipped = new ArrayList<>();
    List<Snippet> found = snippets(md, skipped);
    assertThat(found).extracting(Snippet::firstLine).containsExactly(4, 11);
    assertThat(found.get(0).given()).isEqualTo("String name");
    assertThat(skipped).singleElement().asString().contains("pseudo-code");
  }
}
