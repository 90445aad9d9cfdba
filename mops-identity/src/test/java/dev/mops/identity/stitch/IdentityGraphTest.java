package dev.mops.identity.stitch;

import static dev.mops.identity.stitch.Stitching.obs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityGraphTest {

  private final Stitching.Log log = new Stitching.Log();
  private final IdentityGraph graph = IdentityGraph.builder(Stitching.config()).listener(log).build();

  @Test
  void stitchesIdentifiersSeenTogetherAcrossObservations() {
    graph.add(obs("o1", 0, "anonymous_id", "C1", "email", "Ana@Example.com"));
    graph.add(obs("o2", 1, "anonymous_id", "c2", "user_id", "u1"));
    StitchOutcome merged = graph.add(obs("o3", 2, "user_id", "u1", "email", "ana@example.com"));
    assertThat(merged.mergedProfiles()).isEqualTo(2);
    String p = graph.profileOf("anonymous_id", "c1").orElseThrow();
    assertThat(graph.profileOf("anonymous_id", "C2")).contains(p);
    assertThat(graph.profileOf("email", " ANA@example.com ")).contains(p);
    assertThat(graph.profileContaining("user_id", "u1").orElseThrow().identifiers()).containsExactly(
        new Identifier("user_id", "u1"), new Identifier("email", "ana@example.com"),
        new Identifier("anonymous_id", "c1"), new Identifier("anonymous_id", "c2"));
    assertThat(graph.profileCount()).isEqualTo(1);
    assertThat(log.merges).hasSize(1);
    MergeEvent m = log.merges.get(0);
    assertThat(m.observationId()).isEqualTo("o3");
    assertThat(m.profileId()).isEqualTo(p);
    assertThat(m.merged()).extracting(l -> l.via().toString()).containsExactly("user_id:u1", "email:ana@example.com");
    // The merged profile keeps the id of the profile seen first (o1's, anchored at its first identifier).
    assertThat(p).isEqualTo(IdentityGraph.profileIdOf("email", "ana@example.com"));
  }

  @Test
  void aSharedEmailNeverMergesTwoPeopleWithDifferentUserIds() {
    graph.add(obs("o1", 0, "user_id", "u1", "email", "info@acme.com"));
    StitchOutcome out = graph.add(obs("o2", 1, "user_id", "u2", "email", "info@acme.com", "anonymous_id", "c9"));
    assertThat(graph.profileOf("user_id", "u1")).isNotEqualTo(graph.profileOf("user_id", "u2"));
    assertThat(graph.profileOf("email", "info@acme.com")).isEqualTo(graph.profileOf("user_id", "u1"));
    // The lowest priority goes first: the cookie, then the email, until u2 stands alone.
    assertThat(out.kept()).isEqualTo(1);
    assertThat(out.refused()).isEqualTo(2);
    assertThat(log.refusals).extracting(r -> r.identifier().type()).containsExactly("email", "anonymous_id");
    assertThat(log.refusals).allSatisfy(r -> {
      assertThat(r.reason()).isEqualTo(RefusalReason.UNIQUE);
      assertThat(r.detail()).contains("2 different user_id values");
      assertThat(r.profileId()).isEqualTo(graph.profileOf("user_id", "u2").orElseThrow());
    });
    assertThat(graph.profileOf("anonymous_id", "c9")).isEmpty();
  }

  @Test
  void aBlockedValueMergesNothing() {
    graph.add(obs("o1", 0, "user_id", "u1", "email", "test@test.com", "phone", "000-000-0000"));
    graph.add(obs("o2", 1, "user_id", "u2", "email", "TEST@test.com", "anonymous_id", "null"));
    graph.add(obs("o3", 2, "user_id", "u3", "anonymous_id", "Anonymous"));
    assertThat(graph.profileCount()).isEqualTo(3);
    assertThat(graph.identifierCount()).isEqualTo(3);
    assertThat(log.refusals).extracting(Refusal::reason).containsOnly(RefusalReason.BLOCKED);
    assertThat(log.refusals).extracting(r -> r.identifier().value())
        .containsExactly("test@test.com", "000-000-0000", "TEST@test.com", "null", "Anonymous");
    assertThat(log.refusals.get(1).detail()).contains("^[0-]*$");
    assertThat(graph.metrics().refusals()).containsEntry(RefusalReason.BLOCKED, 5L);
  }

  @Test
  void invalidValuesAreRefusedWithTheNormalizersReason() {
    graph.add(obs("o1", 0, "email", "not-an-email", "phone", "12", "anonymous_id", "c1"));
    assertThat(log.refusals).extracting(Refusal::reason).containsOnly(RefusalReason.INVALID);
    assertThat(log.refusals.get(0).detail()).startsWith("not an email address");
    assertThat(log.refusals.get(1).detail()).startsWith("not a phone number");
    assertThat(graph.identifierCount()).isEqualTo(1);
  }

  @Test
  void aLimitRefusesTheLowestPriorityFirst() {
    // Email limit 3: a fourth email would break it, so the observation gives up its cookie first
    // (priority 10), then, as the email is still over the limit, the email (80); u1 stays.
    graph.add(obs("o1", 0, "user_id", "u1", "email", "a@x.com"));
    graph.add(obs("o2", 1, "user_id", "u1", "email", "b@x.com"));
    graph.add(obs("o3", 2, "user_id", "u1", "email", "c@x.com"));
    graph.add(obs("o4", 3, "email", "d@x.com", "phone", "+1 415 555 0101", "anonymous_id", "c4"));
    StitchOutcome out = graph.add(obs("o5", 4, "user_id", "u1", "email", "d@x.com", "anonymous_id", "c5"));
    assertThat(out.kept()).isEqualTo(1);
    assertThat(log.refusals).extracting(r -> r.identifier().type() + ":" + r.reason().code())
        .containsExactly("email:limit", "anonymous_id:limit"); // listed by priority, as in the observation
    assertThat(log.refusals.get(1).detail()).contains("4 email values (limit 3)");
    assertThat(graph.profileOf("email", "d@x.com")).isNotEqualTo(graph.profileOf("user_id", "u1"));
  }

  @Test
  void aWindowedLimitCountsOnlyValuesSeenWithinTheWindow() {
    StitchConfig c = StitchConfig.builder()
        .type(IdentifierType.builder("user_id").priority(100).unique(true).build())
        .type(IdentifierType.builder("anonymous_id").priority(10).limit(2).window(Duration.ofDays(30)).build())
        .build();
    IdentityGraph g = IdentityGraph.create(c);
    g.add(obs("o1", 0, "user_id", "u1", "anonymous_id", "c1"));
    g.add(obs("o2", 1, "user_id", "u1", "anonymous_id", "c2"));
    g.add(obs("o3", 2, "user_id", "u1", "anonymous_id", "c3"));
    assertThat(g.profileOf("anonymous_id", "c3")).isNotEqualTo(g.profileOf("user_id", "u1"));
    int fortyDays = 40 * 24 * 60;
    g.add(obs("o4", fortyDays, "user_id", "u1", "anonymous_id", "c4"));
    assertThat(g.profileOf("anonymous_id", "c4")).isEqualTo(g.profileOf("user_id", "u1"));
    g.add(obs("o5", fortyDays + 1, "user_id", "u1", "anonymous_id", "c5"));
    assertThat(g.profileOf("anonymous_id", "c5")).isEqualTo(g.profileOf("user_id", "u1"));
    g.add(obs("o6", fortyDays + 2, "user_id", "u1", "anonymous_id", "c6"));
    assertThat(g.profileOf("anonymous_id", "c6")).isNotEqualTo(g.profileOf("user_id", "u1"));
  }

  @Test
  void theLargestProfileIsEnforced() {
    StitchConfig c = StitchConfig.builder()
        .type(IdentifierType.builder("email").priority(80).build())
        .type(IdentifierType.builder("anonymous_id").priority(10).build())
        .maxProfileIdentifiers(3)
        .build();
    IdentityGraph g = IdentityGraph.builder(c).listener(log).build();
    g.add(obs("o1", 0, "email", "a", "anonymous_id", "k1"));
    g.add(obs("o2", 1, "email", "a", "anonymous_id", "k2"));
    g.add(obs("o3", 2, "email", "a", "anonymous_id", "k3"));
    assertThat(g.profileContaining("email", "a").orElseThrow().identifiers()).hasSize(3);
    assertThat(log.refusals).extracting(Refusal::reason).containsExactly(RefusalReason.PROFILE_SIZE);
  }

  @Test
  void junkIsReportedWhenSeenWithManyProfiles() {
    // A shared office phone: each person has a user id, so the phone is refused into each one.
    for (int i = 1; i <= 4; i++) {
      graph.add(obs("o" + i, i, "user_id", "u" + i, "phone", "+1 212 555 0100"));
    }
    graph.add(obs("o9", 9, "user_id", "u9", "phone", "+1 212 555 0199"));
    List<SuspectedJunk> junk = graph.suspectedJunk();
    assertThat(junk).hasSize(1);
    assertThat(junk.get(0).identifier()).isEqualTo(new Identifier("phone", "+12125550100"));
    assertThat(junk.get(0).profiles()).isEqualTo(4);
    assertThat(junk.get(0).refusals()).isEqualTo(3);
    assertThat(junk.get(0).profileId()).isEqualTo(graph.profileOf("user_id", "u1").orElseThrow());
  }

  @Test
  void unknownTypesAreRefusedNotThrown() {
    graph.add(Observation.of("o1", null, "cookie", "x", "email", "a@b.co"));
    assertThat(log.refusals).singleElement().satisfies(r -> {
      assertThat(r.reason()).isEqualTo(RefusalReason.UNKNOWN_TYPE);
      assertThat(r.detail()).contains("unknown identifier type 'cookie'");
    });
    assertThatThrownBy(() -> graph.profileOf("cookie", "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRepeatedObservationIdIsACallersMistake() {
    graph.add(obs("o1", 0, "email", "a@b.co"));
    assertThatThrownBy(() -> graph.add(obs("o1", 1, "email", "c@b.co"))).hasMessageContaining("already holds");
  }

  @Test
  void metricsAndTruth() {
    graph.add(obs("o1", 0, "anonymous_id", "c1", "user_id", "u1"));
    graph.add(obs("o2", 1, "anonymous_id", "c2", "phone", "+1 415 555 0102"));
    graph.add(obs("o3", 2, "email", "solo@x.com"));
    StitchMetrics m = graph.metrics(0.8);
    assertThat(m.identifiers()).isEqualTo(5);
    assertThat(m.stitchedIdentifiers()).isEqualTo(4);
    assertThat(m.stitchingRate()).isEqualTo(0.8);
    // c1 (seen with a user id, 1.0) and u1 (seen with a cookie, 0.5); c2 (phone, 0.6) and the phone (0.5).
    assertThat(m.confidentlyStitched()).isEqualTo(1);
    assertThat(m.confidentShare()).isEqualTo(0.25);
    assertThat(m.stitchingRateByType()).containsEntry("anonymous_id", 1.0).containsEntry("email", 0.0);
    ProfileAccuracy a = graph.evaluate(Map.of(
        new Identifier("anonymous_id", "C1"), "ana", new Identifier("user_id", "u1"), "ana",
        new Identifier("anonymous_id", "c2"), "ana", new Identifier("phone", "+14155550102"), "bob",
        new Identifier("email", "never-seen@x.com"), "bob"));
    // Pairs predicted: (c1,u1) true, (c2,phone) false. Pairs of a person: ana 3, bob 1.
    assertThat(a.truePairs()).isEqualTo(1);
    assertThat(a.predictedPairs()).isEqualTo(2);
    assertThat(a.actualPairs()).isEqualTo(4);
    assertThat(a.missing()).isEqualTo(1);
    assertThat(a.profilesPerPerson()).isEqualTo(2.0);
  }
}
