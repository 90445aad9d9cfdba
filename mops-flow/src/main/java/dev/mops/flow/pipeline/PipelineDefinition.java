package dev.mops.flow.pipeline;

import dev.mops.core.Finding;
import dev.mops.core.condition.ConditionYaml;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.MapNode;
import dev.mops.core.io.InputRecord;
import dev.mops.core.io.RecordReader;
import dev.mops.flow.enrich.CsvEnrichmentProvider;
import dev.mops.flow.enrich.EnrichmentPolicy;
import dev.mops.flow.enrich.EnrichmentProvider;
import dev.mops.flow.enrich.Enricher;
import dev.mops.identity.account.AccountMatcher;
import dev.mops.identity.dedupe.DedupeConfig;
import dev.mops.identity.dedupe.DedupeConfigs;
import dev.mops.identity.stitch.IdentityGraph;
import dev.mops.identity.stitch.StitchConfig;
import dev.mops.metrics.sla.SlaPolicy;
import dev.mops.quality.contract.DataContract;
import dev.mops.quality.contract.DataContracts;
import dev.mops.routing.AssignmentState;
import dev.mops.routing.Router;
import dev.mops.routing.RoutingTable;
import dev.mops.routing.consent.Channel;
import dev.mops.routing.consent.ConsentLedger;
import dev.mops.routing.consent.ContactPolicy;
import dev.mops.routing.consent.SuppressionList;
import dev.mops.scoring.ScoringModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A pipeline defined in one versioned YAML file: the inputs (leads, events, accounts, suppression,
 * consent, firmographics) and the configs (contract, dedupe, identity, scoring, routing, SLA), each
 * a path relative to the file, and the settings of each stage.
 *
 * <pre>{@code
 * PipelineDefinition def = PipelineDefinition.load(Path.of("examples/pipeline/pipeline.yaml"));
 * Pipeline pipeline = def.builder().notifications(sink).build();
 * }</pre>
 *
 * <p>Loading reads every config and side file at once, so a bad config fails at load with the
 * file, line, column and path of the mistake (its own file's, for a config it names), and a
 * missing file fails at the key that names it. The keys are in the "Pipeline" section of {@code
 * docs/flow.md}.
 *
 * <p>Thread safety: immutable once loaded. {@link #builder()} makes fresh stateful parts (routing
 * state, identity graph, enricher) on every call.
 */
public final class PipelineDefinition {

  static final List<String> ROOT_KEYS = List.of("pipeline", "version", "description", "id_field", "inputs", "configs",
      "validate", "normalise", "enrich", "route", "output");
  static final List<String> INPUT_KEYS = List.of("leads", "events", "accounts", "suppression", "consent", "firmographics");
  static final List<String> CONFIG_KEYS = List.of("contract", "dedupe", "identity", "scoring", "routing", "sla");

  private final ConfigDocument doc;
  private final Path baseDir;
  private final String name;
  private final String idField;
  private final @Nullable Path leads;
  private final @Nullable Path events;
  private final String eventsLeadField;
  private final @Nullable DataContract contract;
  private final boolean rejectInvalid;
  private final Pipeline.@Nullable NormaliseFields normalise;
  private final @Nullable DedupeConfig dedupe;
  private final @Nullable StitchConfig identity;
  private final @Nullable ScoringModel scoring;
  private final @Nullable RoutingTable routing;
  private final @Nullable String routeWhen;
  private final Channel channel;
  private final @Nullable SlaPolicy sla;
  private final @Nullable AccountMatcher accounts;
  private final @Nullable ContactPolicy contactPolicy;
  private final @Nullable CsvEnrichmentProvider firmographics;
  private final EnrichmentPolicy enrichPolicy;
  private final Set<PipelineStage> stageOutputs;
  private final List<String> findings;

  private PipelineDefinition(ConfigDocument doc, Path baseDir) {
    this.doc = doc;
    this.baseDir = baseDir;
    List<String> found = new ArrayList<>();
    MapNode root = doc.root().checkKeys(ROOT_KEYS);
    this.name = root.string("pipeline", stripExtension(Path.of(doc.source()).getFileName().toString()));
    this.idField = root.string("id_field", Pipeline.DEFAULT_ID_FIELD);

    ConfigNode in = root.get("inputs");
    MapNode inputs = in == null ? null : in.asMap("the inputs").checkKeys(INPUT_KEYS);
    this.leads = inputs == null ? null : path(inputs, "leads");
    String leadField = "lead_id";
    Path ev = null;
    if (inputs != null && inputs.get("events") != null) {
      ConfigNode e = Objects.requireNonNull(inputs.get("events"));
      if (e instanceof MapNode m) {
        m.checkKeys(List.of("file", "lead_field"));
        ev = path(m, "file");
        if (ev == null) {
          throw m.error("events needs a 'file'");
        }
        leadField = m.string("lead_field", leadField);
      } else {
        ev = path(inputs, "events");
      }
    }
    this.events = ev;
    this.eventsLeadField = leadField;

    ConfigNode cn = root.get("configs");
    MapNode configs = cn == null ? null : cn.asMap("the configs").checkKeys(CONFIG_KEYS);
    this.contract = load(configs, "contract", DataContracts::load);
    this.dedupe = load(configs, "dedupe", DedupeConfigs::load);
    this.identity = load(configs, "identity", StitchConfig::load);
    this.scoring = load(configs, "scoring", ScoringModel::load);
    this.routing = load(configs, "routing", RoutingTable::load);
    this.sla = load(configs, "sla", SlaPolicy::load);

    ConfigNode vn = root.get("validate");
    boolean reject = true;
    if (vn != null) {
      MapNode v = vn.asMap("the validate settings").checkKeys(List.of("reject"));
      String r = v.string("reject", "errors");
      if (!r.equals("errors") && !r.equals("never")) {
        throw v.require("reject", "").error("expected 'errors' or 'never', found '" + r + "'");
      }
      reject = r.equals("errors");
    }
    this.rejectInvalid = reject;

    this.normalise = readNormalise(root.get("normalise"));

    Path firmoPath = inputs == null ? null : path(inputs, "firmographics");
    ConfigNode en = root.get("enrich");
    this.enrichPolicy = readPolicy(en);
    if (en != null && firmoPath == null) {
      throw en.error("enrich needs inputs.firmographics (the CSV provider's file), or a provider passed to builder(provider)");
    }
    this.firmographics = firmoPath == null ? null : CsvEnrichmentProvider.load(firmoPath);

    ConfigNode rn = root.get("route");
    String when = null;
    Channel ch = Channel.EMAIL;
    if (rn != null) {
      MapNode r = rn.asMap("the route settings").checkKeys(List.of("when", "channel"));
      when = r.optionalString("when");
      String c = r.string("channel", "email");
      try {
        ch = Channel.valueOf(c.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw r.require("channel", "").error("expected a channel: email, sms, phone or ads; found '" + c + "'");
      }
      if (when != null) {
        if (scoring == null) {
          throw r.require("when", "").error("route.when needs configs.scoring");
        }
        if (!scoring.thresholdNames().contains(when)) {
          throw r.require("when", "").error("the scoring model " + scoring.name() + " has no threshold '" + when
              + "'; it has " + scoring.thresholdNames());
        }
      }
    }
    this.routeWhen = when;
    this.channel = ch;

    Path acc = inputs == null ? null : path(inputs, "accounts");
    if (acc != null) {
      AccountMatcher.Builder b = AccountMatcher.builder();
      readSide(acc, r -> b.addRecord(r.record(), null, f -> found.add(where(acc, r, f))));
      this.accounts = b.build();
    } else {
      this.accounts = null;
    }
    Path sup = inputs == null ? null : path(inputs, "suppression");
    Path con = inputs == null ? null : path(inputs, "consent");
    if (sup != null || con != null) {
      ContactPolicy.Builder pb = ContactPolicy.builder();
      if (sup != null) {
        SuppressionList.Builder b = SuppressionList.builder();
        readSide(sup, r -> b.addRecord(r.record(), f -> found.add(where(sup, r, f))));
        pb.suppression(b.build());
      }
      if (con != null) {
        ConsentLedger.Builder b = ConsentLedger.builder();
        readSide(con, r -> b.addRecord(r.record(), f -> found.add(where(con, r, f))));
        pb.consent(b.build());
      }
      this.contactPolicy = pb.build();
    } else {
      this.contactPolicy = null;
    }

    ConfigNode on = root.get("output");
    Set<PipelineStage> outs = EnumSet.allOf(PipelineStage.class);
    if (on != null) {
      MapNode o = on.asMap("the output settings").checkKeys(List.of("stages"));
      ConfigNode st = o.get("stages");
      if (st != null) {
        outs = EnumSet.noneOf(PipelineStage.class);
        ConfigNode.ListNode list = st.asList("a list of stages");
        for (int i = 0; i < list.size(); i++) {
          ConfigNode item = list.get(i);
          try {
            outs.add(PipelineStage.parse(item.asText("a stage name")));
          } catch (IllegalArgumentException e) {
            throw item.error(e.getMessage());
          }
        }
      }
    }
    this.stageOutputs = Collections.unmodifiableSet(outs);
    this.findings = List.copyOf(found);
  }

  /**
   * Loads a definition and every file it names.
   *
   * @throws ConfigException when the definition or a config it names is wrong or missing (file,
   *     line, column, path and what was expected)
   * @throws UncheckedIOException when a side file (accounts, suppression, consent, firmographics)
   *     cannot be read
   */
  public static PipelineDefinition load(Path file) {
    ConfigDocument doc = ConfigLoader.standard().load(file);
    Path dir = file.toAbsolutePath().getParent();
    return new PipelineDefinition(doc, dir == null ? Path.of(".") : dir);
  }

  /** Returns the pipeline's name ({@code pipeline:}, else the file name). */
  public String name() {
    return name;
  }

  /** Returns the definition's version ({@code unversioned} when it has none). */
  public String version() {
    return doc.version();
  }

  /** Returns the sha256 of the definition's text. */
  public String contentHash() {
    return doc.contentHash();
  }

  /** Returns the definition's file. */
  public String source() {
    return doc.source();
  }

  /** Returns the field holding a lead's id. */
  public String idField() {
    return idField;
  }

  /** Returns the leads file, or null when the definition names none (the caller gives the input). */
  public @Nullable Path leads() {
    return leads;
  }

  /** Returns the events file, or null. */
  public @Nullable Path events() {
    return events;
  }

  /** Reads the events file grouped by lead ({@link LeadEvents#none()} when there is none). */
  public LeadEvents readEvents() {
    return events == null ? LeadEvents.none() : LeadEvents.read(events, eventsLeadField);
  }

  /** Returns the events' field holding the lead id ({@code lead_id} by default). */
  public String eventsLeadField() {
    return eventsLeadField;
  }

  /** Returns the stages whose output {@code mops run} writes (all by default). */
  public Set<PipelineStage> stageOutputs() {
    return stageOutputs;
  }

  /** Returns the enrichment policy of the {@code enrich} settings (the defaults when absent). */
  public EnrichmentPolicy enrichmentPolicy() {
    return enrichPolicy;
  }

  /** Returns findings in the side files (accounts, suppression, consent rows it could not use), as {@code file line n: finding}. */
  public List<String> findings() {
    return findings;
  }

  /**
   * Returns a builder holding every stage of the definition, with fresh stateful parts: an
   * in-memory routing state, a new identity graph, and an enricher over the firmographics file.
   * Close the enricher ({@code pipeline.enricher().close()}) when done.
   */
  public Pipeline.Builder builder() {
    return builder(firmographics, enrichPolicy);
  }

  /**
   * Returns a builder like {@link #builder()} whose router keeps its assignments (rotation
   * positions, counts per day and week) in {@code routingState}: a {@code FileAssignmentState}
   * shared with the runs before and after this one, so a replay or tomorrow's run continues the
   * rotation instead of starting it over.
   */
  public Pipeline.Builder builder(AssignmentState routingState) {
    return builder(firmographics, enrichPolicy, routingState);
  }

  /**
   * Returns a builder like {@link #builder()} whose enrich stage calls {@code provider} under
   * {@code policy} instead of the firmographics file (a vendor's API, or a test's faulty provider).
   */
  public Pipeline.Builder builder(@Nullable EnrichmentProvider provider, EnrichmentPolicy policy) {
    return builder(provider, policy, AssignmentState.inMemory());
  }

  /**
   * Returns a builder whose enrich stage calls {@code provider} under {@code policy} and whose
   * router keeps its assignments in {@code routingState}.
   */
  public Pipeline.Builder builder(@Nullable EnrichmentProvider provider, EnrichmentPolicy policy,
      AssignmentState routingState) {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(routingState, "routingState");
    Pipeline.Builder b = Pipeline.builder().identity(name, doc.version(), doc.contentHash()).idField(idField);
    if (contract != null) {
      b.contract(contract).rejectInvalid(rejectInvalid);
    }
    if (normalise != null) {
      b.normalise(normalise);
    }
    if (provider != null) {
      b.enrichment(Enricher.of(provider, policy));
    }
    if (dedupe != null) {
      b.dedupe(dedupe);
    }
    if (accounts != null) {
      b.accounts(accounts);
    }
    if (identity != null) {
      b.identityGraph(IdentityGraph.create(identity));
    }
    if (scoring != null) {
      b.scoring(scoring);
    }
    if (contactPolicy != null) {
      b.suppression(contactPolicy, channel);
    }
    if (routing != null) {
      b.routing(Router.create(routing, routingState));
    }
    if (routeWhen != null) {
      b.routeWhen(routeWhen);
    }
    if (sla != null) {
      b.sla(sla);
    }
    return b;
  }

  @Override
  public String toString() {
    return "PipelineDefinition[" + name + " " + doc.version() + " from " + doc.source() + "]";
  }

  private @Nullable Path path(MapNode m, String key) {
    ConfigNode n = m.get(key);
    if (n == null) {
      return null;
    }
    String text = n.asText("a file path");
    Path p = baseDir.resolve(text).normalize();
    if (!Files.isRegularFile(p)) {
      throw n.error("no such file: " + p + " (paths are relative to the pipeline file)");
    }
    return p;
  }

  @FunctionalInterface
  private interface Loader<T> {
    T load(Path p);
  }

  private <T> @Nullable T load(@Nullable MapNode configs, String key, Loader<T> loader) {
    if (configs == null) {
      return null;
    }
    Path p = path(configs, key);
    if (p == null) {
      return null;
    }
    try {
      return loader.load(p);
    } catch (ConfigException e) {
      throw e;
    } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
      throw Objects.requireNonNull(configs.get(key)).error("cannot load " + key + " config " + p + ": " + e.getMessage());
    }
  }

  private static Pipeline.@Nullable NormaliseFields readNormalise(@Nullable ConfigNode node) {
    if (node == null) {
      return Pipeline.NormaliseFields.DEFAULT;
    }
    if (node instanceof ConfigNode.ScalarNode s) {
      return s.bool() ? Pipeline.NormaliseFields.DEFAULT : null;
    }
    MapNode m = node.asMap("the normalise settings (or true/false)")
        .checkKeys(List.of("email", "website", "domain", "phone", "country", "default_region"));
    Pipeline.NormaliseFields d = Pipeline.NormaliseFields.DEFAULT;
    return new Pipeline.NormaliseFields(m.string("email", d.email()), m.string("website", d.website()),
        m.string("domain", d.domain()), m.string("phone", d.phone()), m.string("country", d.country()),
        m.string("default_region", d.defaultRegion()));
  }

  private static EnrichmentPolicy readPolicy(@Nullable ConfigNode node) {
    EnrichmentPolicy.Builder b = EnrichmentPolicy.builder();
    if (node == null) {
      return b.build();
    }
    MapNode m = node.asMap("the enrich settings")
        .checkKeys(List.of("timeout", "attempts", "backoff", "cache", "circuit_breaker", "max_concurrent_calls"));
    try {
      ConfigNode t = m.get("timeout");
      if (t != null) {
        b.timeout(duration(t, true));
      }
      ConfigNode a = m.get("attempts");
      if (a != null) {
        setting(a, () -> b.maxAttempts((int) Math.min(Integer.MAX_VALUE, a.asScalar("a number").integer())));
      }
      ConfigNode bo = m.get("backoff");
      if (bo != null) {
        MapNode bm = bo.asMap("the backoff").checkKeys(List.of("base", "max", "jitter"));
        EnrichmentPolicy d = EnrichmentPolicy.defaults();
        Duration base = bm.get("base") == null ? d.baseDelay() : duration(Objects.requireNonNull(bm.get("base")), true);
        Duration max = bm.get("max") == null ? d.maxDelay() : duration(Objects.requireNonNull(bm.get("max")), true);
        setting(bo, () -> b.backoff(base, max));
        ConfigNode j = bm.get("jitter");
        if (j != null) {
          setting(j, () -> b.jitter(j.asScalar("a number").number()));
        }
      }
      ConfigNode c = m.get("cache");
      if (c != null) {
        MapNode cm = c.asMap("the cache").checkKeys(List.of("size", "ttl"));
        ConfigNode size = cm.get("size");
        if (size != null) {
          setting(size, () -> b.cacheSize(size.asScalar("a number").integer()));
        }
        ConfigNode ttl = cm.get("ttl");
        if (ttl != null) {
          b.cacheTtl(duration(ttl, false));
        }
      }
      ConfigNode cb = m.get("circuit_breaker");
      if (cb != null) {
        MapNode cbm = cb.asMap("the circuit breaker").checkKeys(List.of("failures", "open_for"));
        long failures = cbm.integer("failures", 5);
        Duration openFor = cbm.get("open_for") == null ? Duration.ofSeconds(30)
            : duration(Objects.requireNonNull(cbm.get("open_for")), false);
        setting(cb, () -> b.circuitBreaker((int) Math.min(Integer.MAX_VALUE, failures), openFor));
      }
      ConfigNode mc = m.get("max_concurrent_calls");
      if (mc != null) {
        setting(mc, () -> b.maxConcurrentCalls((int) Math.min(Integer.MAX_VALUE, mc.asScalar("a number").integer())));
      }
    } catch (IllegalArgumentException e) {
      throw m.error(e.getMessage());
    }
    return b.build();
  }

  private static void setting(ConfigNode at, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      throw at.error(e.getMessage());
    }
  }

  /** Parses {@code 250ms}, {@code 2s}, {@code 1h}, {@code 30d} or ISO-8601; zero only where allowed. */
  static Duration duration(ConfigNode n, boolean zeroAllowed) {
    String text = n.asText("a duration such as 250ms, 2s, 1h or PT2S");
    Duration d;
    try {
      String s = text.trim().toLowerCase(Locale.ROOT);
      if (s.equals("0")) {
        d = Duration.ZERO;
      } else if (s.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim()));
      } else {
        d = ConditionYaml.parseDuration(text);
      }
    } catch (IllegalArgumentException e) {
      throw n.error("expected a duration such as 250ms, 2s, 1h or PT2S, found '" + text + "'");
    }
    if (d.isNegative() || (!zeroAllowed && d.isZero())) {
      throw n.error("expected a " + (zeroAllowed ? "non-negative" : "positive") + " duration, found '" + text + "'");
    }
    return d;
  }

  private static void readSide(Path file, Consumer<InputRecord> sink) {
    try (RecordReader in = RecordReader.open(file)) {
      for (InputRecord r; (r = in.next()) != null; ) {
        sink.accept(r);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static String where(Path file, InputRecord r, Finding f) {
    return file.getFileName() + " line " + r.line() + ": " + f.shortForm();
  }

  private static String stripExtension(String s) {
    int dot = s.lastIndexOf('.');
    return dot > 0 ? s.substring(0, dot) : s;
  }
}
