package dev.mops.identity.stitch;

import com.google.re2j.Pattern;
import dev.mops.core.config.ConfigDocument;
import dev.mops.core.config.ConfigException;
import dev.mops.core.config.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The configuration of identity stitching: the identifier types with their priorities, limits,
 * unique rules, normalization and blocklists, values blocked for every type, the largest profile
 * allowed, when an identifier is reported as suspected junk, and the confidence threshold of the
 * stitching-confidence metric; with the name, version and content hash of the file it came from.
 *
 * <p>Read from versioned YAML (see {@code docs/stitching.md} for the reference) with {@link
 * #load(Path)}; a bad file fails with a {@link ConfigException} naming the file, line, column and
 * path. Or built in code:
 *
 * <pre>{@code
 * StitchConfig config = StitchConfig.builder()
 *     .type(IdentifierType.builder("user_id").priority(100).unique(true).build())
 *     .type(IdentifierType.builder("email").priority(80).limit(5)
 *         .normalization(IdentifierNormalization.EMAIL).build())
 *     .type(IdentifierType.builder("anonymous_id").priority(10).limit(10).build())
 *     .blockedValue("null").blockedPattern("^[0-]*$")
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class StitchConfig {

  /** The default number of distinct profiles at which a refused identifier is reported as suspected junk. */
  public static final int DEFAULT_JUNK_MIN_PROFILES = 3;

  /** The default threshold of the stitching-confidence metric. */
  public static final double DEFAULT_CONFIDENCE_THRESHOLD = 0.8;

  private final String name;
  private final String version;
  private final String contentHash;
  private final List<IdentifierType> types;
  private final Map<String, Integer> typeIndex;
  private final Set<String> blockedValues;
  private final List<String> blockedPatterns;
  private final List<Pattern> compiled;
  private final int maxProfileIdentifiers;
  private final int junkMinProfiles;
  private final double confidenceThreshold;

  private StitchConfig(Builder b) {
    this.name = b.name;
    this.version = b.version;
    this.contentHash = b.contentHash;
    this.types = List.copyOf(b.types);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < types.size(); i++) {
      idx.put(types.get(i).name(), i);
    }
    this.typeIndex = Collections.unmodifiableMap(idx);
    this.blockedValues = Set.copyOf(b.blockedValues);
    this.blockedPatterns = List.copyOf(b.blockedPatterns);
    List<Pattern> c = new ArrayList<>();
    for (String p : blockedPatterns) {
      c.add(Pattern.compile(p));
    }
    this.compiled = List.copyOf(c);
    this.maxProfileIdentifiers = b.maxProfileIdentifiers;
    this.junkMinProfiles = b.junkMinProfiles;
    this.confidenceThreshold = b.confidenceThreshold;
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Loads a YAML (or JSON) file through mops-core's config loader.
   *
   * @throws ConfigException when the file is missing or malformed, or a setting is invalid, with
   *     the file, line, column and path
   */
  public static StitchConfig load(Path file) {
    return fromDocument(ConfigLoader.standard().load(file));
  }

  /**
   * Reads a YAML (or JSON, when {@code source} ends in {@code .json}) document given as text.
   *
   * @param source the name to give in errors
   * @throws ConfigException as {@link #load(Path)} does
   */
  public static StitchConfig parse(String source, String content) {
    return fromDocument(ConfigLoader.standard().loadString(source, content));
  }

  /**
   * Reads a loaded document.
   *
   * @throws ConfigException when a setting is missing or invalid
   */
  public static StitchConfig fromDocument(ConfigDocument document) {
    return StitchConfigReader.read(document);
  }

  /** Returns the configuration's name ({@code ""} when it has none). */
  public String name() {
    return name;
  }

  /** Returns the declared version, or {@link ConfigDocument#UNVERSIONED}. */
  public String version() {
    return version;
  }

  /** Returns the hash of the file's content ({@code sha256:...}), or {@code ""} when built in code. */
  public String contentHash() {
    return contentHash;
  }

  /** Returns the identifier types, in the order they were declared. */
  public List<IdentifierType> types() {
    return types;
  }

  /** Returns the type named {@code name}, if there is one. */
  public Optional<IdentifierType> type(String name) {
    Integer i = typeIndex.get(name);
    return i == null ? Optional.empty() : Optional.of(types.get(i));
  }

  /** Returns the position of the type named {@code name} in {@link #types()}, or -1. */
  int indexOf(String name) {
    Integer i = typeIndex.get(name);
    return i == null ? -1 : i;
  }

  /** Returns the values blocked for every type, lower cased. */
  public Set<String> blockedValues() {
    return blockedValues;
  }

  /** Returns the RE2/J patterns blocked for every type, as written. */
  public List<String> blockedPatterns() {
    return blockedPatterns;
  }

  /** Returns the global blocked pattern found in {@code value}, or {@code null}. */
  @Nullable String blockingPattern(String value) {
    for (int i = 0; i < compiled.size(); i++) {
      if (compiled.get(i).matcher(value).find()) {
        return blockedPatterns.get(i);
      }
    }
    return null;
  }

  /** Returns the most identifiers one profile may hold, or 0 for no limit. */
  public int maxProfileIdentifiers() {
    return maxProfileIdentifiers;
  }

  /** Returns the number of distinct profiles at which a refused identifier is reported as suspected junk. */
  public int junkMinProfiles() {
    return junkMinProfiles;
  }

  /** Returns the confidence at or above which a stitched identifier counts as confidently stitched. */
  public double confidenceThreshold() {
    return confidenceThreshold;
  }

  /** Returns {@code name version (hash)}, for logs and reports. */
  public String describe() {
    String h = contentHash.isEmpty() ? "built in code" : contentHash.substring(0, Math.min(19, contentHash.length()));
    return (name.isEmpty() ? "stitching config" : name) + " " + version + " (" + h + ")";
  }

  @Override
  public String toString() {
    return "StitchConfig[" + describe() + ", " + types + "]";
  }

  /**
   * A builder of {@link StitchConfig}: validates each setting as it is given.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String name = "";
    private String version = ConfigDocument.UNVERSIONED;
    private String contentHash = "";
    private final List<IdentifierType> types = new ArrayList<>();
    private final Set<String> blockedValues = new LinkedHashSet<>();
    private final List<String> blockedPatterns = new ArrayList<>();
    private int maxProfileIdentifiers;
    private int junkMinProfiles = DEFAULT_JUNK_MIN_PROFILES;
    private double confidenceThreshold = DEFAULT_CONFIDENCE_THRESHOLD;

    private Builder() {}

    /** Sets the name. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the version and the content hash of the file the config came from. */
    public Builder version(String version, String contentHash) {
      this.version = Objects.requireNonNull(version, "version");
      this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
      return this;
    }

    /**
     * Adds an identifier type.
     *
     * @throws IllegalArgumentException when a type of that name was already added
     */
    public Builder type(IdentifierType type) {
      Objects.requireNonNull(type, "type");
      for (IdentifierType t : types) {
        if (t.name().equals(type.name())) {
          throw new IllegalArgumentException("identifier type '" + type.name() + "' is declared twice");
        }
      }
      if (types.size() >= 127) {
        throw new IllegalArgumentException("at most 127 identifier types");
      }
      types.add(type);
      return this;
    }

    /** Blocks an exact value for every type (compared case-insensitively). */
    public Builder blockedValue(String value) {
      blockedValues.add(Objects.requireNonNull(value, "value").trim().toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Blocks, for every type, the values in which an RE2/J pattern is found.
     *
     * @throws IllegalArgumentException when the pattern does not compile
     */
    public Builder blockedPattern(String pattern) {
      blockedPatterns.add(IdentifierType.checkedBlockedPattern(pattern));
      return this;
    }

    /** Sets the most identifiers one profile may hold (0: no limit, the default). */
    public Builder maxProfileIdentifiers(int max) {
      if (max < 0) {
        throw new IllegalArgumentException("max profile identifiers must be 0 (none) or more, not " + max);
      }
      this.maxProfileIdentifiers = max;
      return this;
    }

    /** Sets the number of distinct profiles (2 or more) at which a refused identifier is suspected junk. */
    public Builder junkMinProfiles(int min) {
      if (min < 2) {
        throw new IllegalArgumentException("junk min profiles must be 2 or more, not " + min);
      }
      this.junkMinProfiles = min;
      return this;
    }

    /** Sets the threshold of the stitching-confidence metric, from 0 to 1. */
    public Builder confidenceThreshold(double threshold) {
      if (!(threshold >= 0 && threshold <= 1)) {
        throw new IllegalArgumentException("confidence threshold must be from 0 to 1, not " + threshold);
      }
      this.confidenceThreshold = threshold;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException when no identifier type was added
     */
    public StitchConfig build() {
      if (types.isEmpty()) {
        throw new IllegalArgumentException("a stitching config needs at least one identifier type");
      }
      return new StitchConfig(this);
    }
  }
}
