package dev.mops.identity.dedupe;

import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigNode;
import dev.mops.core.config.ConfigNode.ListNode;
import dev.mops.core.config.ConfigNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads the YAML/JSON form of a {@link DedupeConfig}, turning every problem into a {@link
 * ConfigException} located at {@code file:line:column} and a path such as {@code fields[2].kind}.
 *
 * <p>Thread safety: one instance reads one document, on one thread.
 */
final class DedupeConfigReader {
  private final ConfigDocument doc;

  DedupeConfigReader(ConfigDocument doc) {
    this.doc = doc;
  }

  DedupeConfig read() {
    MapNode root = doc.root();
    root.checkKeys(List.of("version", "fields", "blocking", "model", "thresholds", "clustering", "survivorship"));
    DedupeConfig.Builder b = DedupeConfig.builder().version(doc.version(), doc.contentHash());
    ListNode fields = root.list("fields");
    for (int i = 0; i < fields.size(); i++) {
      ConfigNode n = fields.get(i);
      b.field(field(n.asMap("a field")));
    }
    MapNode blocking = root.map("blocking");
    blocking.checkKeys(List.of("keys", "max_block_size", "max_candidate_pairs", "refine_with"));
    if (blocking.has("refine_with")) {
      ListNode refine = blocking.list("refine_with");
      List<String> parts = refine.strings();
      guard(refine, () -> b.refineWith(parts.toArray(new String[0])));
    }
    if (blocking.has("max_candidate_pairs")) {
      guard(blocking, () -> b.maxCandidatePairs(blocking.integer("max_candidate_pairs")));
    }
    if (blocking.has("max_block_size")) {
      guard(blocking, () -> b.maxBlockSize(intOf(blocking, "max_block_size")));
    }
    ListNode keys = blocking.list("keys");
    for (int i = 0; i < keys.size(); i++) {
      ConfigNode k = keys.get(i);
      List<String> parts = k instanceof ConfigNode.ScalarNode ? List.of(k.asText("a blocking key").split(",")) : k.asList("a blocking key").strings();
      guard(k, () -> b.blockingKey(BlockingKey.of(parts.toArray(new String[0]))));
    }
    ConfigNode modelNode = root.get("model");
    if (modelNode != null) {
      MapNode model = modelNode.asMap("model settings");
      model.checkKeys(List.of("random_pairs", "em_iterations", "seed", "prior", "term_frequencies", "evidence_groups",
          "m_from", "min_change_share", "email_domains"));
      if (model.has("email_domains")) {
        b.emailDomains(model.bool("email_domains", false));
      }
      if (model.has("min_change_share")) {
        guard(model, () -> b.minChangeShare(model.number("min_change_share")));
      }
      if (model.has("m_from")) {
        String from = model.string("m_from");
        if (!from.equals("em") && !from.equals("shared_identifiers")) {
          throw Objects.requireNonNull(model.get("m_from")).error("unknown m_from '" + from + "', expected em or shared_identifiers");
        }
        b.mFromSharedIdentifiers(from.equals("shared_identifiers"));
      }
      if (model.has("term_frequencies")) {
        b.termFrequencies(model.bool("term_frequencies", true));
      }
      if (model.has("evidence_groups")) {
        ListNode groups = model.list("evidence_groups");
        for (int i = 0; i < groups.size(); i++) {
          ConfigNode g = groups.get(i);
          List<String> names = g.asList("an evidence group (a list of fields)").strings();
          guard(g, () -> b.evidenceGroup(names.toArray(new String[0])));
        }
      }
      if (model.has("prior")) {
        String prior = model.string("prior");
        PriorScope scope = null;
        for (PriorScope p : PriorScope.values()) {
          if (p.label().equals(prior)) {
            scope = p;
          }
        }
        if (scope == null) {
          throw Objects.requireNonNull(model.get("prior")).error(
              "unknown prior '" + prior + "', expected candidates or all_pairs");
        }
        b.priorScope(scope);
      }
      if (model.has("random_pairs")) {
        guard(model, () -> b.randomPairs(intOf(model, "random_pairs")));
      }
      if (model.has("em_iterations")) {
        guard(model, () -> b.emIterations(intOf(model, "em_iterations")));
      }
      if (model.has("seed")) {
        b.seed(model.integer("seed"));
      }
    }
    ConfigNode thresholdNode = root.get("thresholds");
    if (thresholdNode != null) {
      MapNode t = thresholdNode.asMap("thresholds");
      t.checkKeys(List.of("match", "review"));
      double match = t.number("match", 0.999);
      double review = t.number("review", Math.min(0.9, match));
      guard(t, () -> b.thresholds(match, review));
    }
    ConfigNode clusteringNode = root.get("clustering");
    if (clusteringNode != null) {
      MapNode c = clusteringNode.asMap("clustering settings");
      c.checkKeys(List.of("max_cluster_size", "junk_value_count", "weak_link_probability", "min_link_share"));
      if (c.has("min_link_share")) {
        guard(c, () -> b.minLinkShare(c.number("min_link_share")));
      }
      if (c.has("max_cluster_size")) {
        guard(c, () -> b.maxClusterSize(intOf(c, "max_cluster_size")));
      }
      if (c.has("junk_value_count")) {
        guard(c, () -> b.junkValueCount(intOf(c, "junk_value_count")));
      }
      if (c.has("weak_link_probability")) {
        guard(c, () -> b.weakLinkProbability(c.number("weak_link_probability")));
      }
    }
    ConfigNode sNode = root.get("survivorship");
    if (sNode != null) {
      ListNode rules = sNode.asList("survivorship rules");
      for (int i = 0; i < rules.size(); i++) {
        MapNode r = rules.get(i).asMap("a survivorship rule");
        r.checkKeys(List.of("field", "rule", "by", "sources"));
        String field = r.string("field");
        String rule = r.string("rule");
        SurvivorshipRule.Strategy strategy = null;
        for (SurvivorshipRule.Strategy s : SurvivorshipRule.Strategy.values()) {
          if (s.label().equals(rule)) {
            strategy = s;
          }
        }
        if (strategy == null) {
          throw Objects.requireNonNull(r.get("rule")).error("unknown survivorship rule '" + rule
              + "', expected one of most_recent, most_complete, source_priority, most_frequent");
        }
        List<String> sources = r.has("sources") ? r.list("sources").strings() : List.of();
        SurvivorshipRule.Strategy st = strategy;
        guard(r, () -> b.survivorship(new SurvivorshipRule(field, st, r.optionalString("by"), sources)));
      }
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw root.error(e.getMessage());
    }
  }

