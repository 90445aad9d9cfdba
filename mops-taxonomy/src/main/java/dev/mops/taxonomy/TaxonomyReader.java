package dev.mops.taxonomy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The reader of UTM taxonomy files: checks the YAML document (top-level keys, parameter rules,
 * mediums, undeclared-parameter policy) and builds a {@link Taxonomy}, failing with file, line,
 * column and path on the first problem. The value type itself holds no parsing.
 *
 * <p>Thread safety: stateless.
 */
final class TaxonomyReader {

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "defaults", "parameters", "mediums",
      "undeclared_parameters");

  private TaxonomyReader() {}

  static Taxonomy read(ConfigDocument doc) {
    ConfigNode.MapNode root = doc.root().checkKeys(TOP_KEYS);
    String name = root.string("name", doc.source());
    ValueRule defaults = null;
    if (root.has("defaults")) {
      defaults = ValueRule.read(root.map("defaults"), null, Set.of());
      if (!defaults.values.isEmpty() || !defaults.aliases.isEmpty()) {
        throw root.map("defaults").error("defaults cannot declare values or aliases");
      }
    }
    Map<UtmParameter, ValueRule> rules = new EnumMap<>(UtmParameter.class);
    Map<UtmParameter, Boolean> required = new EnumMap<>(UtmParameter.class);
    ConfigNode.MapNode params = root.map("parameters");
    List<String> names = new ArrayList<>();
    for (UtmParameter p : UtmParameter.values()) {
      names.add(p.parameterName());
    }
    params.checkKeys(names);
    for (String key : params.keys()) {
      UtmParameter p = UtmParameter.byName(key);
      ConfigNode node = params.require(key, "the rules of " + key);
      ConfigNode.MapNode map = node instanceof ConfigNode.ScalarNode scalarNode && scalarNode.value() == null
          ? new ConfigNode.MapNode(node.location(), Map.of(), Map.of())
          : node.asMap("the rules of " + key);
      rules.put(p, ValueRule.read(map, defaults, Set.of("required")));
      required.put(p, map.bool("required", false));
    }
    Map<String, Taxonomy.MediumRule> mediums = new LinkedHashMap<>();
    if (root.has("mediums")) {
      ConfigNode.MapNode m = root.map("mediums");
      ValueRule mediumRule = rules.get(UtmParameter.MEDIUM);
      for (String medium : m.keys()) {
        ConfigNode.MapNode spec = m.map(medium).checkKeys(Set.of("require", "sources"));
        if (mediumRule != null && !mediumRule.values.isEmpty() && !mediumRule.values.containsKey(medium.toLowerCase(Locale.ROOT))) {
          throw m.map(medium).error("medium '" + medium + "' is not in utm_medium values " + mediumRule.values.values());
        }
        List<UtmParameter> req = new ArrayList<>();
        if (spec.has("require")) {
          ConfigNode.ListNode list = spec.list("require");
          for (int i = 0; i < list.size(); i++) {
            String pn = list.get(i).asText("a UTM parameter name");
            UtmParameter p = UtmParameter.byName(pn);
            if (p == null) {
              String near = NearMatch.nearest(pn, names);
              throw list.get(i).error("'" + pn + "' is not a UTM parameter"
                  + (near == null ? "" : " (did you mean '" + near + "'?)") + ", expected one of " + names);
            }
            req.add(p);
          }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        if (spec.has("sources")) {
          for (String s : spec.list("sources").strings()) {
            sources.put(s.toLowerCase(Locale.ROOT), s);
          }
        }
        mediums.put(medium.toLowerCase(Locale.ROOT), new Taxonomy.MediumRule(List.copyOf(req), sources));
      }
    }
    Severity undeclared = null;
    String u = root.string("undeclared_parameters", "allow");
    if (!u.equals("allow")) {
      try {
        undeclared = Severity.parse(u);
      } catch (IllegalArgumentException e) {
        throw root.require("undeclared_parameters", "").error("expected allow, info, warning or error, found '" + u + "'");
      }
    }
    return new Taxonomy(name, doc.version(), doc.contentHash(), rules, required, mediums, undeclared);
  }
}
