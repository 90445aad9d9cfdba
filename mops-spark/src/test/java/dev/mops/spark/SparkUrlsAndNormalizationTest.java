package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.PhoneNormalizer;
import dev.mops.taxonomy.ChannelClassification;
import dev.mops.taxonomy.ChannelGroup;
import dev.mops.taxonomy.ParsedUrl;
import dev.mops.taxonomy.UtmParser;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** URL classification and normalisation on Spark give the library's answers, row by row. */
class SparkUrlsAndNormalizationTest {

  @Test
  void urlsAreParsedAndClassifiedAsTheLibraryDoes() {
    Dataset<Row> urls = LocalSpark.csv(LocalSpark.repo().resolve("examples/taxonomy/urls.csv")).repartition(2);
    List<Row> rows = MopsSpark.classifyUrls(urls, "url", null).collectAsList();
    assertThat(rows).hasSize((int) urls.count());
    UtmParser parser = UtmParser.standard();
    ChannelGroup ga4 = ChannelGroup.ga4Default();
    for (Row r : rows) {
      ParsedUrl p = parser.parse(r.<String>getAs("url"));
      ChannelClassification c = ga4.classify(p);
      Row ch = r.getAs("url_channel");
      assertThat(ch.<String>getAs("channel")).isEqualTo(c.channel());
      assertThat(ch.<String>getAs("utm_source")).isEqualTo(p.utm().source());
      assertThat(ch.<String>getAs("host")).isEqualTo(p.host());
      List<Row> findings = r.getList(r.fieldIndex("url_findings"));
      assertThat(findings).extracting(f -> f.getString(0)).containsExactlyElementsOf(
          p.findings().stream().map(f -> f.code()).toList());
    }
    assertThat(rows).extracting(r -> r.<Row>getAs("url_channel").<String>getAs("channel")).contains("Paid Search");
  }

  @Test
  void contactColumnsAreNormalizedWithFindings() {
    Dataset<Row> people = LocalSpark.session().sql(
        "select * from values ('  J.Doe+News@GoogleMail.com ', '030 901820 ext. 7', 'Deutschland'),"
            + " ('john@@acme.com', 'not a phone', 'US'), (null, null, null) as t(email, phone, country)");
    List<Row> rows = MopsSpark.normalize(people, "US").orderBy("email").collectAsList();
    assertThat(rows).hasSize(3);
    EmailNormalizer emails = EmailNormalizer.builder().build();
    PhoneNormalizer phones = PhoneNormalizer.builder().defaultRegion("US").build();
    Row doe = rows.stream().filter(r -> "  J.Doe+News@GoogleMail.com ".equals(r.getAs("email"))).findFirst().orElseThrow();
    assertThat(doe.<String>getAs("email_normalized")).isEqualTo(emails.normalize("  J.Doe+News@GoogleMail.com ").normalized());
    assertThat(doe.<String>getAs("country_code")).isEqualTo("DE");
    assertThat(doe.<String>getAs("phone_e164")).isEqualTo(phones.normalize("030 901820 ext. 7", "DE").e164());
    Row bad = rows.stream().filter(r -> "john@@acme.com".equals(r.getAs("email"))).findFirst().orElseThrow();
    List<Row> findings = bad.getList(bad.fieldIndex("normalize_findings"));
    assertThat(findings).extracting(f -> f.getString(0) + ":" + f.getString(1)).contains("EMAIL_MULTIPLE_AT:email");
  }
}
