package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UtmParserTest {

  private final UtmParser parser = UtmParser.standard();

  private static List<String> codes(ParsedUrl u) {
    return u.findings().stream().map(Finding::shortForm).collect(Collectors.toList());
  }

  @Test
  void extractsAllUtmParametersAndClickIds() {
    ParsedUrl u = parser.parse("https://Shop.Example.com:8443/sale/?utm_source=google&utm_medium=cpc"
        + "&utm_campaign=spring_sale&utm_term=red+shoes&utm_content=ad%201&utm_id=123"
        + "&utm_source_platform=Search%20Ads%20360&utm_creative_format=video&utm_marketing_tactic=remarketing"
        + "&gclid=abc&fbclid=xyz#top");
    assertThat(u.scheme()).isEqualTo("https");
    assertThat(u.host()).isEqualTo("shop.example.com");
    assertThat(u.path()).isEqualTo("/sale/");
    assertThat(u.fragment()).isEqualTo("top");
    assertThat(u.utm().source()).isEqualTo("google");
    assertThat(u.utm().medium()).isEqualTo("cpc");
    assertThat(u.utm().campaign()).isEqualTo("spring_sale");
    assertThat(u.utm().term()).isEqualTo("red shoes");
    assertThat(u.utm().content()).isEqualTo("ad 1");
    assertThat(u.utm().id()).isEqualTo("123");
    assertThat(u.utm().get(UtmParameter.SOURCE_PLATFORM)).isEqualTo("Search Ads 360");
    assertThat(u.utm().get(UtmParameter.CREATIVE_FORMAT)).isEqualTo("video");
    assertThat(u.utm().get(UtmParameter.MARKETING_TACTIC)).isEqualTo("remarketing");
    assertThat(u.clickIds()).extracting(ClickId::type).containsExactly(ClickIdType.GCLID, ClickIdType.FBCLID);
    assertThat(u.clickId().value()).isEqualTo("abc");
    assertThat(codes(u)).containsExactly("PLUS_AS_SPACE:utm_term");
  }

  @Test
  void neverThrowsOnBrowserTolerableInput() {
    ParsedUrl u = parser.parse("https://x.com/landing page?utm_source=news letter&utm_campaign={campaign}"
        + "&utm_content=50%off&utm_term=%E9%ZZ%C3(&utm_medium=%%medium%%");
    assertThat(u.utm().source()).isEqualTo("news letter");
    assertThat(u.utm().campaign()).isEqualTo("{campaign}");
    assertThat(u.utm().content()).isEqualTo("50%off");
    assertThat(u.utm().term()).isEqualTo("\uFFFD%ZZ\uFFFD(");
    assertThat(codes(u)).contains("RAW_SPACE", "RAW_SPACE:utm_source", "UNFILLED_MACRO:utm_campaign",
        "BAD_PERCENT_ESCAPE:utm_content", "BAD_PERCENT_ESCAPE:utm_term", "INVALID_UTF8:utm_term",
        "UNFILLED_MACRO:utm_medium");
  }

  @Test
  void firstDuplicateWinsAndOthersAreReported() {
    ParsedUrl u = parser.parse("https://x.com/?utm_source=a&utm_source=b&gclid=1&gclid=2");
    assertThat(u.utm().source()).isEqualTo("a");
    assertThat(u.clickId().value()).isEqualTo("1");
    assertThat(codes(u)).containsExactly("DUPLICATE_PARAMETER:utm_source", "DUPLICATE_PARAMETER:gclid");
  }

  @Test
  void wrongCaseAndSpacedNamesAreUsedAndReported() {
    ParsedUrl u = parser.parse("https://x.com/?UTM_Source=fb&utm_medium%20=social&GCLID=z&ScCid=s");
    assertThat(u.utm().source()).isEqualTo("fb");
    assertThat(u.utm().medium()).isEqualTo("social");
    assertThat(u.clickIds()).extracting(ClickId::type).containsExactly(ClickIdType.GCLID, ClickIdType.SCCID);
    assertThat(codes(u)).containsExactly("PARAMETER_NAME_CASE:utm_source",
        "PARAMETER_NAME_WHITESPACE:utm_medium", "PARAMETER_NAME_CASE:gclid");
  }

  @Test
  void doubleEncodingIsReported() {
    ParsedUrl u = parser.parse("https://x.com/?utm_campaign=spring%2520sale");
    assertThat(u.utm().campaign()).isEqualTo("spring%20sale");
    assertThat(codes(u)).containsExactly("DOUBLE_ENCODED:utm_campaign");
  }

  @Test
  void macrosOfEveryPlatformAreFound() {
    for (String v : List.of("{keyword}", "[source]", "%%medium%%", "*|CAMPAIGN_UID|*", "{{name}}", "${x}",
        "pre_{lpurl}_post", "{_campaign}")) {
      assertThat(Macros.find(v)).as(v).isNotNull();
    }
    for (String v : List.of("spring", "{}", "[1]", "100%", "a%%b", "[ ]", "{ä}")) {
      assertThat(Macros.find(v)).as(v).isNull();
    }
  }

  @Test
  void fragmentParametersAreReportedAndOptionallyRead() {
    String url = "https://x.com/#/landing?utm_source=fb&utm_medium=paid_social";
    ParsedUrl plain = parser.parse(url);
    assertThat(plain.utm().isEmpty()).isTrue();
    assertThat(codes(plain)).containsExactly("PARAMETER_IN_FRAGMENT:utm_source", "PARAMETER_IN_FRAGMENT:utm_medium");
    ParsedUrl read = UtmParser.builder().readFragment(true).build().parse(url);
    assertThat(read.utm().source()).isEqualTo("fb");
    assertThat(read.utm().medium()).isEqualTo("paid_social");
  }

  @Test
  void queryWinsOverFragment() {
    ParsedUrl u = UtmParser.builder().readFragment(true).build()
        .parse("https://x.com/?utm_source=a#utm_source=b&utm_medium=c");
    assertThat(u.utm().source()).isEqualTo("a");
    assertThat(u.utm().medium()).isEqualTo("c");
  }

  @Test
  void secondQuestionMarkIsReported() {
    ParsedUrl u = parser.parse("https://x.com/?ref=nav?utm_source=google&utm_medium=cpc");
    assertThat(u.utm().source()).isNull();
    assertThat(u.utm().medium()).isEqualTo("cpc");
    assertThat(codes(u)).containsExactly("SECOND_QUESTION_MARK:utm_source");
    assertThat(codes(parser.parse("https://x.com/??utm_source=google"))).containsExactly("SECOND_QUESTION_MARK:utm_source");
  }

  @Test
  void emptyAndMissingValues() {
    ParsedUrl u = parser.parse("https://x.com/?utm_source=&utm_medium&&=x&utm_campaign=c");
    assertThat(u.utm().source()).isNull();
    assertThat(u.utm().medium()).isNull();
    assertThat(u.utm().campaign()).isEqualTo("c");
    assertThat(codes(u)).containsExactly("EMPTY_VALUE:utm_source", "EMPTY_VALUE:utm_medium");
  }

  @Test
  void schemeLessAndRelativeUrls() {
    ParsedUrl u = parser.parse("www.example.com/p?utm_source=x");
    assertThat(u.host()).isEqualTo("www.example.com");
    assertThat(u.path()).isEqualTo("/p");
    assertThat(u.utm().source()).isEqualTo("x");
    assertThat(codes(u)).containsExactly("MISSING_SCHEME");
    ParsedUrl rel = parser.parse("/landing?utm_source=y");
    assertThat(rel.host()).isEmpty();
    assertThat(rel.utm().source()).isEqualTo("y");
    ParsedUrl proto = parser.parse("//cdn.example.com/a?gclid=1");
    assertThat(proto.host()).isEqualTo("cdn.example.com");
    assertThat(proto.clickId().type()).isEqualTo(ClickIdType.GCLID);
  }

  @Test
  void browserCleanUpOfControlCharacters() {
    ParsedUrl u = parser.parse("  https://x.com/?utm_sou\trce=a\n&utm_medium=b  ");
    assertThat(u.url()).isEqualTo("https://x.com/?utm_source=a&utm_medium=b");
    assertThat(u.utm().source()).isEqualTo("a");
    assertThat(codes(u)).containsExactly("CONTROL_CHARACTER");
  }

  @Test
  void userInfoPortAndBackslashes() {
    ParsedUrl u = parser.parse("HTTPS://user:pw@EXAMPLE.com:8080\\path\\x?utm_source=a");
    assertThat(u.host()).isEqualTo("example.com");
    assertThat(u.utm().source()).isEqualTo("a");
    assertThat(parser.parse("http://[::1]:80/?a=b").host()).isEqualTo("[::1]");
  }

  @Test
  void semicolonIsNotASeparator() {
    ParsedUrl u = parser.parse("https://x.com/?utm_source=a;utm_medium=b");
    assertThat(u.utm().source()).isEqualTo("a;utm_medium=b");
    assertThat(u.utm().medium()).isNull();
  }

  @Test
  void limitsAreFindingsNotExceptions() {
    UtmParser small = UtmParser.builder().maxUrlLength(50).maxParameters(2).maxValueLength(5).build();
    ParsedUrl tooLong = small.parse("https://x.com/?utm_source=" + "a".repeat(100));
    assertThat(codes(tooLong)).containsExactly("URL_TOO_LONG");
    assertThat(tooLong.utm().isEmpty()).isTrue();
    ParsedUrl many = small.parse("https://x.com/?a=1&b=2&utm_source=x");
    assertThat(codes(many)).containsExactly("TOO_MANY_PARAMETERS");
    assertThat(many.utm().source()).isNull();
    ParsedUrl longValue = small.parse("https://x.com/?utm_source=abcdefgh");
    assertThat(longValue.utm().source()).isEqualTo("abcde");
    assertThat(longValue.findings()).extracting(Finding::severity).containsExactly(Severity.ERROR);
  }

  @Test
  void emptyInput() {
    assertThat(codes(parser.parse(null))).containsExactly("EMPTY_URL");
    assertThat(codes(parser.parse("  "))).containsExactly("EMPTY_URL");
  }

  @Test
  void unknownUtmParameterIsInfo() {
    ParsedUrl u = parser.parse("https://x.com/?utm_adgroup=a");
    assertThat(codes(u)).containsExactly("UNKNOWN_UTM_PARAMETER:utm_adgroup");
  }

  @Test
  void nonAsciiAndLoneSurrogates() {
    ParsedUrl u = parser.parse("https://x.com/?utm_campaign=caf\u00e9%20\ud83d\ude00&utm_term=%F0%9F%98%80\ud800x");
    assertThat(u.utm().campaign()).isEqualTo("caf\u00e9 \ud83d\ude00");
    assertThat(u.utm().term()).isEqualTo("\ud83d\ude00\uFFFDx");
  }

  @Test
  void builderRefusesSecondSettingAndBadValues() {
    UtmParser.Builder b = UtmParser.builder().maxUrlLength(10);
    assertThatThrownBy(() -> b.maxUrlLength(20)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("maxUrlLength");
    assertThatThrownBy(() -> UtmParser.builder().maxParameters(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0");
  }
}
