package dev.mops.cli;

import static dev.mops.cli.CliRun.mops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NormalizeCommandTest {

  @Test
  void addsNormalizedColumnsAndIssues(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("contacts.csv");
    Files.writeString(in, String.join("\n",
        "id,first_name,last_name,email,phone,website,company,country,title",
        "1,Dr. Bob,SMITH Jr.,Bob.Smith+news@GoogleMail.com,(650) 253-0000 x12,https://www.eu.acme.co.uk/about,\"The Acme Co., Inc.\",U.S.A.,VP Mktg",
        "2,José,García,info@acme.de,030 901820,,Acme GmbH,Deutschland,Head of Demand Gen",
        "3,Test,Test,john@@x.com,555-0123,localhost,N/A,Narnia,Teacher",
        "4,,,,,,,,",
        ""), StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "--input", in.toString(), "--output", out.toString(),
        "--default-region", "US");
    assertThat(r.code()).as(r.err()).isZero();
    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("id,first_name,last_name,email,phone,website,company,country,"
        + "title,email_normalized,email_flags,phone_e164,phone_type,phone_extension,domain,"
        + "company_normalized,country_code,title_seniority,title_department,"
        + "first_name_normalized,last_name_normalized,issues");
    assertThat(lines.get(1)).endsWith(",bob.smith+news@googlemail.com,free_mail,+16502530000,"
        + "fixed_line_or_mobile,12,acme.co.uk,acme,US,vp,marketing,bob,smith,");
    assertThat(lines.get(2)).endsWith(",info@acme.de,role_account,+4930901820,fixed_line,,acme.de,"
        + "acme,DE,director,marketing,jose,garcia,");
    assertThat(lines.get(3)).endsWith(",,,,,,,na,,individual_contributor,other,test,test,"
        + "EMAIL_MULTIPLE_AT:email;PHONE_INVALID:phone;DOMAIN_NOT_QUALIFIED:website;"
        + "COMPANY_PLACEHOLDER:company;COUNTRY_UNKNOWN:country;NAME_PLACEHOLDER:first_name;"
        + "NAME_PLACEHOLDER:last_name");
    assertThat(lines.get(4)).isEqualTo("4,,,,,,,,,,,,,,,,,,,,,");
    assertThat(r.err()).contains("4 records read, 1 with issues");
    assertThat(lines).hasSize(5);
  }

  @Test
  void onlyPresentColumnsAreAddedAndFailOnWorks(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("emails.csv");
    Files.writeString(in, "email\nnot-an-email\njane@acme.com\n", StandardCharsets.UTF_8);
    Path out = dir.resolve("out.csv");
    CliRun r = mops("normalize", "-i", in.toString(), "-o", out.toString(), "--fail-on", "error");
    assertThat(r.code()).isEqualTo(1);
    assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("email,email_normalized,email_flags,domain,issues\n"
        + "not-an-email,,,,EMAIL_MISSING_AT:email\n"
        + "jane@acme.com,jane@acme.com,,acme.com,\n");
  }

  @Test
  void badOptionsAreUsageErrors(@TempDir Path dir) throws Exception {
    Path in = dir.resolve("c.csv");
    Files.writeString(in, "phone\n1\n", StandardCharsets.UTF_8);
    CliRun r = mops("normalize", "-i", in.toString(), "--default-region", "Narnia");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--default-region").contains("Narnia");
    assertThat(mops("normalize", "-i", in.toString(), "--issues", "loud").code()).isEqualTo(2);
    assertThat(mops("--help").out()).contains("normalize");
  }
}
