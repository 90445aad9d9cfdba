package dev.mops.routing.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.Finding;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.routing.consent.SuppressionList.Entry;
import dev.mops.routing.consent.SuppressionList.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContactPolicyTest {

  static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

  static Record lead(String email, String website, String company) {
    Map<String, Object> m = new HashMap<>();
    m.put("email", email);
    m.put("website", website);
    m.put("company", company);
    return Records.of(m);
  }

  static final SuppressionList LIST = SuppressionList.builder()
      .add(new Entry(Kind.EMAIL, "j.doe@gmail.com", "unsubscribed", null))
      .add(new Entry(Kind.DOMAIN, "https://www.blocked.co.uk/about", "legal hold", NOW.plusSeconds(3600)))
      .add(Kind.COMPETITOR, "competitor.io")
      .add(Kind.COMPETITOR, "Globex Corporation")
      .add(Kind.ROLE_ACCOUNT, "*")
      .add(Kind.ROLE_ACCOUNT, "marketing")
      .add(Kind.DISPOSABLE_DOMAIN, "*")
      .add(Kind.DISPOSABLE_DOMAIN, "burner.example.com")
      .build();

  static ContactPolicy policy(ConsentLedger ledger, boolean require) {
    return ContactPolicy.builder().suppression(LIST).consent(ledger).requireConsent(require).build();
  }

  @Test
  void suppressionMatchesEachKindWithItsReason() {
    ContactPolicy p = policy(ConsentLedger.empty(), false);
    assertThat(p.check(lead("JDoe+promo@GMail.com", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reasons())
        .containsExactly("suppressed email j.doe@gmail.com (unsubscribed)");
    assertThat(p.check(lead("kim@eu.blocked.co.uk", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed domain https://www.blocked.co.uk/about (legal hold)");
    // the legal hold expires
    assertThat(p.check(lead("kim@eu.blocked.co.uk", "", ""), Channel.EMAIL, Purpose.SALES, NOW.plusSeconds(3600)).allowed())
        .isTrue();
    assertThat(p.check(lead("ray@gmail.com", "competitor.io", ""), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed competitor competitor.io");
    assertThat(p.check(lead("ray@globex.com", "", "GLOBEX Corp."), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed competitor Globex Corporation");
    assertThat(p.check(lead("info@acme.com", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed role_account bundled list");
    assertThat(p.check(lead("marketing@acme.com", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reasons())
        .contains("suppressed role_account marketing");
    assertThat(p.check(lead("x@mailinator.com", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed disposable_domain bundled list");
    assertThat(p.check(lead("x@burner.example.com", "", ""), Channel.EMAIL, Purpose.SALES, NOW).reason())
        .isEqualTo("suppressed disposable_domain burner.example.com");
    ContactCheck ok = p.check(lead("ana@jeneling-robotics.com", "jeneling-robotics.com", "Jeneling Robotics"),
        Channel.EMAIL, Purpose.SALES, NOW);
    assertThat(ok).isEqualTo(ContactCheck.ALLOWED);
    assertThat(LIST.size()).isEqualTo(8);
  }

  @Test
  void theNewestConsentStatementWins() {
    ConsentLedger ledger = ConsentLedger.builder()
        .add(new ConsentStatement("ana@acme.com", Channel.EMAIL, Purpose.MARKETING, ConsentState.GRANTED,
            Instant.parse("2025-01-01T00:00:00Z"), null, "webinar form"))
        .add(new ConsentStatement("ANA@acme.com", Channel.EMAIL, Purpose.MARKETING, ConsentState.REVOKED,
            Instant.parse("2026-02-01T00:00:00Z"), null, "preference centre"))
        .add(new ConsentStatement("ana@acme.com", Channel.EMAIL, Purpose.MARKETING, ConsentState.GRANTED,
            Instant.parse("2026-04-01T00:00:00Z"), null, "re-opt-in"))
        .add(new ConsentStatement("ana@acme.com", Channel.SMS, Purpose.SALES, ConsentState.GRANTED,
            Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), null))
        .build();
    assertThat(ledger.status("ana@acme.com", Channel.EMAIL, Purpose.MARKETING, Instant.parse("2025-06-01T00:00:00Z")).label())
        .isEqualTo("granted");
    assertThat(ledger.status("ana@acme.com", Channel.EMAIL, Purpose.MARKETING, NOW).label()).isEqualTo("revoked");
    assertThat(ledger.status("ana@acme.com", Channel.EMAIL, Purpose.MARKETING, Instant.parse("2026-05-01T00:00:00Z")).granted())
        .isTrue();
    assertThat(ledger.status("ana@acme.com", Channel.SMS, Purpose.SALES, NOW).label()).isEqualTo("expired");
    assertThat(ledger.status("ana@acme.com", Channel.PHONE, Purpose.SALES, NOW)).isEqualTo(ConsentStatus.UNKNOWN);

    ContactCheck revoked = policy(ledger, false).check(lead("ana@acme.com", "", ""), Channel.EMAIL, Purpose.MARKETING, NOW);
    assertThat(revoked.allowed()).isFalse();
    assertThat(revoked.reason()).isEqualTo("consent revoked for email/marketing on 2026-02-01T00:00:00Z (preference centre)");
    assertThat(policy(ledger, false).check(lead("ana@acme.com", "", ""), Channel.SMS, Purpose.SALES, NOW).allowed()).isTrue();
    assertThat(policy(ledger, true).check(lead("ana@acme.com", "", ""), Channel.SMS, Purpose.SALES, NOW).reason())
        .isEqualTo("no current consent for sms/sales (expired)");
  }

  @Test
  void atEqualTimesTheMoreRestrictiveStatementWins() {
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    ConsentLedger ledger = ConsentLedger.builder()
        .add(new ConsentStatement("a@b.com", Channel.ADS, Purpose.MARKETING, ConsentState.DENIED, t, null, null))
        .add(new ConsentStatement("a@b.com", Channel.ADS, Purpose.MARKETING, ConsentState.GRANTED, t, null, null))
        .build();
    assertThat(ledger.status("a@b.com", Channel.ADS, Purpose.MARKETING, NOW).label()).isEqualTo("denied");
  }

  @Test
  void everyReasonIsListedWhenSeveralBlock() {
    ConsentLedger ledger = ConsentLedger.builder()
        .add(new ConsentStatement("info@competitor.io", Channel.EMAIL, Purpose.SALES, ConsentState.DENIED,
            Instant.parse("2026-01-01T00:00:00Z"), null, null))
        .build();
    ContactCheck c = policy(ledger, false).check(lead("info@competitor.io", "", ""), Channel.EMAIL, Purpose.SALES, NOW);
    assertThat(c.reasons()).containsExactly(
        "suppressed competitor competitor.io", "suppressed role_account bundled list",
        "consent denied for email/sales on 2026-01-01T00:00:00Z");
  }

  @Test
  void badRowsBecomeFindingsNotExceptions() {
    List<Finding> findings = new ArrayList<>();
    SuppressionList.Builder b = SuppressionList.builder();
    assertThat(b.addRecord(Records.of(Map.of("type", "email", "value", "not-an-email")), findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("type", "planet", "value", "x")), findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("type", "domain", "value", "acme.com", "expires", "soon")), findings::add)).isFalse();
    assertThat(b.addRecord(Records.of(Map.of("type", "domain", "value", "acme.com", "expires", "2026-12-31")), findings::add)).isTrue();
    ConsentLedger.Builder c = ConsentLedger.builder();
    assertThat(c.addRecord(Records.of(Map.of("email", "a@b.com", "channel", "fax", "purpose", "sales",
        "state", "granted", "timestamp", "2026-01-01T00:00:00Z")), findings::add)).isFalse();
    assertThat(c.addRecord(Records.of(Map.of("email", "a@b.com", "channel", "email", "purpose", "sales",
        "state", "granted", "timestamp", "yesterday")), findings::add)).isFalse();
    assertThat(findings).extracting(Finding::code).containsExactly("SUPPRESSION_VALUE_INVALID", "SUPPRESSION_TYPE_UNKNOWN",
        "SUPPRESSION_EXPIRY_INVALID", "CONSENT_CHANNEL_INVALID", "CONSENT_TIMESTAMP_INVALID");
    assertThat(findings.get(3).field()).isEqualTo("channel");
    assertThat(b.build().check("x@acme.com", null, null, NOW)).containsExactly("suppressed domain acme.com");
  }
}
