package dev.mops.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.apache.spark.sql.functions.col;

import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import dev.mops.identity.stitch.Profile;
import dev.mops.identity.stitch.Refusal;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.StitchListener;
import dev.mops.identity.stitch.StitchMetrics;
import dev.mops.identity.stitch.SyntheticIdentities;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Identity stitching on Spark gives the single-machine graph's profiles, per-observation profile
 * ids, refusals, metrics and suspected junk, on generated observations (seed from {@code
 * mops.test.seed} when set).
 */
class SparkStitchTest {

  static final List<String> TYPES = List.of("user_id", "crm_contact_id", "email", "phone", "anonymous_id");

  static long seed() {
    String fixed = System.getProperty("mops.test.seed");
    long seed = fixed != null ? Long.parseLong(fixed) : 20_261_203L;
    System.out.println("SparkStitchTest seed " + seed + " (set with -Dmops.test.seed)");
    return seed;
  }

  /** The example config: offices' phones and kiosks' cookies join many people into one component. */
  @Test
  void stitchingEqualsTheSingleMachineGraph() throws Exception {
    String yaml = Files.readString(LocalSpark.repo().resolve("examples/identity/identity.yaml"));
    SyntheticIdentities.Dataset data = SyntheticIdentities.builder().people(300).seed(seed()).build().generate();
    assertSame(yaml, data.observations(), 3, SparkStitch.DEFAULT_MAX_COMPONENT_OBSERVATIONS);
  }

  /**
   * The shared values blocked, as a team does after reading the junk report: many small
   * components, stitched in separate tasks, with a tight profile size and email limit so that
   * every guard bites.
   */
  @Test
  void manyComponentsWithEveryGuardBitingEqualTheSingleMachineGraph() throws Exception {
    SyntheticIdentities.Dataset data = SyntheticIdentities.builder().people(1_000).seed(seed() + 1).build().generate();
    StringBuilder blocked = new StringBuilder();
    for (Identifier shared : data.sharedIdentifiers()) {
      blocked.append(", \"").append(shared.value()).append('"');
    }
    String yaml = Files.readString(LocalSpark.repo().resolve("examples/identity/identity.yaml"))
        .replace("\"n/a\", \"unknown\"]", "\"n/a\", \"unknown\"" + blocked + "]")
        .replace("max_identifiers: 100", "max_identifiers: 6")
        .replace("limit: 5 ", "limit: 2 ");
    assertThat(yaml).contains("max_identifiers: 6").contains("limit: 2 ").contains(data.sharedIdentifiers().get(0).value());
    // Every component is small: the run fails if one holds more than 100 observations.
    SparkStitchResult r = assertSame(yaml, data.observations(), 4, 100);
    assertThat(r.totals().profiles()).isGreaterThan(700);
    assertThat(r.totals().refusals().values().stream().filter(v -> v > 0).count()).isGreaterThanOrEqualTo(4);
  }

