package dev.mops.taxonomy;

import dev.mops.core.Severity;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
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

  Taxonomy(String name, String version, String contentHash, Map<UtmParameter, ValueRule> rules,
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

  /** Reads a taxonomy from a loaded document (see {@link TaxonomyReader}). */
  public static Taxonomy fromDocument(ConfigDocument doc) {
    return TaxonomyReader.read(doc);
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
