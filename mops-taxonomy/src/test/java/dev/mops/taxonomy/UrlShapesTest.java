package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Several hundred real-world landing-page URL shapes, with hand-written expectations. */
class UrlShapesTest {

  static Stream<Arguments> shapes() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(UrlShapesTest.class.getResourceAsStream("url-shapes.tsv")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#") || line.isEmpty()) {
          continue;
        }
        String[] f = line.split("\t", -1);
        out.add(Arguments.of(f[0], f[1], f[2], f[3], f[4], f[5]));
      }
    }
    assertThat(out).hasSizeGreaterThan(300);
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void parsesLikeABrowser(String url, String source, String medium, String campaign, String clickId, String codes) {
    ParsedUrl u = UtmParser.standard().parse(url);
    assertThat(nz(u.utm().source())).as("utm_source").isEqualTo(source);
    assertThat(nz(u.utm().medium())).as("utm_medium").isEqualTo(medium);
    assertThat(nz(u.utm().campaign())).as("utm_campaign").isEqualTo(campaign);
    assertThat(u.clickId() == null ? "" : u.clickId().type().parameterName()).as("click id").isEqualTo(clickId);
    String actual = u.findings().stream().map(Finding::shortForm).sorted().collect(Collectors.joining(";"));
    assertThat(actual).as("codes").isEqualTo(codes);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
