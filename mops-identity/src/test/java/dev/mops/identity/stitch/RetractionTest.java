package dev.mops.identity.stitch;

import static dev.mops.identity.stitch.Stitching.obs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RetractionTest {

  private final Stitching.Log log = new Stitching.Log();
  private final IdentityGraph graph = IdentityGraph.builder(Stitching.config()).listener(log).build();

  @Test
  void retractingTheBridgeSplitsTheProfile() {
    graph.add(obs("o1", 0, "user_id", "u1", "anonymous_id", "c1"));
    graph.add(obs("o2", 1, "anonymous_id", "c1", "email", "bob@x.com"));
    graph.add(obs("o3", 2, "email", "bob@x.com", "phone", "+1 415 555 0103"));
    String before = graph.profileOf("user_id", "u1").orElseThrow();
    assertThat(graph.profileCount()).isEqualTo(1);

    Retraction r = graph.retract("o2");
    assertThat(r.found()).isTrue();
    assertThat(r.previousProfileId()).isEqualTo(before);
    assertThat(graph.profileCount()).isEqualTo(2);
    assertThat(graph.profileOf("user_id", "u1")).contains(before); // u1's piece keeps the first-seen anchor
    assertThat(graph.profileOf("email", "bob@x.com")).isNotEqualTo(graph.profileOf("user_id", "u1"));
    assertThat(r.profileIds()).containsExactlyInAnyOrder(before, graph.profileOf("email", "bob@x.com").orElseThrow());
    assertThat(r.identifiersRemoved()).isZero();
    assertThat(log.retractions).containsExactly(r);
  }

  @Test
  void identifiersSeenOnlyInTheRetractedObservationLeave() {
    graph.add(obs("o1", 0, "user_id", "u1", "anonymous_id", "c1"));
    graph.add(obs("o2", 1, "user_id", "u1", "email", "gone@x.com"));
    Retraction r = graph.retract("o2");
    assertThat(r.identifiersRemoved()).isEqualTo(1);
    assertThat(graph.profileOf("email", "gone@x.com")).isEmpty();
    assertThat(graph.identifierCount()).isEqualTo(2);
    assertThat(graph.retract("o2").found()).isFalse();
    Retraction last = graph.retract("o1");
    assertThat(last.profileIds()).isEmpty();
    assertThat(graph.profileCount()).isZero();
    assertThat(graph.identifierCount()).isZero();
    // The ids are free again: a new observation may use them.
    graph.add(obs("o1", 5, "user_id", "u2", "anonymous_id", "c1"));
    assertThat(graph.profileOf("anonymous_id", "c1")).isEqualTo(graph.profileOf("user_id", "u2"));
  }

  @Test
  void retractingTheFirstObservationHandsTheProfileToWhatRemains() {
    // Once u1's login is retracted, u1 leaves and the profile is what o2 alone says, anchored anew.
    graph.add(obs("o1", 0, "user_id", "u1", "anonymous_id", "c1"));
    graph.add(obs("o2", 1, "anonymous_id", "c1", "email", "x@x.com"));
    graph.retract("o1");
    assertThat(graph.profileOf("user_id", "u1")).isEmpty();
    assertThat(graph.profileOf("anonymous_id", "c1")).isEqualTo(graph.profileOf("email", "x@x.com"));
    assertThat(graph.profileOf("anonymous_id", "c1").orElseThrow())
        .isEqualTo(IdentityGraph.profileIdOf("email", "x@x.com"));
  }

  @Test
  void withoutRetainedObservationsRetractionIsRefused() {
    IdentityGraph lean = IdentityGraph.builder(Stitching.config()).retainObservations(false).build();
    lean.add(obs("o1", 0, "user_id", "u1"));
    assertThatThrownBy(() -> lean.retract("o1")).isInstanceOf(IllegalStateException.class);
    lean.add(obs("o1", 1, "user_id", "u1")); // ids are not tracked, so a repeat is just more evidence
    assertThat(lean.profileCount()).isEqualTo(1);
  }
}
