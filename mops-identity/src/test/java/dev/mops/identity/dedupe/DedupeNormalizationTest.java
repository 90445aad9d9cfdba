package dev.mops.identity.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mops.core.config.ConfigException;
import dev.mops.core.normalize.PlaceholderValues;
import dev.mops.core.normalize.TextFolding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dedupe's normalization through the shared normalizers of {@code dev.mops.core.normalize}. */
class DedupeNormalizationTest {

  @Test
  void phonesBecomeE164InTheFieldsRegion() {
    String e164 = "+14155550123";
    for (String raw : List.of("(415) 555-0123", "415.555.0123", "+1 415 555 0123", "1-415-555-0123",
        "001 415 555 0123", "415-555-0123 x204", "tel: 415 555 0123")) {
      assertThat(Normalization.normalize(FieldKind.PHONE, raw)).as(raw).isEqualTo(e164);
    }
    // A national number of another region is E.164 only when the field says where it is from.
    assertThat(Normalization.normalize(FieldKind.PHONE, "02 9876 5432", "AU")).isEqualTo("+61298765432");
    assertThat(Normalization.normalize(FieldKind.PHONE, "02 9876 5432")).isEqualTo("0298765432");
    assertThat(Normalization.normalize(FieldKind.PHONE, "+61 2 9876 5432")).isEqualTo("+61298765432");
    // Invalid numbers stay comparable as digits; too short ones are missing.
    assertThat(Normalization.normalize(FieldKind.PHONE, "123-4567-890")).isEqualTo("1234567890");
    assertThat(Normalization.normalize(FieldKind.PHONE, "555-01")).isNull();
    // Junk survives E.164.
    assertThat(Normalization.knownJunk(FieldKind.PHONE, Normalization.normalize(FieldKind.PHONE, "(555) 555-5555"))).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.PHONE, Normalization.normalize(FieldKind.PHONE, "123-456-7890"))).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.PHONE, e164)).isFalse();
  }

  @Test
  void emailsAndDomainsUseTheSharedNormalizers() {
    // Provider rules of the shared email normalizer: dots and plus tags where the provider ignores them.
    assertThat(Normalization.normalize(FieldKind.EMAIL, "Jane.Doe+crm@gmail.com")).isEqualTo("janedoe@gmail.com");
    assertThat(Normalization.normalize(FieldKind.EMAIL, "mailto:Jane.Doe@Acme.com")).isEqualTo("jane.doe@acme.com");
    // Plus tags are dropped on every domain for matching; dots only where the provider ignores them.
    assertThat(Normalization.normalize(FieldKind.EMAIL, "Jane.Doe+Q3@acme.com")).isEqualTo("jane.doe@acme.com");
    // An invalid address is kept comparable rather than dropped.
    assertThat(Normalization.normalize(FieldKind.EMAIL, "jane.doe+x@acme")).isEqualTo("jane.doe@acme");
    assertThat(Normalization.normalize(FieldKind.EMAIL, "no at sign")).isNull();
    // Registrable domains by the public suffix list, not by a guess at second-level labels.
    assertThat(Normalization.normalize(FieldKind.DOMAIN, "shop.acme.com.au")).isEqualTo("acme.com.au");
    assertThat(Normalization.normalize(FieldKind.DOMAIN, "jane@mail.acme.co.jp")).isEqualTo("acme.co.jp");
    assertThat(Normalization.normalize(FieldKind.DOMAIN, "blog.example.github.io")).isEqualTo("example.github.io");
    assertThat(Normalization.normalize(FieldKind.COMPANY, "The Acme Company GmbH & Co. KG")).isEqualTo("acme");
    // Countries by their ISO code, whatever their spelling; an unknown value stays comparable text.
    assertThat(Normalization.normalize(FieldKind.COUNTRY, "United States")).isEqualTo("us");
    assertThat(Normalization.normalize(FieldKind.COUNTRY, "U.S.A.")).isEqualTo("us");
    assertThat(Normalization.normalize(FieldKind.COUNTRY, "GB")).isEqualTo(Normalization.normalize(FieldKind.COUNTRY,
        "United Kingdom"));
    assertThat(Normalization.normalize(FieldKind.COUNTRY, "Atlantis Isle")).isEqualTo("atlantis isle");
  }

  @Test
  void textIsFoldedAsMopsNormalizeFoldsIt() {
    // One folding for the SDK: core's TextFolding, so "Straße" has one key in normalize and dedupe.
    assertThat(Normalization.normalize(FieldKind.TEXT, "Straße")).isEqualTo("strasse")
        .isEqualTo(TextFolding.foldedWords("STRASSE"));
    assertThat(Normalization.normalize(FieldKind.NAME, "O'Neil-Müller")).isEqualTo("oneil muller");
    // addresses take the shared address key: folded, then street words shortened
    assertThat(Normalization.normalize(FieldKind.ADDRESS, "12 Hauptstraße")).isEqualTo("12 hauptstr");
    assertThat(Normalization.normalize(FieldKind.POSTCODE, "SW1A 1AA")).isEqualTo("sw1a1aa");
  }

  @Test
  void placeholdersComeFromTheOneSharedList() {
    // Missing in every kind of field.
    for (String raw : List.of("n/a", "N/A", "unknown", "-", "?", "--", "null", "Not provided")) {
      assertThat(Normalization.normalize(FieldKind.TEXT, raw)).as(raw).isNull();
      assertThat(Normalization.normalize(FieldKind.NAME, raw)).as(raw).isNull();
    }
    // Kind by kind, as PlaceholderValues says: a placeholder name is not a placeholder city.
    assertThat(Normalization.normalize(FieldKind.FIRST_NAME, "Test")).isNull();
    assertThat(Normalization.normalize(FieldKind.COMPANY, "Self-employed")).isNull();
    assertThat(Normalization.normalize(FieldKind.TEXT, "NA")).isEqualTo("na");
    assertThat(Normalization.normalize(FieldKind.FIRST_NAME, "Nan")).isEqualTo("nan");
    assertThat(Normalization.normalize(FieldKind.TEXT, "NaN")).isNull();
    for (FieldKind k : FieldKind.values()) {
      PlaceholderValues.Kind pk = Normalization.placeholderKind(k);
      assertThat(PlaceholderValues.isPlaceholder(pk, "n/a")).isTrue();
    }
    assertThat(Normalization.knownJunk(FieldKind.EMAIL, Normalization.normalize(FieldKind.EMAIL, "test@acme.com"))).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.EMAIL, Normalization.normalize(FieldKind.EMAIL, "no-reply@acme.com"))).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.EMAIL, Normalization.normalize(FieldKind.EMAIL, "jane@example.com"))).isTrue();
    assertThat(Normalization.knownJunk(FieldKind.EMAIL, Normalization.normalize(FieldKind.EMAIL, "jane@acme.com"))).isFalse();
  }

  @Test
  void nicknamesAreSetsOfFormalNames() {
    assertThat(Nicknames.formalSet("bob")).isEqualTo("robert");
    assertThat(Nicknames.formalSet("zebediah")).isEqualTo("zebediah");
    String fred = Nicknames.formalSet("fred");
    assertThat(fred).contains("alfred").contains("frederick");
    assertThat(Nicknames.compatible(fred, Nicknames.formalSet("frederick"))).isTrue();
    assertThat(Nicknames.compatible(fred, Nicknames.formalSet("alfred"))).isTrue();
    assertThat(Nicknames.compatible(Nicknames.formalSet("alex"), Nicknames.formalSet("sandy"))).isTrue();
    assertThat(Nicknames.compatible(Nicknames.formalSet("bob"), Nicknames.formalSet("william"))).isFalse();
    assertThat(Nicknames.compatible("anna", "annabel")).isFalse();
    assertThat(Nicknames.first(fred)).isEqualTo("alfred");
  }

  @Test
  void phoneRegionIsCheckedAtLoad() {
    assertThat(FieldRule.of("p", FieldKind.PHONE, ComparatorType.EXACT).phoneRegion()).isEqualTo("US");
    assertThat(FieldRule.of("p", FieldKind.PHONE, ComparatorType.EXACT).withRegion("gb").region()).isEqualTo("GB");
    assertThatThrownBy(() -> FieldRule.of("p", FieldKind.PHONE, ComparatorType.EXACT).withRegion("XX"))
        .hasMessageContaining("unknown phone region 'XX'");
    assertThatThrownBy(() -> FieldRule.of("e", FieldKind.EMAIL, ComparatorType.EXACT).withRegion("GB"))
        .hasMessageContaining("only a phone field takes a region");
  }

  @Test
  void phoneRegionIsReadFromYaml() {
    String yaml = String.join("\n",
        "fields:",
        "  - {field: phone, kind: phone, comparator: exact, region: au}",
        "blocking:",
        "  keys:",
        "    - [phone]",
        "");
    DedupeConfig c = DedupeConfigs.parse("d.yaml", yaml);
    assertThat(c.fields().get(0).region()).isEqualTo("AU");
    assertThatThrownBy(() -> DedupeConfigs.parse("d.yaml", yaml.replace("region: au", "region: zz")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("d.yaml:2")
        .hasMessageContaining("unknown phone region 'zz'");
  }
}
