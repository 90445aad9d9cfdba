package dev.mops.benchmarks;

import dev.mops.identity.stitch.Identifier;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Identity stitching of a batch of observations of three identifiers ({@link StitchWorkload}):
 * the guarded {@link IdentityGraph} (normalization, blocklists, unique types, limits, merge log
 * counters, without retained observations), the same graph with no rules, and a plain union-find
 * over the same strings; the setup checks that the last two find the same components. One
 * operation stitches the whole batch into an empty graph; divide by {@code observations} for the
 * time per observation.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar StitchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class StitchBenchmark {

  /** The implementations compared. */
  public enum Impl {
    /** The guarded graph. */
    GUARDED,
    /** The same graph with a config without rules, blocklists or normalization. */
    GRAPH_NO_RULES,
    /** A plain union-find: HashMap interning, union by size, no rules. */
    UNION_FIND
  }

  @Param({"200000"})
  int observations;

  @Param
  Impl impl;

  private String[][] raw;
  private List<Observation> batch;

  @Setup(Level.Trial)
  public void setUp() {
    raw = new String[observations][];
    batch = new ArrayList<>(observations);
    for (int i = 0; i < observations; i++) {
      String[] tv = new String[6];
      StitchWorkload.observation(i, observations, tv);
      raw[i] = tv;
      List<Identifier> ids = List.of(new Identifier(tv[0], tv[1]), new Identifier(tv[2], tv[3]),
          new Identifier(tv[4], tv[5]));
      batch.add(new Observation("o" + i, Instant.ofEpochMilli(StitchWorkload.timestamp(i)), "", ids));
    }
    IdentityGraph plainGraph = run(StitchWorkload.plainConfig());
    StitchWorkload.PlainUnionFind u = new StitchWorkload.PlainUnionFind();
    for (String[] tv : raw) {
      u.add(tv);
    }
    if (plainGraph.identifierCount() != u.identifiers() || plainGraph.profileCount() != u.profiles()) {
      throw new IllegalStateException("the graph without rules and the union-find disagree: "
          + plainGraph.identifierCount() + "/" + plainGraph.profileCount() + " against "
          + u.identifiers() + "/" + u.profiles());
    }
  }

  private IdentityGraph run(dev.mops.identity.stitch.StitchConfig config) {
    IdentityGraph g = IdentityGraph.builder(config).retainObservations(false).build();
    for (Observation o : batch) {
      g.add(o);
    }
    return g;
  }

  /** Stitches the batch; returns the number of profiles. */
  @Benchmark
  public int stitch() {
    if (impl == Impl.GUARDED) {
      return run(StitchWorkload.config()).profileCount();
    }
    if (impl == Impl.GRAPH_NO_RULES) {
      return run(StitchWorkload.plainConfig()).profileCount();
    }
    StitchWorkload.PlainUnionFind u = new StitchWorkload.PlainUnionFind();
    for (String[] tv : raw) {
      u.add(tv);
    }
    return u.identifiers();
  }
}
