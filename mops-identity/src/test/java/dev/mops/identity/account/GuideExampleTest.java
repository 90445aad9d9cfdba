package dev.mops.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the account-matching example of docs/routing.md true. */
class GuideExampleTest {

  @Test
  void accountExampleGivesWhatItSays() {
    AccountMatcher accounts = AccountMatcher.builder()
        .add(Account.builder("ACC-3", "Jeneling Robotics S.L.").domain("jeneling-robotics.com").country("ES").owner("bob").build())
        .add(Account.builder("ACC-1", "Acme Inc.").domain("acme.com").country("US").owner("alice").build())
        .build();
    AccountMatch m = accounts.match(Records.of(Map.of("email", "ana@gmail.com", "company", "Jeneling Robotics")));
    assertThat(m.accountId()).isEqualTo("ACC-3");
    assertThat(m.confidence()).isEqualTo(0.8);
    assertThat(m.reasons()).isEqualTo(List.of("free-mail domain gmail.com ignored", "same name 'Jeneling Robotics S.L.' (0.80)"));
  }
}
