package dev.mops.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The example of docs/normalizers.md kept runnable, and its table of finding codes kept complete. */
class NormalizerGuideExampleTest {

  @Test
  void guideExampleWorksAsWritten() {
    EmailNormalizer emails = EmailNormalizer.builder().build();
    PhoneNormalizer phones = PhoneNormalizer.builder().defaultRegion("US").build();
    DomainNormalizer domains = DomainNormalizer.builder().build();
    PersonNameNormalizer names = PersonNameNormalizer.builder().build();
    CompanyNameNormalizer companies = CompanyNameNormalizer.builder().build();
    CountryNormalizer countries = CountryNormalizer.builder().build();
    JobTitleClassifier titles = JobTitleClassifier.builder().build();

    NormalizedEmail e = emails.normalize("  J.Doe+News@GoogleMail.com ");
    assertThat(e.normalized()).isEqualTo("j.doe+news@googlemail.com");
    assertThat(e.canonical()).isEqualTo("jdoe@gmail.com");
    assertThat(e.flags()).containsExactly(EmailFlag.FREE_MAIL);
    assertThat(emails.normalize("john@@acme.com").findings().get(0).shortForm())
        .isEqualTo("EMAIL_MULTIPLE_AT:email");

    String country = countries.normalize("Deutschland").code();
    assertThat(country).isEqualTo("DE");
    NormalizedPhone p = phones.normalize("030 901820 ext. 7", country);
    assertThat(p.e164()).isEqualTo("+4930901820");
    assertThat(p.extension()).isEqualTo("7");
    assertThat(p.type()).isEqualTo(PhoneType.FIXED_LINE);

    assertThat(domains.normalize("https://www.eu.acme.co.uk/about").registrableDomain())
        .isEqualTo("acme.co.uk");

    PersonName n = names.parse("SMITH, Dr. Robert J., Jr.");
    assertThat(n.first() + " " + n.middle() + " " + n.last()).isEqualTo("Robert J Smith");
    assertThat(n.honorific() + " / " + n.suffix()).isEqualTo("Dr / Jr");
    assertThat(n.sameFirstName(names.parse("Bob Smith"))).isTrue();

    assertThat(companies.normalize("The Acme Co., Inc.").key()
        .equals(companies.normalize("ACME COMPANY").key())).isTrue();

    JobTitle t = titles.classify("VP Mktg");
    assertThat(t.seniority() + " " + t.department()).isEqualTo("VP MARKETING");
  }

  @Test
  void everyFindingCodeIsDocumented() throws IOException {
    Path docs = Path.of("..", "docs", "normalizers.md");
    Path sources = Path.of("src", "main", "java", "dev", "mops", "core", "normalize");
    String guide = Files.readString(docs, StandardCharsets.UTF_8);
    Pattern code = Pattern.compile("\"((?:EMAIL|PHONE|DOMAIN|NAME|COMPANY|COUNTRY|REGION|TITLE)_[A-Z_]+)\"");
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.list(sources)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher m = code.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          codes.add(m.group(1));
        }
      }
    }
    assertThat(codes).hasSizeGreaterThan(40);
    for (String c : codes) {
      assertThat(guide).as("docs/normalizers.md documents %s", c).contains("| `" + c + "` |");
    }
  }
}