  @Test
  void rowsWithoutAnIdOrWithABadTimestampAreFindingsAndRepeatedIdsAreRefused() throws Exception {
    String yaml = Files.readString(LocalSpark.repo().resolve("examples/identity/identity.yaml"));
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField("observation_id", DataTypes.StringType, true),
        DataTypes.createStructField("timestamp", DataTypes.StringType, true),
        DataTypes.createStructField("email", DataTypes.StringType, true),
        DataTypes.createStructField("user_id", DataTypes.StringType, true),
        DataTypes.createStructField("note", DataTypes.StringType, true)});
    List<Row> rows = List.of(
        RowFactory.create("a", "2026-03-01T10:00:00Z", "Ana@Acme.com", "u-1", "kept"),
        RowFactory.create(null, "2026-03-01T11:00:00", "ana@acme.com", null, "no id"),
        RowFactory.create("c", "yesterday", "test@test.com", "u-2", "bad time"),
        RowFactory.create("d", null, "", null, "empty"));
    Dataset<Row> in = LocalSpark.session().createDataFrame(rows, schema);
    SparkStitchResult r = SparkStitch.of(yaml).run(in, "observation_id");
    Map<String, Row> byNote = new HashMap<>();
    for (Row row : r.observations().collectAsList()) {
      byNote.put(row.getAs("note"), row);
    }
    assertThat(byNote).hasSize(4);
    String ana = byNote.get("kept").getAs(SparkStitch.PROFILE_ID);
    assertThat(ana).startsWith("p-");
    assertThat((String) byNote.get("no id").getAs(SparkStitch.PROFILE_ID)).isEqualTo(ana);
    assertThat(codes(byNote.get("no id"))).containsExactly("OBSERVATION_ID_MISSING");
    assertThat(codes(byNote.get("bad time"))).containsExactly("TIMESTAMP_UNREADABLE");
    List<Row> refused = byNote.get("bad time").getList(byNote.get("bad time").fieldIndex(SparkStitch.REFUSALS));
    assertThat(refused).hasSize(1);
    assertThat(refused.get(0).getString(2)).isEqualTo("blocked");
    assertThat(byNote.get("empty").isNullAt(byNote.get("empty").fieldIndex(SparkStitch.PROFILE_ID))).isTrue();
    assertThat(r.totals().emptyObservations()).isEqualTo(1);
    assertThat(r.totals().observations()).isEqualTo(4);

    Dataset<Row> twice = in.union(in.where(col("observation_id").equalTo("a")));
    assertThatThrownBy(() -> SparkStitch.of(yaml).run(twice, "observation_id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a' x2");
    assertThatThrownBy(() -> SparkStitch.of(yaml).run(in.select("observation_id", "note"), "observation_id"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no identifier column");
    assertThatThrownBy(() -> SparkStitch.of("identifiers: []\n"))
        .hasMessageContaining("stitch config");
  }

  private static List<String> codes(Row row) {
    List<String> out = new ArrayList<>();
    for (Row f : row.<Row>getList(row.fieldIndex(SparkStitch.FINDINGS))) {
      out.add(f.getString(0));
    }
    return out;
  }

  /** Runs both ways and compares everything; returns the Spark result. */
  static SparkStitchResult assertSame(String yaml, List<Observation> observations, int partitions, int maxComponent) {
    StitchConfig config = StitchConfig.parse("identity.yaml", yaml);
    Map<String, List<String>> refusedSingle = new HashMap<>();
    IdentityGraph single = IdentityGraph.builder(config).listener(new StitchListener() {
      @Override
      public void refused(Refusal r) {
        refusedSingle.computeIfAbsent(r.observationId(), k -> new ArrayList<>())
            .add(r.identifier().type() + "|" + r.identifier().value() + "|" + r.reason().code() + "|" + r.detail());
      }
    }).build();
    single.addAll(observations);
    // The observations' profiles at the time, from a second graph fed in addAll's order.
    IdentityGraph replay = IdentityGraph.builder(config).retainObservations(false).build();
    List<Observation> sorted = new ArrayList<>(observations);
    sorted.sort(SparkStitch.ORDER);
    Map<String, String> atTime = new HashMap<>();
    for (Observation o : sorted) {
      var out = replay.add(o);
      if (out.kept() > 0) {
        atTime.put(o.id(), out.profileId());
      }
    }
    // A profile id of any time is the id of a one-identifier profile of its anchor: find it again.
    Map<String, String> finalOf = new HashMap<>();
    Map<String, TreeSet<String>> expectedProfiles = new TreeMap<>();
    for (Profile p : single.profiles()) {
      TreeSet<String> ids = new TreeSet<>();
      for (Identifier id : p.identifiers()) {
        ids.add(id.type() + "|" + id.value());
        IdentityGraph one = IdentityGraph.builder(config).retainObservations(false).build();
        finalOf.put(one.add(Observation.of("k", null, id.type(), id.value())).profileId(), p.id());
      }
      expectedProfiles.put(p.id(), ids);
    }

    List<Observation> shuffled = new ArrayList<>(observations);
    Collections.shuffle(shuffled, new Random(7));
    SparkStitchResult r = SparkStitch.of(yaml).maxComponentObservations(maxComponent)
        .run(dataset(shuffled).repartition(partitions), "observation_id");

    // Profiles.
    Map<String, TreeSet<String>> profiles = new TreeMap<>();
    for (Row row : r.identifiers().collectAsList()) {
      profiles.computeIfAbsent(row.getString(2), k -> new TreeSet<>()).add(row.getString(0) + "|" + row.getString(1));
    }
    assertThat(profiles).isEqualTo(expectedProfiles);

    // Observations: every one once, with the profile of what it stitched and its refusals.
    List<Row> rows = r.observations().collectAsList();
    assertThat(rows).hasSize(observations.size());
    assertThat(r.observationCount()).isEqualTo(observations.size());
    Map<String, Observation> byId = new HashMap<>();
    observations.forEach(o -> byId.put(o.id(), o));
    Set<String> seen = new HashSet<>();
    int withProfile = 0;
    for (Row row : rows) {
      String id = row.getAs("observation_id");
      assertThat(seen.add(id)).isTrue();
      String expected = atTime.containsKey(id) ? finalOf.get(atTime.get(id)) : null;
      String actual = row.getAs(SparkStitch.PROFILE_ID);
      assertThat(actual).as("profile of %s", id).isEqualTo(expected);
      if (expected != null) {
        withProfile++;
        // The profile holds what the observation stitched: one of its identifiers is in it.
        Set<String> of = new HashSet<>();
        for (Identifier i : byId.get(id).identifiers()) {
          single.profileOf(i.type(), i.value()).ifPresent(of::add);
        }
        assertThat(of).contains(expected);
      }
      List<String> refused = new ArrayList<>();
      for (Row f : row.<Row>getList(row.fieldIndex(SparkStitch.REFUSALS))) {
        refused.add(f.getString(0) + "|" + f.getString(1) + "|" + f.getString(2) + "|" + f.getString(3));
      }
      assertThat(refused).as("refusals of %s", id)
          .containsExactlyInAnyOrderElementsOf(refusedSingle.getOrDefault(id, List.of()));
    }
    assertThat(withProfile).isGreaterThan(observations.size() / 2);

    // Metrics and junk.
    StitchMetrics m = single.metrics();
    StitchTotals t = r.totals();
    assertThat(t.observations()).isEqualTo(m.observations());
    assertThat(t.emptyObservations()).isEqualTo(m.emptyObservations());
    assertThat(t.identifiers()).isEqualTo(m.identifiers());
    assertThat(t.profiles()).isEqualTo(m.profiles());
    assertThat(t.stitchedIdentifiers()).isEqualTo(m.stitchedIdentifiers());
    assertThat(t.confidentlyStitched()).isEqualTo(m.confidentlyStitched());
    assertThat(t.merges()).isEqualTo(m.merges()).isPositive();
    assertThat(t.refusals()).isEqualTo(m.refusals());
    assertThat(t.stitchingRate()).isEqualTo(m.stitchingRate());
    assertThat(t.confidentShare()).isEqualTo(m.confidentShare());
    assertThat(t.stitchingRateByType()).isEqualTo(m.stitchingRateByType());
    assertThat(r.suspectedJunk()).isEqualTo(single.suspectedJunk());
    return r;
  }

  /** Observations as rows: id, timestamp, source, one column per type (at most one value each). */
  static Dataset<Row> dataset(List<Observation> observations) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("observation_id", DataTypes.StringType, false));
    fields.add(DataTypes.createStructField("timestamp", DataTypes.TimestampType, true));
    fields.add(DataTypes.createStructField("source", DataTypes.StringType, false));
    for (String t : TYPES) {
      fields.add(DataTypes.createStructField(t, DataTypes.StringType, true));
    }
    List<Row> rows = new ArrayList<>();
    for (Observation o : observations) {
      Object[] v = new Object[3 + TYPES.size()];
      v[0] = o.id();
      v[1] = o.timestamp() == null ? null : Timestamp.from(o.timestamp());
      v[2] = o.source();
      for (Identifier i : o.identifiers()) {
        int at = 3 + TYPES.indexOf(i.type());
        if (v[at] != null) {
          throw new IllegalStateException("two " + i.type() + " values in " + o.id());
        }
        v[at] = i.value();
      }
      rows.add(RowFactory.create(v));
    }
    return LocalSpark.session().createDataFrame(rows, new StructType(fields.toArray(new StructField[0])));
  }
}
