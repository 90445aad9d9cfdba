package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mops.core.Finding;

/**
 * Fuzzes the URL parser: it must never throw, and its results must keep their invariants.
 *
 * <p>Normal test runs replay the committed corpora in {@code UtmParserFuzzTestInputs/<method>/}. To
 * fuzz one method: {@code JAZZER_FUZZ=1 mvn -pl mops-taxonomy -am test -Dtest='UtmParserFuzzTest#lint'}.
 * For {@code lint}, also set {@code
 * JAZZER_INSTRUMENTATION_INCLUDES='dev.mops.taxonomy.UtmParser**:dev.mops.taxonomy.TaxonomyLinter**:dev.mops.taxonomy.ValueRule**'}:
 * with every class instrumented, Jazzer 0.24's instrumentation breaks the {@code LintIssue}
 * record's constructor ({@code NoSuchFieldError: finding}), which never happens uninstrumented.
 */
class UtmParserFuzzTest {

  private static final UtmParser QUERY_ONLY = UtmParser.builder().maxValueLength(64).maxParameters(32).build();
  private static final UtmParser WITH_FRAGMENT = UtmParser.builder().readFragment(true).build();

  private static final TaxonomyLinter LINTER = TaxonomyLinter.of(TaxonomyLinterTest.TAXONOMY);

  /** The linter never throws, and any fix it offers lints clean and is its own fix. */
  @FuzzTest(maxDuration = "30s")
  void lint(FuzzedDataProvider data) {
    String url = data.consumeRemainingAsString();
    LintResult r = LINTER.lint(url);
    if (r.fixedUrl() != null) {
      LintResult again = LINTER.lint(r.fixedUrl());
      assertThat(again.valid()).as("fix of %s is %s: %s", url, r.fixedUrl(), again.issueSummary()).isTrue();
      assertThat(LINTER.fix(r.fixedUrl())).contains(r.fixedUrl());
    }
    assertThat(r.valid()).isEqualTo(r.issues().stream().allMatch(i -> i.severity() == dev.mops.core.Severity.INFO));
  }

  @FuzzTest(maxDuration = "30s")
  void parse(FuzzedDataProvider data) {
    boolean fragment = data.consumeBoolean();
    String url = data.consumeRemainingAsString();
    UtmParser parser = fragment ? WITH_FRAGMENT : QUERY_ONLY;
    ParsedUrl u = parser.parse(url);
    assertThat(u.input()).isEqualTo(url);
    assertThat(u.url().length()).isLessThanOrEqualTo(url.length() + 2 * url.length());
    for (String v : u.utm().asMap().values()) {
      assertThat(v).isNotEmpty();
      assertThat(v.length()).isLessThanOrEqualTo(parser.maxValueLength());
    }
    for (ClickId c : u.clickIds()) {
      assertThat(c.value()).isNotEmpty();
      if (!parser.readsFragment()) {
        assertThat(c.inFragment()).isFalse();
      }
    }
    assertThat(u.parameters().size()).isLessThanOrEqualTo(parser.maxParameters());
    if (u.query() != null) {
      assertThat(u.url()).contains("?" + u.query());
    }
    if (u.fragment() != null) {
      assertThat(u.url()).endsWith("#" + u.fragment());
    }
    assertThat(u.url()).contains(u.path());
    for (Finding f : u.findings()) {
      assertThat(f.code()).matches("[A-Z_0-9]+");
    }
  }
}
