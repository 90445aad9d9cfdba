package dev.mops.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mops.core.record.Records;
import dev.mops.routing.consent.Channel;
import dev.mops.routing.consent.ConsentLedger;
import dev.mops.routing.consent.ConsentState;
import dev.mops.routing.consent.ConsentStatement;
import dev.mops.routing.consent.ContactCheck;
import dev.mops.routing.consent.ContactPolicy;
import dev.mops.routing.consent.Purpose;
import dev.mops.routing.consent.SuppressionList;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps docs/routing.md true: its table is the example file, and its Java examples run as shown. */
class GuideExampleTest {

  static final Path GUIDE = Path.of("..", "docs", "routing.md");
  static final Path TABLE = Path.of("..", "examples", "routing", "routing.yaml");

  @Test
  void guideShowsTheCompleteExampleTable() throws Exception {
    String guide = Files.readString(GUIDE, StandardCharsets.UTF_8);
    assertThat(guide).contains("```yaml\n" + Files.readString(TABLE, StandardCharsets.UTF_8) + "```");
  }

  @Test
  void routingExampleGivesWhatItSays() {
    RoutingTable table = RoutingTable.load(TABLE);
    Router router = Router.create(table, AssignmentState.inMemory());
    Instant at = Instant.parse("2026-03-10T14:00:00Z");
    RoutingDecision d = router.route(Records.of(Map.of("country", "US", "employees", 500)), at);
    assertThat(d.outcome()).isEqualTo(RoutingDecision.Outcome.ASSIGNED);
    assertThat(d.destination()).isEqualTo("na-enterprise");
    assertThat(d.owner()).isEqualTo("alice");
    assertThat(d.rule()).isEqualTo("na-enterprise");
    assertThat(d.reason()).isEqualTo("weighted in pool na-enterprise chose alice; skipped out_of_office bob");
    RoutingExplanation why = router.explain(Records.of(Map.of("country", "DE", "employees", 40)), at);
    assertThat(why.describe()).contains("rule na-enterprise: did not match", "rep carla: chosen", "state: rotation of emea-smb 0 -> 1");
  }

  @Test
  void suppressionExampleGivesWhatItSays() {
    Instant at = Instant.parse("2026-03-10T14:00:00Z");
    SuppressionList list = SuppressionList.builder()
        .add(new SuppressionList.Entry(SuppressionList.Kind.EMAIL, "kim@umbrella.de", "unsubscribed", null))
        .add(SuppressionList.Kind.COMPETITOR, "competitor.io")
        .add(SuppressionList.Kind.ROLE_ACCOUNT, "*")
        .add(SuppressionList.Kind.DISPOSABLE_DOMAIN, "*")
        .build();
    ConsentLedger consent = ConsentLedger.builder()
        .add(new ConsentStatement("zoe@vandelay.com", Channel.EMAIL, Purpose.SALES, ConsentState.REVOKED,
            Instant.parse("2026-02-20T16:30:00Z"), null, "preference centre"))
        .build();
    ContactPolicy policy = ContactPolicy.builder().suppression(list).consent(consent).build();
    ContactCheck check = policy.check(Records.of(Map.of("email", "info@acme.com")), Channel.EMAIL, Purpose.SALES, at);
    assertThat(check.allowed()).isFalse();
    assertThat(check.reasons()).isEqualTo(List.of("suppressed role_account bundled list"));
  }
}
