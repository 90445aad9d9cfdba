package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticIdentitiesTest {

  @Test
  void theSameSeedGivesTheSameData() {
    SyntheticIdentities.Dataset a = SyntheticIdentities.builder().people(50).seed(3).build().generate();
    SyntheticIdentities.Dataset b = SyntheticIdentities.builder().people(50).seed(3).build().generate();
    SyntheticIdentities.Dataset c = SyntheticIdentities.builder().people(50).seed(4).build().generate();
    assertThat(a).isEqualTo(b);
    assertThat(a.observations()).isNotEqualTo(c.observations());
  }

  @Test
  void truthCoversPersonalIdentifiersOnlyAndSharedOnesAreShared() {
    SyntheticIdentities.Dataset d = SyntheticIdentities.builder().people(300).seed(5).build().generate();
    assertThat(d.observations()).hasSize(300 * 8);
    Set<Identifier> seen = new HashSet<>();
    d.observations().forEach(o -> seen.addAll(o.identifiers()));
    assertThat(seen).containsAll(d.truth().keySet());
    assertThat(d.truth().keySet()).doesNotContainAnyElementsOf(d.sharedIdentifiers());
    assertThat(d.truth().keySet()).noneMatch(i -> i.value().equals("test@test.com") || i.value().equals("null"));
    assertThat(new HashSet<>(d.truth().values())).hasSizeGreaterThan(250);
    assertThat(d.sharedIdentifiers()).anyMatch(i -> i.type().equals("phone"))
        .anyMatch(i -> i.value().startsWith("kiosk-"));
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> SyntheticIdentities.builder().people(0)).hasMessageContaining("people");
    assertThatThrownBy(() -> SyntheticIdentities.builder().junkRate(2)).hasMessageContaining("junk rate");
  }
}
