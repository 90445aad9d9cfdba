package dev.mops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint-urls, lint-names and classify commands, run on the examples in examples/taxonomy. */
class TaxonomyCommandsTest {

  @TempDir Path dir;

  private int run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    lastErr = err.toString();
    return code;
  }

  private String lastErr = "";

  private List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, StandardCharsets.UTF_8);
  }

  @Test
  void lintUrls() throws IOException {
    Path out = dir.resolve("out.csv");
    int code = run("lint-urls", "--input", "../examples/taxonomy/urls.csv", "--taxonomy",
        "../examples/taxonomy/taxonomy.yaml", "--output", out.toString(), "--fail-on", "error");
    assertThat(code).as(lastErr).isEqualTo(1);
    List<String> lines = lines(out);
    assertThat(lines.get(0)).isEqualTo("url,valid,issues,fixed_url");
    assertThat(lines).hasSize(12);
    assertThat(lines.get(1)).contains(",true,");
    assertThat(lines.get(2)).contains(",false,WRONG_CASE:utm_source,"
        + "https://acme.example/shoes?utm_source=facebook&utm_medium=paid_social&utm_campaign=2025q3_spring_sale");
    assertThat(lines.get(4)).contains("VALUE_NOT_ALLOWED:utm_medium");
    assertThat(lastErr).contains("lint-urls: 11 URLs");
  }

  @Test
  void lintNames() throws IOException {
    Path out = dir.resolve("names.csv");
    int code = run("lint-names", "--input", "../examples/taxonomy/names.csv", "--convention",
        "../examples/taxonomy/naming.yaml", "--output", out.toString());
    assertThat(code).as(lastErr).isZero();
    List<String> lines = lines(out);
    assertThat(lines.get(0)).isEqualTo("name,valid,issues,suggestion,fy_quarter,launch_date,region,channel,type,slug");
    assertThat(lines.get(1)).isEqualTo("FY25Q3_EMEA_paid-search_acq_spring-promo,true,,,FY25Q3,,EMEA,paid-search,acq,spring-promo");
    assertThat(lines.get(3)).contains("FY25Q3_EMEA_paid-search_acq_spring-promo");
  }

  @Test
  void classify() throws IOException {
    Path out = dir.resolve("classified.csv");
    int code = run("classify", "--input", "../examples/taxonomy/classify.csv", "--output", out.toString());
    assertThat(code).as(lastErr).isZero();
    List<String> lines = lines(out);
    assertThat(lines.get(0)).isEqualTo(
        "url,source,medium,campaign,utm_source,utm_medium,utm_campaign,utm_term,utm_content,utm_id,click_id_type,channel");
    assertThat(lines.get(1)).endsWith(",google,cpm,,,,,,Paid Search");
    assertThat(lines.get(3)).endsWith(",gclid,Organic Search");
    assertThat(lines.get(4)).endsWith(",Paid Social");
    assertThat(lines.get(5)).endsWith(",Email");
    assertThat(lines.get(6)).endsWith(",Direct");

    Path custom = dir.resolve("custom.csv");
    assertThat(run("classify", "--input", "../examples/taxonomy/classify.csv", "--output", custom.toString(),
        "--channels", "../examples/taxonomy/channels.yaml", "--explain")).as(lastErr).isZero();
    List<String> c = lines(custom);
    assertThat(c.get(0)).endsWith(",channel,channel_rule");
    assertThat(c.get(2)).contains(",Partners,");
    assertThat(c.get(3)).contains(",Paid Search,paid-search-auto-tagged");
  }

  @Test
  void badTaxonomyIsAUsageErrorWithPosition() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "parameters:\n  utm_source:\n    vales: [a]\n");
    int code = run("lint-urls", "--input", "../examples/taxonomy/urls.csv", "--taxonomy", bad.toString());
    assertThat(code).isEqualTo(ExitCode.USAGE);
    assertThat(lastErr).contains("bad.yaml:3:5").contains("did you mean 'values'");
  }
}
