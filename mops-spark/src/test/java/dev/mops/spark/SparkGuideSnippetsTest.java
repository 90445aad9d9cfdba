package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The java blocks of {@code docs/spark.md} compile against mops-spark and Spark. mops-cli's
 * DocSnippetsTest compiles the other guides but has no Spark on its class path, so those blocks
 * are marked {@code not-compiled: needs Spark (...); given: ...} there and compiled here.
 */
class SparkGuideSnippetsTest {

  private static final Pattern MARK = Pattern.compile("^<!--\\s*not-compiled: needs Spark.*?(?:given:\\s*(.*?))?\\s*-->\\s*$");
  private static final List<String> IMPORTS = List.of("java.util.*", "java.time.*", "java.nio.file.*",
      "dev.mops.quality.profile.*", "dev.mops.identity.dedupe.*", "org.apache.spark.sql.Dataset",
      "org.apache.spark.sql.Row", "org.apache.spark.sql.SparkSession");

  @Test
  void sparkGuideBlocksCompile() throws Exception {
    Path md = LocalSpark.repo().resolve("docs/spark.md");
    List<String> text = Files.readAllLines(md);
    List<JavaFileObject> units = new ArrayList<>();
    List<Integer> firstLines = new ArrayList<>();
    for (int i = 1; i < text.size(); i++) {
      Matcher m = MARK.matcher(text.get(i - 1));
      if (!text.get(i).equals("```java") || !m.matches()) {
        continue;
      }
      StringBuilder src = new StringBuilder();
      for (String imp : IMPORTS) {
        src.append("import ").append(imp).append(";\n");
      }
      int end = i + 1;
      List<String> body = new ArrayList<>();
      for (; !text.get(end).startsWith("```"); end++) {
        String line = text.get(end);
        if (line.startsWith("import ")) {
          src.append(line).append('\n');
          body.add("");
        } else {
          body.add(line);
        }
      }
      String name = "SparkSnippet" + units.size();
      src.append("@SuppressWarnings(\"all\") class ").append(name).append(" {\n  void snippet(")
          .append(m.group(1) == null ? "" : m.group(1)).append(") throws Exception {\n");
      firstLines.add(i + 2 - (int) src.chars().filter(c -> c == '\n').count() - 1);
      body.forEach(l -> src.append(l).append('\n'));
      src.append("  }\n}\n");
      String code = src.toString();
      units.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return code;
        }
      });
      i = end;
    }
    assertThat(units).as("Spark blocks in docs/spark.md").hasSizeGreaterThanOrEqualTo(3);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter output = new StringWriter();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    boolean ok = javac.getTask(output, null, diagnostics, List.of("-classpath", classpath, "-d",
        Files.createTempDirectory("spark-snippets").toString(), "-proc:none", "--release", "17", "-Xlint:none"),
        null, units).call();
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR && d.getSource() != null) {
        int u = units.indexOf(d.getSource());
        errors.add("docs/spark.md:" + (firstLines.get(u) + d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT));
      }
    }
    assertThat(errors).as(output.toString()).isEmpty();
    assertThat(ok).isTrue();
  }
}
