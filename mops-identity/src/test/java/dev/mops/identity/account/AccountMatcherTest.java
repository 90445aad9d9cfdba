package dev.mops.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountMatcherTest {

  static Record lead(String... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return Records.of(m);
  }

  static AccountMatcher matcher() {
    AccountMatcher.Builder b = AccountMatcher.builder()
        .add(Account.builder("jr", "Jeneling Robotics GmbH").domain("jeneling-robotics.de").country("DE").city("Berlin").build())
        .add(Account.builder("acme", "Acme Inc.").domain("https://www.acme.com").country("US").owner("alice").build())
        .add(Account.builder("globex", "Globex Corporation").domain("globex.com").country("US").build())
        .add(Account.builder("globex-de", "Globex Germany GmbH").domain("globex.com").country("DE").build())
        .add(Account.builder("twin-a", "Initech").domain("initech-a.com").contacts(5).build())
        .add(Account.builder("twin-b", "Initech LLC").domain("initech-b.com").contacts(50).build())
        .add(Account.builder("gmail-co", "Mail Co").domain("gmail.com").build());
    // many accounts carrying the token 'acme' make it a common, weak name
    for (int i = 0; i < 200; i++) {
      b.add(Account.builder("acme-" + i, "Acme " + (char) ('a' + i % 26) + (char) ('a' + i / 26) + " Holdings").build());
    }
    return b.build();
  }

  static final AccountMatcher M = matcher();

  @Test
  void aWorkEmailDomainMatchesWithItsReasons() {
    AccountMatch m = M.match(lead("email", "ana@mail.jeneling-robotics.de", "company", "Jeneling Robotics", "country", "Germany"));
    assertThat(m.accountId()).isEqualTo("jr");
    assertThat(m.confidence()).isGreaterThan(0.95);
    assertThat(m.reasons()).containsExactly("email domain jeneling-robotics.de",
        "same name 'Jeneling Robotics GmbH' (0.80)", "country DE");
  }

  @Test
  void freeMailDomainsNeverMatchAndRareNamesWeighMoreThanCommonOnes() {
    AccountMatch rare = M.match(lead("email", "ana@gmail.com", "company", "Jeneling Robotics"));
    AccountMatch common = M.match(lead("email", "jo@gmail.com", "company", "Acme"));
    assertThat(rare.accountId()).isEqualTo("jr");
    assertThat(rare.reasons().get(0)).isEqualTo("free-mail domain gmail.com ignored");
    assertThat(common.confidence()).isLessThan(rare.confidence());
    assertThat(common.matched()).isFalse();
    assertThat(common.reason()).startsWith("best candidate acme at ");
    assertThat(M.match(lead("email", "x@gmail.com")).reason()).isEqualTo("free-mail domain gmail.com ignored; no candidate account");
    // an ISP domain is free mail too
    assertThat(M.match(lead("email", "x@comcast.net", "company", "Nobody Here")).matched()).isFalse();
  }

  @Test
  void websitesAndTyposMatch() {
    assertThat(M.match(lead("website", "http://www.acme.com/pricing")).accountId()).isEqualTo("acme");
    AccountMatch typo = M.match(lead("email", "a@yahoo.com", "company", "Jenelimg Robotics", "country", "DE"));
    assertThat(typo.accountId()).isEqualTo("jr");
    assertThat(typo.reasons()).anyMatch(r -> r.startsWith("similar name"));
  }

  @Test
  void subsidiariesOnAParentDomainAreToldApartByCountryAndName() {
    assertThat(M.match(lead("email", "a@globex.com", "company", "Globex", "country", "DE")).accountId()).isEqualTo("globex-de");
    assertThat(M.match(lead("email", "a@globex.com", "company", "Globex", "country", "US")).accountId()).isEqualTo("globex");
    AccountMatch conflict = M.match(lead("email", "a@acme.com", "country", "FR"));
    assertThat(conflict.reasons()).contains("country differs (FR vs US)");
  }

  @Test
  void tiesGoToMostContactsThenActivityThenTheConfiguredField() {
    AccountMatch m = M.match(lead("email", "x@gmail.com", "company", "Initech"));
    assertThat(m.accountId()).isEqualTo("twin-b");
    assertThat(m.reason()).contains("tie with 1 other account");
    AccountMatcher byField = AccountMatcher.builder()
        .add(Account.builder("a", "Vandelay").tieBreak("10").lastActivity(Instant.parse("2026-01-01T00:00:00Z")).build())
        .add(Account.builder("b", "Vandelay").tieBreak("9").lastActivity(Instant.parse("2026-01-01T00:00:00Z")).build())
        .add(Account.builder("c", "Vandelay").tieBreak("99").lastActivity(Instant.parse("2025-01-01T00:00:00Z")).build())
        .threshold(0.1) // a name every account shares is weak evidence
        .build();
    assertThat(byField.match(lead("company", "Vandelay")).accountId()).isEqualTo("a");
  }

  @Test
  void badAccountRowsBecomeFindings() {
    List<Finding> findings = new ArrayList<>();
    AccountMatcher.Builder b = AccountMatcher.builder();
    assertThat(b.addRecord(Records.of(Map.of("name", "X")), null, findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("account_id", "1", "name", "X", "contacts", "many")), null, findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("account_id", "2", "name", "X", "last_activity", "2026-02-30")), null, findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("account_id", "3", "name", "X", "owner", " bob ")), null, findings::add)).isTrue();
    assertThat(findings).extracting(Finding::code)
        .containsExactly("ACCOUNT_ID_MISSING", "ACCOUNT_CONTACTS_INVALID", "ACCOUNT_LAST_ACTIVITY_INVALID");
    assertThat(b.threshold(0.1).build().match(lead("company", "X")).account().owner()).isEqualTo("bob");
  }

  @Test
  void withinOneEdit() {
    assertThat(AccountMatcher.withinOneEdit("robotics", "robotiks")).isTrue();
    assertThat(AccountMatcher.withinOneEdit("robotics", "robotic")).isTrue();
    assertThat(AccountMatcher.withinOneEdit("robotics", "xrobotics")).isTrue();
    assertThat(AccountMatcher.withinOneEdit("robotics", "rbotcs")).isFalse();
    assertThat(AccountMatcher.withinOneEdit("abcde", "abcde")).isTrue();
  }

  @Test
  void aSharedPhoneIsEvidenceToo() {
    AccountMatcher m = AccountMatcher.builder()
        .add(Account.builder("p1", "Northwind Traders").phone("+1 415-555-2671").country("US").build())
        .add(Account.builder("p2", "Contoso").phone("+44 20 7946 0958").country("GB").build())
        .build();
    AccountMatch hit = m.match(lead("phone", "(415) 555-2671", "country", "US"));
    assertThat(hit.accountId()).isEqualTo("p1");
    assertThat(hit.reasons()).containsExactly("phone +14155552671", "country US");
    assertThat(hit.confidence()).isEqualTo(0.64);
  }
}
