package dev.mops.identity.stitch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of profiles on generated data with truth, with the example configuration,
 * beside a plain union-find (connected components, no guards) on the same data. The figures are
 * those documented in docs/stitching.md; the test fails when they drop.
 */
class StitchAccuracyTest {

  private static final long SEED = Long.getLong("mops.test.seed", 20261202L);

  @Test
  void guardedStitchingKeepsPeopleApartWhereConnectedComponentsMergeThem() {
    SyntheticIdentities.Dataset data = SyntheticIdentities.builder().people(1_000).seed(SEED).build().generate();
    StitchConfig config = StitchConfig.load(Path.of("../examples/identity/identity.yaml"));
    IdentityGraph graph = IdentityGraph.create(config);
    graph.addAll(data.observations());
    ProfileAccuracy guarded = graph.evaluate(data.truth());
    ProfileAccuracy naive = naive(config, data);
    System.out.println("seed " + SEED + "\n  guarded: " + guarded + "\n  union-find: " + naive
        + "\n  " + graph.metrics());
    assertThat(guarded.precision()).isGreaterThanOrEqualTo(0.95);
    assertThat(guarded.recall()).isGreaterThanOrEqualTo(0.80);
    assertThat(guarded.profilesPerPerson()).isLessThanOrEqualTo(1.32);
    assertThat(naive.precision()).isLessThan(0.10);

    // The shared office phones and kiosk cookies are what the junk report names.
    Set<Identifier> shared = data.sharedIdentifiers().stream()
        .map(i -> new Identifier(i.type(), i.type().equals("phone") ? e164(graph, i) : i.value().toLowerCase()))
        .collect(Collectors.toSet());
    List<SuspectedJunk> junk = graph.suspectedJunk();
    assertThat(junk).isNotEmpty();
    long sharedInReport = junk.stream().filter(j -> shared.contains(j.identifier())).count();
    assertThat((double) sharedInReport / junk.size()).isGreaterThanOrEqualTo(0.9);
  }

  private static String e164(IdentityGraph graph, Identifier phone) {
    String digits = phone.value().replaceAll("[^0-9]", "");
    return "+" + digits;
  }

  /** Connected components over the same normalized, non-blocked identifiers, without any guard. */
  static ProfileAccuracy naive(StitchConfig guardedConfig, SyntheticIdentities.Dataset data) {
    StitchConfig.Builder b = StitchConfig.builder();
    for (IdentifierType t : guardedConfig.types()) {
      IdentifierType.Builder u = IdentifierType.builder(t.name()).priority(t.priority())
          .normalization(t.normalization()).defaultRegion(t.defaultRegion());
      b.type(u.build());
    }
    IdentityGraph plain = IdentityGraph.create(b.build());
    plain.addAll(data.observations());
    Map<Identifier, String> truth = new HashMap<>(data.truth());
    return plain.evaluate(truth);
  }
}
