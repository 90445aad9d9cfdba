package dev.mops.identity.dedupe;

import dev.mops.core.config.ConfigDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A dedupe and linkage configuration: the compared fields, the blocking passes, the model and
 * threshold settings, the clustering guards and the survivorship rules.
 *
 * <p>An immutable value made by {@link #builder()}; {@link DedupeConfigs} loads one from YAML and
 * infers one from the columns and values of the input. The YAML keys are documented in {@code
 * docs/dedupe.md}. The builder validates every setting when it is set and refuses a setting given
 * twice, so that a config that exists is a valid one.
 *
 * <p>Thread safety: an immutable value, safe to share.
 */
public final class DedupeConfig {

  /** Most compared fields in one config. */
  public static final int MAX_FIELDS = 16;
  /** Largest {@link #maxBlockSize} accepted. */
  public static final int MAX_BLOCK_SIZE_LIMIT = 10_000;
  /** Largest {@link #maxCandidatePairs} accepted: the capacity of the candidate pair set. */
  public static final long MAX_CANDIDATE_PAIRS_LIMIT = 1L << 29;
  /** Largest {@link #maxClusterSize} accepted. */
  public static final int MAX_CLUSTER_SIZE_LIMIT = 10_000;

  private final String version;
  private final String contentHash;
  private final List<FieldRule> fields;
  private final List<BlockingKey> blockingKeys;
  private final int maxBlockSize;
  private final long maxCandidatePairs;
  private final int randomPairs;
  private final int emIterations;
  private final long seed;
  private final PriorScope priorScope;
  private final double matchThreshold;
  private final double reviewThreshold;
  private final int maxClusterSize;
  private final int junkValueCount;
  private final double weakLinkProbability;
  private final double minLinkShare;
  private final List<SurvivorshipRule> survivorship;
  private final boolean termFrequencies;
  private final boolean mFromSharedIdentifiers;
  private final double minChangeShare;
  private final boolean emailDomains;
  private final List<List<String>> evidenceGroups;
  private final List<String> refineWith;

  private DedupeConfig(Builder b) {
    this.version = b.version;
    this.contentHash = b.contentHash;
    this.fields = List.copyOf(b.fields);
    this.blockingKeys = List.copyOf(b.keys);
    this.maxBlockSize = b.maxBlockSize;
    this.maxCandidatePairs = b.maxCandidatePairs;
    this.randomPairs = b.randomPairs;
    this.emIterations = b.emIterations;
    this.seed = b.seed;
    this.priorScope = b.priorScope;
    this.matchThreshold = b.matchThreshold;
    this.reviewThreshold = b.reviewThreshold;
    this.maxClusterSize = b.maxClusterSize;
    this.junkValueCount = b.junkValueCount;
    this.weakLinkProbability = b.weakLinkProbability;
    this.minLinkShare = b.minLinkShare;
    this.survivorship = List.copyOf(b.survivorship);
    this.termFrequencies = b.termFrequencies;
    this.mFromSharedIdentifiers = b.mFromSharedIdentifiers;
    this.minChangeShare = b.minChangeShare;
    this.emailDomains = b.emailDomains;
    this.evidenceGroups = List.copyOf(b.evidenceGroups);
    this.refineWith = List.copyOf(b.refineWith);
  }

  /**
   * Key parts that adaptive blocking may append to a blocking key whose blocks would make more
   * than its share of the pair budget (for example {@code phonetic(last_name)}, {@code
   * prefix(first_name, 1)}), tried in order; empty (the default for a written config) turns
   * adaptive blocking off. Inferred configs set it. See {@code docs/dedupe.md}.
   */
  public List<String> refineWith() {
    return refineWith;
  }

  /** Returns a copy of this config with other blocking keys (adaptive blocking's refinement). */
  DedupeConfig withBlockingKeys(List<BlockingKey> keys) {
    Builder b = toBuilder();
    b.keys.clear();
    b.keys.addAll(keys);
    return new DedupeConfig(b);
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.version = version;
    b.contentHash = contentHash;
    b.fields.addAll(fields);
    b.keys.addAll(blockingKeys);
    b.survivorship.addAll(survivorship);
    b.maxBlockSize = maxBlockSize;
    b.maxCandidatePairs = maxCandidatePairs;
    b.randomPairs = randomPairs;
    b.emIterations = emIterations;
    b.seed = seed;
    b.priorScope = priorScope;
    b.matchThreshold = matchThreshold;
    b.reviewThreshold = reviewThreshold;
    b.maxClusterSize = maxClusterSize;
    b.junkValueCount = junkValueCount;
    b.weakLinkProbability = weakLinkProbability;
    b.minLinkShare = minLinkShare;
    b.termFrequencies = termFrequencies;
    b.mFromSharedIdentifiers = mFromSharedIdentifiers;
    b.minChangeShare = minChangeShare;
    b.emailDomains = emailDomains;
    b.evidenceGroups.addAll(evidenceGroups);
    b.refineWith.addAll(refineWith);
    return b;
  }

  /**
   * Whether an exact agreement's weight is adjusted by how many records hold the value (see
   * {@link TermFrequencies}); default true.
   */
  public boolean termFrequencies() {
    return termFrequencies;
  }

  /**
   * Whether m is learned from likely duplicates rather than by EM ({@code model.m_from:
   * shared_identifiers}; default false, {@code em}): pairs of records that share the value of an
   * email, phone or identifier field held by exactly two records give each other field's level
   * distribution among matches (a field's own sharing pairs are not used for it); lambda is then
   * estimated by EM with m and u held. EM over candidate pairs learns whatever makes the
   * candidates cluster, which in a lead file at scale is "same company" as often as "same
   * person". Fields with fewer than 50 such pairs keep EM's m. No-config mode sets it for lead
   * files (people with a company and an email or phone).
   */
  public boolean mFromSharedIdentifiers() {
    return mFromSharedIdentifiers;
  }

  /**
   * The least m of a disagreement on a contact or organisation field ({@code
   * model.min_change_share}, default 0, off): the share of true duplicates assumed to have changed
   * it, because people change jobs, phones and addresses. Applies to fields of kind email, phone,
   * company, address, postcode and domain and to every field of an evidence group. Without it, m
   * learned from the duplicates that did not change makes one changed phone cost a pair 13 bits.
   */
  public double minChangeShare() {
    return minChangeShare;
  }

  /**
   * Whether the email's domain qualifies the organisation evidence of an evidence group ({@code
   * model.email_domains}, default false). Two rules: when one record's email is personal (at a
   * free-mail provider such as gmail.com or web.de) and the other's a work address, the company
   * agrees and nothing else in the group differs but the contact fields, their disagreement (email,
   * phone, address, postcode) is not counted: a sign-up from home has its own. When both emails are
   * work addresses at different domains, the agreement of the company (and of a domain field) is
   * not counted: {@code Apex Digital} in Boston and {@code Apex Digital} in New York with their own
   * domains are two organisations. No-config mode sets it for lead files.
   */
  public boolean emailDomains() {
    return emailDomains;
  }

  /**
   * Groups of fields that describe one thing and so agree together (a company's name, address,
   * postcode and city): in a pair's weight each group counts once, by its strongest agreement and
   * its strongest disagreement, instead of the sum of its fields. Empty by default; inferred for
   * lead files with a company column.
   */
  public List<List<String>> evidenceGroups() {
    return evidenceGroups;
  }

  /** The config's version label (from the file, or {@code unversioned}). */
  public String version() {
    return version;
  }

  /** The hash of the file's content, or {@code ""} when built in code. */
  public String contentHash() {
    return contentHash;
  }

  /** The compared fields, at most {@link #MAX_FIELDS}, in declaration order. */
  public List<FieldRule> fields() {
    return fields;
  }

  /** The blocking passes; candidate pairs are the union over the passes. */
  public List<BlockingKey> blockingKeys() {
    return blockingKeys;
  }

  /**
   * Blocks larger than this are skipped (and reported), so that one common key cannot make the
   * comparison quadratic.
   */
  public int maxBlockSize() {
    return maxBlockSize;
  }

  /**
   * The pair budget: most distinct candidate pairs blocking may make, or 0 for a budget derived
   * from the heap when the run starts ({@link Deduplicator#pairBudget}). When the blocks would
   * make more, the largest blocks are skipped (and reported) until the rest fit.
   */
  public long maxCandidatePairs() {
    return maxCandidatePairs;
  }

  /** How many random pairs estimate the u probabilities. */
  public int randomPairs() {
    return randomPairs;
  }

  /** Most EM iterations estimating the m probabilities. */
  public int emIterations() {
    return emIterations;
  }

  /** The seed of the random pair sample. */
  public long seed() {
    return seed;
  }

  /** Which pairs the prior match probability refers to. */
  public PriorScope priorScope() {
    return priorScope;
  }

  /** Match probability at or above which a pair is a match. */
  public double matchThreshold() {
    return matchThreshold;
  }

  /** Match probability at or above which a non-match pair is sent to review. */
  public double reviewThreshold() {
    return reviewThreshold;
  }

  /** The largest cluster clustering will build. */
  public int maxClusterSize() {
    return maxClusterSize;
  }

  /**
   * An identifying value (email, phone, identifier) shared by more records than this is junk:
   * flagged, and neither compared nor used for blocking.
   */
  public int junkValueCount() {
    return junkValueCount;
  }

  /**
   * A match edge below this probability that alone holds two groups of at least two records
   * together is cut; 0 turns weak-link splitting off.
   */
  public double weakLinkProbability() {
    return weakLinkProbability;
  }

  /**
   * Two clusters joined by a match are merged only when at least this share of their cross pairs
   * score at or above the review threshold; 0 turns the check off (plain connected components).
   */
  public double minLinkShare() {
    return minLinkShare;
  }

  /** Golden-record rules per field; fields without a rule use most frequent. */
  public List<SurvivorshipRule> survivorship() {
    return survivorship;
  }

  /** Returns a builder with the defaults documented on its setters. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the index of the field named {@code name}, or -1. */
  public int fieldIndex(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).field().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof DedupeConfig)) {
      return false;
    }
    DedupeConfig c = (DedupeConfig) o;
    return maxBlockSize == c.maxBlockSize && maxCandidatePairs == c.maxCandidatePairs && randomPairs == c.randomPairs && emIterations == c.emIterations
        && seed == c.seed && Double.compare(matchThreshold, c.matchThreshold) == 0
        && Double.compare(reviewThreshold, c.reviewThreshold) == 0 && maxClusterSize == c.maxClusterSize
        && junkValueCount == c.junkValueCount && Double.compare(weakLinkProbability, c.weakLinkProbability) == 0
        && Double.compare(minLinkShare, c.minLinkShare) == 0 && version.equals(c.version)
        && contentHash.equals(c.contentHash) && fields.equals(c.fields) && blockingKeys.equals(c.blockingKeys)
        && priorScope == c.priorScope && survivorship.equals(c.survivorship)
        && termFrequencies == c.termFrequencies && evidenceGroups.equals(c.evidenceGroups)
        && mFromSharedIdentifiers == c.mFromSharedIdentifiers && Double.compare(minChangeShare, c.minChangeShare) == 0
        && emailDomains == c.emailDomains
        && refineWith.equals(c.refineWith);
  }

  @Override
  public int hashCode() {
    return Objects.hash(version, contentHash, fields, blockingKeys, maxBlockSize, maxCandidatePairs, randomPairs, emIterations, seed,
        priorScope, matchThreshold, reviewThreshold, maxClusterSize, junkValueCount, weakLinkProbability,
        minLinkShare, survivorship, termFrequencies, evidenceGroups, refineWith, mFromSharedIdentifiers, minChangeShare,
        emailDomains);
  }

  @Override
  public String toString() {
    return "DedupeConfig{version=" + version + ", fields=" + fields + ", blockingKeys=" + blockingKeys
        + ", maxBlockSize=" + maxBlockSize + ", maxCandidatePairs=" + maxCandidatePairs + ", randomPairs=" + randomPairs + ", emIterations=" + emIterations
        + ", seed=" + seed + ", prior=" + priorScope.label() + ", match=" + matchThreshold + ", review="
        + reviewThreshold + ", maxClusterSize=" + maxClusterSize + ", junkValueCount=" + junkValueCount
        + ", weakLinkProbability=" + weakLinkProbability + ", minLinkShare=" + minLinkShare + ", survivorship="
        + survivorship + ", termFrequencies=" + termFrequencies + ", mFromSharedIdentifiers=" + mFromSharedIdentifiers
        + ", minChangeShare=" + minChangeShare + ", emailDomains=" + emailDomains
        + ", evidenceGroups=" + evidenceGroups
        + ", refineWith=" + refineWith + "}";
  }

  static void checkRange(String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " " + value + " is not between " + min + " and " + max);
    }
  }

  /**
   * A builder of {@link DedupeConfig}: each setting is validated when it is set and may be set
   * once; fields and blocking keys are checked against each other by {@link #build()}.
   *
   * <p>Thread safety: not thread-safe; use from one thread.
   */
  public static final class Builder {
    private String version = ConfigDocument.UNVERSIONED;
    private String contentHash = "";
    private final List<FieldRule> fields = new ArrayList<>();
    private final List<BlockingKey> keys = new ArrayList<>();
    private final List<SurvivorshipRule> survivorship = new ArrayList<>();
    private final Set<String> set = new HashSet<>();
    private int maxBlockSize = 500;
    private long maxCandidatePairs = 0;
    private int randomPairs = 200_000;
    private int emIterations = 40;
    private long seed = 42;
    private PriorScope priorScope = PriorScope.CANDIDATES;
    private double matchThreshold = 0.999;
    private double reviewThreshold = 0.9;
    private int maxClusterSize = 100;
    private int junkValueCount = 50;
    private double weakLinkProbability = 0.0;
    private double minLinkShare = 0.5;
    private boolean termFrequencies = true;
    private boolean mFromSharedIdentifiers;
    private double minChangeShare;
    private boolean emailDomains;
    private final List<List<String>> evidenceGroups = new ArrayList<>();
    private final List<String> refineWith = new ArrayList<>();

    private Builder() {}

    /** Marks a setting as set; called after its value is validated, so a rejected value can be corrected. */
    private void once(String name) {
      if (!set.add(name)) {
        throw new IllegalStateException(name + " was already set");
      }
    }

    /** Sets the version label. */
    public Builder version(String version, String contentHash) {
      once("version");
      this.version = Objects.requireNonNull(version, "version");
      this.contentHash = Objects.requireNonNull(contentHash, "contentHash");
      return this;
    }

    /** Adds a compared field. */
    public Builder field(FieldRule rule) {
      Objects.requireNonNull(rule, "rule");
      for (FieldRule f : fields) {
        if (f.field().equals(rule.field())) {
          throw new IllegalArgumentException("field '" + rule.field() + "' is declared twice");
        }
      }
      if (fields.size() == MAX_FIELDS) {
        throw new IllegalArgumentException("a dedupe config has at most " + MAX_FIELDS + " fields");
      }
      fields.add(rule);
      return this;
    }

    /** Adds a blocking pass. */
    public Builder blockingKey(BlockingKey key) {
      keys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Adds a blocking pass from part expressions such as {@code "phonetic(surname)", "postcode"}. */
    public Builder blockingKey(String... parts) {
      return blockingKey(BlockingKey.of(parts));
    }

    /** Adds a survivorship rule. */
    public Builder survivorship(SurvivorshipRule rule) {
      survivorship.add(Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /** Largest block compared (default 500). */
    public Builder maxBlockSize(int n) {
      checkRange("max_block_size", n, 2, MAX_BLOCK_SIZE_LIMIT);
      once("max_block_size");
      this.maxBlockSize = n;
      return this;
    }

    /**
     * Most distinct candidate pairs (default 0: derived from the heap when the run starts; else
     * 1,000 to {@link #MAX_CANDIDATE_PAIRS_LIMIT}).
     */
    public Builder maxCandidatePairs(long n) {
      if (n != 0) {
        checkRange("max_candidate_pairs", n, 1_000, MAX_CANDIDATE_PAIRS_LIMIT);
      }
      once("max_candidate_pairs");
      this.maxCandidatePairs = n;
      return this;
    }

    /** Random pairs sampled for u (default 200,000). */
    public Builder randomPairs(int n) {
      checkRange("random_pairs", n, 100, 10_000_000);
      once("random_pairs");
      this.randomPairs = n;
      return this;
    }

    /** Most EM iterations (default 40). */
    public Builder emIterations(int n) {
      checkRange("em_iterations", n, 0, 1000);
      once("em_iterations");
      this.emIterations = n;
      return this;
    }

    /** Seed of the random pair sample (default 42). */
    public Builder seed(long seed) {
      once("seed");
      this.seed = seed;
      return this;
    }

    /** Which pairs the prior refers to (default {@link PriorScope#CANDIDATES}). */
    public Builder priorScope(PriorScope scope) {
      once("prior");
      this.priorScope = Objects.requireNonNull(scope, "scope");
      return this;
    }

    /** Match and review probability thresholds (defaults 0.999 and 0.9). */
    public Builder thresholds(double match, double review) {
      if (!(match > 0 && match < 1) || !(review > 0 && review <= match)) {
        throw new IllegalArgumentException(
            "thresholds need 0 < review <= match < 1, got match " + match + ", review " + review);
      }
      once("thresholds");
      this.matchThreshold = match;
      this.reviewThreshold = review;
      return this;
    }

    /** Largest cluster (default 100). */
    public Builder maxClusterSize(int n) {
      checkRange("max_cluster_size", n, 2, MAX_CLUSTER_SIZE_LIMIT);
      once("max_cluster_size");
      this.maxClusterSize = n;
      return this;
    }

    /** Records sharing an identifying value above which it is junk (default 50). */
    public Builder junkValueCount(int n) {
      checkRange("junk_value_count", n, 2, Integer.MAX_VALUE);
      once("junk_value_count");
      this.junkValueCount = n;
      return this;
    }

    /** Probability below which a lone bridge between two groups is cut (default 0: off). */
    public Builder weakLinkProbability(double p) {
      if (!(p >= 0 && p < 1)) {
        throw new IllegalArgumentException("weak link probability " + p + " is not in [0, 1)");
      }
      once("weak_link_probability");
      this.weakLinkProbability = p;
      return this;
    }

    /** Share of cross pairs that must reach review before two clusters merge (default 0.5; 0: off). */
    public Builder minLinkShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("min link share " + share + " is not in [0, 1]");
      }
      once("min_link_share");
      this.minLinkShare = share;
      return this;
    }

    /** Whether m is learned from pairs sharing an identifier (see {@link DedupeConfig#mFromSharedIdentifiers()}). */
    public Builder mFromSharedIdentifiers(boolean on) {
      once("m_from");
      this.mFromSharedIdentifiers = on;
      return this;
    }

    /**
     * Sets the least m of a disagreement on a contact or organisation field, 0 to 0.5 (see {@link
     * DedupeConfig#minChangeShare()}).
     */
    public Builder minChangeShare(double share) {
      if (!(share >= 0 && share <= 0.5)) {
        throw new IllegalArgumentException("min_change_share must be from 0 to 0.5, got " + share);
      }
      once("min_change_share");
      this.minChangeShare = share;
      return this;
    }

    /** Whether the email's domain qualifies the organisation evidence (see {@link DedupeConfig#emailDomains()}; default false). */
    public Builder emailDomains(boolean on) {
      once("email_domains");
      this.emailDomains = on;
      return this;
    }

    /** Whether exact agreements are adjusted by term frequency (default true). */
    public Builder termFrequencies(boolean on) {
      once("term_frequencies");
      this.termFrequencies = on;
      return this;
    }

    /**
     * Sets the key parts adaptive blocking may append to a key over its share of the pair budget
     * (see {@link DedupeConfig#refineWith()}); each is parsed as a blocking key part.
     */
    public Builder refineWith(String... parts) {
      once("refine_with");
      for (String p : parts) {
        BlockingKey.Part.parse(p);
        refineWith.add(p.strip());
      }
      return this;
    }

    /**
     * Adds an evidence group: two or more declared fields that count once in a pair's weight (see
     * {@link DedupeConfig#evidenceGroups()}); a field belongs to one group at most.
     */
    public Builder evidenceGroup(String... fields) {
      List<String> g = List.of(fields);
      if (g.size() < 2) {
        throw new IllegalArgumentException("an evidence group needs two fields or more, got " + g);
      }
      if (new HashSet<>(g).size() != g.size()) {
        throw new IllegalArgumentException("evidence group " + g + " names a field twice");
      }
      for (List<String> other : evidenceGroups) {
        for (String f : g) {
          if (other.contains(f)) {
            throw new IllegalArgumentException("field '" + f + "' is in two evidence groups");
          }
        }
      }
      evidenceGroups.add(g);
      return this;
    }

    /**
     * Builds the config.
     *
     * @throws IllegalArgumentException when there is no field or no blocking key, or a blocking
     *     key reads a field that is not declared
     */
    public DedupeConfig build() {
      if (fields.isEmpty()) {
        throw new IllegalArgumentException("a dedupe config needs at least one field");
      }
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("a dedupe config needs at least one blocking key");
      }
      Set<String> names = new HashSet<>();
      for (FieldRule f : fields) {
        names.add(f.field());
      }
      for (BlockingKey k : keys) {
        for (BlockingKey.Part p : k.parts()) {
          if (!names.contains(p.field())) {
            throw new IllegalArgumentException(
                "blocking key '" + k.describe() + "' reads '" + p.field() + "', which is not a declared field");
          }
        }
      }
      for (String r : refineWith) {
        String field = BlockingKey.Part.parse(r).field();
        if (!names.contains(field)) {
          throw new IllegalArgumentException("refine_with part '" + r + "' reads '" + field + "', which is not a declared field");
        }
      }
      for (List<String> g : evidenceGroups) {
        for (String f : g) {
          if (!names.contains(f)) {
            throw new IllegalArgumentException("evidence group " + g + " names '" + f + "', which is not a declared field");
          }
        }
      }
      return new DedupeConfig(this);
    }
  }

}
