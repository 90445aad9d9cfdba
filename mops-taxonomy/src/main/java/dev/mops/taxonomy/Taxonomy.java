package dev.mops.taxonomy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import dev.mops.core.config.ConfigNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A team's UTM taxonomy, loaded from YAML: the allowed values, aliases, patterns, case and
 * character rules and lengths of each UTM parameter, which parameters are required, and what each
 * medium requires.
 *
 * <pre>{@code
 * Taxonomy taxonomy = Taxonomy.load(Path.of("taxonomy.yaml"));
 * LintResult r = TaxonomyLinter.of(taxonomy).lint(url);
 * }</pre>
 *
 * <p>Every mistake in the file fails at load with a {@link dev.mops.core.config.ConfigException}
 * naming the file, line, column and path; unknown keys are errors. The format is described in
 * {@code docs/taxonomy.md}.
 *
 * <p>Thread safety: immutable and safe to share.
 */
public final class Taxonomy {

  private static final Set<String> TOP_KEYS = Set.of("version", "name", "defaults", "parameters", "mediums",
      "undeclared_parameters");

  /** What one medium requires. */
  static final class MediumRule {
    final List<UtmParameter> require;
    final Map<String, String> sources; // lower -> canonical; empty = any

    MediumRule(List<UtmParameter> require, Map<String, String> sources) {
      this.require = require;
      this.sources = sources;
    }
  }

  private final String name;
  private final String version;
  private final String contentHash;
  final Map<UtmParameter, ValueRule> rules;
  final Map<UtmParameter, Boolean> required;
  final Map<String, MediumRule> mediums; // lower-case medium -> rule
  final @Nullable Severity undeclared;

  private Taxonomy(String name, String version, String contentHash, Map<UtmParameter, ValueRule> rules,
      Map<UtmParameter, Boolean> required, Map<String, MediumRule> mediums, @Nullable Severity undeclared) {
    this.name = name;
    this.version = version;
    this.contentHash = contentHash;
    this.rules = Collections.unmodifiableMap(rules);
    this.required = Collections.unmodifiableMap(required);
    this.mediums = Collections.unmodifiableMap(mediums);
    this.undeclared = undeclared;
  }

  /** Loads a taxonomy file; throws a {@link dev.mops.core.config.ConfigException} when it is invalid. */
  public static Taxonomy load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /** Loads a taxonomy from YAML text; {@code source} names it in errors. */
  public static Taxonomy parse(String source, String yaml) {
    return fromDocument(ConfigLoader.standard().loadString(source, yaml));
  }

  /** Reads a taxonomy from a loaded document. */
  public static Taxonomy fromDocument(ConfigDocument doc) {
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
    Map<String, MediumRule> mediums = new LinkedHashMap<>();
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
        mediums.put(medium.toLowerCase(Locale.ROOT), new MediumRule(List.copyOf(req), sources));
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

  /** Returns the taxonomy's name (its {@code name} key, or the source). */
  public String name() {
    return name;
  }

  /** Returns the file's {@code version}, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return version;
  }

  /** Returns the {@code sha256:} hash of the file's content. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the parameters the taxonomy declares, in {@link UtmParameter} order. */
  public Set<UtmParameter> declaredParameters() {
    return rules.keySet();
  }

  /** Returns the allowed values of {@code parameter} in declared order; empty when any value is allowed. */
  public List<String> allowedValues(UtmParameter parameter) {
    ValueRule r = rules.get(parameter);
    return r == null ? List.of() : List.copyOf(r.values.values());
  }

  /** Returns whether {@code parameter} is required. */
  public boolean isRequired(UtmParameter parameter) {
    return required.getOrDefault(parameter, false);
  }
}
