package dev.mops.identity.stitch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures of the stitching tests: a config like a real stack's and a recording listener. */
final class Stitching {

  private Stitching() {}

  static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  /** user_id unique (100), crm_contact_id unique (90), email limit 3 (80), phone limit 2 (50), anonymous_id limit 4 (10). */
  static StitchConfig config() {
    return StitchConfig.builder()
        .name("test")
        .type(IdentifierType.builder("user_id").priority(100).unique(true).build())
        .type(IdentifierType.builder("crm_contact_id").priority(90).unique(true).build())
        .type(IdentifierType.builder("email").priority(80).limit(3).normalization(IdentifierNormalization.EMAIL)
            .blockedValue("test@test.com").confidence(0.9).build())
        .type(IdentifierType.builder("phone").priority(50).limit(2).normalization(IdentifierNormalization.PHONE)
            .confidence(0.6).build())
        .type(IdentifierType.builder("anonymous_id").priority(10).limit(4)
            .normalization(IdentifierNormalization.LOWERCASE).confidence(0.5).build())
        .blockedValue("null").blockedValue("anonymous").blockedPattern("^[0-]*$")
        .build();
  }

  static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  static Observation obs(String id, int minute, String... typesAndValues) {
    return Observation.of(id, at(minute), typesAndValues);
  }

  /** A listener that keeps every event. */
  static final class Log implements StitchListener {
    final List<MergeEvent> merges = new ArrayList<>();
    final List<Refusal> refusals = new ArrayList<>();
    final List<Retraction> retractions = new ArrayList<>();

    @Override
    public void merged(MergeEvent event) {
      merges.add(event);
    }

    @Override
    public void refused(Refusal refusal) {
      refusals.add(refusal);
    }

    @Override
    public void retracted(Retraction retraction) {
      retractions.add(retraction);
    }
  }
}
