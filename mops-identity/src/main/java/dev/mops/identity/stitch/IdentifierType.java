package dev.mops.identity.stitch;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One configured kind of identifier ({@code user_id}, {@code email}, {@code anonymous_id}, ...):
 * its priority, its limit per profile (optionally within a time window), whether it is unique, how
 * its values are normalized, which values are blocked, and how much a link through it is trusted.
 *
 * <p>Priority decides what is given up first: when an observation would break a limit or a unique
 * rule, the identifiers of the lowest priority it holds are dropped and the merge retried. A
 * unique type never lets one profile hold two different values of it (a {@code user_id}); a limit
 * caps the distinct values of the type in one profile (at most 5 emails), counted over the values
 * last seen within the window when a window is set.
 *
 * <pre>{@code
 * IdentifierType email = IdentifierType.builder("email")
 *     .priority(80).limit(5).normalization(IdentifierNormalization.EMAIL)
 *     .blockedValue("test@test.com").blockedPattern("^noreply@")
 *     .confidence(0.9)
 *     .build();
 * IdentifierType phone = IdentifierType.builder("phone")
 *     .priority(50).limit(2).normalization(IdentifierNormalization.PHONE)
 *     .links(false)   // an office's shared phone never joins two colleagues
 *     .build();
 * }</pre>
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class IdentifierType {

  /** The longest identifier value accepted, in characters; longer values are refused as invalid. */
  public static final int MAX_VALUE_LENGTH = 1024;

  private final String name;
  private final int priority;
  private final int limit;
  private final @Nullable Duration window;
  private final boolean unique;
  private final IdentifierNormalization normalization;
  private final String defaultRegion;
  private final Set<String> blockedValues;
  private final List<String> blockedPatterns;
  private final List<Pattern> compiled;
  private final double confidence;
  private final boolean links;

  private IdentifierType(Builder b) {
    this.name = b.name;
    this.priority = b.priority;
    this.unique = b.unique;
    this.limit = b.unique ? 1 : b.limit;
    this.window = b.unique ? null : b.window;
    this.normalization = b.normalization;
    this.defaultRegion = b.defaultRegion;
    this.blockedValues = Set.copyOf(b.blockedValues);
    this.blockedPatterns = List.copyOf(b.blockedPatterns);
    List<Pattern> c = new ArrayList<>();
    for (String p : blockedPatterns) {
      c.add(Pattern.compile(p));
    }
    this.compiled = List.copyOf(c);
    this.confidence = b.confidence;
    this.links = b.links;
  }

  /** Returns a builder for a type named {@code name} (letters, digits, {@code _}, {@code -}, {@code .}). */
  /**
   * Returns {@code pattern} when it compiles as an RE2/J pattern.
   *
   * @throws IllegalArgumentException naming the pattern and what is wrong with it
   */
  static String checkedBlockedPattern(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("blocked pattern '" + pattern + "' is not a valid RE2 pattern: "
          + e.getDescription(), e);
    }
    return pattern;
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Returns the type's name, as used in observations and as a CLI input column. */
  public String name() {
    return name;
  }

  /** Returns the priority: higher is kept longer; the lowest is dropped first on a conflict. */
  public int priority() {
    return priority;
  }

  /** Returns the most distinct values of this type one profile may hold, or 0 for no limit (1 when unique). */
  public int limit() {
    return limit;
  }

  /** Returns the window within which the limit counts values (by when each was last seen), if any. */
  public Optional<Duration> window() {
    return Optional.ofNullable(window);
  }

  /** True when a profile may never hold two different values of this type. */
  public boolean unique() {
    return unique;
  }

  /** Returns how values are normalized. */
  public IdentifierNormalization normalization() {
    return normalization;
  }

  /** Returns the region phone numbers without a country code are read in (ISO 3166-1 alpha-2). */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** Returns the blocked exact values, lower cased (compared case-insensitively). */
  public Set<String> blockedValues() {
    return blockedValues;
  }

  /** Returns the blocked RE2/J patterns, as written (a value is blocked when a pattern is found in it). */
  public List<String> blockedPatterns() {
    return blockedPatterns;
  }

  /** Returns the confidence, from 0 to 1, of a link made through a shared value of this type. */
  public double confidence() {
    return confidence;
  }

  /**
   * True (the default) when a shared value of this type may on its own tie an observation to a
   * profile; false for weak identifiers such as phones, often shared by an office: their values are
   * kept in profiles, but a value that would be an observation's only tie to a profile is refused
   * ({@link RefusalReason#WEAK_LINK}) instead of stitching.
   */
  public boolean links() {
    return links;
  }

  /** Returns the blocked pattern found in {@code value}, or {@code null} when none is. */
  @Nullable String blockingPattern(String value) {
    for (int i = 0; i < compiled.size(); i++) {
      if (compiled.get(i).matcher(value).find()) {
        return blockedPatterns.get(i);
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return "IdentifierType[" + name + ", priority " + priority + (unique ? ", unique" : limit > 0 ? ", limit " + limit
        + (window == null ? "" : " within " + window) : "") + "]";
  }

  /**
   * A builder of {@link IdentifierType}: validates each setting as it is given.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private final String name;
    private int priority;
    private int limit;
    private @Nullable Duration window;
    private boolean unique;
    private IdentifierNormalization normalization = IdentifierNormalization.EXACT;
    private String defaultRegion = "US";
    private final Set<String> blockedValues = new LinkedHashSet<>();
    private final List<String> blockedPatterns = new ArrayList<>();
    private double confidence = 1.0;
    private boolean links = true;

    private Builder(String name) {
      Objects.requireNonNull(name, "name");
      if (!name.matches("[A-Za-z0-9_.\\-]{1,64}")) {
        throw new IllegalArgumentException(
            "identifier type name '" + name + "' must be 1 to 64 letters, digits, '_', '-' or '.'");
      }
      this.name = name;
    }

    /** Sets the priority (any integer; higher is kept longer). Default 0. */
    public Builder priority(int priority) {
      this.priority = priority;
      return this;
    }

    /** Sets the most distinct values one profile may hold (0: no limit). Default 0. */
    public Builder limit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must be 0 (none) or more, not " + limit);
      }
      this.limit = limit;
      return this;
    }

    /** Counts the limit only over values last seen within {@code window} before the observation. */
    public Builder window(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive, not " + window);
      }
      this.window = window;
      return this;
    }

    /** Makes the type unique: a profile never holds two different values of it (limit 1, no window). */
    public Builder unique(boolean unique) {
      this.unique = unique;
      return this;
    }

    /** Sets how values are normalized. Default {@link IdentifierNormalization#EXACT}. */
    public Builder normalization(IdentifierNormalization normalization) {
      this.normalization = Objects.requireNonNull(normalization, "normalization");
      return this;
    }

    /** Sets the region phone numbers without a country code are read in. Default {@code US}. */
    public Builder defaultRegion(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[A-Za-z]{2}")) {
        throw new IllegalArgumentException("default region must be two letters (ISO 3166-1), not '" + region + "'");
      }
      this.defaultRegion = region.toUpperCase(Locale.ROOT);
      return this;
    }

    /** Blocks an exact value (compared case-insensitively, before and after normalization). */
    public Builder blockedValue(String value) {
      Objects.requireNonNull(value, "value");
      blockedValues.add(value.trim().toLowerCase(Locale.ROOT));
      return this;
    }

    /**
     * Blocks the values in which an RE2/J pattern is found, before or after normalization.
     *
     * @throws IllegalArgumentException when the pattern does not compile
     */
    public Builder blockedPattern(String pattern) {
      blockedPatterns.add(checkedBlockedPattern(pattern));
      return this;
    }

    /** Sets the confidence of a link through this type, from 0 to 1. Default 1. */
    public Builder confidence(double confidence) {
      if (!(confidence >= 0 && confidence <= 1)) {
        throw new IllegalArgumentException("confidence must be from 0 to 1, not " + confidence);
      }
      this.confidence = confidence;
      return this;
    }

    /** Sets whether a shared value of this type may on its own tie an observation to a profile. Default true. */
    public Builder links(boolean links) {
      this.links = links;
      return this;
    }

    /**
     * Builds the type.
     *
     * @throws IllegalArgumentException when a unique type is given a limit other than 1 or a window
     */
    public IdentifierType build() {
      if (unique && limit != 0 && limit != 1) {
        throw new IllegalArgumentException("a unique type has a limit of 1; remove limit " + limit + " or unique");
      }
      if (unique && window != null) {
        throw new IllegalArgumentException("a unique type holds one value for ever; remove the window or unique");
      }
      if (window != null && limit == 0) {
        throw new IllegalArgumentException("a window needs a limit to count against");
      }
      return new IdentifierType(this);
    }
  }
}
