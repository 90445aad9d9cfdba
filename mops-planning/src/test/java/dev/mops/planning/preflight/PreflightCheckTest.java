package dev.mops.planning.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mops.core.Finding;
import dev.mops.planning.PlanningCodes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreflightCheckTest {

  static final String EMAIL = """
      <!DOCTYPE html>
      <html><body>
      <p>Hi {{first_name}},</p>
      <a href="https://acme.example/spring?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring">Shop now</a>
      <a href="http://acme.example/old">Old page</a>
      <a href="https://acme.example/p?id={{contact.id}}&amp;utm_source=newsletter">Your page</a>
      <a href="https://acme.example/x?utm_source=newsletter&amp;ref=a&amp;ref=b">Dup</a>
      <a href="/relative">Relative</a>
      <a href="#">Nowhere</a>
      <a href="mailto:team@acme.example">Mail us</a>
      <a href="https://twitter.com/acme"><img src="t.png" alt="Twitter"></a>
      <!-- <a href="http://commented.example">not a link</a> -->
      <a href="{{unsubscribe_url}}">Unsubscribe</a>
      <!--[if mso]><v:roundrect href="https://acme.example/vml?utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=spring">Go</v:roundrect><![endif]-->
      <a href="https://acme.example/a b">Space</a>
      <a href="https://acme.example/pct?x=%7B%7Bfirst_name%7D%7D&utm_source=newsletter">Encoded</a>
      </body></html>
      """;

  /** A stand-in for the taxonomy's URL lint: requires utm_medium. */
  static final UrlLint NEEDS_MEDIUM = url -> url.contains("utm_medium=") ? List.of()
      : List.of(Finding.error("MISSING_PARAMETER", "utm_medium", null, "utm_medium is required"));

  @Test
  void findsEveryLinkWithItsLineAndChecksIt() {
    PreflightCheck check = PreflightCheck.builder().urlLint(NEEDS_MEDIUM).trackedDomain("acme.example")
        .allowMergeTag("{{ unsubscribe_url }}").build();
    PreflightReport r = check.check("email.html", EMAIL);
    assertThat(r.links()).extracting(l -> l.link().line()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 16);
    assertThat(r.links()).extracting(l -> l.link().text()).containsExactly("Shop now", "Old page", "Your page",
        "Dup", "Relative", "Nowhere", "Mail us", "Twitter", "Unsubscribe", "Go", "Space", "Encoded");
    assertThat(r.links()).extracting(LinkResult::issueSummary).containsExactly(
        "",
        "INSECURE_LINK:href;MISSING_PARAMETER:utm_medium",
        "UNFILLED_MERGE_TAG:href;MISSING_PARAMETER:utm_medium",
        "DUPLICATE_QUERY_PARAMETER:ref;MISSING_PARAMETER:utm_medium",
        "RELATIVE_LINK:href",
        "EMPTY_LINK:href",
        "",
        "",
        "",
        "",
        "MALFORMED_LINK:href;MISSING_PARAMETER:utm_medium",
        "UNFILLED_MERGE_TAG:href;MISSING_PARAMETER:utm_medium");
    assertThat(r.links().get(0).link().column()).isEqualTo(10);
    // the Outlook button inside <!--[if mso]> ... <![endif]-->: its own line, and its column in the page
    assertThat(r.links().get(9).link().element()).isEqualTo("v:roundrect");
    assertThat(r.links().get(9).link().column()).isEqualTo(33);
    assertThat(r.links().get(0).tracked()).isTrue();
    assertThat(r.links().get(7).tracked()).isFalse(); // twitter.com is not a tracked domain
    assertThat(r.links().get(2).findings().get(0).rawValue()).isEqualTo("{{contact.id}}");
    assertThat(r.links()).extracting(LinkResult::status).containsExactly(
        "pass", "fail", "fail", "fail", "fail", "fail", "pass", "pass", "pass", "pass", "fail", "fail");
    assertThat(r.failing()).isEqualTo(7);
  }

  @Test
  void landingPagesMayUseRelativeLinksAndOutlookButtonsAreLinks() {
    String html = "<html><body>\n<a href='/pricing'>Pricing</a>\n<div><v:roundrect href=\"https://a.example/\">"
        + "B</v:roundrect></div><form action='http://a.example/submit'></form>\n<link href='http://cdn.example/x.css'>";
    PreflightReport r = PreflightCheck.builder().pageKind(PreflightCheck.PageKind.LANDING_PAGE).build()
        .check("lp.html", html);
    assertThat(r.links()).extracting(l -> l.link().element()).containsExactly("a", "v:roundrect", "form");
    assertThat(r.links()).extracting(LinkResult::issueSummary).containsExactly("", "", "INSECURE_LINK:action");
  }

  @Test
  void mergeTagSyntaxesOfTheCommonPlatforms() {
    PreflightCheck check = PreflightCheck.builder().build();
    for (String tag : List.of("{{lead.First Name}}", "*|FNAME|*", "%%FirstName%%", "${first_name}",
        "{% if x %}", "<%= name %>", "[[email]]")) {
      LinkResult r = check.check(new PageLink("https://a.example/?n=" + tag, "a", "href", 1, 1, ""));
      assertThat(r.findings()).as(tag).extracting(Finding::code).contains(PlanningCodes.UNFILLED_MERGE_TAG);
    }
    assertThat(check.check(new PageLink("https://a.example/?d=50%25off", "a", "href", 1, 1, "")).findings()).isEmpty();
  }

  @Test
  void liveCheckAgainstALoopbackServer() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/ok", ex -> {
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.createContext("/gone", ex -> {
      ex.sendResponseHeaders(404, -1);
      ex.close();
    });
    server.createContext("/moved", ex -> {
      ex.getResponseHeaders().add("Location", "/ok");
      ex.sendResponseHeaders(301, -1);
      ex.close();
    });
    server.createContext("/loop", ex -> {
      ex.getResponseHeaders().add("Location", "/loop");
      ex.sendResponseHeaders(302, -1);
      ex.close();
    });
    server.createContext("/nohead", ex -> {
      ex.sendResponseHeaders(ex.getRequestMethod().equals("HEAD") ? 405 : 200, -1);
      ex.close();
    });
    server.start();
    try {
      String base = "http://127.0.0.1:" + server.getAddress().getPort();
      LiveLinkCheck live = LiveLinkCheck.create(Duration.ofSeconds(5), 3);
      assertThat(live.check(base + "/ok", "href")).isEmpty();
      assertThat(live.check(base + "/moved", "href")).isEmpty();
      assertThat(live.check(base + "/nohead", "href")).isEmpty();
      assertThat(live.check(base + "/gone", "href")).extracting(Finding::code).containsExactly(PlanningCodes.BROKEN_LINK);
      assertThat(live.check(base + "/loop", "href")).extracting(Finding::code).containsExactly(PlanningCodes.UNREACHABLE_LINK);
      PreflightReport offline = PreflightCheck.builder().build().check("e.html",
          "<a href='" + base + "/gone'>x</a><a href='" + base + "/ok'>y</a><a href='#'>z</a>");
      PreflightReport r = live.apply(offline);
      assertThat(r.links()).extracting(LinkResult::issueSummary)
          .containsExactly("INSECURE_LINK:href;BROKEN_LINK:href", "INSECURE_LINK:href", "EMPTY_LINK:href");
    } finally {
      server.stop(0);
    }
    // a port nobody listens on
    HttpServer closed = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    int port = closed.getAddress().getPort();
    closed.stop(0);
    assertThat(LiveLinkCheck.create(Duration.ofSeconds(2), 0).check("http://127.0.0.1:" + port + "/", "href"))
        .extracting(Finding::code).containsExactly(PlanningCodes.UNREACHABLE_LINK);
  }
}
