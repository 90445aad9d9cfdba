package dev.mops.flow.pipeline;

import dev.mops.core.io.JsonText;
import dev.mops.flow.enrich.EnrichmentStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The summary of one {@link Pipeline#run}: counts in and out of every stage, where the records
 * that did not go on went, and the measures of the run (the "measure" step of the pipeline).
 *
 * <p>It reconciles ({@link #reconciles()}) when every stage accounts for each record that entered
 * it, each stage's input is the previous stage's output, and every record read is a lead out, a
 * dead letter or a merged duplicate. {@link #problems()} says what does not add up.
 *
 * <p>Measures ({@link #breakdown(String)}), each a map of label to count: {@code dead_letters}
 * ({@code stage/CODE}), {@code findings} (finding code), {@code violations} (contract rule),
 * {@code enrichment} ({@code found}, {@code not_found}, {@code skipped}, {@code failed}), {@code
 * thresholds} (threshold name met, such as {@code mql}), {@code grades}, {@code route_outcomes},
 * {@code owners} (leads assigned per owner), {@code sla_goals} (notifications per SLA goal) and
 * {@code identity} ({@code accounts_matched}, {@code profiles_stitched}, {@code clusters}, {@code
 * duplicates_merged}).
 *
 * <p>Results of partitions merge ({@link #merge}): counts and measures add up. (Dedupe finds
 * duplicates within one run only: two partitions' duplicates of each other stay apart.)
 *
 * <p>Thread safety: an immutable value.
 */
public final class PipelineResult {

  private final String name;
  private final String version;
  private final String contentHash;
  private final Instant asOf;
  private final List<StageCounts> stages;
  private final long read;
  private final long passed;
  private final long deadLettered;
  private final long merged;
  private final Map<String, Map<String, Long>> breakdowns;
  private final EnrichmentStats enrichment;
  private final Map<String, String> configs;
  private final long elapsedMillis;

  PipelineResult(String name, String version, String contentHash, Instant asOf, List<StageCounts> stages, long read,
      long passed, long deadLettered, long merged, Map<String, Map<String, Long>> breakdowns,
      EnrichmentStats enrichment, Map<String, String> configs, long elapsedMillis) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.asOf = asOf;
    this.stages = List.copyOf(stages);
    this.read = read;
    this.passed = passed;
    this.deadLettered = deadLettered;
    this.merged = merged;
    Map<String, Map<String, Long>> b = new TreeMap<>();
    breakdowns.forEach((k, v) -> b.put(k, Collections.unmodifiableMap(new TreeMap<>(v))));
    this.breakdowns = Collections.unmodifiableMap(b);
    this.enrichment = enrichment;
    this.configs = Collections.unmodifiableMap(new LinkedHashMap<>(configs));
    this.elapsedMillis = elapsedMillis;
  }

  /** Returns the pipeline's name. */
  public String name() {
    return name;
  }

  /** Returns the pipeline definition's version ({@code unversioned} for one built in code). */
  public String version() {
    return version;
  }

  /** Returns the pipeline definition's content hash ({@code ""} for one built in code). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the run's {@code now}. */
  public Instant asOf() {
    return asOf;
  }

  /** Returns the counts of every stage, in pipeline order. */
  public List<StageCounts> stages() {
    return stages;
  }

  /** Returns the counts of one stage. */
  public StageCounts stage(PipelineStage stage) {
    for (StageCounts c : stages) {
      if (c.stage() == stage) {
        return c;
      }
    }
    throw new IllegalArgumentException("no counts for " + stage);
  }

  /** Returns how many records were read. */
  public long read() {
    return read;
  }

  /** Returns how many leads left the last stage. */
  public long passed() {
    return passed;
  }

  /** Returns how many records went to the dead letters. */
  public long deadLettered() {
    return deadLettered;
  }

  /** Returns how many records were merged into another as duplicates. */
  public long merged() {
    return merged;
  }

  /** Returns one measure (label to count), empty when the run has none of it. */
  public Map<String, Long> breakdown(String measure) {
    return breakdowns.getOrDefault(measure, Map.of());
  }

  /** Returns every measure by name. */
  public Map<String, Map<String, Long>> breakdowns() {
    return breakdowns;
  }

  /** Returns the enrichment counters of the run (zero without enrichment). */
  public EnrichmentStats enrichment() {
    return enrichment;
  }

  /** Returns the configs used, kind to {@code name version hash} ({@code scoring}, {@code routing}, ...). */
  public Map<String, String> configs() {
    return configs;
  }

  /** Returns the wall time of the run in milliseconds (0 after a merge of partitions run apart). */
  public long elapsedMillis() {
    return elapsedMillis;
  }

  /** Returns what does not add up; empty when the result reconciles. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    long expectedIn = read;
    long dead = 0;
    long mergedSum = 0;
    for (StageCounts c : stages) {
      if (!c.reconciles()) {
        out.add(c.stage().label() + ": " + c.in() + " in but " + c.out() + " out + " + c.deadLettered()
            + " dead letters + " + c.merged() + " merged");
      }
      if (c.in() != expectedIn) {
        out.add(c.stage().label() + ": " + c.in() + " in but the stage before let " + expectedIn + " out");
      }
      expectedIn = c.out();
      dead += c.deadLettered();
      mergedSum += c.merged();
    }
    if (expectedIn != passed) {
      out.add("the last stage let " + expectedIn + " out but " + passed + " leads were written");
    }
    if (dead != deadLettered) {
      out.add("the stages sent " + dead + " records to the dead letters but " + deadLettered + " were written");
    }
    if (mergedSum != merged) {
      out.add("dedupe merged " + mergedSum + " records but " + merged + " were written as merged");
    }
    if (read != passed + deadLettered + merged) {
      out.add(read + " read but " + passed + " out + " + deadLettered + " dead letters + " + merged + " merged");
    }
    return out;
  }

  /** Returns whether every record read is accounted for, stage by stage. */
  public boolean reconciles() {
    return problems().isEmpty();
  }

  /**
   * Returns the sum of this result and another partition's run of the same pipeline.
   *
   * @throws IllegalArgumentException when the two come from different pipelines or stage lists
   */
  public PipelineResult merge(PipelineResult other) {
    Objects.requireNonNull(other, "other");
    if (!name.equals(other.name) || !contentHash.equals(other.contentHash) || stages.size() != other.stages.size()) {
      throw new IllegalArgumentException("cannot merge results of different pipelines: " + name + " " + version
          + " and " + other.name + " " + other.version);
    }
    List<StageCounts> sum = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      sum.add(stages.get(i).plus(other.stages.get(i)));
    }
    Map<String, Map<String, Long>> b = new TreeMap<>();
    for (Map<String, Map<String, Long>> src : List.of(breakdowns, other.breakdowns)) {
      src.forEach((k, v) -> {
        Map<String, Long> into = b.computeIfAbsent(k, x -> new TreeMap<>());
        v.forEach((label, n) -> into.merge(label, n, Long::sum));
      });
    }
    return new PipelineResult(name, version, contentHash, asOf, sum, read + other.read, passed + other.passed,
        deadLettered + other.deadLettered, merged + other.merged, b, enrichment.plus(other.enrichment), configs, 0);
  }

  /** Returns the summary as one JSON object (what {@code mops run} writes to {@code summary.json}). */
  public String toJson() {
    Map<String, @Nullable Object> m = new LinkedHashMap<>();
    m.put("pipeline", name);
    m.put("version", version);
    m.put("content_hash", contentHash);
    m.put("as_of", asOf.toString());
    m.put("reconciles", reconciles());
    m.put("problems", problems());
    m.put("read", read);
    m.put("passed", passed);
    m.put("dead_lettered", deadLettered);
    m.put("merged", merged);
    m.put("elapsed_ms", elapsedMillis);
    List<Map<String, Object>> st = new ArrayList<>();
    for (StageCounts c : stages) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("stage", c.stage().label());
      s.put("enabled", c.enabled());
      s.put("in", c.in());
      s.put("out", c.out());
      s.put("dead_lettered", c.deadLettered());
      s.put("merged", c.merged());
      st.add(s);
    }
    m.put("stages", st);
    m.put("configs", configs);
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("lookups", enrichment.lookups());
    e.put("cache_hits", enrichment.cacheHits());
    e.put("attempts", enrichment.attempts());
    e.put("retries", enrichment.retries());
    e.put("timeouts", enrichment.timeouts());
    e.put("failures", enrichment.failures());
    e.put("breaker_opened", enrichment.breakerOpened());
    e.put("breaker_rejected", enrichment.breakerRejected());
    m.put("enrichment_calls", e);
    m.put("measures", breakdowns);
    return JsonText.value(m);
  }

  /** Returns a readable summary, a few lines (what {@code mops run} prints on stderr). */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("pipeline ").append(name).append(' ').append(version)
        .append(contentHash.isEmpty() ? "" : " (" + contentHash.substring(0, Math.min(12, contentHash.length())) + ")")
        .append(", as of ").append(asOf).append('\n');
    for (StageCounts c : stages) {
      sb.append("  ").append(c.describe()).append('\n');
    }
    sb.append("  ").append(read).append(" read = ").append(passed).append(" out + ").append(deadLettered)
        .append(" dead letters + ").append(merged).append(" merged: ")
        .append(reconciles() ? "reconciles" : "DOES NOT RECONCILE: " + String.join("; ", problems())).append('\n');
    Map<String, Long> dl = breakdown("dead_letters");
    if (!dl.isEmpty()) {
      sb.append("  dead letters by code: ").append(dl).append('\n');
    }
    if (enrichment.lookups() > 0) {
      sb.append("  enrichment: ").append(breakdown("enrichment")).append("; ").append(enrichment.lookups())
          .append(" lookups, ").append(enrichment.cacheHits()).append(" from cache, ").append(enrichment.attempts())
          .append(" provider calls, ").append(enrichment.retries()).append(" retries, ").append(enrichment.timeouts())
          .append(" timeouts, breaker opened ").append(enrichment.breakerOpened()).append(" times\n");
    }
    for (String k : List.of("thresholds", "route_outcomes", "identity")) {
      if (!breakdown(k).isEmpty()) {
        sb.append("  ").append(k.replace('_', ' ')).append(": ").append(breakdown(k)).append('\n');
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "PipelineResult[" + name + " " + version + ": " + read + " read, " + passed + " out, " + deadLettered
        + " dead letters, " + merged + " merged]";
  }
}
