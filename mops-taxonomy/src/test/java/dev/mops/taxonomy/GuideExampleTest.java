package dev.mops.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runnable example of docs/taxonomy.md, kept as a test so that the guide cannot rot. */
class GuideExampleTest {

  @Test
  void guideExample() {
    // --- begin guide example ---
    // 1. Parse a landing-page URL the way a browser does; oddities become findings, never exceptions.
    ParsedUrl url = UtmParser.standard().parse(
        "https://acme.example/shoes?utm_source=Facebook&utm_medium=paid_social"
            + "&utm_campaign={campaign}&fbclid=IwAR0x");
    String source = url.utm().source();                 // "Facebook"
    ClickIdType click = url.clickId().type();           // FBCLID
    String firstIssue = url.findings().get(0).shortForm(); // "UNFILLED_MACRO:utm_campaign"

    // 2. Lint against the team's taxonomy; fix what can be fixed automatically.
    TaxonomyLinter linter = TaxonomyLinter.of(Taxonomy.load(Path.of("../examples/taxonomy/taxonomy.yaml")));
    LintResult lint = linter.lint(
        "https://acme.example/?utm_source=fb&utm_medium=Paid_Social&utm_campaign=2025q3_spring_sale");
    String issues = lint.issueSummary();                // "ALIAS:utm_source;WRONG_CASE:utm_medium"
    String fixed = lint.fixedUrl();
    // "https://acme.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_spring_sale"

    // 3. Check and build campaign names.
    NamingConvention naming = NamingConvention.load(Path.of("../examples/taxonomy/naming.yaml"));
    ParsedName name = naming.parse("FY25Q3_EU_ppc_acq_spring-promo");
    String suggestion = name.suggestion();              // "FY25Q3_EMEA_paid-search_acq_spring-promo"
    String built = naming.build(Map.of("fy_quarter", "FY26Q1", "region", "NA", "channel", "email",
        "slug", "launch"));                             // "FY26Q1_NA_email_launch"

    // 4. Classify traffic with GA4's default channel group.
    ChannelClassification channel = ChannelGroup.ga4Default().classify("google", "cpm", null);
    String ch = channel.channel();                      // "Paid Search", not Display: rule order
    // --- end guide example ---

    assertThat(source).isEqualTo("Facebook");
    assertThat(click).isEqualTo(ClickIdType.FBCLID);
    assertThat(firstIssue).isEqualTo("UNFILLED_MACRO:utm_campaign");
    assertThat(issues).isEqualTo("ALIAS:utm_source;WRONG_CASE:utm_medium");
    assertThat(fixed).isEqualTo(
        "https://acme.example/?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_spring_sale");
    assertThat(suggestion).isEqualTo("FY25Q3_EMEA_paid-search_acq_spring-promo");
    assertThat(built).isEqualTo("FY26Q1_NA_email_launch");
    assertThat(ch).isEqualTo("Paid Search");
    assertThat(channel.ruleIndex()).isEqualTo(3);
  }
}
