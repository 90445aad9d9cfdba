package dev.mops.benchmarks;

import dev.mops.core.record.Record;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.IndexMatch;
import dev.mops.identity.dedupe.MatchIndex;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.testkit.SyntheticLeads;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The incremental index a CRM plugin asks "which records match this new lead?": an index built
 * from a batch dedupe of {@code records} synthetic leads, queried with leads it has not seen
 * (a fifth of them duplicates of indexed people), beside the lookup a plugin might write by hand
 * instead, a hash map from the lower-cased email to the records with it.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar MatchIndexBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class MatchIndexBenchmark {

  @Param({"200000"})
  int records;

  MatchIndex index;
  Map<String, List<Record>> byEmail;
  List<Record> queries;
  int next;

  @Setup
  public void setup() {
    SyntheticLeads.Dataset data = SyntheticLeads.generate(records + 10_000, 7);
    List<Record> indexed = data.records().subList(0, records);
    queries = data.records().subList(records, records + 10_000);
    DedupeResult batch = Deduplicator.of(DedupeConfigs.parse(SyntheticLeads.CONFIG_RESOURCE, SyntheticLeads.configYaml())).dedupe(indexed, "id");
    index = MatchIndex.of(batch);
    byEmail = new HashMap<>();
    for (Record r : indexed) {
      Object e = r.get("email");
      if (e != null) {
        byEmail.computeIfAbsent(e.toString().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(r);
      }
    }
    int found = 0;
    for (Record q : queries) {
      found += index.matches(q).isEmpty() ? 0 : 1;
    }
    System.out.printf(Locale.ROOT, "%nindex of %,d leads; %,d of 10,000 new leads have a match or review candidate%n",
        index.size(), found);
  }

  /** One query of the mops index: candidates by blocking key, scored and explained-ready. */
  @Benchmark
  public List<IndexMatch> mopsIndex() {
    Record q = queries.get(next++ % queries.size());
    return index.matches(q);
  }

  /** The hand-written peer: exact lower-cased email lookup only (no typos, no other fields). */
  @Benchmark
  public List<Record> emailHashMap() {
    Record q = queries.get(next++ % queries.size());
    Object e = q.get("email");
    return e == null ? List.of() : byEmail.getOrDefault(e.toString().strip().toLowerCase(Locale.ROOT), List.of());
  }

  /** Adding one new lead to the index (no rebuild). */
  @Benchmark
  public int mopsAdd() {
    Record q = queries.get(next % queries.size());
    index.add(RecordRef.of("new-" + next++), q);
    return index.size();
  }
}