  private static int intOf(MapNode m, String key) {
    long v = m.integer(key);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw Objects.requireNonNull(m.get(key)).error(key + " " + v + " is out of range");
    }
    return (int) v;
  }

  private static void guard(ConfigNode at, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw at.error(e.getMessage());
    }
  }

  private static FieldRule field(MapNode n) {
    n.checkKeys(List.of("field", "kind", "comparator", "thresholds", "m", "u", "region"));
    String name = n.string("field");
    String kindText = n.string("kind", "text");
    FieldKind kind = null;
    for (FieldKind k : FieldKind.values()) {
      if (k.label().equals(kindText)) {
        kind = k;
      }
    }
    if (kind == null) {
      throw Objects.requireNonNull(n.get("kind")).error("unknown field kind '" + kindText + "', expected one of "
          + labels(FieldKind.values()));
    }
    String compText = n.string("comparator", "jaro_winkler");
    ComparatorType comparator = ComparatorType.byLabel(compText);
    if (comparator == null) {
      throw Objects.requireNonNull(n.get("comparator")).error("unknown comparator '" + compText + "', expected one of "
          + labels(ComparatorType.values()));
    }
    List<Double> thresholds = numbers(n, "thresholds");
    List<Double> m = n.has("m") ? numbers(n, "m") : null;
    List<Double> u = n.has("u") ? numbers(n, "u") : null;
    String region = n.has("region") ? n.string("region") : null;
    try {
      return new FieldRule(name, kind, comparator, thresholds, m, u, region);
    } catch (IllegalArgumentException e) {
      throw n.error(e.getMessage());
    }
  }

  private static List<Double> numbers(MapNode n, String key) {
    List<Double> out = new ArrayList<>();
    if (!n.has(key)) {
      return out;
    }
    ListNode list = n.list(key);
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i).asScalar("a number").number());
    }
    return out;
  }

  private static String labels(Enum<?>[] values) {
    StringBuilder b = new StringBuilder();
    for (Enum<?> v : values) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(v.name().toLowerCase(Locale.ROOT));
    }
    return b.toString();
  }
}
