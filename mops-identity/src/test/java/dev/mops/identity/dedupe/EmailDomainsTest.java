package dev.mops.identity.dedupe;

import static dev.mops.identity.dedupe.Fixtures.rec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mops.core.record.Record;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The email's domain qualifies the company context of a lead: {@code model.email_domains}. */
class EmailDomainsTest {

  private static final List<Double> M2 = List.of(0.1, 0.9);
  private static final List<Double> U2 = List.of(0.99, 0.01);

  private static DedupeConfig config(boolean emailDomains) {
    return DedupeConfig.builder()
        .field(new FieldRule("first_name", FieldKind.FIRST_NAME, ComparatorType.EXACT, List.of(), M2, U2))
        .field(new FieldRule("last_name", FieldKind.NAME, ComparatorType.EXACT, List.of(), M2, U2))
        .field(new FieldRule("email", FieldKind.EMAIL, ComparatorType.EXACT, List.of(), M2, U2))
        .field(new FieldRule("phone", FieldKind.PHONE, ComparatorType.EXACT, List.of(), List.of(0.05, 0.95), U2))
        .field(new FieldRule("company", FieldKind.COMPANY, ComparatorType.EXACT, List.of(), M2, U2))
        .field(new FieldRule("city", FieldKind.TEXT, ComparatorType.EXACT, List.of(), M2, U2))
        .evidenceGroup("email", "phone", "company", "city")
        .emailDomains(emailDomains)
        .termFrequencies(false)
        .blockingKey("last_name")
        .build();
  }

  private static final List<Record> LEADS = List.of(
      // 1 and 2: one person, at the office and from home (personal email, home phone), same company and city
      rec("id", "1", "first_name", "Mary", "last_name", "Young", "email", "mary.young@riverenergy.com",
          "phone", "+1 808 950 1193", "company", "River Energy Ltd", "city", "Dublin"),
      rec("id", "2", "first_name", "Mary", "last_name", "Young", "email", "mary.young3@gmail.com",
          "phone", "+1 415 555 0199", "company", "River Energy", "city", "Dublin"),
      // 3: the same from home, but in another city: the switch does not apply
      rec("id", "3", "first_name", "Mary", "last_name", "Young", "email", "myoung@yahoo.com",
          "phone", "+1 212 555 0123", "company", "River Energy", "city", "Boston"),
      // 4 and 5: two companies called Apex Digital, each with its own domain
      rec("id", "4", "first_name", "Carolyn", "last_name", "Hughes", "email", "chughes@apexdigital3.com",
          "phone", "+1 702 317 5891", "company", "Apex Digital B.V.", "city", "Boston"),
      rec("id", "5", "first_name", "Carolyn", "last_name", "Hughes", "email", "carolyn@apexdigital7.com",
          "phone", "+1 690 390 8723", "company", "Apex Digital Inc", "city", "Boston"),
      // 6: an alias at the first Apex Digital: same domain, the company counts
      rec("id", "6", "first_name", "Carolyn", "last_name", "Hughes", "email", "carolyn_h@apexdigital3.com",
          "company", "Apex Digital", "city", "Boston"));

  private static double weight(DedupeResult r, String a, String b) {
    return r.explain(RecordRef.of(a), RecordRef.of(b)).matchWeight();
  }

  @Test
  void aSignUpFromHomeAtTheSameCompanyDoesNotCountItsContactDetailsAgainst() {
    DedupeResult on = Deduplicator.of(config(true)).dedupe(LEADS, "id");
    DedupeResult off = Deduplicator.of(config(false)).dedupe(LEADS, "id");
    double phoneDifferent = Math.log(0.05 / 0.99) / Math.log(2);
    // Off: the group counts its strongest disagreement (the phone); on: not, since only contact details differ.
    assertThat(weight(on, "1", "2") - weight(off, "1", "2")).isCloseTo(-phoneDifferent, within(1e-9));
    PairExplanation x = on.explain(RecordRef.of("1"), RecordRef.of("2"));
    FieldExplanation phone = x.fields().get(3);
    assertThat(phone.weight()).isZero();
    assertThat(phone.note()).contains("one email is personal (free mail) and the other a work address");
    // Another city is another disagreement of the group: the switch does not apply.
    assertThat(weight(on, "1", "3")).isCloseTo(weight(off, "1", "3"), within(1e-9));
    // Two personal emails are no switch either.
    assertThat(weight(on, "2", "3")).isCloseTo(weight(off, "2", "3"), within(1e-9));
  }

  @Test
  void workEmailsAtDifferentDomainsAreTwoOrganisationsWhateverTheirNames() {
    DedupeResult on = Deduplicator.of(config(true)).dedupe(LEADS, "id");
    DedupeResult off = Deduplicator.of(config(false)).dedupe(LEADS, "id");
    double companyAgrees = Math.log(0.9 / 0.01) / Math.log(2);
    // Off: company and city agree (one piece of evidence, the strongest counted); on: the company does
    // not count, the city (equal weight here) still does.
    PairExplanation x = on.explain(RecordRef.of("4"), RecordRef.of("5"));
    FieldExplanation company = x.fields().get(4);
    assertThat(company.weight()).isZero();
    assertThat(company.note()).contains("different domains (apexdigital3.com, apexdigital7.com)");
    assertThat(weight(off, "4", "5")).isCloseTo(weight(on, "4", "5"), within(1e-9)); // the city stands in
    // Same domain: the company counts as before.
    assertThat(on.explain(RecordRef.of("4"), RecordRef.of("6")).fields().get(4).weight())
        .isCloseTo(companyAgrees, within(1e-9));
    // Without the city, the company was the only agreement of the group, and it is gone.
    List<Record> noCity = LEADS.stream().map(r -> {
      java.util.Map<String, Object> m = new java.util.HashMap<>();
      for (String f : r.fieldNames()) {
        if (!f.equals("city")) {
          m.put(f, r.get(f));
        }
      }
      return dev.mops.core.record.Records.of(m);
    }).toList();
    double gone = weight(Deduplicator.of(config(false)).dedupe(noCity, "id"), "4", "5")
        - weight(Deduplicator.of(config(true)).dedupe(noCity, "id"), "4", "5");
    assertThat(gone).isCloseTo(companyAgrees, within(1e-9));
  }

  @Test
  void theConfigKeyLoadsAndLeadFilesSetIt() {
    String yaml = String.join("\n",
        "fields:",
        "  - {field: email, kind: email, comparator: exact}",
        "blocking:",
        "  keys:",
        "    - [email]",
        "model:",
        "  email_domains: true",
        "");
    assertThat(DedupeConfigs.parse("d.yaml", yaml).emailDomains()).isTrue();
    assertThat(DedupeConfigs.parse("d.yaml", yaml.replace("  email_domains: true\n", "  seed: 1\n")).emailDomains())
        .isFalse();
    List<String> columns = List.of("first_name", "last_name", "email", "phone", "company", "city");
    assertThat(DedupeConfigs.infer(columns, LEADS).emailDomains()).isTrue();
  }
}
