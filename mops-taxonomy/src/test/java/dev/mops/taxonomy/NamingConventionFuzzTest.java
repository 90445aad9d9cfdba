package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.LocalDate;

/**
 * Fuzzes name parsing: it never throws, positions stay inside the name, and a suggestion always
 * passes the convention. Normal runs replay {@code NamingConventionFuzzTestInputs/parse/}.
 */
class NamingConventionFuzzTest {

  @FuzzTest(maxDuration = "30s")
  void parse(FuzzedDataProvider data) {
    boolean dated = data.consumeBoolean();
    String name = data.consumeRemainingAsString();
    NamingConvention c = NamingConventionTest.CONVENTION;
    ParsedName n = dated ? c.parse(name, LocalDate.of(2024, 1, 1)) : c.parse(name);
    for (NamingIssue i : n.issues()) {
      assertThat(i.end()).isLessThanOrEqualTo(name.length());
    }
    if (n.suggestion() != null) {
      assertThat(c.parse(n.suggestion()).valid()).as("suggestion %s for %s", n.suggestion(), name).isTrue();
    }
    assertThat(n.valid()).isEqualTo(n.issues().stream().allMatch(i -> i.finding().severity() == dev.mops.core.Severity.INFO));
  }
}
