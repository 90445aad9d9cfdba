package dev.mops.flow.pipeline;

import dev.mops.core.Finding;
import dev.mops.core.Severity;
import dev.mops.core.normalize.CountryNormalizer;
import dev.mops.core.normalize.DomainNormalizer;
import dev.mops.core.normalize.EmailFlag;
import dev.mops.core.normalize.EmailNormalizer;
import dev.mops.core.normalize.NormalizedCountry;
import dev.mops.core.normalize.NormalizedDomain;
import dev.mops.core.normalize.NormalizedEmail;
import dev.mops.core.normalize.NormalizedPhone;
import dev.mops.core.normalize.PhoneNormalizer;
import dev.mops.core.record.Record;
import dev.mops.core.record.Records;
import dev.mops.core.record.Schema;
import dev.mops.flow.enrich.EnrichmentKey;
import dev.mops.flow.enrich.EnrichmentResponse;
import dev.mops.flow.enrich.EnrichmentStats;
import dev.mops.flow.enrich.Enricher;
import dev.mops.identity.account.AccountMatch;
import dev.mops.identity.account.AccountMatcher;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeLimitException;
import dev.mops.identity.dedupe.DedupeResult;
import dev.mops.identity.dedupe.Deduplicator;
import dev.mops.identity.dedupe.EntityCluster;
import dev.mops.identity.dedupe.GoldenRecord;
import dev.mops.identity.dedupe.IndexMatch;
import dev.mops.identity.dedupe.MatchDecision;
import dev.mops.identity.dedupe.MatchIndex;
import dev.mops.identity.dedupe.RecordRef;
import dev.mops.identity.stitch.IdentifierType;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.Observation;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.identity.stitch.StitchOutcome;
import dev.mops.metrics.sla.SlaEvaluator;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.metrics.sla.SlaResult;
import dev.mops.quality.contract.ContractValidator;
import dev.mops.quality.contract.ContractViolation;
import dev.mops.quality.contract.DataContract;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingDecision;
import dev.mops.routing.consent.Channel;
import dev.mops.routing.consent.ContactCheck;
import dev.mops.routing.consent.ContactPolicy;
import dev.mops.routing.consent.Purpose;
import dev.mops.scoring.LeadScore;
import dev.mops.scoring.ScoringModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The lead-to-revenue pipeline: validate (a data contract) -> normalise and enrich -> dedupe and
 * stitch -> score -> route (with suppression) -> notify (with SLA due times) -> measure, composed
 * from the feature modules' public APIs.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder()
 *     .contract(DataContracts.load(Path.of("lead-contract.yaml")))
 *     .enrichment(Enricher.of(CsvEnrichmentProvider.load(Path.of("firmographics.csv")), EnrichmentPolicy.defaults()))
 *     .dedupe(DedupeConfigs.load(Path.of("dedupe.yaml")))
 *     .scoring(ScoringModel.load(Path.of("model.yaml")))
 *     .routing(Router.create(RoutingTable.load(Path.of("routing.yaml")), AssignmentState.inMemory()))
 *     .routeWhen("mql")
 *     .sla(SlaPolicy.load(Path.of("sla.yaml")))
 *     .notifications(n -> crm.createTask(n.recipient(), n.leadId(), n.dueBy()))
 *     .build();
 *
 * LeadOutcome one = pipeline.process(lead, events, now);                 // a CRM plugin, per record
 * PipelineResult all = pipeline.run(leads, eventsById::get, now, output); // a batch or a partition
 * }</pre>
 *
 * <p>Every stage is optional; one not configured passes records through (and says so in the
 * counts). Each record goes through the stages in order; a record a stage cannot handle (a
 * contract error, an enrichment that failed after its retries, an exception inside a module)
 * becomes a {@link DeadLetter} with the stage, a code, the attempts and the original record, and
 * goes no further. Bad values that a stage can live with (an invalid phone, a contract warning, an
 * unparseable event time) are {@link Finding}s on the lead, not dead letters.
 *
 * <p>Streaming: {@link #run} reads its input once, and every stage but dedupe handles one record
 * at a time. Dedupe is a batch stage by nature (a duplicate may be the last record read): with
 * dedupe on, the records that pass validate, normalise and enrich are held in memory until the
 * input ends, clustered, and then stream on through the later stages one golden record per
 * cluster; memory grows with the input (the dedupe engine's own budget and limits apply, see
 * {@code docs/dedupe.md}). Without dedupe, memory does not grow with the input. {@link #process}
 * runs the per-record stages only: batch dedupe is skipped there; with {@link Builder#matchIndex}
 * instead, dedupe is a per-record stage too (each lead checked against known records, in {@code
 * process} and {@code run} alike).
 *
 * <p>Thread safety: immutable and thread-safe. {@link #process} may be called from many threads
 * at once (the router, enricher, identity graph and scorer it holds are thread-safe; the
 * notification sink must be too). One {@link #run} works on the calling thread; several runs over
 * different partitions may go on in parallel and their results {@link PipelineResult#merge merge}.
 * Stateful parts are shared by every call: the router's assignment state (round-robin positions,
 * caps), the enricher's cache and breaker, and the identity graph.
 */
public final class Pipeline {

  /** Default field holding a lead's id. */
  public static final String DEFAULT_ID_FIELD = "id";
  /** Most candidate ids in a lead's {@code duplicate_candidates} (per-record dedupe, {@link Builder#matchIndex}). */
  public static final int MAX_DUPLICATE_CANDIDATES = 10;
  /** How often, in records, {@link PipelineOutput#progress} is called. */
  public static final int PROGRESS_EVERY = 4096;

  private static final String SEQ = "__mops_seq";
  private static final List<PipelineStage> HEAD = List.of(PipelineStage.VALIDATE, PipelineStage.NORMALISE, PipelineStage.ENRICH);
  private static final List<PipelineStage> STREAMING_DEDUPE = List.of(PipelineStage.DEDUPE);
  private static final List<PipelineStage> TAIL = List.of(PipelineStage.IDENTITY, PipelineStage.SCORE, PipelineStage.ROUTE, PipelineStage.NOTIFY);

  private final String name;
  private final String version;
  private final String contentHash;
  private final String idField;
  private final @Nullable ContractValidator validator;
  private final boolean rejectInvalid;
  private final @Nullable NormaliseFields normalise;
  private final @Nullable EmailNormalizer emails;
  private final @Nullable DomainNormalizer domains;
  private final @Nullable PhoneNormalizer phones;
  private final @Nullable CountryNormalizer countries;
  private final @Nullable Enricher enricher;
  private final @Nullable DedupeConfig dedupe;
  private final @Nullable MatchIndex matchIndex;
  private final boolean addToIndex;
  private final @Nullable AccountMatcher accounts;
  private final @Nullable IdentityGraph graph;
  private final @Nullable ScoringModel scoring;
  private final @Nullable ContactPolicy contactPolicy;
  private final Channel contactChannel;
  private final @Nullable Router router;
  private final @Nullable String routeWhen;
  private final @Nullable SlaEvaluator slaEvaluator;
  private final NotificationSink notifications;
  private final Map<String, String> configs;
  private final java.util.concurrent.atomic.AtomicLong observations = new java.util.concurrent.atomic.AtomicLong();

  private Pipeline(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.contentHash = b.contentHash;
    this.idField = b.idField;
    this.validator = b.contract == null ? null : b.contract.validator();
    this.rejectInvalid = b.rejectInvalid;
    this.normalise = b.normalise;
    if (b.normalise != null) {
      this.emails = EmailNormalizer.builder().field(b.normalise.email()).build();
      this.domains = DomainNormalizer.builder().field(b.normalise.website()).build();
      this.phones = PhoneNormalizer.builder().field(b.normalise.phone()).defaultRegion(b.normalise.defaultRegion()).build();
      this.countries = CountryNormalizer.builder().build();
    } else {
      this.emails = null;
      this.domains = null;
      this.phones = null;
      this.countries = null;
    }
    this.enricher = b.enricher;
    this.dedupe = b.dedupe;
    this.matchIndex = b.matchIndex;
    this.addToIndex = b.addToIndex;
    this.accounts = b.accounts;
    this.graph = b.graph;
    this.scoring = b.scoring;
    this.contactPolicy = b.contactPolicy;
    this.contactChannel = b.contactChannel;
    this.router = b.router;
    this.routeWhen = b.routeWhen;
    this.slaEvaluator = b.sla == null ? null : b.sla.evaluator(Schema.of(List.copyOf(b.sla.fields())));
    this.notifications = b.notifications;
    Map<String, String> c = new LinkedHashMap<>();
    if (b.contract != null) {
      c.put("contract", b.contract.name() + " " + b.contract.version() + " " + b.contract.contentHash());
    }
    if (b.dedupe != null) {
      c.put("dedupe", "dedupe " + b.dedupe.version() + " " + b.dedupe.contentHash());
    }
    if (b.matchIndex != null) {
      DedupeConfig dc = b.matchIndex.config();
      c.put("dedupe", "match index " + dc.version() + " " + dc.contentHash());
    }
    if (b.graph != null) {
      StitchConfig sc = b.graph.config();
      c.put("identity", sc.name() + " " + sc.version() + " " + sc.contentHash());
    }
    if (b.scoring != null) {
      c.put("scoring", b.scoring.name() + " " + b.scoring.version() + " " + b.scoring.contentHash());
    }
    if (b.router != null) {
      c.put("routing", b.router.table().name() + " " + b.router.table().version() + " " + b.router.table().contentHash());
    }
    if (b.sla != null) {
      c.put("sla", b.sla.name() + " " + b.sla.version() + " " + b.sla.contentHash());
    }
    if (b.enricher != null) {
      c.put("enrichment", b.enricher.provider().name());
    }
    c.putAll(b.extraConfigs);
    this.configs = Collections.unmodifiableMap(c);
  }

  /** Returns a builder of a pipeline with no stages (every stage passes records through until set). */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the pipeline's name. */
  public String name() {
    return name;
  }

  /** Returns the field holding a lead's id. */
  public String idField() {
    return idField;
  }

  /** Returns the stages configured, in order. */
  public Set<PipelineStage> enabledStages() {
    Set<PipelineStage> s = EnumSet.noneOf(PipelineStage.class);
    for (PipelineStage stage : PipelineStage.values()) {
      if (enabled(stage)) {
        s.add(stage);
      }
    }
    return Collections.unmodifiableSet(s);
  }

  /** Returns the enricher, or null without enrichment. */
  public @Nullable Enricher enricher() {
    return enricher;
  }

  /** Returns the identity graph the identity stage stitches into, or null without stitching. */
  public @Nullable IdentityGraph identityGraph() {
    return graph;
  }

  /** Returns the configs used, kind to {@code name version hash}. */
  public Map<String, String> configs() {
    return configs;
  }

  private boolean enabled(PipelineStage stage) {
    switch (stage) {
      case VALIDATE:
        return validator != null;
      case NORMALISE:
        return normalise != null;
      case ENRICH:
        return enricher != null;
      case DEDUPE:
        return dedupe != null || matchIndex != null;
      case IDENTITY:
        return accounts != null || graph != null;
      case SCORE:
        return scoring != null;
      case ROUTE:
        return router != null || contactPolicy != null;
      case NOTIFY:
      default:
        return router != null;
    }
  }

  /**
   * Runs the per-record stages (all but dedupe) on one lead.
   *
   * @param lead the lead as the caller has it
   * @param events the lead's events, for scoring (type, timestamp, ...)
   * @param now the instant decisions are made at (scores decay to it, SLAs start at it)
   * @return the outcome: passed with the lead as it left the last stage, or dead-lettered
   */
  public LeadOutcome process(Record lead, List<? extends Record> events, Instant now) {
    Objects.requireNonNull(lead, "lead");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(now, "now");
    Work w = new Work(1, lead, idField);
    for (PipelineStage s : HEAD) {
      DeadLetter dl = apply(s, w, id -> events, now);
      if (dl != null) {
        return w.outcome(dl);
      }
    }
    DeadLetter matched = apply(PipelineStage.DEDUPE, w, id -> events, now);
    if (matched != null) {
      return w.outcome(matched);
    }
    for (PipelineStage s : TAIL) {
      DeadLetter dl = apply(s, w, id -> events, now);
      if (dl != null) {
        return w.outcome(dl);
      }
    }
    return w.outcome(null);
  }

  /** Runs the pipeline on {@code leads} without events; see {@link #run(Iterable, Function, Instant, PipelineOutput)}. */
  public PipelineResult run(Iterable<? extends Record> leads, Instant now, PipelineOutput output) {
    return run(leads, id -> List.of(), now, output);
  }

  /**
   * Runs every stage on a batch (a file, a partition), streaming where the stages allow.
   *
   * @param leads the leads, read once, in order
   * @param eventsOf a lead's events by its id (for scoring; a merged golden record gets the events
   *     of every record of its cluster)
   * @param now the instant decisions are made at
   * @param output where the leads, dead letters, merged duplicates and stage outputs go
   * @return the counts and measures of the run
   * @throws RuntimeException whatever {@code output} throws (the run stops), or a dedupe resource
   *     limit ({@code DedupeLimitException})
   */
  public PipelineResult run(Iterable<? extends Record> leads, Function<String, ? extends List<? extends Record>> eventsOf,
      Instant now, PipelineOutput output) {
    Objects.requireNonNull(leads, "leads");
    Objects.requireNonNull(eventsOf, "eventsOf");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(output, "output");
    long started = System.nanoTime();
    EnrichmentStats before = enricher == null ? EnrichmentStats.zero() : enricher.stats();
    Tally t = new Tally();
    Set<PipelineStage> wanted = output.stageOutputs();
    List<Work> held = new ArrayList<>();
    long n = 0;
    for (Record lead : leads) {
      n++;
      t.read++;
      if (n % PROGRESS_EVERY == 0) {
        output.progress(PipelineStage.VALIDATE, n, -1, "records read");
      }
      Work w = new Work(n, lead, idField);
      if (!through(HEAD, w, eventsOf, now, t, wanted, output)) {
        continue;
      }
      if (dedupe != null) {
        held.add(w);
      } else if (through(STREAMING_DEDUPE, w, eventsOf, now, t, wanted, output)) {
        tail(w, eventsOf, now, t, wanted, output);
      }
    }
    output.progress(PipelineStage.VALIDATE, n, n, "records read");
    if (dedupe != null) {
      dedupeAndTail(held, eventsOf, now, t, wanted, output);
    }
    EnrichmentStats calls = enricher == null ? EnrichmentStats.zero() : enricher.stats().minus(before);
    List<StageCounts> counts = new ArrayList<>();
    for (PipelineStage s : PipelineStage.values()) {
      Counter c = t.count(s);
      counts.add(new StageCounts(s, enabled(s), c.in, c.out, c.dead, c.merged));
    }
    return new PipelineResult(name, version, contentHash, now, counts, t.read, t.passed, t.dead, t.merged,
        t.breakdowns, calls, configs, (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * Runs the pipeline again on the original records of {@code deadLetters}, in their order: a
   * replay after the cause is fixed (the provider is back, the contract relaxed). Each original
   * record is read once; where it ends up is in the result and the output as for {@link #run}.
   */
  public PipelineResult replay(List<DeadLetter> deadLetters, Function<String, ? extends List<? extends Record>> eventsOf,
      Instant now, PipelineOutput output) {
    List<Record> originals = new ArrayList<>(deadLetters.size());
    for (DeadLetter d : deadLetters) {
      originals.add(d.original());
    }
    return run(originals, eventsOf, now, output);
  }

  private boolean through(List<PipelineStage> stages, Work w, Function<String, ? extends List<? extends Record>> eventsOf,
      Instant now, Tally t, Set<PipelineStage> wanted, PipelineOutput output) {
    for (PipelineStage s : stages) {
      Counter c = t.count(s);
      c.in++;
      DeadLetter dl = apply(s, w, eventsOf, now);
      t.measure(s, w);
      if (dl != null) {
        c.dead++;
        t.dead++;
        t.add("dead_letters", s.label() + "/" + dl.code());
        emit(() -> output.deadLetter(dl));
        return false;
      }
      c.out++;
      if (wanted.contains(s)) {
        Record snapshot = w.snapshot();
        emit(() -> output.stageOutput(s, snapshot));
      }
    }
    return true;
  }

  private void tail(Work w, Function<String, ? extends List<? extends Record>> eventsOf, Instant now, Tally t,
      Set<PipelineStage> wanted, PipelineOutput output) {
    if (through(TAIL, w, eventsOf, now, t, wanted, output)) {
      t.passed++;
      for (Finding f : w.findings) {
        t.add("findings", f.code());
      }
      LeadOutcome outcome = w.outcome(null);
      emit(() -> output.lead(outcome));
    }
  }

  private void dedupeAndTail(List<Work> held, Function<String, ? extends List<? extends Record>> eventsOf, Instant now,
      Tally t, Set<PipelineStage> wanted, PipelineOutput output) {
    DedupeConfig config = Objects.requireNonNull(dedupe);
    Counter c = t.count(PipelineStage.DEDUPE);
    c.in += held.size();
    List<Record> views = new ArrayList<>(held.size());
    for (Work w : held) {
      views.add(new NumberedView(w.fields, Long.toString(w.number)));
    }
    Runtime rt = Runtime.getRuntime();
    if (held.size() > 100_000) {
      System.gc();   // once per large batch: what the run holds, without its garbage
    }
    long heldBytes = rt.totalMemory() - rt.freeMemory();
    // the engine sizes itself on the whole heap; what this run holds is not there for it
    Deduplicator.pairBudget(held.size(), Math.max(0, rt.maxMemory() - heldBytes));
    DedupeResult result;
    Map<String, GoldenRecord> golden = new HashMap<>();
    try {
      result = Deduplicator.of(config)
          .withProgress((phase, done, total) -> output.progress(PipelineStage.DEDUPE, done, total,
              phase.name().toLowerCase(java.util.Locale.ROOT) + " " + phase.unit()))
          .dedupe(views, SEQ);
      views.clear();
      for (GoldenRecord g : result.goldenRecords(2)) { // single records stay as they are
        golden.put(g.clusterId(), g);
      }
    } catch (OutOfMemoryError e) {
      views.clear();
      golden.clear();
      throw new DedupeLimitException(String.format(java.util.Locale.ROOT,
          "the dedupe stage ran out of memory on %,d records with %,d MB of heap: run java with a larger -Xmx"
              + " (JAVA_OPTS for mops; a million leads through every stage need about 6 GB), or split the input",
          held.size(), rt.maxMemory() >> 20));
    }
    Map<Long, Work> bySeq = new HashMap<>();
    for (Work w : held) {
      bySeq.put(w.number, w);
    }
    List<Work> survivors = new ArrayList<>();
    for (EntityCluster cluster : result.clusters()) {
      List<Work> members = new ArrayList<>(cluster.size());
      for (RecordRef ref : cluster.members()) {
        Work w = bySeq.get(Long.parseLong(ref.id()));
        if (w != null) {
          members.add(w);
        }
      }
      if (members.isEmpty()) {
        continue;
      }
      members.sort((a, b) -> Long.compare(a.number, b.number));
      Work survivor = members.get(0);
      if (members.size() > 1) {
        GoldenRecord g = golden.get(cluster.clusterId());
        if (g != null) {
          g.values().forEach((f, v) -> {
            if (!f.equals(SEQ)) {
              survivor.fields.put(f, v);
            }
          });
        }
        List<String> others = new ArrayList<>();
        for (Work m : members.subList(1, members.size())) {
          others.add(m.id);
          survivor.memberIds.add(m.id);
          Record dup = Records.of(m.fields);
          c.merged++;
          t.merged++;
          emit(() -> output.merged(dup, survivor.id, cluster.clusterId()));
        }
        survivor.fields.put("duplicate_ids", String.join(" ", others));
        t.add("identity", "clusters_with_duplicates");
      }
      survivor.fields.put("cluster_id", cluster.clusterId());
      survivor.fields.put("cluster_size", (long) members.size());
      survivors.add(survivor);
    }
    t.add("identity", "clusters", result.clusters().size());
    t.add("identity", "duplicates_merged", c.merged);
    held.clear();
    survivors.sort((a, b) -> Long.compare(a.number, b.number));
    long done = 0;
    for (Work w : survivors) {
      c.out++;
      if (wanted.contains(PipelineStage.DEDUPE)) {
        Record snapshot = w.snapshot();
        emit(() -> output.stageOutput(PipelineStage.DEDUPE, snapshot));
      }
      tail(w, eventsOf, now, t, wanted, output);
      if (++done % PROGRESS_EVERY == 0) {
        output.progress(PipelineStage.IDENTITY, done, survivors.size(), "records after dedupe");
      }
    }
    output.progress(PipelineStage.IDENTITY, done, survivors.size(), "records after dedupe");
  }

  /** Runs one stage on one record; returns its dead letter, or null when it went on. */
  private @Nullable DeadLetter apply(PipelineStage stage, Work w, Function<String, ? extends List<? extends Record>> eventsOf,
      Instant now) {
    if (!enabled(stage)) {
      return null;
    }
    try {
      switch (stage) {
        case VALIDATE:
          return validate(w, now);
        case NORMALISE:
          normalise(w);
          return null;
        case ENRICH:
          return enrich(w);
        case DEDUPE:
          matchAgainstIndex(w);
          return null;
        case IDENTITY:
          identity(w, now);
          return null;
        case SCORE:
          score(w, eventsOf, now);
          return null;
        case ROUTE:
          route(w, now);
          return null;
        case NOTIFY:
        default:
          return notify(w, now);
      }
    } catch (RuntimeException e) {
      return w.deadLetter(stage, stage.name() + "_FAILED", e.toString(), 1);
    }
  }

  /** The per-record dedupe stage: looks the lead up in the match index (no-op for batch dedupe). */
  private void matchAgainstIndex(Work w) {
    MatchIndex index = matchIndex;
    if (index == null) {
      return;
    }
    List<IndexMatch> found;
    if (addToIndex && !w.id.startsWith("#")) {
      // the index keeps the lead as it left this stage: a copy, not the map later stages write to
      MatchIndex.Lookup lookup = index.matchesThenAdd(RecordRef.of(w.id), w.snapshot());
      found = lookup.matches();
      w.alreadyIndexed = !lookup.added();
    } else {
      found = index.matches(w.view());
    }
    List<IndexMatch> hits = new ArrayList<>();
    for (IndexMatch m : found) {
      if (!m.ref().id().equals(w.id)) {
        hits.add(m);
      }
    }
    w.duplicates = List.copyOf(hits);
    String status = "new";
    if (!hits.isEmpty()) {
      IndexMatch best = hits.get(0);
      status = best.decision() == MatchDecision.MATCH ? "duplicate" : "review";
      if (best.decision() == MatchDecision.MATCH) {
        w.fields.put("duplicate_of", best.ref().id());
      }
      w.fields.put("duplicate_probability", best.probability());
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < hits.size() && i < MAX_DUPLICATE_CANDIDATES; i++) {
        ids.add(hits.get(i).ref().id());
      }
      w.fields.put("duplicate_candidates", String.join(" ", ids));
    }
    w.fields.put("duplicate_status", status);
  }

  private @Nullable DeadLetter validate(Work w, Instant now) {
    List<ContractViolation> violations = Objects.requireNonNull(validator).validate(w.view(), now);
    if (violations.isEmpty()) {
      return null;
    }
    List<ContractViolation> errors = new ArrayList<>();
    for (ContractViolation v : violations) {
      w.violations.add(v.rule());
      if (v.severity() == Severity.ERROR) {
        errors.add(v);
      } else {
        w.findings.add(v.toFinding());
      }
    }
    if (errors.isEmpty() || !rejectInvalid) {
      for (ContractViolation v : errors) {
        w.findings.add(v.toFinding());
      }
      return null;
    }
    StringBuilder msg = new StringBuilder();
    for (int i = 0; i < errors.size() && i < 5; i++) {
      ContractViolation v = errors.get(i);
      if (i > 0) {
        msg.append("; ");
      }
      msg.append(v.field().isEmpty() ? "" : v.field() + ": ").append(v.message()).append(" [").append(v.rule()).append(']');
    }
    if (errors.size() > 5) {
      msg.append("; and ").append(errors.size() - 5).append(" more");
    }
    return w.deadLetter(PipelineStage.VALIDATE, errors.get(0).code(), msg.toString(), 1);
  }

  private void normalise(Work w) {
    NormaliseFields f = Objects.requireNonNull(normalise);
    String derivedDomain = null;
    String email = text(w.fields.get(f.email()));
    if (email != null) {
      NormalizedEmail ne = Objects.requireNonNull(emails).normalize(email);
      w.findings.addAll(ne.findings());
      if (ne.normalized() != null) {
        w.fields.put(f.email(), ne.normalized());
        if (ne.domain() != null && !ne.has(EmailFlag.FREE_MAIL)) {
          derivedDomain = ne.domain();
        }
      }
    }
    String website = text(w.fields.get(f.website()));
    if (website != null) {
      NormalizedDomain nd = Objects.requireNonNull(domains).normalize(website);
      w.findings.addAll(nd.findings());
      if (nd.registrableDomain() != null) {
        derivedDomain = nd.registrableDomain();
      }
    }
    if (derivedDomain != null && text(w.fields.get(f.domain())) == null) {
      w.fields.put(f.domain(), derivedDomain);
    }
    String region = null;
    String country = text(w.fields.get(f.country()));
    if (country != null) {
      NormalizedCountry nc = Objects.requireNonNull(countries).normalize(country);
      w.findings.addAll(nc.findings());
      if (nc.code() != null) {
        w.fields.put(f.country(), nc.code());
        region = nc.code();
      }
    }
    String phone = text(w.fields.get(f.phone()));
    if (phone != null) {
      NormalizedPhone np = Objects.requireNonNull(phones).normalize(phone, region);
      w.findings.addAll(np.findings());
      if (np.e164() != null) {
        w.fields.put(f.phone(), np.e164());
      }
    }
  }

  private @Nullable DeadLetter enrich(Work w) {
    Enricher e = Objects.requireNonNull(enricher);
    String domainField = normalise == null ? "domain" : normalise.domain();
    String emailField = normalise == null ? "email" : normalise.email();
    String domain = text(w.fields.get(domainField));
    String email = text(w.fields.get(emailField));
    EnrichmentKey key;
    if (domain != null) {
      key = EnrichmentKey.domain(domain);
    } else if (email != null && email.indexOf('@') > 0) {
      key = EnrichmentKey.email(email);
    } else {
      w.fields.put("enrichment_status", "skipped");
      return null;
    }
    EnrichmentResponse r = e.lookup(key);
    w.enrichment = r;
    if (r.failed()) {
      return w.deadLetter(PipelineStage.ENRICH, Objects.requireNonNull(r.errorCode()), Objects.requireNonNull(r.message()),
          r.attempts());
    }
    for (Map.Entry<String, String> f : r.fields().entrySet()) {
      if (text(w.fields.get(f.getKey())) == null) {
        w.fields.put(f.getKey(), f.getValue());
      }
    }
    w.fields.put("enrichment_status", r.status() == EnrichmentResponse.Status.FOUND ? "found" : "not_found");
    return null;
  }

  private void identity(Work w, Instant now) {
    if (accounts != null) {
      AccountMatch m = accounts.match(w.view());
      w.account = m;
      if (m.matched() && m.account() != null) {
        w.fields.put("account_id", m.account().id());
        w.fields.put("account_name", m.account().name());
        if (m.account().owner() != null) {
          w.fields.put("account_owner", m.account().owner());
        }
        w.fields.put("account_confidence", m.confidence());
      }
    }
    if (graph != null) {
      List<String> typesAndValues = new ArrayList<>();
      for (IdentifierType type : graph.config().types()) {
        String v = text(w.fields.get(type.name()));
        if (v != null) {
          typesAndValues.add(type.name());
          typesAndValues.add(v);
        }
      }
      if (!typesAndValues.isEmpty()) {
        // an observation id is unique in a graph, and a lead may come through again (an update, a replay)
        String observation = w.id + "/" + observations.incrementAndGet();
        StitchOutcome o = graph.add(Observation.of(observation, now, typesAndValues.toArray(new String[0])));
        w.fields.put("profile_id", o.profileId());
        w.stitched = true;
      }
    }
  }

  private void score(Work w, Function<String, ? extends List<? extends Record>> eventsOf, Instant now) {
    ScoringModel model = Objects.requireNonNull(scoring);
    List<Record> events = new ArrayList<>();
    List<? extends Record> own = eventsOf.apply(w.id);
    if (own != null) {
      events.addAll(own);
    }
    for (String member : w.memberIds) {
      List<? extends Record> more = eventsOf.apply(member);
      if (more != null) {
        events.addAll(more);
      }
    }
    LeadScore s = model.scorer().score(w.view(), events, now, w.findings::add);
    w.score = s;
    Record outcome = s.outcome();
    for (String f : outcome.fieldNames()) {
      w.fields.put(f, outcome.get(f));
    }
  }

  private void route(Work w, Instant now) {
    if (routeWhen != null && w.score != null && !w.score.threshold(routeWhen)) {
      w.fields.put("route_outcome", "not_routed");
      w.fields.put("route_reason", "below the " + routeWhen + " threshold");
      return;
    }
    if (contactPolicy != null) {
      ContactCheck check = contactPolicy.check(w.view(), contactChannel, Purpose.SALES, now);
      if (!check.allowed()) {
        w.fields.put("route_outcome", "suppressed");
        w.fields.put("route_reason", check.reason());
        return;
      }
    }
    if (router == null) {
      w.fields.put("route_outcome", "not_routed");
      w.fields.put("route_reason", "no routing table");
      return;
    }
    RoutingDecision d = router.route(w.view(), now);
    w.routing = d;
    w.fields.put("route_outcome", d.outcome().label());
    if (d.owner() != null) {
      w.fields.put("route_owner", d.owner());
    }
    w.fields.put("route_destination", d.destination());
    w.fields.put("route_rule", d.rule());
    w.fields.put("route_reason", d.reason());
  }

  private @Nullable DeadLetter notify(Work w, Instant now) {
    RoutingDecision d = w.routing;
    if (d == null) {
      return null;
    }
    Instant due = null;
    String goal = null;
    if (slaEvaluator != null) {
      SlaResult r = slaEvaluator.evaluate(slaEvaluator.schema().row(w.view()), now, null, now);
      due = r.dueAt();
      goal = r.goal().name();
      if (due != null) {
        w.fields.put("due_by", due.toString());
      }
      w.fields.put("sla_goal", goal);
    }
    Notification n = new Notification(d.owner() != null ? d.owner() : d.destination(), w.id, d.outcome().label(),
        d.destination(), d.rule(), d.reason(), now, due, goal);
    try {
      notifications.accept(n);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return w.deadLetter(PipelineStage.NOTIFY, "NOTIFY_FAILED", "the notification sink threw " + e, 1);
    }
    w.notification = n;
    return null;
  }

  private static @Nullable String text(@Nullable Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

  private static void emit(OutputCall call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("pipeline output failed: " + e.getMessage(), e);
    }
  }

  @FunctionalInterface
  private interface OutputCall {
    void run() throws Exception;
  }

  @Override
  public String toString() {
    return "Pipeline[" + name + " " + version + ", stages " + enabledStages() + "]";
  }

  /** The record in flight, with what the stages learned about it. Not thread-safe: one run, one thread. */
  private static final class Work {
    final long number;
    /** The record as given: callers' records are read-only views, kept as they are until a dead letter copies them. */
    final Record original;
    final Map<String, @Nullable Object> fields;
    final String id;
    final List<Finding> findings = new ArrayList<>(2);
    final List<String> violations = new ArrayList<>(1);
    final List<String> memberIds = new ArrayList<>(0);
    @Nullable EnrichmentResponse enrichment;
    @Nullable AccountMatch account;
    @Nullable LeadScore score;
    @Nullable RoutingDecision routing;
    @Nullable Notification notification;
    List<IndexMatch> duplicates = List.of();
    boolean stitched;
    boolean alreadyIndexed;

    Work(long number, Record lead, String idField) {
      this.number = number;
      this.original = lead;
      this.fields = new LinkedHashMap<>();
      for (String f : lead.fieldNames()) {
        fields.put(f, lead.get(f));
      }
      String raw = text(lead.get(idField));
      this.id = raw == null ? "#" + number : raw;
    }

    Record view() {
      return Records.of(fields);
    }

    Record snapshot() {
      return Records.of(Collections.unmodifiableMap(new LinkedHashMap<>(fields)));
    }

    DeadLetter deadLetter(PipelineStage stage, String code, String message, int attempts) {
      Map<String, @Nullable Object> m = new LinkedHashMap<>();
      for (String f : original.fieldNames()) {
        m.put(f, original.get(f));
      }
      return new DeadLetter(stage, code, message, attempts, number, id.startsWith("#") ? null : id, m);
    }

    LeadOutcome outcome(@Nullable DeadLetter dl) {
      return new LeadOutcome(id, number, snapshot(), findings, dl, enrichment, duplicates, account, score, routing,
          notification);
    }
  }

  /** A record's fields with its number added under {@link #SEQ}, the id the dedupe engine sees; no copy. */
  private static final class NumberedView implements Record {
    private final Map<String, @Nullable Object> fields;
    private final String seq;

    NumberedView(Map<String, @Nullable Object> fields, String seq) {
      this.fields = fields;
      this.seq = seq;
    }

    @Override
    public @Nullable Object get(String field) {
      return field.equals(SEQ) ? seq : fields.get(field);
    }

    @Override
    public boolean has(String field) {
      return field.equals(SEQ) || fields.containsKey(field);
    }

    @Override
    public Set<String> fieldNames() {
      Set<String> names = new java.util.LinkedHashSet<>(fields.keySet());
      names.add(SEQ);
      return Collections.unmodifiableSet(names);
    }
  }

  private static final class Counter {
    long in;
    long out;
    long dead;
    long merged;
  }

  /** The counts and measures of one run. */
  private final class Tally {
    final Map<PipelineStage, Counter> counts = new EnumMap<>(PipelineStage.class);
    final Map<String, Map<String, Long>> breakdowns = new TreeMap<>();
    long read;
    long passed;
    long dead;
    long merged;

    Tally() {
      for (PipelineStage s : PipelineStage.values()) {
        counts.put(s, new Counter());
      }
    }

    Counter count(PipelineStage s) {
      return Objects.requireNonNull(counts.get(s));
    }

    void add(String measure, String label) {
      add(measure, label, 1);
    }

    void add(String measure, String label, long n) {
      breakdowns.computeIfAbsent(measure, k -> new TreeMap<>()).merge(label, n, Long::sum);
    }

    /** Counts what {@code stage} learned about {@code w} (called whether or not it failed). */
    void measure(PipelineStage stage, Work w) {
      if (!enabled(stage)) {
        return;
      }
      switch (stage) {
        case VALIDATE:
          for (String rule : w.violations) {
            add("violations", rule);
          }
          break;
        case ENRICH:
          Object status = w.fields.get("enrichment_status");
          if (w.enrichment != null && w.enrichment.failed()) {
            add("enrichment", "failed");
          } else if (status != null) {
            add("enrichment", status.toString());
          }
          break;
        case DEDUPE:
          Object dup = w.fields.get("duplicate_status");
          if (dup != null) {
            add("dedupe", dup.toString());
          }
          if (w.alreadyIndexed) {
            add("dedupe", "already_indexed");
          }
          break;
        case IDENTITY:
          if (w.account != null && w.account.matched()) {
            add("identity", "accounts_matched");
          }
          if (w.stitched) {
            add("identity", "profiles_stitched");
          }
          break;
        case SCORE:
          LeadScore s = w.score;
          if (s != null) {
            for (String th : s.thresholdsMet()) {
              add("thresholds", th);
            }
            if (scoring != null && !scoring.gradeNames().isEmpty()) {
              add("grades", s.grade());
            }
          }
          break;
        case ROUTE:
          Object outcome = w.fields.get("route_outcome");
          if (outcome != null) {
            add("route_outcomes", outcome.toString());
          }
          if (w.routing != null && w.routing.owner() != null) {
            add("owners", Objects.requireNonNull(w.routing.owner()));
          }
          break;
        case NOTIFY:
          if (w.notification != null) {
            add("notifications", "made");
            String goal = w.notification.slaGoal();
            if (goal != null) {
              add("sla_goals", goal);
            }
          }
          break;
        default:
          break;
      }
    }
  }

  /**
   * The field names the normalise stage reads and writes, and the default phone region.
   *
   * <p>Thread safety: an immutable value.
   *
   * @param email the email field (normalised in place)
   * @param website the website field (its registrable domain becomes {@code domain} when that is empty)
   * @param domain the company-domain field (derived from the website, else from a non-free-mail email)
   * @param phone the phone field (E.164 in place, in the lead's country when known)
   * @param country the country field (ISO 3166-1 alpha-2 in place)
   * @param defaultRegion the phone region when the lead has no country ({@code US})
   */
  public record NormaliseFields(String email, String website, String domain, String phone, String country,
      String defaultRegion) {

    /** The defaults: {@code email}, {@code website}, {@code domain}, {@code phone}, {@code country}, region {@code US}. */
    public static final NormaliseFields DEFAULT = new NormaliseFields("email", "website", "domain", "phone", "country", "US");

    /** Checks that no name is null. */
    public NormaliseFields {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(website, "website");
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(defaultRegion, "defaultRegion");
    }
  }

  /**
   * Builds a {@link Pipeline}; each stage is set at most once, and checked when set.
   *
   * <p>Thread safety: not thread-safe; use one builder on one thread.
   */
  public static final class Builder {
    private String name = "pipeline";
    private String version = "unversioned";
    private String contentHash = "";
    private String idField = DEFAULT_ID_FIELD;
    private @Nullable DataContract contract;
    private boolean rejectInvalid = true;
    private @Nullable NormaliseFields normalise;
    private @Nullable Enricher enricher;
    private @Nullable DedupeConfig dedupe;
    private @Nullable MatchIndex matchIndex;
    private boolean addToIndex;
    private @Nullable AccountMatcher accounts;
    private @Nullable IdentityGraph graph;
    private @Nullable ScoringModel scoring;
    private @Nullable ContactPolicy contactPolicy;
    private Channel contactChannel = Channel.EMAIL;
    private @Nullable Router router;
    private @Nullable String routeWhen;
    private @Nullable SlaPolicy sla;
    private NotificationSink notifications = NotificationSink.NONE;
    private final Map<String, String> extraConfigs = new LinkedHashMap<>();
    private final Set<String> set = new java.util.HashSet<>();

    private Builder() {}

    private void once(String what) {
      if (!set.add(what)) {
        throw new IllegalStateException(what + " was already set");
      }
    }

    /** Names the pipeline and its definition's version and content hash (shown in every result). */
    public Builder identity(String name, String version, String contentHash) {
      once("identity");
      this.name = requireText(name, "name");
      this.version = requireText(version, "version");
      this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
      return this;
    }

    /** Sets the field holding a lead's id ({@value #DEFAULT_ID_FIELD} by default). */
    public Builder idField(String field) {
      once("idField");
      this.idField = requireText(field, "idField");
      return this;
    }

    /** Validates leads against {@code contract}: error-severity violations dead-letter the lead. */
    public Builder contract(DataContract contract) {
      once("contract");
      this.contract = Objects.requireNonNull(contract, "contract");
      return this;
    }

    /** Sets whether contract errors dead-letter the lead ({@code true}, the default) or become findings. */
    public Builder rejectInvalid(boolean reject) {
      once("rejectInvalid");
      this.rejectInvalid = reject;
      return this;
    }

    /** Normalises the default fields ({@link NormaliseFields#DEFAULT}). */
    public Builder normalise() {
      return normalise(NormaliseFields.DEFAULT);
    }

    /** Normalises email, website, domain, phone and country in the fields named. */
    public Builder normalise(NormaliseFields fields) {
      once("normalise");
      this.normalise = Objects.requireNonNull(fields, "fields");
      return this;
    }

    /** Enriches leads through {@code enricher} (its cache, timeout, retries and breaker). */
    public Builder enrichment(Enricher enricher) {
      once("enrichment");
      this.enricher = Objects.requireNonNull(enricher, "enricher");
      return this;
    }

    /**
     * Deduplicates each batch with {@code config}, keeping one golden record per cluster. A batch
     * stage: {@link Pipeline#process} skips it; see {@link #matchIndex} for the per-record form.
     *
     * @throws IllegalStateException when dedupe or a match index is already set
     */
    public Builder dedupe(DedupeConfig config) {
      once("dedupe");
      this.dedupe = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Checks each lead against the known records of {@code index} (a CRM's contacts, a batch
     * dedupe's result, a saved model's index) one record at a time, in {@link Pipeline#process}
     * and in {@link Pipeline#run} alike: the dedupe stage in its streaming form. Nothing is merged:
     * the lead goes on with {@code duplicate_status} ({@code duplicate}: a match at or above the
     * match threshold; {@code review}: only candidates between the review and match thresholds;
     * {@code new}: neither), {@code duplicate_of} (the best match's id), {@code
     * duplicate_probability} (the best candidate's) and {@code duplicate_candidates} (the ids of
     * at most {@value Pipeline#MAX_DUPLICATE_CANDIDATES} candidates, best first), and the matches
     * themselves in {@link LeadOutcome#duplicates()}. An indexed record with the lead's own id is
     * never its duplicate.
     *
     * @param index the known records (thread-safe; shared by every call)
     * @param addLeads whether a lead that passes the stage is added to the index under its id, so
     *     that later leads match it; a lead without an id, or whose id is already indexed, is not
     *     added (the second case is counted under {@code dedupe/already_indexed})
     * @throws IllegalStateException when dedupe or a match index is already set
     */
    public Builder matchIndex(MatchIndex index, boolean addLeads) {
      once("dedupe");
      this.matchIndex = Objects.requireNonNull(index, "index");
      this.addToIndex = addLeads;
      return this;
    }

    /** Matches each lead to an account ({@code account_id}, {@code account_owner}, ...). */
    public Builder accounts(AccountMatcher matcher) {
      once("accounts");
      this.accounts = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /**
     * Stitches each lead's identifiers (fields named as the graph's identifier types: {@code email},
     * {@code phone}, {@code user_id}, ...) into {@code graph}, writing {@code profile_id}.
     */
    public Builder identityGraph(IdentityGraph graph) {
      once("identityGraph");
      this.graph = Objects.requireNonNull(graph, "graph");
      return this;
    }

    /** Scores leads with {@code model}. */
    public Builder scoring(ScoringModel model) {
      once("scoring");
      this.scoring = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Checks suppression and consent for sales contact by email before routing; a refused lead is not routed. */
    public Builder suppression(ContactPolicy policy) {
      return suppression(policy, Channel.EMAIL);
    }

    /** Checks suppression and consent for sales contact on {@code channel} before routing. */
    public Builder suppression(ContactPolicy policy, Channel channel) {
      once("suppression");
      this.contactPolicy = Objects.requireNonNull(policy, "policy");
      this.contactChannel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /** Routes leads with {@code router}. */
    public Builder routing(Router router) {
      once("routing");
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** Routes only leads that meet the scoring threshold {@code threshold} (such as {@code mql}); needs scoring. */
    public Builder routeWhen(String threshold) {
      once("routeWhen");
      this.routeWhen = requireText(threshold, "threshold");
      return this;
    }

    /** Gives each notification its SLA due time and goal from {@code policy}. */
    public Builder sla(SlaPolicy policy) {
      once("sla");
      this.sla = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** Hands every notification to {@code sink}. */
    public Builder notifications(NotificationSink sink) {
      once("notifications");
      this.notifications = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Records another config used (kind to {@code name version hash}), shown in results. */
    public Builder config(String kind, String identity) {
      extraConfigs.put(requireText(kind, "kind"), requireText(identity, "identity"));
      return this;
    }

    /**
     * Returns the pipeline.
     *
     * @throws IllegalStateException when {@code routeWhen} names a threshold the scoring model lacks,
     *     or is set without scoring
     */
    public Pipeline build() {
      if (routeWhen != null) {
        if (scoring == null) {
          throw new IllegalStateException("routeWhen('" + routeWhen + "') needs a scoring model");
        }
        if (!scoring.thresholdNames().contains(routeWhen)) {
          throw new IllegalStateException("routeWhen('" + routeWhen + "'): the scoring model " + scoring.name()
              + " has no such threshold; it has " + scoring.thresholdNames());
        }
      }
      return new Pipeline(this);
    }

    private static String requireText(String s, String what) {
      Objects.requireNonNull(s, what);
      if (s.isBlank()) {
        throw new IllegalArgumentException(what + " must not be blank");
      }
      return s;
    }
  }
}
