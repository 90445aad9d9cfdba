package dev.mops.routing;

import dev.mops.core.condition.Condition;
import dev.mops.core.condition.Conditions;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A routing table: ordered rules (a condition to a destination, first match wins), a required
 * default destination, the reps and pools the destinations name, and the fallback used when nobody
 * can take a lead.
 *
 * <p>Tables are versioned data: {@link #load(Path)} reads YAML or JSON with the same errors as
 * every mops configuration ({@code file:line:column at path}), and {@link #name()}, {@link
 * #version()} and {@link #contentHash()} identify the table in every decision and diff. The
 * reference of the YAML form is in {@code docs/routing.md}.
 *
 * <p>Limits: at most {@value #MAX_RULES} rules, {@value #MAX_REPS} reps and {@value
 * #MAX_POOL_MEMBERS} members per pool.
 *
 * <p>Thread safety: an immutable value, safe to share; its builder is not thread-safe.
 */
public final class RoutingTable {

  /** The most rules a table may have. */
  public static final int MAX_RULES = 10_000;
  /** The most reps a table may declare. */
  public static final int MAX_REPS = 10_000;
  /** The most members a pool may have. */
  public static final int MAX_POOL_MEMBERS = 1_000;
  /** The field a lead's matched account owner is read from, unless the table names another. */
  public static final String DEFAULT_ACCOUNT_OWNER_FIELD = "account_owner";
  /** The name of the default rule in decisions. */
  public static final String DEFAULT_RULE = "default";

  private final String name;
  private final String version;
  private final String contentHash;
  private final Map<String, Rep> reps;
  private final Map<String, Pool> pools;
  private final List<RoutingRule> rules;
  private final Destination defaultDestination;
  private final Fallback fallback;
  private final String accountOwnerField;

  private RoutingTable(Builder b, Destination defaultDestination) {
    this.name = b.name;
    this.version = b.version;
    this.contentHash = b.contentHash;
    this.reps = Collections.unmodifiableMap(new LinkedHashMap<>(b.reps));
    this.pools = Collections.unmodifiableMap(new LinkedHashMap<>(b.pools));
    this.rules = List.copyOf(b.rules);
    this.defaultDestination = defaultDestination;
    this.fallback = b.fallback;
    this.accountOwnerField = b.accountOwnerField;
  }

  /**
   * Loads a table from a YAML or JSON file.
   *
   * @throws ConfigException naming file, line, column and path when the table is malformed
   */
  public static RoutingTable load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /**
   * Reads a table from YAML or JSON text.
   *
   * @param source the name to give in errors
   * @throws ConfigException naming line, column and path when the table is malformed
   */
  public static RoutingTable parse(String source, String text) {
    return fromDocument(ConfigLoader.standard().loadString(source, text));
  }

  /** Reads a table from a loaded document. */
  public static RoutingTable fromDocument(ConfigDocument doc) {
    return new TableReader(doc).read();
  }

  /** Returns a builder of a table named {@code name} (for tables built in code). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the table's name. */
  public String name() {
    return name;
  }

  /** Returns the table's declared version, or {@code unversioned}. */
  public String version() {
    return version;
  }

  /** Returns {@code sha256:} and the hex hash of the document (or {@code code} for tables built in code). */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the first 12 hex digits of the hash. */
  public String shortHash() {
    int colon = contentHash.indexOf(':');
    String hex = contentHash.substring(colon + 1);
    return hex.substring(0, Math.min(12, hex.length()));
  }

  /** Returns the reps by id, in declaration order. */
  public Map<String, Rep> reps() {
    return reps;
  }

  /** Returns the pools by name, in declaration order. */
  public Map<String, Pool> pools() {
    return pools;
  }

  /** Returns the rules in order, without the default. */
  public List<RoutingRule> rules() {
    return rules;
  }

  /** Returns the default destination, taken when no rule matches. */
  public Destination defaultDestination() {
    return defaultDestination;
  }

  /** Returns the table's fallback (used by rules without their own). */
  public Fallback fallback() {
    return fallback;
  }

  /** Returns the lead field the matched account's owner is read from. */
  public String accountOwnerField() {
    return accountOwnerField;
  }

  /** Returns every lead field the rules read, plus the account owner field. */
  public Set<String> fieldsRead() {
    Set<String> out = new LinkedHashSet<>();
    for (RoutingRule r : rules) {
      out.addAll(Conditions.fieldsOf(r.when()));
    }
    out.add(accountOwnerField);
    return out;
  }

  @Override
  public String toString() {
    return "RoutingTable[" + name + " " + version + " (" + shortHash() + "), " + rules.size() + " rules]";
  }

  /**
   * A builder of {@link RoutingTable}: reps, then pools, then rules, then the default. It checks
   * that every name a destination uses is declared. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private String version = ConfigDocument.UNVERSIONED;
    private String contentHash = "code:";
    private final Map<String, Rep> reps = new LinkedHashMap<>();
    private final Map<String, Pool> pools = new LinkedHashMap<>();
    private final List<RoutingRule> rules = new ArrayList<>();
    private final Set<String> ruleNames = new LinkedHashSet<>();
    private @Nullable Destination defaultDestination;
    private Fallback fallback = Fallback.DEFAULT;
    private String accountOwnerField = DEFAULT_ACCOUNT_OWNER_FIELD;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** Sets the version and content hash (readers pass the document's). */
    public Builder version(String version, String contentHash) {
      this.version = Objects.requireNonNull(version, "version");
      this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
      return this;
    }

    /** Declares a rep. */
    public Builder rep(Rep rep) {
      if (reps.size() >= MAX_REPS) {
        throw new IllegalArgumentException("a table has at most " + MAX_REPS + " reps");
      }
      if (reps.putIfAbsent(rep.id(), rep) != null) {
        throw new IllegalArgumentException("rep '" + rep.id() + "' is declared twice");
      }
      return this;
    }

    /** Declares a pool; its members must be declared reps. */
    public Builder pool(Pool pool) {
      if (pool.members().size() > MAX_POOL_MEMBERS) {
        throw new IllegalArgumentException("pool '" + pool.name() + "' has more than " + MAX_POOL_MEMBERS + " members");
      }
      for (String m : pool.members()) {
        if (!reps.containsKey(m)) {
          throw new IllegalArgumentException("pool '" + pool.name() + "' names unknown rep '" + m + "'; reps are " + reps.keySet());
        }
      }
      if (pools.putIfAbsent(pool.name(), pool) != null) {
        throw new IllegalArgumentException("pool '" + pool.name() + "' is declared twice");
      }
      return this;
    }

    /** Sets the table's fallback (default: hold in {@code routing-hold}). */
    public Builder fallback(Fallback fallback) {
      this.fallback = Objects.requireNonNull(fallback, "fallback");
      return this;
    }

    /** Sets the field the matched account's owner is read from (default {@code account_owner}). */
    public Builder accountOwnerField(String field) {
      this.accountOwnerField = Objects.requireNonNull(field, "field");
      return this;
    }

    /** Adds a rule after the others. */
    public Builder rule(String ruleName, Condition when, Destination destination, @Nullable Fallback ruleFallback) {
      if (rules.size() >= MAX_RULES) {
        throw new IllegalArgumentException("a table has at most " + MAX_RULES + " rules");
      }
      if (ruleName.isBlank() || ruleName.equals(DEFAULT_RULE)) {
        throw new IllegalArgumentException("a rule needs a non-blank name other than '" + DEFAULT_RULE + "'");
      }
      if (!ruleNames.add(ruleName)) {
        throw new IllegalArgumentException("duplicate rule name '" + ruleName + "'");
      }
      check(destination);
      if (ruleFallback != null) {
        check(destination, ruleFallback);
      }
      rules.add(new RoutingRule(ruleName, when, destination, ruleFallback));
      return this;
    }

    /** Adds a rule with the table's fallback. */
    public Builder rule(String ruleName, Condition when, Destination destination) {
      return rule(ruleName, when, destination, null);
    }

    /** Sets the default destination (required). */
    public Builder defaultDestination(Destination destination) {
      check(destination);
      this.defaultDestination = destination;
      return this;
    }

    void check(Destination d) {
      if (d.name().isBlank()) {
        throw new IllegalArgumentException("a destination needs a non-blank name");
      }
      if (d instanceof Destination.Owner && !reps.containsKey(d.name())) {
        throw new IllegalArgumentException("owner '" + d.name() + "' is not a declared rep; reps are " + reps.keySet());
      }
      if (d instanceof Destination.ToPool && !pools.containsKey(d.name())) {
        throw new IllegalArgumentException("pool '" + d.name() + "' is not declared; pools are " + pools.keySet());
      }
    }

    void check(Destination d, Fallback f) {
      if (f.kind() == Fallback.Kind.ESCALATE && f.target().equals(Fallback.REP_MANAGER)) {
        Rep owner = d instanceof Destination.Owner ? reps.get(d.name()) : null;
        if (owner == null || owner.manager() == null) {
          throw new IllegalArgumentException(
              "'escalate: manager' needs an owner destination whose rep has a manager");
        }
      }
    }

    /** Builds the table. */
    public RoutingTable build() {
      if (defaultDestination == null) {
        throw new IllegalArgumentException("a routing table needs a default destination");
      }
      if (fallback.kind() == Fallback.Kind.ESCALATE && fallback.target().equals(Fallback.REP_MANAGER)) {
        throw new IllegalArgumentException("the table's fallback cannot be 'escalate: manager'; name the person");
      }
      return new RoutingTable(this, defaultDestination);
    }
  }
}
