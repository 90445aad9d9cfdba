package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.mops.core.Finding;

/**
 * Fuzzes the URL parser: it must never throw, and its results must keep their invariants.
 *
 * <p>Normal test runs replay the committed corpus in {@code UtmParserFuzzTestInputs/parse/}; run
 * with {@code JAZZER_FUZZ=1} to fuzz.
 */
class UtmParserFuzzTest {

  private static final UtmParser QUERY_ONLY = UtmParser.builder().maxValueLength(64).maxParameters(32).build();
  private static final UtmParser WITH_FRAGMENT = UtmParser.builder().readFragment(true).build();

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
