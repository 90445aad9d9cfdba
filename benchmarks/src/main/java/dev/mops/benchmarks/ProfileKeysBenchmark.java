package dev.mops.benchmarks;

import dev.mops.core.record.ArrayRow;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.quality.profile.ProfileBuilder;
import dev.mops.quality.profile.QualityProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Shipping and merging quality profiles whose contract has a unique rule, as a Spark job does once
 * per partition: two profiles of {@code keys} distinct ids each (half shared), written to JSON, read
 * back and merged, beside what a team would write by hand for the same exact duplicate count (a
 * {@code HashSet<String>} of the ids, shipped with Java serialization, then unioned).
 *
 * <p>Run from the repository root: {@code java -jar benchmarks/target/benchmarks.jar ProfileKeysBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProfileKeysBenchmark {

  static final String CONTRACT = "contract: keys\nversion: 1\nfields:\n  id: {type: string, unique: true}\n";
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

  @Param({"1000000"})
  int keys;

  QualityProfile left;
  QualityProfile right;
  Set<String> leftIds;
  Set<String> rightIds;

  @Setup
  public void setup() {
    DataContract contract = DataContracts.parse("keys.yaml", CONTRACT);
    ProfileBuilder a = QualityProfile.builder(contract).asOf(NOW);
    ProfileBuilder b = QualityProfile.builder(contract).asOf(NOW);
    leftIds = new HashSet<>();
    rightIds = new HashSet<>();
    for (int i = 0; i < keys; i++) {
      String l = "L-" + i;
      String r = "L-" + (i + keys / 2);
      a.addRow(ArrayRow.of(contract.schema(), l));
      b.addRow(ArrayRow.of(contract.schema(), r));
      leftIds.add(l);
      rightIds.add(r);
    }
    left = a.build();
    right = b.build();
  }

  /** Both profiles to JSON and back, then merged: one step of a tree merge across partitions. */
  @Benchmark
  public long mopsProfileJsonAndMerge() {
    QualityProfile merged = QualityProfile.fromJson(left.toJson()).merge(QualityProfile.fromJson(right.toJson()));
    return merged.duplicates("id.unique");
  }

  /** The hand-written way: the id strings in a HashSet, Java-serialized, read back and unioned. */
  @Benchmark
  public long handWrittenHashSetSerialized() throws IOException, ClassNotFoundException {
    Set<String> l = roundTrip(leftIds);
    Set<String> r = roundTrip(rightIds);
    long rows = (long) l.size() + r.size();
    l.addAll(r);
    return rows - l.size();
  }

  @SuppressWarnings("unchecked")
  static Set<String> roundTrip(Set<String> set) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(set);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Set<String>) in.readObject();
    }
  }
}
