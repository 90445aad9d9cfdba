package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The laws of stitching over seeded shuffles of generated observations (seed logged; set it with
 * {@code -Dmops.test.seed=N}): the documented conflict rule makes {@code addAll} independent of
 * input order; observations that never conflict give the same profiles in any order of {@code add};
 * a retraction equals rebuilding without the observation when nothing conflicts.
 */
class StitchPropertyTest {

  private static final long SEED = Long.getLong("mops.test.seed", 20261202L);

  static SyntheticIdentities.Dataset data(long seed) {
    return SyntheticIdentities.builder().people(150).observationsPerPerson(6).seed(seed).build().generate();
  }

  static StitchConfig guarded() {
    return StitchConfig.load(Path.of("../examples/identity/identity.yaml"));
  }

  /** The same types, normalization and blocklists, without any rule that can conflict. */
  static StitchConfig unguarded() {
    StitchConfig g = guarded();
    StitchConfig.Builder b = StitchConfig.builder();
    for (IdentifierType t : g.types()) {
      IdentifierType.Builder u = IdentifierType.builder(t.name()).priority(t.priority())
          .normalization(t.normalization()).confidence(t.confidence());
      t.blockedValues().forEach(u::blockedValue);
      t.blockedPatterns().forEach(u::blockedPattern);
      b.type(u.build());
    }
    g.blockedValues().forEach(b::blockedValue);
    g.blockedPatterns().forEach(b::blockedPattern);
    return b.build();
  }

  static String snapshot(IdentityGraph g) {
    return g.profiles() + "\n" + g.metrics() + "\n" + g.suspectedJunk();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void addAllGivesTheSameProfilesForAnyOrder(int run) {
    long seed = SEED + run;
    System.out.println("StitchPropertyTest seed " + seed);
    SyntheticIdentities.Dataset d = data(seed);
    IdentityGraph reference = IdentityGraph.create(guarded());
    reference.addAll(d.observations());
    assertThat(reference.metrics().refusals().get(RefusalReason.UNIQUE)
        + reference.metrics().refusals().get(RefusalReason.LIMIT)).as("the data has conflicts").isPositive();
    String expected = snapshot(reference);
    Random rnd = new Random(seed);
    for (int shuffle = 0; shuffle < 3; shuffle++) {
      List<Observation> shuffled = new ArrayList<>(d.observations());
      Collections.shuffle(shuffled, rnd);
      IdentityGraph g = IdentityGraph.create(guarded());
      g.addAll(shuffled);
      assertThat(snapshot(g)).as("seed %d shuffle %d", seed, shuffle).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void observationsThatNeverConflictGiveTheSameProfilesInAnyOrderOfAdd(int run) {
    long seed = SEED + 100 + run;
    System.out.println("StitchPropertyTest seed " + seed);
    SyntheticIdentities.Dataset d = data(seed);
    Random rnd = new Random(seed);
    String expected = null;
    for (int shuffle = 0; shuffle < 3; shuffle++) {
      List<Observation> shuffled = new ArrayList<>(d.observations());
      Collections.shuffle(shuffled, rnd);
      IdentityGraph g = IdentityGraph.create(unguarded());
      shuffled.forEach(g::add);
      String got = g.profiles().toString();
      if (expected == null) {
        expected = got;
      }
      assertThat(got).as("seed %d shuffle %d", seed, shuffle).isEqualTo(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void retractingEqualsRebuildingWithoutTheObservationWhenNothingConflicts(int run) {
    long seed = SEED + 200 + run;
    System.out.println("StitchPropertyTest seed " + seed);
    SyntheticIdentities.Dataset d = data(seed);
    IdentityGraph g = IdentityGraph.create(unguarded());
    g.addAll(d.observations());
    Random rnd = new Random(seed);
    List<Observation> remaining = new ArrayList<>(d.observations());
    for (int k = 0; k < 20; k++) {
      Observation gone = remaining.remove(rnd.nextInt(remaining.size()));
      Retraction r = g.retract(gone.id());
      assertThat(r.found()).isTrue();
    }
    IdentityGraph rebuilt = IdentityGraph.create(unguarded());
    rebuilt.addAll(remaining);
    assertThat(g.profiles()).isEqualTo(rebuilt.profiles());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void aRetractionTouchesOnlyItsProfile(int run) {
    long seed = SEED + 300 + run;
    System.out.println("StitchPropertyTest seed " + seed);
    SyntheticIdentities.Dataset d = data(seed);
    IdentityGraph g = IdentityGraph.create(guarded());
    g.addAll(d.observations());
    Random rnd = new Random(seed);
    for (int k = 0; k < 10; k++) {
      List<Profile> before = g.profiles();
      Observation gone = d.observations().get(rnd.nextInt(d.observations().size()));
      Retraction r = g.retract(gone.id());
      List<Profile> after = g.profiles();
      Set<Profile> untouchedBefore = new HashSet<>(before);
      untouchedBefore.removeIf(p -> p.id().equals(r.previousProfileId()));
      Set<Profile> untouchedAfter = new HashSet<>(after);
      untouchedAfter.removeIf(p -> r.profileIds().contains(p.id()));
      assertThat(untouchedAfter).as("seed %d retraction of %s", seed, gone.id()).isEqualTo(untouchedBefore);
    }
  }
}
